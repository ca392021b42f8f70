"""The posted form as a fact document, walked along the form fields (:mod:`isocheck.serve.schema`).

Names: a field's keys joined by dots (``agency.name``, ``qms.quality_policy.issued_on``); a list item adds
a row token (``procedures.r7.code``) that only keeps a row's inputs together, so rows can be added and
removed in the page without renumbering. Rows come in the order of the page. Markers beside a name
(``NAME._none``, ``NAME._was``, ``ROW._from``) carry what a value alone cannot say:

- ``_none`` — the "none" checkbox: ``null`` (or ``[]`` for a list) is written, *known to be none*;
- ``_was`` — the file had ``null`` (or ``{}``) here and the form shows it blank: kept as it was;
- ``_from`` — the index the row had in the file, so the saved file keeps that item's comments and layout;
- ``_keep`` — the file holds something here the form cannot show (a list where a date belongs): it is
  kept as it is, and the check of the saved file names the problem.

The knowledge convention of the fact model holds: a blank input is a field *left out* (unknown). A row
added and left entirely blank is no row. Values are typed as the model wants them (``16/11/2021`` → a
date, ``2021`` → a number, a choice → its value); a value that cannot be typed is a :class:`Bad` value,
with the message shown next to its input, left out of the live check and never saved except in a draft.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import typing
from typing import Any

from isocheck.serve.dates import parse_day
from isocheck.serve.schema import FormField
from isocheck.text.problems import Problem

_INT = re.compile(r"^[+-]?\d+$")


@dataclasses.dataclass(frozen=True)
class Bad:
    """A value typed into the form that cannot be what the field holds, and why."""

    raw: str
    problem: Problem


@dataclasses.dataclass
class Parsed:
    """The fact document read from a form: ``data`` (with :class:`Bad` values), the form name of every
    location (``("procedures", 0, "code")`` → ``procedures.r7.code``), each list item's index in the
    file (None for a new row) and the problems of the :class:`Bad` values by location."""

    data: dict[str, Any]
    names: dict[tuple, str]
    origins: dict[tuple, int | None]
    problems: dict[tuple, Problem]


class _Reader:
    def __init__(self, pairs: list[tuple[str, str]]):
        self.values: dict[str, str] = {}
        self.markers: dict[str, dict[str, str]] = {}
        self.rows: dict[str, list[str]] = {}  # list name -> row tokens, in page order
        for name, value in pairs:
            head, _, last = name.rpartition(".")
            if last.startswith("_") and head:
                self.markers.setdefault(head, {})[last[1:]] = value
                self._note_row(head)
            else:
                self.values[name] = value
                self._note_row(name)
        self.parsed = Parsed({}, {}, {}, {})

    def _note_row(self, name: str) -> None:
        parts = name.split(".")
        for i in range(1, len(parts)):
            tokens = self.rows.setdefault(".".join(parts[:i]), [])
            if parts[i] not in tokens:
                tokens.append(parts[i])

    def marker(self, name: str, key: str) -> str:
        return self.markers.get(name, {}).get(key, "")

    def mapping(self, fields: tuple[FormField, ...], prefix: str, loc: tuple) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for field in fields:
            name = f"{prefix}.{field.name}" if prefix else field.name
            value = self.field(field, name, (*loc, field.name))
            if value is not _ABSENT:
                out[field.name] = value
        return out

    def field(self, field: FormField, name: str, loc: tuple) -> Any:
        self.parsed.names[loc] = name
        if self.marker(name, "keep") == "1":
            return KEEP
        if field.kind == "list":  # rows typed in win over a "none" left ticked
            value: Any = self.items(field, name, loc)
            if not value and self.marker(name, "none") == "1":
                return []
        elif self.marker(name, "none") == "1":
            return None
        elif field.kind == "group":
            value = self.mapping(field.children, name, loc)
            if not value and field.required:
                return {}
        else:
            value = self.scalar(field, loc, self.values.get(name, "").strip())
        if value in ("", {}, []) and not isinstance(value, bool):
            return {"null": None, "empty": {}}.get(self.marker(name, "was"), _ABSENT)
        return value

    def items(self, field: FormField, name: str, loc: tuple) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        for token in self.rows.get(name, []):
            row = f"{name}.{token}"
            origin = self.marker(row, "from")
            here = (*loc, len(items))
            item = self.mapping(field.children, row, here)
            if not item and not origin:  # a row added and left blank
                continue
            self.parsed.names[here] = row
            self.parsed.origins[here] = int(origin) if origin.isdigit() else None
            items.append(item)
        return items

    def scalar(self, field: FormField, loc: tuple, text: str) -> Any:
        if text == "":
            return ""
        kind = field.kind
        if kind == "date":
            day = parse_day(text)
            return day if not isinstance(day, Problem) else self.bad(loc, text, day)
        if kind == "int":
            return int(text) if _INT.match(text) else text  # the model says what is wrong with the text
        if kind == "bool":
            return {"true": True, "false": False}.get(text, text)
        if kind == "choice":
            return next((c for c in field.choices if str(c) == text), text)
        if kind == "text" and _takes_a_date(field):  # e.g. a judgement's item: a TTHC code, or an audit's date
            day = parse_day(text)
            return day if not isinstance(day, Problem) else text
        if kind == "lines":
            return [line.strip() for line in text.splitlines() if line.strip()]
        return text

    def bad(self, loc: tuple, text: str, problem: Problem) -> Bad:
        self.parsed.problems[loc] = problem
        return Bad(text, problem)


_ABSENT = object()


class _Keep:
    def __repr__(self) -> str:
        return "KEEP"


KEEP = _Keep()  # "leave the file's value here as it is"


def parse_form(pairs: list[tuple[str, str]], fields: tuple[FormField, ...]) -> Parsed:
    """The fact document a posted form describes (see the module docstring)."""
    reader = _Reader(pairs)
    reader.parsed.data = reader.mapping(fields, "", ())
    return reader.parsed


def without_bad(value: Any, keep_raw: bool = False) -> Any:
    """``value`` with every :class:`Bad` value left out (or, for a draft, written as the text typed), and
    every :data:`KEEP` left out (the live check judges what the form shows)."""
    if isinstance(value, dict):
        return {
            k: without_bad(v, keep_raw)
            for k, v in value.items()
            if v is not KEEP and (keep_raw or not isinstance(v, Bad))
        }
    if isinstance(value, list):
        return [without_bad(v, keep_raw) for v in value]
    return value.raw if isinstance(value, Bad) else value


def _takes_a_date(field: FormField) -> bool:
    """A text field whose type also admits a date (``str | date``): a text that reads as a day is that day."""
    return dt.date in typing.get_args(field.info.annotation)
