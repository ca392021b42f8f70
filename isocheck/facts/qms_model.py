"""The quality system's own documents in the fact file (``qms:``): policy and objectives, maintenance plans,
the steering committee and ISO secretary, the 2008 mandatory procedures — part of the fact model
(:mod:`isocheck.facts.model` re-exports them)."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from isocheck.facts.meaning import Meaning, Meanings
from isocheck.facts.strict import Strict, is_known  # noqa: F401 (is_known: re-exported, the model's public test)
from isocheck.facts.types import Bool, Date, Ident, Int, Str

MANDATORY_PROCEDURES_2008: tuple[str, ...] = (
    "document_control",
    "record_control",
    "internal_audit",
    "nonconforming_output",
    "corrective_action",
    "preventive_action",
)


class Decision(Strict):
    """A document issued by a numbered decision (quyết định) or plan."""

    number: Ident | None = Field(None, description="e.g. '27/QĐ-UBND'")
    issued_on: Date | None = None

    meanings: ClassVar[Meanings] = Meanings(
        number=Meaning(en="Number of the decision, e.g. '27/QĐ-UBND'."),
        issued_on=Meaning(en="Date issued."),
    )


class QualityObjectives(Strict):
    year: Int = Field(ge=2000, le=2100)
    number: Ident | None = None
    issued_on: Date | None = None
    measurable: Bool | None = Field(None, description="Objectives are measurable (TCVN ISO 9001:2015 §6.2.1 b).")
    has_plan: Bool | None = Field(None, description="A plan to achieve the objectives exists (§6.2.2).")

    meanings: ClassVar[Meanings] = Meanings(
        year=Meaning(en="Year the objectives are for."),
        number=Meaning(en="Number of the decision issuing them."),
        issued_on=Meaning(en="Date issued."),
    )


class MaintenancePlan(Strict):
    year: Int = Field(ge=2000, le=2100)
    number: Ident | None = None
    issued_on: Date | None = None

    meanings: ClassVar[Meanings] = Meanings(
        year=Meaning(en="Year the plan covers."),
        number=Meaning(en="Number of the plan, e.g. '15/KH-UBND'."),
        issued_on=Meaning(en="Date issued."),
    )


class Person(Strict):
    name: Str | None = None
    appointed_by: Ident | None = Field(None, description="Number of the appointing decision.")
    appointed_on: Date | None = None

    meanings: ClassVar[Meanings] = Meanings(
        name=Meaning(en="Full name."),
        appointed_on=Meaning(en="Date of appointment."),
    )


class MandatoryProcedure(Strict):
    kind: Literal[MANDATORY_PROCEDURES_2008]  # type: ignore[valid-type]
    code: Ident | None = None
    built: Bool
    operated: Literal["yes", "no", "not_triggered"] | None = Field(
        None, description="yes | no | not_triggered (nothing happened that called for it)."
    )

    meanings: ClassVar[Meanings] = Meanings(
        kind=Meaning(en="Which mandatory procedure of TCVN ISO 9001:2008."),
        code=Meaning(en="Document code, e.g. 'QT-01'."),
        built=Meaning(en="The documented procedure has been issued."),
    )


class QMS(Strict):
    quality_policy: Decision | None = None
    quality_objectives: list[QualityObjectives] | None = None
    maintenance_plans: list[MaintenancePlan] | None = None
    steering_committee: Decision | None = None
    iso_secretary: Person | None = None
    documents_approved: Decision | None = Field(
        None, description="The head's decision approving the documents and procedures (QĐ19 Điều 4 khoản 2 điểm a)."
    )
    quality_manual: Decision | None = Field(None, description="TCVN ISO 9001:2008 only.")
    management_representative: Person | None = Field(None, description="TCVN ISO 9001:2008 only.")
    mandatory_procedures: list[MandatoryProcedure] | None = Field(None, description="TCVN ISO 9001:2008 only.")

    meanings: ClassVar[Meanings] = Meanings(
        quality_policy=Meaning(en="Decision issuing the quality policy; null = none issued."),
        quality_objectives=Meaning(en="Quality objectives, one entry per year (or revision)."),
        maintenance_plans=Meaning(en="Plans to maintain and improve the QMS, one per year."),
        steering_committee=Meaning(en="Decision setting up the ISO steering committee; null = none."),
        iso_secretary=Meaning(en="The appointed ISO secretary; null = none appointed."),
    )
