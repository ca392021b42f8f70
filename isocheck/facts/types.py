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
  (U+FEFF), a direction mark, a soft hyphen (Unicode categories Cc, Cf, Zl, Zp); refused by pydantic-core's
  regular expression :data:`VISIBLE_PATTERN` (no call into Python per value), so an Ident takes no other
  ``pattern`` (it would replace this one): a field with its own pattern is a :data:`Str` whose pattern leaves
  invisible characters out;
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

from pydantic import AfterValidator, BeforeValidator, Field, GetJsonSchemaHandler, Strict, StringConstraints
from pydantic_core import PydanticCustomError

from isocheck.text.problems import Found, Problem

FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2100, 12, 31)
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Unicode categories Cc, Cf, Zl and Zp (controls, format characters, line and paragraph separators)
_INVISIBLE_RANGES = (
    (0x00, 0x1F), (0x7F, 0x9F), (0xAD, 0xAD), (0x600, 0x605), (0x61C, 0x61C), (0x6DD, 0x6DD), (0x70F, 0x70F),
    (0x890, 0x891), (0x8E2, 0x8E2), (0x180E, 0x180E), (0x200B, 0x200F), (0x2028, 0x202E), (0x2060, 0x2064),
    (0x2066, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD), (0x110CD, 0x110CD),
    (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0001, 0xE0001), (0xE0020, 0xE007F),
)  # fmt: skip
_INVISIBLE = re.compile("[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in _INVISIBLE_RANGES) + "]")
# the same characters for pydantic-core's own regular expressions (Rust's syntax): an identifier is checked
# there, without a call into Python for each of the hundreds of codes and numbers in a fact file
VISIBLE_PATTERN = "^[^" + "".join(f"\\x{{{a:x}}}-\\x{{{b:x}}}" for a, b in _INVISIBLE_RANGES) + "]*$"


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


def invisible_problem(text: str) -> Problem | None:
    """The problem of an identifier holding an invisible character (:data:`VISIBLE_PATTERN` refused it)."""
    match = _INVISIBLE.search(text)
    if match is None:
        return None
    return Problem("text.invisible", found=Found(text), char=_Character(match.group()), position=match.start() + 1)


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


class _NoPatternInSchema:
    """Leaves :data:`VISIBLE_PATTERN` out of the published JSON Schema: it is refused in Rust and worded in Python
    (validation.py), and Rust's ``\\x{…}`` is no ECMA-262 regular expression, which the editors that read the
    schema would refuse."""

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        schema = handler(core_schema)
        if schema.get("pattern") == VISIBLE_PATTERN:
            del schema["pattern"]
        return schema


Int = Annotated[int, Strict()]
Count = Annotated[int, Strict(), Field(ge=0)]
Float = Annotated[float, Strict()]
Bool = Annotated[bool, Strict()]
Date = Annotated[dt.date, BeforeValidator(_date_input), AfterValidator(_plausible_day)]
Str = Annotated[str, Strict()]
Ident = Annotated[str, Strict(), StringConstraints(pattern=VISIBLE_PATTERN), _NoPatternInSchema()]
StandardVersion = Annotated[Literal[2008, 2015], BeforeValidator(_whole_number)]
