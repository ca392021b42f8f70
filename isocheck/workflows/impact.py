"""Legal-change impact: which agencies a new legal document puts on the three-month clock.

QĐ 19/2014 Điều 4 khoản 4 điểm a gives an agency at most ``legal_update_max_months`` (three) months from the
day a legal document takes effect to build its changes into the QMS. Given the document (number, effective
date, and the TTHC it touches — fields, codes, or both) and the agencies' fact files, :func:`assess` sorts the
agencies into those it touches (with the deadline, and whether the change is built in yet), those it does not
touch, and those whose list of procedures is not in their file, so nobody can tell.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from isocheck.base.calendar import add_months, days_between
from isocheck.base.errors import InputError
from isocheck.facts.model import Agency, validate_agency
from isocheck.facts.parse import load_document, position_of
from isocheck.facts.validation import validation_error
from isocheck.law.parameters import Parameters
from isocheck.text.problems import Found, Problem

PARAMETER = "legal_update_max_months"


class LegalChange(BaseModel):
    """The new legal document: what it is, when it takes effect, and which administrative procedures it touches."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
    number: str = Field(min_length=1, description="e.g. '04/2020/TT-BTP'")
    title: str | None = None
    effective_on: dt.date = Field(description="The day it takes effect (ngày có hiệu lực thi hành).")
    fields: list[str] = Field([], description="Fields (lĩnh vực) of the TTHC it touches, e.g. 'Hộ tịch'.")
    codes: list[str] = Field([], description="Codes of the TTHC it touches, e.g. '1.001193'.")

    @field_validator("fields", "codes")
    @classmethod
    def _tidy(cls, values: list[str]) -> list[str]:
        """Spaces collapsed, empty entries dropped, each named once."""
        return list(dict.fromkeys(" ".join(v.split()) for v in values if v.strip()))

    @model_validator(mode="after")
    def _scope(self) -> LegalChange:
        if not self.fields and not self.codes:
            raise ValueError(Problem("impact.needs_scope"))
        return self


def _key(text: str) -> str:
    """A field name or number as compared: NFC, case folded, spaces collapsed ("Hộ  tịch" = "hộ tịch")."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def load_change(path: str | Path) -> LegalChange:
    data, lines = load_document(path)
    if not isinstance(data, dict):
        line, column = position_of(lines, ())
        what = Problem("what.legal_document")
        raise InputError.of(
            str(path), "doc.not_mapping", {"what": what, "found": Found(data)}, line=line, column=column
        )
    return validate_change(data, str(path), lines)


def validate_change(data: dict[str, Any], file: str, lines: dict | None = None) -> LegalChange:
    try:
        return LegalChange.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, file, lines or {}, LegalChange) from None


@dataclass
class Touched:
    """One agency the document touches."""

    file: str
    agency: Agency
    procedures: list[tuple[str, str, str]]  # (code, name, field) of the TTHC touched
    built_in_on: dt.date | None  # the agency's record of building this document in, if any

    @property
    def ident(self):
        return self.agency.agency


@dataclass
class Impact:
    change: LegalChange
    months: int
    deadline: dt.date
    as_of: dt.date
    parameter: Any  # the dated parameter entry (its citation)
    touched: list[Touched] = field(default_factory=list)
    untouched: list[tuple[str, Agency]] = field(default_factory=list)
    unknown: list[tuple[str, Agency]] = field(default_factory=list)  # no list of procedures in the file
    unreadable: list[tuple[str, InputError]] = field(default_factory=list)

    def days_left(self) -> int:
        """Days from the as-of date to the deadline (negative once it has passed)."""
        return days_between(self.as_of, self.deadline)


def deadline_of(change: LegalChange, params: Parameters) -> tuple[int, dt.date, Any]:
    """``(months, deadline, parameter entry)``: the build-in deadline in force on the document's effective date."""
    entry = params.entry(PARAMETER, change.effective_on)
    if entry is None:
        raise InputError.of("--effective-on", "impact.no_deadline", {"date": change.effective_on})
    return entry.value, add_months(change.effective_on, entry.value), entry


def assess(change: LegalChange, files: list[Path], params: Parameters, as_of: dt.date) -> Impact:
    """Sort the agencies of ``files`` by what the document means for them (files that cannot be read are listed
    with their error, never dropped)."""
    months, deadline, entry = deadline_of(change, params)
    impact = Impact(change, months, deadline, as_of, entry)
    fields = {_key(f) for f in change.fields}
    codes = {_key(c) for c in change.codes}
    number = _key(change.number)
    for path in files:
        try:
            data, lines = load_document(path)
            agency = validate_agency(data, str(path), lines)  # no future-date check: the files may be of later years
        except InputError as exc:
            impact.unreadable.append((str(path), exc))
            continue
        if agency.procedures is None:
            impact.unknown.append((str(path), agency))
            continue
        hit = [(p.code, p.name, p.field) for p in agency.procedures if _key(p.field) in fields or _key(p.code) in codes]
        if not hit:
            impact.untouched.append((str(path), agency))
            continue
        built = [
            d.built_in_on
            for d in agency.legal_documents or []
            if _key(d.number) == number and d.built_in_on is not None and d.built_in_on <= as_of
        ]
        impact.touched.append(Touched(str(path), agency, hit, min(built) if built else None))
    impact.touched.sort(key=lambda t: (t.built_in_on is not None, t.ident.level, t.ident.name, t.file))
    return impact
