"""The fact model of one agency (pydantic, ``extra="forbid"``) and its loader.

Knowledge convention, used everywhere downstream:
- a field **left out** of the fact file is *unknown* (rules that need it are ``not_evaluable``);
- an explicit ``null`` or an explicit empty list ``[]`` means *known to be none* (e.g.
  ``notified_dost_on: null`` = the agency did not notify the Department of Science and Technology).
:func:`is_known` tells the two apart through pydantic's ``model_fields_set``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt, ValidationError

from isocheck.errors import InputError
from isocheck.error_text import Found
from isocheck.validation_text import validation_error
from isocheck.yamlio import load_document, position_of

Level = Literal["department", "sub_department", "district", "commune"]
StandardVersion = Literal[2008, 2015]
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
    name: str = Field(min_length=1, description="Official name, e.g. 'UBND phường Đức Thuận'.")
    level: Level = Field(description="department | sub_department | district | commune")
    province: str = Field(min_length=1)
    standard: StandardVersion = Field(description="TCVN ISO 9001 version the QMS is built on: 2008 or 2015.")
    parent: Optional[str] = Field(None, description="Body the agency belongs to (e.g. the district People's Committee).")
    has_website: Optional[bool] = Field(None, description="Whether the agency has its own website (QĐ19 Điều 4 khoản 3 'nếu có').")
    website: Optional[str] = None


class Decision(Strict):
    """A document issued by a numbered decision (quyết định) or plan."""

    number: Optional[str] = Field(None, description="e.g. '27/QĐ-UBND'")
    issued_on: Optional[dt.date] = None


class QualityObjectives(Strict):
    year: int = Field(ge=2000, le=2100)
    number: Optional[str] = None
    issued_on: Optional[dt.date] = None
    measurable: Optional[bool] = Field(None, description="Objectives are measurable (TCVN ISO 9001:2015 §6.2.1 b).")
    has_plan: Optional[bool] = Field(None, description="A plan to achieve the objectives exists (§6.2.2).")


class MaintenancePlan(Strict):
    year: int = Field(ge=2000, le=2100)
    number: Optional[str] = None
    issued_on: Optional[dt.date] = None


class Person(Strict):
    name: Optional[str] = None
    appointed_by: Optional[str] = Field(None, description="Number of the appointing decision.")
    appointed_on: Optional[dt.date] = None


class MandatoryProcedure(Strict):
    kind: Literal[MANDATORY_PROCEDURES_2008]  # type: ignore[valid-type]
    code: Optional[str] = None
    built: bool
    operated: Optional[Literal["yes", "no", "not_triggered"]] = Field(
        None, description="yes | no | not_triggered (nothing happened that called for it)."
    )


class QMS(Strict):
    quality_policy: Optional[Decision] = None
    quality_objectives: Optional[list[QualityObjectives]] = None
    maintenance_plans: Optional[list[MaintenancePlan]] = None
    steering_committee: Optional[Decision] = None
    iso_secretary: Optional[Person] = None
    documents_approved: Optional[Decision] = Field(
        None, description="The head's decision approving the documents and procedures (QĐ19 Điều 4 khoản 2 điểm a)."
    )
    quality_manual: Optional[Decision] = Field(None, description="TCVN ISO 9001:2008 only.")
    management_representative: Optional[Person] = Field(None, description="TCVN ISO 9001:2008 only.")
    mandatory_procedures: Optional[list[MandatoryProcedure]] = Field(None, description="TCVN ISO 9001:2008 only.")


class Procedure(Strict):
    """An administrative procedure (TTHC) the agency handles."""

    code: str = Field(min_length=1, description="Code in the national TTHC database, e.g. '1.001193'.")
    name: str = Field(min_length=1)
    field: str = Field(min_length=1, description="Field (lĩnh vực), e.g. 'Hộ tịch'.")
    announced_by: Optional[str] = Field(None, description="Decision that announced the TTHC.")
    internal_procedure: Optional[bool] = Field(None, description="An internal ISO procedure exists for it.")
    matches_one_stop: Optional[bool] = Field(
        None, description="The internal procedure matches the e-one-stop software (steps, time limit)."
    )


class LegalDocument(Strict):
    number: str = Field(min_length=1)
    title: Optional[str] = None
    effective_on: dt.date
    built_in_on: Optional[dt.date] = Field(
        None, description="Date the change was built into the procedures; null = not yet."
    )


class AuditFindings(Strict):
    major: NonNegativeInt = 0
    minor: NonNegativeInt = 0
    observation: NonNegativeInt = 0


class CorrectiveAction(Strict):
    finding: str = Field(min_length=1)
    severity: Literal["major", "minor"] = "minor"
    due_on: Optional[dt.date] = None
    closed_on: Optional[dt.date] = Field(None, description="null = still open.")


class InternalAudit(Strict):
    date: dt.date
    plan: Optional[str] = None
    report: Optional[str] = None
    findings: Optional[AuditFindings] = None
    corrective_actions: Optional[list[CorrectiveAction]] = None


class ManagementReview(Strict):
    date: dt.date
    minutes: Optional[str] = Field(None, description="Reference of the minutes (biên bản); null = none kept.")


class Announcement(Strict):
    decision: str = Field(min_length=1, description="Number of the announcement decision, e.g. '132/QĐ-UBND'.")
    date: dt.date
    standard: StandardVersion
    scope: Optional[str] = None
    head_confirmed_on: Optional[dt.date] = Field(
        None, description="Date the head confirmed the QMS effective (QĐ19 Điều 4 khoản 2 điểm d); null = never."
    )
    notified_dost_on: Optional[dt.date] = Field(
        None, description="Date of the letter to the Department of Science and Technology; null = not sent."
    )
    notification: Optional[str] = Field(None, description="Number of that letter.")
    posted_at_premises: Optional[bool] = None
    published_on_website: Optional[bool] = None


class ScopeChange(Strict):
    date: dt.date
    kind: Literal["adjusted", "extended", "narrowed"]
    description: Optional[str] = None


class ConsultantContract(Strict):
    consultant: str = Field(min_length=1)
    contract_date: dt.date
    certificate: Optional[str] = Field(None, description="Giấy xác nhận đủ điều kiện tư vấn number; null = none.")
    certificate_valid_until: Optional[dt.date] = None
    experts_have_cards: Optional[bool] = Field(None, description="Every expert holds a valid expert card (thẻ).")


class CertificationBodyContract(Strict):
    body: str = Field(min_length=1)
    contract_date: dt.date
    purpose: Optional[str] = None


class SatisfactionSurvey(Strict):
    year: int = Field(ge=2000, le=2100)
    held_on: Optional[dt.date] = Field(None, description="Date the survey was carried out; null = not yet.")
    planned_on: Optional[dt.date] = None
    reference: Optional[str] = None


class YearlyReport(Strict):
    """The agency's report on building, applying and maintaining its QMS, sent to the inspecting unit
    when asked (TT26 Điều 35 khoản 1–2; provinces ask every year, e.g. in October for that year)."""

    year: int = Field(ge=2000, le=2100, description="Year the report covers.")
    requested_by: Optional[str] = Field(None, description="Number of the request letter, e.g. '1243/SKH-CN-TĐC'.")
    requested_on: Optional[dt.date] = Field(None, description="Date of the request letter.")
    due_on: Optional[dt.date] = Field(None, description="Deadline set in the request letter.")
    submitted_on: Optional[dt.date] = Field(None, description="Date the report was sent; null = not sent.")
    reference: Optional[str] = Field(None, description="Number of the report, e.g. '3061/BC-SXD'.")


class Agency(Strict):
    """Everything known about one agency's QMS."""

    agency: Identity
    records_since: Optional[dt.date] = Field(
        None,
        description="Records in this file (audits, reviews, legal documents…) are complete from this date; "
        "earlier events are unknown. Left out: the lists are the complete history.",
    )
    qms: Optional[QMS] = None
    procedures: Optional[list[Procedure]] = None
    legal_documents: Optional[list[LegalDocument]] = None
    internal_audits: Optional[list[InternalAudit]] = None
    management_reviews: Optional[list[ManagementReview]] = None
    announcements: Optional[list[Announcement]] = None
    scope_changes: Optional[list[ScopeChange]] = None
    consultants: Optional[list[ConsultantContract]] = None
    certification_bodies: Optional[list[CertificationBodyContract]] = None
    satisfaction_surveys: Optional[list[SatisfactionSurvey]] = None
    reports: Optional[list[YearlyReport]] = Field(
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
        return Agency.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, file, lines or {}, Agency) from None
