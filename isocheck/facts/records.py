"""The fact models added for who must apply a QMS and for the obligations that rest on dated records: a body's
basis for applying a QMS (QĐ 19 Điều 2 khoản 2), on-site inspections and what the team asked for (TT 26 Điều 37
khoản 2), the training of internal auditors (TT 26 Điều 7 khoản 2 điểm c), a consultant's departures from the plan
(TT 26 Điều 41 khoản 5) and the QMS money of a year (TT 116/2015 Điều 4 khoản 6, Điều 5 khoản 1).

The conventions of :mod:`isocheck.facts.model` hold: a field left out is unknown, ``null`` or ``[]`` is none; each
model ends with its ``meanings`` table. :class:`isocheck.facts.model.Agency` holds them.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar, Literal

from pydantic import Field, model_validator

from isocheck.facts.meaning import Meaning, Meanings
from isocheck.facts.strict import Strict
from isocheck.facts.types import Date, Ident, Int, Str
from isocheck.text.problems import Problem


class QmsDuty(Strict):
    """Why a body QĐ19 Điều 2 khoản 2 only encourages (a commune, a public service unit, a policy bank, a mission
    abroad) applies a QMS: a provincial or ministerial document requires it, it applies one of its own accord, or
    neither (TT26 Điều 5 khoản 4, Điều 6 khoản 4–5)."""

    basis: Literal["mandated", "voluntary", "none"] = Field(
        description="mandated (a decision requires it) | voluntary (it applies a QMS of its own accord) | none."
    )
    decision: Ident | None = Field(
        None, min_length=1, description="mandated: number of the decision, e.g. '121/KH-UBND'."
    )
    issued_on: Date | None = Field(None, description="mandated: date of the decision.")
    issuer: Str | None = Field(None, min_length=1, description="mandated: who issued it, e.g. 'UBND tỉnh Hà Tĩnh'.")
    title: Str | None = Field(None, min_length=1, description="mandated: what the decision is about.")
    effective_on: Date | None = Field(None, description="mandated: date it takes effect; default the date issued.")
    since: Date | None = Field(None, description="voluntary: since when the body applies a QMS of its own accord.")

    @model_validator(mode="after")
    def _fields_of_basis(self) -> QmsDuty:
        decision_fields = ("decision", "issued_on", "issuer")
        written = {name for name in type(self).model_fields if name != "basis" and getattr(self, name) is not None}
        if self.basis == "mandated":
            missing = [name for name in decision_fields if name not in written]
            if missing:
                raise ValueError(Problem("duty.needs", basis=self.basis, fields=", ".join(missing)))
            allowed = {*decision_fields, "title", "effective_on"}
        else:
            allowed = {"since"} if self.basis == "voluntary" else set()
        extra = sorted(written - allowed)
        if extra:
            raise ValueError(Problem("duty.forbids", basis=self.basis, fields=", ".join(extra)))
        return self

    @property
    def in_force(self) -> dt.date | None:
        """The day the mandating decision takes effect (None unless mandated)."""
        return (self.effective_on or self.issued_on) if self.basis == "mandated" else None

    meanings: ClassVar[Meanings] = Meanings(
        basis=Meaning(
            en=(
                "mandated (a provincial or ministerial document requires it) | voluntary (applies one of its own "
                "accord) | none (no document requires it and it applies none)."
            )
        ),
        title=Meaning(en="What the document is about; mandated only."),
    )


class ValidityCheck(Strict):
    """One check of a consultant's certificate and experts' cards on the standards body's website (TT26 Điều 41
    khoản 4)."""

    checked_on: Date
    record: Ident | None = Field(None, description="How the check is kept, e.g. a dated screenshot or a note.")

    meanings: ClassVar[Meanings] = Meanings(
        checked_on=Meaning(en="Date of the check."),
    )


class ConsultantDeviation(Strict):
    """A departure of the consultant from the signed consulting plan without good reason, as the agency recorded it
    (e.g. in a biên bản làm việc), and its written reports (TT26 Điều 41 khoản 5)."""

    noted_on: Date = Field(description="Date the agency recorded the departure.")
    description: Str = Field(min_length=1)
    record: Ident | None = Field(None, description="Number of the record, e.g. the biên bản làm việc.")
    reported_to_lead_unit_on: Date | None = Field(
        None, description="Date of the written report to the supervising unit; left out or null = not sent."
    )
    reported_to_directorate_on: Date | None = Field(
        None, description="Date of the written report to the national standards body; left out or null = not sent."
    )

    meanings: ClassVar[Meanings] = Meanings(
        description=Meaning(en="What departed from the consulting plan."),
        reported_to_lead_unit_on=Meaning(absent_is_null=True),
        reported_to_directorate_on=Meaning(absent_is_null=True),
    )


class InformationRequest(Strict):
    """A document or piece of information the inspection team asked for, with its deadline (TT26 Điều 37 khoản 2
    điểm a)."""

    item: Str = Field(min_length=1)
    requested_on: Date
    due_on: Date
    provided_on: Date | None = Field(None, description="Date the agency provided it; left out or null = not yet.")

    meanings: ClassVar[Meanings] = Meanings(
        item=Meaning(en="The document or information asked for."),
        requested_on=Meaning(en="Date asked."),
        due_on=Meaning(en="Deadline the team set."),
        provided_on=Meaning(absent_is_null=True),
    )


class Inspection(Strict):
    """An inspection of the QMS at the agency's premises (TT26 Điều 35 khoản 1–2, Điều 37 khoản 2)."""

    decision: Ident = Field(min_length=1, description="Number of the inspection decision (Mẫu 20. QĐKT).")
    decided_on: Date | None = None
    unit: Str | None = Field(
        None, min_length=1, description="The inspecting unit as the decision names it; left out: the dated data."
    )
    held_on: Date = Field(description="Day the team announced the decision and inspected on site.")
    minutes: Ident | None = Field(None, description="Number of the inspection minutes (Mẫu 21. BBKT).")
    minutes_signed_on: Date | None = Field(
        None, description="Day the team leader and the agency signed the minutes; null = not signed."
    )
    issues: Int | None = Field(None, ge=0, description="Outstanding issues the minutes record; 0 = none.")
    corrective_report_on: Date | None = Field(
        None, description="Day the report on corrective actions was sent to the inspecting unit; null = not sent."
    )
    corrective_report: Ident | None = Field(None, description="Number of that report.")
    information_requests: list[InformationRequest] | None = Field(
        None, description="What the team asked the agency to provide; [] = nothing."
    )

    meanings: ClassVar[Meanings] = Meanings(
        decided_on=Meaning(en="Date of the inspection decision."),
        information_requests=Meaning(en="What the team asked the agency to provide; [] = nothing."),
    )


class AuditorTraining(Strict):
    """A course (or certificate) that trained staff of the agency as internal auditors (TT26 Điều 7 khoản 2 điểm c)."""

    completed_on: Date = Field(description="Date the course ended (or the certificate was issued).")
    trainees: Int = Field(ge=1, description="Number of the agency's staff trained as internal auditors.")
    course: Str | None = Field(None, min_length=1, description="Course and training body.")
    certificate: Ident | None = Field(None, description="Number of the certificate or of the decision sending staff.")

    meanings: ClassVar[Meanings] = Meanings()  # every field's description says it


class QmsBudget(Strict):
    """The QMS money of one budget year: its estimate (TT116 Điều 5 khoản 1) and what maintenance cost
    (TT116 Điều 4 khoản 6). Amounts in đồng, whole numbers."""

    year: Int = Field(ge=2000, le=2100, description="The budget year.")
    estimated_on: Date | None = Field(
        None, description="Date the QMS funding estimate for the year was made (with the budget estimate); null = none."
    )
    estimate: Ident | None = Field(None, description="Reference of the estimate, e.g. the report that carries it.")
    # money: a whole number of đồng (strict: never a float or a text such as "15.000.000")
    estimate_vnd: Int | None = Field(None, ge=0, strict=True, description="Amount estimated, in đồng.")
    maintenance_spent_vnd: Int | None = Field(
        None,
        ge=0,
        strict=True,
        description="Spent in the year on routine maintenance and improvement of the QMS, in đồng.",
    )

    meanings: ClassVar[Meanings] = Meanings(
        year=Meaning(en="The budget year."),
    )
