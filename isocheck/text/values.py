"""How values taken from the input are shown inside input-error messages, in Vietnamese and English.

:func:`param_text` shows any parameter (a date as each language writes it), :class:`Found` a value as the
file writes it, :class:`Size` a number of bytes, :class:`Count` a whole
number with its thousands separator, :class:`Alternatives`
pydantic's "'a', 'b' or 'c'", and :func:`impossible_date` says why ``2021-02-30`` is no day of the
calendar. Each is a parameter of a :class:`~isocheck.text.problems.Problem` (it has ``text(lang)``); the
catalogue words they use come from there, imported where they are used because
:mod:`isocheck.text.problems` re-exports these names.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from isocheck.text.problems import Problem


class Found:
    """A value read from the input, shown as the file writes it (containers by their kind)."""

    LIMIT = 60

    def __init__(self, value: Any):
        self.value = value

    def text(self, lang: str) -> str:
        from isocheck.text.problems import Problem

        v = self.value
        if isinstance(v, bool):
            return "true" if v else "false"
        if v is None:
            return "null"
        if isinstance(v, (dt.date, dt.datetime)):
            return v.isoformat()
        if isinstance(v, (int, float)):
            return str(v)
        if isinstance(v, str):
            return repr(v if len(v) <= self.LIMIT else v[: self.LIMIT] + "…")
        if isinstance(v, (list, tuple)):
            return Problem("found.list").text(lang)
        if isinstance(v, dict):
            return Problem("found.mapping").text(lang)
        if isinstance(v, (bytes, bytearray)):
            return Problem("found.binary").text(lang)
        return Problem("found.object", name=type(v).__name__).text(lang)


class Size:
    """A number of bytes, as B/KB/MB with the language's decimal sign."""

    def __init__(self, count: int):
        self.count = count

    def text(self, lang: str) -> str:
        for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
            if self.count >= scale:
                number = f"{self.count / scale:.1f}"
                return f"{number.replace('.', ',') if lang == 'vi' else number} {unit}"
        return f"{self.count} byte" if lang == "vi" else f"{self.count} bytes"


class Count:
    """A whole number with the language's thousands separator (1,000 / 1.000)."""

    def __init__(self, count: int):
        self.count = count

    def text(self, lang: str) -> str:
        number = f"{self.count:,}"
        return number.replace(",", ".") if lang == "vi" else number


class Alternatives:
    """pydantic's "'a', 'b' or 'c'" with the Vietnamese "hoặc"."""

    def __init__(self, english: str):
        self.english = english

    def text(self, lang: str) -> str:
        head, sep, tail = self.english.rpartition(" or ")
        return f"{head} hoặc {tail}" if lang == "vi" and sep else self.english


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)  # not calendar.month_name: that follows the locale
_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")


def impossible_date(text: str) -> Problem | None:
    """Why ``text`` (``YYYY-MM-DD…``) is not a day of the calendar, or None when it is one (or not a date)."""
    from isocheck.text.problems import Problem

    match = _DATE.match(text)
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    if year == 0:
        reason = Problem("date.no_year")
    elif not 1 <= month <= 12:
        reason = Problem("date.no_month", month=month)
    elif day == 0:
        reason = Problem("date.no_day")
    elif day > calendar.monthrange(year, month)[1]:
        reason = Problem(
            "date.month_days",
            month=Problem.plain(_MONTHS[month - 1], str(month)),
            year=year,
            days=calendar.monthrange(year, month)[1],
        )
    else:
        return None
    return Problem("value.impossible_date", value=match.group(0).strip(), reason=reason)


def param_text(value: Any, lang: str) -> str:
    """A parameter as a message shows it: a nested problem (or value) in ``lang``, a date as ``lang`` writes it
    (30/06/2025 in Vietnamese, 2025-06-30 in English), anything else as text."""
    if hasattr(value, "text"):
        return value.text(lang)
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y") if lang == "vi" else value.isoformat()
    return str(value)
