"""Strict field types for every file isocheck reads (fact files, waivers, rubrics, rules, parameters).

pydantic's default (lax) mode converts where a person would not: ``true`` becomes the number 1, the
text ``"yes"`` becomes true, ``0`` becomes the date 1970-01-01, ``"3"`` becomes 3, ``2015.0`` the
standard 2015. These aliases accept only what the file means:

- :data:`Int`, :data:`Count`: a whole number (not true/false, not ``3.0``, not ``"3"``);
- :data:`Float`: a number (a whole number is one; true/false and text are not);
- :data:`Bool`: true or false — YAML's own spellings (YAML 1.1: ``yes``/``no``/``on``/``off``)
  are read as booleans by the parser, but a text such as ``"yes"`` or ``'true'`` is text;
- :data:`Date`: a date, or a text written ``YYYY-MM-DD`` (JSON has no dates), from 1900 to 2100
  (:data:`FIRST_DAY`, :data:`LAST_DAY`): a date of year 9999 is a typing error, and deadlines
  computed from it would leave the calendar;
- :data:`Str`: text (not binary data);
- :data:`Ident`: a code, number or name that identifies something (a TTHC code, a decision number, a
  rule id, a consultant): compared character by character, so it may hold no invisible
  character — a control character, a zero-width space or joiner (U+200B–U+200D, U+2060), a BOM
  (U+FEFF), a direction mark, a soft hyphen (Unicode categories Cc, Cf, Zl, Zp);
- :data:`StandardVersion`: 2008 or 2015, written as a whole number.

Errors are pydantic errors whose type :mod:`isocheck.facts.validation` turns into a bilingual message
(``date_type``, ``int_type``…; ``isocheck`` for the problems of isocheck's own, which carry a
:class:`~isocheck.text.problems.Problem`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, Strict
from pydantic_core import PydanticCustomError

from isocheck.text.problems import Found, Problem

FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2100, 12, 31)
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Unicode categories Cc, Cf, Zl and Zp (controls, format characters, line and paragraph separators)
_INVISIBLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


def problem_error(problem: Problem) -> PydanticCustomError:
    """A pydantic error carrying one of isocheck's problems (shown as is by the validation messages)."""
    return PydanticCustomError("isocheck", "{problem}", {"problem": problem})


def _date_input(value: Any) -> Any:
    """A date, a datetime (pydantic refuses one with a time of day), or a text written YYYY-MM-DD."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DAY.fullmatch(value.strip()):
        return value.strip()
    raise PydanticCustomError("date_type", "Input should be a valid date")


def _plausible_day(day: dt.date) -> dt.date:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise problem_error(
            Problem(
                "date.out_of_range",
                value=Found(day),
                first=Problem.plain(FIRST_DAY.isoformat(), FIRST_DAY.strftime("%d/%m/%Y")),
                last=Problem.plain(LAST_DAY.isoformat(), LAST_DAY.strftime("%d/%m/%Y")),
            )
        )
    return day


def _visible(text: str) -> str:
    match = _INVISIBLE.search(text)
    if match is not None:
        raise problem_error(
            Problem("text.invisible", found=Found(text), char=_Character(match.group()), position=match.start() + 1)
        )
    return text


class _Character:
    """``U+200B (ZERO WIDTH SPACE)``; a control character has no name in the Unicode database."""

    def __init__(self, char: str):
        self.char = char

    def text(self, lang: str) -> str:
        name = unicodedata.name(self.char, None) or Problem("text.control_character").text(lang)
        return f"U+{ord(self.char):04X} ({name})"


def _whole_number(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int):
        raise PydanticCustomError("literal_error", "Input should be 2008 or 2015", {"expected": "2008 or 2015"})
    return value


Int = Annotated[int, Strict()]
Count = Annotated[int, Strict(), Field(ge=0)]
Float = Annotated[float, Strict()]
Bool = Annotated[bool, Strict()]
Date = Annotated[dt.date, BeforeValidator(_date_input), AfterValidator(_plausible_day)]
Str = Annotated[str, Strict()]
Ident = Annotated[str, Strict(), AfterValidator(_visible)]
StandardVersion = Annotated[Literal[2008, 2015], BeforeValidator(_whole_number)]
