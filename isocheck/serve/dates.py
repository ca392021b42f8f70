"""Dates as people in Vietnam write them: entered and shown as dd/mm/yyyy in the form (stored YYYY-MM-DD).

``16/11/2021`` (also ``16-11-2021``, ``16.11.2021``, one-digit day or month) is the 16th of November 2021; a
date pasted as ``2021-11-16`` is accepted too. An impossible day (``31/02/2021``) gets the command line's
own message (:func:`isocheck.text.problems.impossible_date`), anything else a message saying how to write it.
"""

from __future__ import annotations

import datetime as dt
import re

from isocheck.text.problems import Found, Problem, impossible_date

_DAY_FIRST = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_ISO = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")


def not_a_date(text: str) -> Problem:
    return Problem("serve.not_a_date", found=Found(text))


def parse_day(text: str) -> dt.date | Problem:
    """The day written in ``text``, or the problem with it."""
    text = text.strip()
    match = _DAY_FIRST.match(text)
    iso = f"{match.group(3)}-{int(match.group(2)):02d}-{int(match.group(1)):02d}" if match else text
    if match or _ISO.match(text):
        try:
            return dt.date.fromisoformat(iso if match else _padded(text))
        except ValueError:
            return impossible_date(iso if match else _padded(text)) or not_a_date(text)
    return not_a_date(text)


def _padded(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{year}-{int(month):02d}-{int(day):02d}"


def show_day(day: dt.date) -> str:
    """``16/11/2021``."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"
