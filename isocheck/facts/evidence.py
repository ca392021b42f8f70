"""Evidence as inspectors record it, beyond dated documents: judgements per criterion, and marks without dates.

- :class:`Judgement`: an inspector's judgement of one criterion of the catalogue (:mod:`isocheck.facts.criteria`) —
  conforms, partly, does not conform, not yet due or not applicable — with the note that says what was seen, where
  it was seen, by whom and when. Rules marked ``judgment: true`` turn them into findings; ``explain`` shows the
  note as the evidence.
- :class:`YearMarks`: what a provincial roster (or a summary report) says about one year's yearly duties without a
  date — "x", "Đạt", "Ko có Bc": held (date unknown), not held, or left out (unknown). The yearly rules honour a
  mark for the year it is for and say so ("theo báo cáo, không rõ ngày").

The checks that need the whole fact file (a judgement about a TTHC the agency does not list, about an audit not on
record, twice about the same thing) are :func:`check_evidence`, run by :func:`isocheck.facts.model.validate_agency`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from isocheck.base.errors import InputError
from isocheck.facts.criteria import ASPECTS, JUDGEMENTS, closest, criteria
from isocheck.facts.meaning import Meaning, Meanings
from isocheck.facts.parse import path_text, position_of
from isocheck.facts.types import Bool, Date, Ident, Int, Str
from isocheck.text.problems import Found, Problem

MANDATORY_KINDS: tuple[str, ...] = (  # as isocheck.facts.model.MANDATORY_PROCEDURES_2008 (imported there)
    "document_control",
    "record_control",
    "internal_audit",
    "nonconforming_output",
    "corrective_action",
    "preventive_action",
)
# judgements that are a finding of some severity, and so need the note saying what was wrong
_DEFECTS = ("partly", "does_not_conform")


class _Strict(BaseModel):
    """As :class:`isocheck.facts.model.Strict` (which this module cannot import: model.py imports it)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Judgement(_Strict):
    """One inspector's judgement of one criterion (of one item, for the criteria judged item by item)."""

    criterion: Ident = Field(min_length=1, description="Id of the criterion, e.g. 'quality_manual.framework_model'.")
    item: str | dt.date | None = Field(
        None,
        description="What the judgement is about, for criteria judged item by item: a mandatory procedure "
        "(document_control…), a TTHC code ('1.001193'), a field of TTHC ('Đường thủy nội địa'), or the date of "
        "an internal audit or management review on record.",
    )
    judgement: Literal[JUDGEMENTS] = Field(  # type: ignore[valid-type]
        description="conforms | partly | does_not_conform | not_yet_due | not_applicable"
    )
    aspects: list[Literal[tuple(ASPECTS)]] | None = Field(  # type: ignore[valid-type]
        None,
        description="For tthc.internal_procedure: what differs from the TTHC decision (time_limit, steps, "
        "dossier, fees, legal_basis).",
    )
    note: Str | None = Field(None, description="What the inspector saw; required for partly and does_not_conform.")
    seen_in: Str | None = Field(None, description="Where it was seen: the document, record or interview.")
    judged_by: Str | None = Field(None, description="Who judged it (name, and the inspection team or unit).")
    judged_on: Date | None = Field(None, description="When it was judged.")

    meanings: ClassVar[Meanings] = Meanings(
        note=Meaning(absent_is_null=True),
        seen_in=Meaning(absent_is_null=True),
        judged_by=Meaning(absent_is_null=True),
        judged_on=Meaning(absent_is_null=True),
    )

    @field_validator("criterion")
    @classmethod
    def _known_criterion(cls, value: str) -> str:
        if value not in criteria():
            near = closest(value)
            hint = Problem("field.did_you_mean", close=near) if near else ""
            raise ValueError(Problem("judgement.unknown_criterion", id=value, hint=hint, ids=", ".join(criteria())))
        return value

    @field_validator("item")
    @classmethod
    def _item_fits(cls, value: Any, info: ValidationInfo) -> Any:
        found = criteria().get(info.data.get("criterion", ""))
        if found is None:
            return value
        kind = found.item
        if kind == "none":
            if value is not None:
                raise ValueError(Problem("judgement.no_item", criterion=found.id, found=Found(value)))
        elif (kind in ("audit", "review") and not isinstance(value, dt.date)) or (
            kind not in ("audit", "review") and not isinstance(value, str)
        ):
            raise ValueError(Problem(f"judgement.item_{kind}", criterion=found.id, found=Found(value)))
        elif kind == "mandatory_procedure" and value not in MANDATORY_KINDS:
            raise ValueError(Problem("judgement.item_mandatory_procedure", criterion=found.id, found=Found(value)))
        return value

    @field_validator("judgement")
    @classmethod
    def _judgement_fits(cls, value: str, info: ValidationInfo) -> str:
        found = criteria().get(info.data.get("criterion", ""))
        if found is not None and value not in found.judgements:
            allowed = " | ".join(found.judgements)
            raise ValueError(Problem("judgement.not_for_criterion", criterion=found.id, allowed=allowed))
        return value

    @model_validator(mode="after")
    def _complete(self) -> Judgement:
        found = criteria()[self.criterion]
        if found.item != "none" and self.item is None:
            raise ValueError(Problem(f"judgement.item_{found.item}", criterion=found.id, found=Found(None)))
        if self.aspects is not None and found.item != "tthc":
            raise ValueError(Problem("judgement.aspects_not_here", criterion=found.id))
        if self.judgement in _DEFECTS and not self.note:
            raise ValueError(Problem("judgement.needs_note", criterion=found.id, judgement=self.judgement))
        return self


class YearMarks(_Strict):
    """One year's yearly duties as a provincial roster marks them: true = held (date unknown), false = not held
    (as recorded), left out = unknown."""

    year: Int = Field(ge=2000, le=2100, description="Year the marks are for.")
    source: Str = Field(min_length=1, description="Where the marks come from: the roster (and its row).")
    recorded_on: Date | None = Field(None, description="Date of the roster or report that records them.")
    internal_audit: Bool | None = Field(None, description="An internal audit was held in the year.")
    management_review: Bool | None = Field(None, description="A management review was held in the year.")
    quality_objectives: Bool | None = Field(None, description="Quality objectives were issued for the year.")
    maintenance_plan: Bool | None = Field(None, description="A maintenance and improvement plan was issued.")
    satisfaction_survey: Bool | None = Field(None, description="A satisfaction survey was carried out.")
    report_received: Bool | None = Field(None, description="The yearly QMS report reached the inspecting unit.")

    meanings: ClassVar[Meanings] = Meanings(
        recorded_on=Meaning(absent_is_null=True),
        internal_audit=Meaning(null_is_unknown=True),
        management_review=Meaning(null_is_unknown=True),
        quality_objectives=Meaning(null_is_unknown=True),
        maintenance_plan=Meaning(null_is_unknown=True),
        satisfaction_survey=Meaning(null_is_unknown=True),
        report_received=Meaning(null_is_unknown=True),
    )


def check_evidence(agency: Any, file: str, lines: dict) -> None:
    """The checks of judgements and marks that need the whole fact file (an :class:`isocheck.facts.model.Agency`).
    Raises :class:`InputError` at the first problem, with its line."""
    standard = agency.agency.standard
    seen: dict[tuple[str, Any], int] = {}
    for i, j in enumerate(agency.judgements or []):
        found = criteria()[j.criterion]
        where: tuple = ("judgements", i)
        key = (j.criterion, j.item)
        if key in seen:
            _fail(file, lines, (*where, "criterion"), "judgement.twice", criterion=j.criterion, other=seen[key] + 1)
        seen[key] = i
        if standard not in found.standards:
            editions = "/".join(str(s) for s in found.standards)
            _fail(file, lines, (*where, "criterion"), "judgement.not_for_standard",
                  criterion=j.criterion, standard=standard, editions=editions)  # fmt: skip
        if j.item in found.items_not_for.get(standard, ()):
            _fail(file, lines, (*where, "item"), "judgement.item_elsewhere", criterion=j.criterion,
                  item=j.item, standard=standard, other=_judged_under(j.item, standard))  # fmt: skip
        problem = _item_on_record(agency, found.item, j.item)
        if problem is not None:
            _fail(file, lines, (*where, "item"), problem, criterion=j.criterion, item=str(j.item))
    years: dict[int, int] = {}
    for i, mark in enumerate(agency.marks or []):
        if mark.year in years:
            _fail(file, lines, ("marks", i, "year"), "marks.twice", year=mark.year, other=years[mark.year] + 1)
        years[mark.year] = i


def _judged_under(item: Any, standard: int) -> str:
    for cid, c in criteria().items():
        if c.item == "none" and standard in c.standards and cid.startswith(f"{item}."):
            return cid
    return ""


def _item_on_record(agency: Any, kind: str, item: Any) -> str | None:
    """The problem key when the item a judgement is about is not in the fact file, else None."""
    if kind == "tthc" and item not in {p.code for p in agency.procedures or []}:
        return "judgement.tthc_not_listed"
    if kind == "audit" and item not in {a.date for a in agency.internal_audits or []}:
        return "judgement.audit_not_on_record"
    if kind == "review" and item not in {r.date for r in agency.management_reviews or []}:
        return "judgement.review_not_on_record"
    return None


def _fail(file: str, lines: dict, loc: tuple, key: str, **params: Any) -> None:
    line, column = position_of(lines, loc, value=True)
    raise InputError(file, Problem(key, **params), path_text(loc), line, column)
