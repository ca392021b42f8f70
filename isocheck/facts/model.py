"""The fact model of one agency (pydantic, ``extra="forbid"``) and its loader.

Knowledge convention, used everywhere downstream:
- a field **left out** of the fact file is *unknown* (rules that need it are ``not_evaluable``);
- an explicit ``null`` or an explicit empty list ``[]`` means *known to be none* (e.g.
  ``notified_dost_on: null`` = the agency did not notify the Department of Science and Technology).
:func:`is_known` tells the two apart through pydantic's ``model_fields_set``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from isocheck.base.errors import InputError
from isocheck.facts.parse import load_document, position_of
from isocheck.facts.types import Bool, Count, Date, Ident, Int, StandardVersion, Str
from isocheck.facts.uniqueness import check_unique_codes
from isocheck.facts.validation import validation_error
from isocheck.text.problems import Found

Level = Literal["department", "sub_department", "district", "commune"]
LEVELS: tuple[str, ...] = ("department", "sub_department", "district", "commune")
MANDATORY_PROCEDURES_2008: tuple[str, ...] = (
    "document_control",
    "record_control",
    "internal_audit",
    "nonconforming_output",
    "corrective_action",
    "preventive_action",
)


class Strict(BaseModel):
    """Base for every fact model: unknown fields are an error."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def is_known(model: BaseModel | None, field: str) -> bool:
    """True when ``field`` was written in the fact file (even as ``null``), False when left out."""
    return model is not None and field in model.model_fields_set


class Identity(Strict):
    name: Ident = Field(min_length=1, description="Official name, e.g. 'UBND phường Đức Thuận'.")
    level: Level = Field(description="department | sub_department | district | commune")
    province: Str = Field(min_length=1)
    standard: StandardVersion = Field(description="TCVN ISO 9001 version the QMS is built on: 2008 or 2015.")
    parent: Str | None = Field(None, description="Body the agency belongs to (e.g. the district People's Committee).")
    has_website: Bool | None = Field(
        None, description="Whether the agency has its own website (QĐ19 Điều 4 khoản 3 'nếu có')."
    )
    website: Str | None = None


class Decision(Strict):
    """A document issued by a numbered decision (quyết định) or plan."""

    number: Ident | None = Field(None, description="e.g. '27/QĐ-UBND'")
    issued_on: Date | None = None


class QualityObjectives(Strict):
    year: Int = Field(ge=2000, le=2100)
    number: Ident | None = None
    issued_on: Date | None = None
    measurable: Bool | None = Field(None, description="Objectives are measurable (TCVN ISO 9001:2015 §6.2.1 b).")
    has_plan: Bool | None = Field(None, description="A plan to achieve the objectives exists (§6.2.2).")


class MaintenancePlan(Strict):
    year: Int = Field(ge=2000, le=2100)
    number: Ident | None = None
    issued_on: Date | None = None


class Person(Strict):
    name: Str | None = None
    appointed_by: Ident | None = Field(None, description="Number of the appointing decision.")
    appointed_on: Date | None = None


class MandatoryProcedure(Strict):
    kind: Literal[MANDATORY_PROCEDURES_2008]  # type: ignore[valid-type]
    code: Ident | None = None
    built: Bool
    operated: Literal["yes", "no", "not_triggered"] | None = Field(
        None, description="yes | no | not_triggered (nothing happened that called for it)."
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


class LegalDocument(Strict):
    number: Ident = Field(min_length=1)
    title: Str | None = None
    effective_on: Date
    built_in_on: Date | None = Field(None, description="Date the change was built into the procedures; null = not yet.")


class AuditFindings(Strict):
    major: Count = 0
    minor: Count = 0
    observation: Count = 0


class CorrectiveAction(Strict):
    finding: Str = Field(min_length=1)
    severity: Literal["major", "minor"] = "minor"
    due_on: Date | None = None
    closed_on: Date | None = Field(None, description="null = still open.")


class InternalAudit(Strict):
    date: Date
    plan: Ident | None = None
    report: Ident | None = None
    findings: AuditFindings | None = None
    corrective_actions: list[CorrectiveAction] | None = None


class ManagementReview(Strict):
    date: Date
    minutes: Ident | None = Field(None, description="Reference of the minutes (biên bản); null = none kept.")


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


class ScopeChange(Strict):
    date: Date
    kind: Literal["adjusted", "extended", "narrowed"]
    description: Str | None = None


class ConsultantContract(Strict):
    consultant: Ident = Field(min_length=1)
    contract_date: Date
    certificate: Ident | None = Field(None, description="Giấy xác nhận đủ điều kiện tư vấn number; null = none.")
    certificate_valid_until: Date | None = None
    experts_have_cards: Bool | None = Field(None, description="Every expert holds a valid expert card (thẻ).")


class CertificationBodyContract(Strict):
    body: Ident = Field(min_length=1)
    contract_date: Date
    purpose: Str | None = None


class SatisfactionSurvey(Strict):
    year: Int = Field(ge=2000, le=2100)
    held_on: Date | None = Field(None, description="Date the survey was carried out; null = not yet.")
    planned_on: Date | None = None
    reference: Ident | None = None


class YearlyReport(Strict):
    """The agency's report on building, applying and maintaining its QMS, sent to the inspecting unit
    when asked (TT26 Điều 35 khoản 1–2; provinces ask every year, e.g. in October for that year)."""

    year: Int = Field(ge=2000, le=2100, description="Year the report covers.")
    requested_by: Ident | None = Field(None, description="Number of the request letter, e.g. '1243/SKH-CN-TĐC'.")
    requested_on: Date | None = Field(None, description="Date of the request letter.")
    due_on: Date | None = Field(None, description="Deadline set in the request letter.")
    submitted_on: Date | None = Field(None, description="Date the report was sent; null = not sent.")
    reference: Ident | None = Field(None, description="Number of the report, e.g. '3061/BC-SXD'.")


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
    return agency
