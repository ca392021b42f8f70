"""Dated legal parameters (``rules/parameters.yaml``): the value in force on a given date, with its citation.

A parameter never silently falls back: asking for one before its first ``valid_from`` returns None,
and the derived fact that needs it stays unknown.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Union

from pydantic import BaseModel, ConfigDict, RootModel, ValidationError

from isocheck.facts import validation_error
from isocheck.yamlio import load_document


class Citation(BaseModel):
    model_config = ConfigDict(extra="forbid")
    instrument: str
    article: int | None = None
    clause: int | None = None
    point: str | None = None
    quote_vi: str


class ParameterValue(BaseModel):
    model_config = ConfigDict(extra="forbid")
    value: Union[int, dt.date]
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

    def names(self) -> list[str]:
        return sorted(self._entries)


def load_parameters(path: str | Path) -> Parameters:
    data, lines = load_document(path)
    try:
        parsed = ParameterFile.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, str(path), lines, ParameterFile) from None
    return Parameters(parsed.root)
