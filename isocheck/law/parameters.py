"""Dated legal parameters (``rules/parameters.yaml``): the value in force on a given date, with its basis.

A parameter never silently falls back: asking for one before its first ``valid_from`` (or after the
``valid_until`` of its last value) returns None, and the derived fact that needs it stays unknown. The
values of a parameter form one chain of dated versions, no gap and no overlap (:mod:`isocheck.law.periods`).
The national file cites the law for each value; a province overlay (:mod:`isocheck.law.overlay`) may add
dated values of the parameters in :data:`PROVINCIAL`, each with the provincial decision that sets it. A
number of months must be a possible one (:data:`BOUNDS`: a deadline of -1 or 0 months, or of a thousand
years, is a typing error).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, RootModel, ValidationError

from isocheck.base.errors import InputError
from isocheck.facts.model import validation_error
from isocheck.facts.parse import load_document, position_of
from isocheck.facts.types import Date, Int, Str
from isocheck.law.citations import Citation, Decision, Text
from isocheck.law.dated_data import check_versions
from isocheck.law.periods import in_force
from isocheck.text.problems import Found, Problem
from isocheck.text.ui import LANGS, ui


class MonthDay(str):
    """A day of every year, written ``MM-DD`` (``"11-15"`` = 15 November)."""

    PATTERN = re.compile(r"^(\d{2})-(\d{2})$")

    def in_year(self, year: int) -> dt.date:
        month, day = (int(g) for g in self.PATTERN.match(self).groups())  # type: ignore[union-attr]
        return dt.date(year, month, day)

    def text(self, lang: str) -> str:
        """ "15/11 hằng năm", "15 November each year"."""
        day = self.in_year(2000)
        if lang == "vi":
            return ui("parameter.each_year", lang).format(day=f"{day:%d}", month=f"{day:%m}")
        return ui("parameter.each_year", lang).format(day=day.day, month=f"{day:%B}")

    @classmethod
    def parse(cls, value: Any) -> MonthDay | None:
        """The value as a MonthDay, or None when it is not one (bad shape or no such day)."""
        if not isinstance(value, str) or not cls.PATTERN.match(value):
            return None
        try:
            cls(value).in_year(2000)  # a leap year: 02-29 is a day of some years
        except ValueError:
            return None
        return cls(value)


# the parameters the tool reads (isocheck.subjects.derive) and the type of their value
NEEDED: dict[str, type] = {
    "legal_update_max_months": int,
    "certification_bodies_forbidden_from": dt.date,
    "standard_2015_transition_deadline": dt.date,
    "inspection_corrective_max_months": int,
    "maintenance_spending_cap_vnd": int,
}
# parameters no national text sets, which a province overlay may set with its decision
PROVINCIAL: dict[str, type] = {
    "yearly_report_due": MonthDay,  # the yearly QMS report's deadline when the request letter names none
    "satisfaction_survey_method": Text,  # how the province has the satisfaction survey done
}
# the subject fields and message values each provincial parameter feeds (isocheck.subjects.derive): a rule that
# reads one of them is shown as changed by the overlay that sets the parameter
READ_BY: dict[str, tuple[str, ...]] = {
    "yearly_report_due": ("report_due_passed", "report_days_late", "report_due_on"),
    "satisfaction_survey_method": ("survey_method_vi", "survey_method_en"),
}
KINDS: dict[str, type] = {**NEEDED, **PROVINCIAL}
# the possible values of the whole-number parameters: (lowest, highest, unit)
BOUNDS: dict[str, tuple[int, int, str]] = {
    "legal_update_max_months": (1, 120, "unit.months"),
    "inspection_corrective_max_months": (1, 120, "unit.months"),
    "maintenance_spending_cap_vnd": (1, 10**12, "unit.dong"),
}
_KIND_WORDS = {int: "parameter.kind.int", dt.date: "parameter.kind.date", MonthDay: "parameter.kind.month_day"}
_KIND_WORDS[Text] = "parameter.kind.text"  # the catalog's words for what a parameter's value must be


class _FileEntry(BaseModel):
    """One dated value as ``rules/parameters.yaml`` writes it: the national law's, with its citation."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    value: Int | Date | Text | Str
    valid_from: Date
    valid_until: Date | None = None  # left out: until the next value starts (or open, for the last)
    citation: Citation


class ParameterFile(RootModel[dict[str, list[_FileEntry]]]):
    pass


@dataclass(frozen=True)
class ParameterValue:
    """One dated value and its basis: a citation of the law, or the decision of a province overlay."""

    value: Any
    valid_from: dt.date
    citation: Citation | None = None
    decision: Decision | None = None
    valid_until: dt.date | None = None


class Parameters:
    """All dated parameters; :meth:`value` gives the one in force on a date."""

    def __init__(self, entries: dict[str, list[ParameterValue]]):
        self._entries = {name: sorted(values, key=lambda v: v.valid_from) for name, values in entries.items()}

    def value(self, name: str, on: dt.date) -> Any:
        entry = self.entry(name, on)
        if entry is None:
            return None
        return MonthDay(entry.value) if KINDS.get(name) is MonthDay else entry.value

    def entry(self, name: str, on: dt.date) -> ParameterValue | None:
        """The value in force on ``on`` (None before the first one, or after the last one's ``valid_until``)."""
        if name not in self._entries and name not in PROVINCIAL:
            raise KeyError(f"unknown parameter {name!r}")
        return in_force(self._entries.get(name, []), on)

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
        return sorted(set(self._entries) | set(PROVINCIAL))

    def entries(self, name: str) -> list[ParameterValue]:
        return list(self._entries.get(name, []))

    def yearly_date(self, name: str, year: int, on: dt.date) -> tuple[dt.date, ParameterValue] | None:
        """A yearly day parameter (``MM-DD``) in force on ``on``, as its date in ``year``, with its entry."""
        entry = self.entry(name, on)
        return None if entry is None else (MonthDay(entry.value).in_year(year), entry)

    def survey_method(self, on: dt.date) -> dict[str, str]:
        """``survey_method_vi`` and ``survey_method_en`` for messages: the province's method, or the default words."""
        entry = self.entry("satisfaction_survey_method", on)
        if entry is None or entry.decision is None:
            return {f"survey_method_{lang}": ui("parameter.no_survey_method", lang) for lang in LANGS}
        text, decision = entry.value, entry.decision
        said = "parameter.survey_method"
        return {
            "survey_method_vi": ui(said, "vi").format(method=text.vi, decision=decision.format("vi")),
            "survey_method_en": ui(said, "en").format(method=text.en, decision=decision.format("en")),
        }

    def with_values(self, added: dict[str, list[ParameterValue]]) -> Parameters:
        """These parameters and ``added`` (dated values of a province overlay), as a new object."""
        merged = {name: list(values) for name, values in self._entries.items()}
        for name, values in added.items():
            merged.setdefault(name, []).extend(values)
        return Parameters(merged)


def kind_error(name: str, value: Any) -> Problem | None:
    """Why ``value`` is not of parameter ``name``'s type, or None when it is."""
    kind = KINDS[name]
    if kind is MonthDay:
        ok = MonthDay.parse(value) is not None
    elif kind is Text:
        ok = isinstance(value, Text)
    else:
        ok = type(value) is kind
    if ok and name in BOUNDS and not BOUNDS[name][0] <= value <= BOUNDS[name][1]:
        low, high, unit = BOUNDS[name]
        return Problem("parameters.out_of_range", found=Found(value), name=name, unit=Problem(unit), low=low, high=high)
    if ok:
        return None
    if kind in (int, dt.date):  # the words every other input file uses for these
        return Problem("type.int" if kind is int else "type.date", found=Found(value))
    key = _KIND_WORDS[kind]
    found = Found(value.model_dump() if isinstance(value, Text) else value)
    return Problem("overlay.parameter_type", name=name, kind=Problem.plain(ui(key, "en"), ui(key, "vi")), found=found)


def load_parameters(path: str | Path) -> Parameters:
    """Load and check the parameters file: its schema, every parameter the tool reads (:data:`NEEDED`) with a
    value of the right type, and each citation against the law. Raises :class:`InputError`."""
    data, lines = load_document(path)
    try:
        parsed = ParameterFile.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, str(path), lines, ParameterFile) from None
    for name in NEEDED:
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
    for name, entries in parsed.root.items():
        if name not in KINDS:
            line, column = position_of(lines, (name,))
            raise InputError.of(
                str(path), "overlay.unknown_parameter", {"name": name, "hint": "", "names": ", ".join(KINDS)},
                field=name, line=line, column=column,
            )  # fmt: skip
        for i, entry in enumerate(entries):
            problem = kind_error(name, entry.value)
            if problem is not None:
                line, column = position_of(lines, (name, i, "value"), value=True)
                raise InputError(str(path), problem, field=f"{name}[{i}].value", line=line, column=column)
        # dated values follow one another (no gap, no overlap); each citation holds against law/
        check_versions(entries, str(path), lines, (name,))
    return Parameters(
        {
            name: [
                ParameterValue(e.value, e.valid_from, citation=e.citation, valid_until=e.valid_until) for e in entries
            ]
            for name, entries in parsed.root.items()
        }
    )
