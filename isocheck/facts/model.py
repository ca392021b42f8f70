"""The fact model of one agency (pydantic, ``extra="forbid"``) and its loader.

Knowledge convention, used everywhere downstream:
- a field **left out** of the fact file is *unknown* (rules that need it are ``not_evaluable``);
- an explicit ``null`` or an explicit empty list ``[]`` means *known to be none* (e.g.
  ``notified_dost_on: null`` = the agency did not notify the Department of Science and Technology).
:func:`is_known` tells the two apart through pydantic's ``model_fields_set``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar, Literal, get_args

from pydantic import Field, ValidationError

from isocheck.base.errors import InputError
from isocheck.facts.contract_model import (
    CertificationBodyContract,
    ConsultantContract,
    SatisfactionSurvey,
    YearlyReport,
)
from isocheck.facts.evidence import Judgement, YearMarks, check_evidence
from isocheck.facts.meaning import Meaning, Meanings
from isocheck.facts.parse import load_document, position_of
from isocheck.facts.qms_model import (  # noqa: F401 (re-exported)
    MANDATORY_PROCEDURES_2008,
    QMS,
    Decision,
    MaintenancePlan,
    MandatoryProcedure,
    Person,
    QualityObjectives,
)
from isocheck.facts.records import (
    AuditorTraining,
    Inspection,
    QmsBudget,
    QmsDuty,
)
from isocheck.facts.strict import Strict, is_known  # noqa: F401 (is_known: re-exported, the model's public test)
from isocheck.facts.types import Bool, Date, Ident, StandardVersion, Str
from isocheck.facts.uniqueness import check_unique_codes
from isocheck.facts.validation import validation_error
from isocheck.facts.yearly_model import AuditFindings, CorrectiveAction, InternalAudit, ManagementReview  # noqa: F401 (re-exported)
from isocheck.text.problems import Found

Level = Literal[
    "department",
    "sub_department",
    "district",
    "commune",
    "ministry",
    "provincial_committee",
    "public_service_unit",
    "policy_bank",
    "mission_abroad",
]
# the levels in the order reports list them; law/administration/levels.yaml says what QĐ 19 Điều 2 asks of each
LEVELS: tuple[str, ...] = get_args(Level)


class Identity(Strict):
    name: Str = Field(min_length=1, description="Official name, e.g. 'UBND phường Đức Thuận'.")
    level: Level = Field(
        description="department | sub_department | district | commune | ministry | provincial_committee | "
        "public_service_unit | policy_bank | mission_abroad"
    )
    province: Str = Field(min_length=1)
    standard: StandardVersion = Field(description="TCVN ISO 9001 version the QMS is built on: 2008 or 2015.")
    parent: Str | None = Field(
        None,
        description=(
            "Body the agency belongs to "
            "(e.g. the department over a sub-department, the provincial People's Committee over a commune)."
        ),
    )
    has_website: Bool | None = Field(
        None, description="Whether the agency has its own website (QĐ19 Điều 4 khoản 3 'nếu có')."
    )
    website: Str | None = None
    qms_duty: QmsDuty | None = Field(
        None,
        description="Only for bodies QĐ19 Điều 2 khoản 2 encourages (commune, public_service_unit, policy_bank, "
        "mission_abroad): the decision that requires a QMS, or voluntary, or none. Left out: unknown, unless the "
        "body has announced a QMS.",
    )

    meanings: ClassVar[Meanings] = Meanings(
        level=Meaning(
            en=(
                "Administrative level: department (provincial department) | sub_department | district (until "
                "30/06/2025) | commune | ministry (a body of a ministry, vertical-line bodies included) | "
                "provincial_committee | public_service_unit | policy_bank | mission_abroad. Communes and the last three"
                " are only encouraged to apply a QMS (QĐ 19 Article 2 clause 2): see qms_duty."
            )
        ),
        province=Meaning(en="Province (or centrally run city)."),
        website=Meaning(en="Address of the website."),
        qms_duty=Meaning(
            en=(
                "Only for bodies that QĐ 19 Article 2 clause 2 encourages (commune, public service unit, policy bank, "
                "mission abroad): the document that requires a QMS, or voluntary, or none. Left out: unknown, unless "
                "the body has announced a QMS."
            )
        ),
    )


class Procedure(Strict):
    """An administrative procedure (TTHC) the agency handles."""

    code: Ident = Field(min_length=1, description="Code in the national TTHC database, e.g. '1.001193'.")
    name: Str = Field(min_length=1)
    field: Str = Field(min_length=1, description="Field (lĩnh vực), e.g. 'Hộ tịch'.")
    announced_by: Ident | None = Field(None, description="Decision that announced the TTHC.")
    internal_procedure: Bool | None = Field(None, description="An internal ISO procedure exists for it.")
    matches_one_stop: Bool | None = Field(
        None, description="The internal procedure matches the e-one-stop software (steps, time limit)."
    )

    meanings: ClassVar[Meanings] = Meanings(
        name=Meaning(en="Name of the procedure."),
    )


class LegalDocument(Strict):
    number: Ident = Field(min_length=1)
    title: Str | None = None
    effective_on: Date
    built_in_on: Date | None = Field(None, description="Date the change was built into the procedures; null = not yet.")

    meanings: ClassVar[Meanings] = Meanings(
        number=Meaning(en="Number of the document, e.g. '31/2021/NĐ-CP'."),
        title=Meaning(en="Title (what it is about)."),
        effective_on=Meaning(en="Date it takes effect."),
    )


class Announcement(Strict):
    decision: Ident = Field(min_length=1, description="Number of the announcement decision, e.g. '132/QĐ-UBND'.")
    date: Date
    standard: StandardVersion
    scope: Str | None = None
    head_confirmed_on: Date | None = Field(
        None, description="Date the head confirmed the QMS effective (QĐ19 Điều 4 khoản 2 điểm d); null = never."
    )
    notified_dost_on: Date | None = Field(
        None, description="Date of the letter to the Department of Science and Technology; null = not sent."
    )
    notification: Ident | None = Field(None, description="Number of that letter.")
    posted_at_premises: Bool | None = None
    published_on_website: Bool | None = None

    meanings: ClassVar[Meanings] = Meanings(
        date=Meaning(en="Date of the decision."),
        standard=Meaning(en="TCVN ISO 9001 version announced: 2008 or 2015."),
        scope=Meaning(en="Scope announced."),
        posted_at_premises=Meaning(en="The announcement is posted at the agency's premises."),
        published_on_website=Meaning(en="The announcement is published on the agency's website."),
    )


class ScopeChange(Strict):
    date: Date
    kind: Literal["adjusted", "extended", "narrowed"]
    description: Str | None = None

    meanings: ClassVar[Meanings] = Meanings(
        date=Meaning(en="Date of the change (of the decision)."),
        kind=Meaning(en="adjusted | extended | narrowed."),
        description=Meaning(en="Short description."),
    )


class Agency(Strict):
    """Everything known about one agency's QMS."""

    agency: Identity
    records_since: Date | None = Field(
        None,
        description="Records in this file (audits, reviews, legal documents…) are complete from this date; "
        "earlier events are unknown. Left out: the lists are the complete history.",
    )
    qms: QMS | None = None
    procedures: list[Procedure] | None = None
    legal_documents: list[LegalDocument] | None = None
    internal_audits: list[InternalAudit] | None = None
    management_reviews: list[ManagementReview] | None = None
    announcements: list[Announcement] | None = None
    scope_changes: list[ScopeChange] | None = None
    consultants: list[ConsultantContract] | None = None
    certification_bodies: list[CertificationBodyContract] | None = None
    satisfaction_surveys: list[SatisfactionSurvey] | None = None
    reports: list[YearlyReport] | None = Field(
        None, description="Yearly QMS reports to the inspecting unit; [] = none was requested."
    )
    inspections: list[Inspection] | None = Field(None, description="On-site inspections of the QMS; [] = none.")
    auditor_training: list[AuditorTraining] | None = Field(
        None, description="Training of the agency's internal auditors; [] = none."
    )
    budgets: list[QmsBudget] | None = Field(None, description="QMS funding estimate and spending by year; [] = none.")

    meanings: ClassVar[Meanings] = Meanings(
        agency=Meaning(en="Who the agency is.", title="The agency"),
        records_since=Meaning(title="Records complete since", absent_is_null=True),
        qms=Meaning(en="The QMS decisions and documents.", title="Quality management system", null_is_unknown=True),
        procedures=Meaning(
            en="The administrative procedures (TTHC) the agency handles.", title="Administrative procedures (TTHC)"
        ),
        legal_documents=Meaning(
            en=(
                "New or amended legal documents that concern the agency's work; each must be built into the QMS within "
                "three months of taking effect."
            ),
            title="Legal documents to build in",
        ),
        internal_audits=Meaning(en="Internal audits held.", title="Internal audits"),
        management_reviews=Meaning(en="Management reviews held.", title="Management reviews"),
        announcements=Meaning(
            en=("The agency's QMS announcement decisions (re-announcements included); [] = not announced yet."),
            title="Announcements",
        ),
        scope_changes=Meaning(
            en="Changes of the QMS scope (adjusted, extended, narrowed); [] = none.", title="Scope changes"
        ),
        consultants=Meaning(en="Contracts with consulting organisations; [] = none.", title="Consultants"),
        certification_bodies=Meaning(
            en="Contracts with certification bodies (QĐ 19 forbids hiring them); [] = none.",
            title="Certification bodies",
        ),
        satisfaction_surveys=Meaning(en="Customer-satisfaction surveys.", title="Satisfaction surveys"),
        reports=Meaning(title="Yearly reports"),
        inspections=Meaning(
            en="On-site inspections of the QMS (decision, minutes, corrective actions); [] = none.",
            title="On-site inspections",
        ),
        auditor_training=Meaning(
            en="Courses that trained the agency's staff as internal auditors; [] = none.",
            title="Internal auditor training",
        ),
        budgets=Meaning(
            en="The QMS funding estimate and spending per budget year (whole đồng); [] = none.", title="QMS funding"
        ),
        judgements=Meaning(
            en=(
                "Judgements of the inspectors (or auditors) per criterion: conforms, partly, does not conform, not yet "
                "due, not applicable, with the note, where it was seen, by whom and when."
            ),
            title="Inspectors' judgements",
        ),
        marks=Meaning(
            en=("Marks of a provincial roster on the yearly duties, without dates: one entry per year."),
            title="Roster marks",
        ),
    )

    # Evidence beyond dated documents (isocheck/facts/evidence.py): kept below the table, so that the field lines
    # above, retyped on another branch, merge without a conflict.
    judgements: list[Judgement] | None = Field(
        None, description="Inspectors' judgements, one per criterion (and item); [] = none recorded."
    )
    marks: list[YearMarks] | None = Field(
        None, description="What a provincial roster marks about each year's yearly duties, without dates."
    )


def load_agency(path: str | Path) -> Agency:
    """Load and validate one agency fact file (YAML or JSON). Raises :class:`InputError`."""
    data, lines = load_document(path)
    return validate_agency(data, str(path), lines)


def validate_agency(data: Any, file: str, lines: dict | None = None) -> Agency:
    if not isinstance(data, dict):
        line, column = position_of(lines or {}, ())
        raise InputError.of(file, "facts.not_mapping", {"found": Found(data)}, line=line, column=column)
    try:
        agency = Agency.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, file, lines or {}, Agency) from None
    check_unique_codes(agency, file, {} if lines is None else lines)
    check_evidence(agency, file, lines or {})  # judgements about items the file has, each judged once
    return agency
