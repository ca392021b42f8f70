"""Dated legal parameters (``rules/parameters.yaml``): the value in force on a given date, with its citation.

A parameter never silently falls back: asking for one before its first ``valid_from`` returns None,
and the derived fact that needs it stays unknown. A number of months must be a possible one
(:data:`BOUNDS`: a deadline of -1 or 0 months, or of a thousand years, is a typing error).
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
from isocheck.facts.types import Date, Int, Str
from isocheck.text.problems import Found, Problem

# the parameters the tool reads (isocheck.derive) and the type of their value
NEEDED: dict[str, type] = {
    "legal_update_max_months": int,
    "certification_bodies_forbidden_from": dt.date,
    "standard_2015_transition_deadline": dt.date,
}
# the possible values of the whole-number parameters: (lowest, highest, unit)
BOUNDS: dict[str, tuple[int, int, str]] = {"legal_update_max_months": (1, 120, "unit.months")}


class Citation(BaseModel):
    model_config = ConfigDict(extra="forbid")
    instrument: Str
    article: Int | None = None
    clause: Int | None = None
    point: Str | None = None
    quote_vi: Str


class ParameterValue(BaseModel):
    model_config = ConfigDict(extra="forbid")
    value: Int | Date
    valid_from: Date
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
            if name in BOUNDS and isinstance(entry.value, int):
                _check_bounds(str(path), lines, name, i, entry.value)
    return Parameters(parsed.root)


def _check_bounds(file: str, lines: dict, name: str, index: int, value: int) -> None:
    low, high, unit = BOUNDS[name]
    if not low <= value <= high:
        line, column = position_of(lines, (name, index, "value"), value=True)
        raise InputError.of(
            file,
            "parameters.out_of_range",
            {"found": Found(value), "name": name, "unit": Problem(unit), "low": low, "high": high},
            field=f"{name}[{index}].value",
            line=line,
            column=column,
        )
