"""Dated legal parameters (``rules/parameters.yaml``): the value in force on a given date, with its citation.

A parameter never silently falls back: asking for one before its first ``valid_from`` returns None,
and the derived fact that needs it stays unknown.
"""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, RootModel, ValidationError

from isocheck.base.errors import InputError
from isocheck.facts.model import validation_error
from isocheck.facts.parse import load_document, position_of
from isocheck.text.problems import Found, Problem

# the parameters the tool reads (isocheck.derive) and the type of their value
NEEDED: dict[str, type] = {
    "legal_update_max_months": int,
    "certification_bodies_forbidden_from": dt.date,
    "standard_2015_transition_deadline": dt.date,
}


class Citation(BaseModel):
    model_config = ConfigDict(extra="forbid")
    instrument: str
    article: int | None = None
    clause: int | None = None
    point: str | None = None
    quote_vi: str


class ParameterValue(BaseModel):
    model_config = ConfigDict(extra="forbid")
    value: int | dt.date
    valid_from: dt.date
    citation: Citation


class ParameterFile(RootModel[dict[str, list[ParameterValue]]]):
    pass


class Parameters:
    """All dated parameters; :meth:`value` gives the one in force on a date."""

    def __init__(self, entries: dict[str, list[ParameterValue]]):
        self._entries = {name: sorted(values, key=lambda v: v.valid_from) for name, values in entries.items()}

    def value(self, name: str, on: dt.date) -> Any:
        entry = self.entry(name, on)
        return None if entry is None else entry.value

    def entry(self, name: str, on: dt.date) -> ParameterValue | None:
        if name not in self._entries:
            raise KeyError(f"unknown parameter {name!r}")
        current = None
        for candidate in self._entries[name]:
            if candidate.valid_from <= on:
                current = candidate
        return current

    def first(self, name: str) -> ParameterValue:
        """The earliest entry of ``name``: its ``valid_from`` is the day the obligation itself began."""
        if not self._entries.get(name):
            raise KeyError(f"unknown parameter {name!r}")
        return self._entries[name][0]

    def date(self, name: str, on: dt.date) -> dt.date | None:
        """The value in force on ``on`` of a date parameter (the loader has checked :data:`NEEDED` types)."""
        value = self.value(name, on)
        if value is not None and not isinstance(value, dt.date):
            raise TypeError(f"parameter {name!r} is not a date")
        return value

    def number(self, name: str, on: dt.date) -> int | None:
        """The value in force on ``on`` of a whole-number parameter."""
        value = self.value(name, on)
        if value is not None and not isinstance(value, int):
            raise TypeError(f"parameter {name!r} is not a whole number")
        return value

    def names(self) -> list[str]:
        return sorted(self._entries)


def load_parameters(path: str | Path) -> Parameters:
    """Load and check the parameters file: its schema, and every parameter the tool reads (:data:`NEEDED`)
    with a value of the right type. Raises :class:`InputError`."""
    data, lines = load_document(path)
    try:
        parsed = ParameterFile.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, str(path), lines, ParameterFile) from None
    for name, kind in NEEDED.items():
        if name not in parsed.root:
            close = difflib.get_close_matches(name, list(parsed.root), n=1)
            line, column = position_of(lines, (close[0],) if close else ())
            raise InputError.of(
                str(path),
                "parameters.missing",
                {
                    "name": name,
                    "names": ", ".join(NEEDED),
                    "hint": Problem("parameters.misspelt", close=close[0]) if close else "",
                },
                field=close[0] if close else None,
                line=line,
                column=column,
            )
        for i, entry in enumerate(parsed.root[name]):
            if type(entry.value) is not kind:
                line, column = position_of(lines, (name, i, "value"), value=True)
                raise InputError.of(
                    str(path),
                    "type.int" if kind is int else "type.date",
                    {"found": Found(entry.value)},
                    field=f"{name}[{i}].value",
                    line=line,
                    column=column,
                )
    return Parameters(parsed.root)
