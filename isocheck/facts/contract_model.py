"""Contracts, surveys and yearly reports in the fact file: consultants, certification bodies, customer
satisfaction surveys, the yearly QMS report — part of the fact model (:mod:`isocheck.facts.model` re-exports
them)."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from isocheck.facts.meaning import Meaning, Meanings
from isocheck.facts.records import (
    ConsultantDeviation,
    ValidityCheck,
)
from isocheck.facts.strict import Strict, is_known  # noqa: F401 (is_known: re-exported, the model's public test)
from isocheck.facts.types import Bool, Date, Ident, Int, Str


class ConsultantContract(Strict):
    consultant: Ident = Field(min_length=1)
    contract_date: Date
    certificate: Ident | None = Field(None, description="Giấy xác nhận đủ điều kiện tư vấn number; null = none.")
    certificate_valid_until: Date | None = None
    experts_have_cards: Bool | None = Field(None, description="Every expert holds a valid expert card (thẻ).")
    ended_on: Date | None = Field(
        None, description="Date the engagement ended (acceptance or settlement of the contract); null = still going."
    )
    cards_valid_until: Date | None = Field(
        None, description="The earliest date an expert card on the engagement expires; left out = no end date."
    )
    validity_checks: list[ValidityCheck] | None = Field(
        None, description="Dates the agency checked the certificate and cards on the standards body's website."
    )
    deviations: list[ConsultantDeviation] | None = Field(
        None, description="Departures from the consulting plan without good reason; [] = none."
    )

    meanings: ClassVar[Meanings] = Meanings(
        consultant=Meaning(en="Name of the consulting organisation."),
        contract_date=Meaning(en="Date the contract was signed."),
        certificate_valid_until=Meaning(
            en="Date the certificate expires; left out = no end date.", absent_is_null=True
        ),
        cards_valid_until=Meaning(absent_is_null=True),
        validity_checks=Meaning(
            en=(
                "Dates the agency checked the certificate and the cards on www.tcvn.gov.vn (TT26 Art. 41 cl. 4); [] = "
                "never."
            )
        ),
        deviations=Meaning(
            en=("Times the consultant departed from the consulting plan without good reason; [] = none.")
        ),
    )


class CertificationBodyContract(Strict):
    body: Ident = Field(min_length=1)
    contract_date: Date
    purpose: Str | None = None

    meanings: ClassVar[Meanings] = Meanings(
        body=Meaning(en="Name of the certification body."),
        contract_date=Meaning(en="Date the contract was signed."),
        purpose=Meaning(en="Purpose (certification, surveillance…)."),
    )


class SatisfactionSurvey(Strict):
    year: Int = Field(ge=2000, le=2100)
    held_on: Date | None = Field(None, description="Date the survey was carried out; null = not yet.")
    planned_on: Date | None = None
    reference: Ident | None = None

    meanings: ClassVar[Meanings] = Meanings(
        year=Meaning(en="Year of the survey."),
        held_on=Meaning(absent_is_null=True),
        planned_on=Meaning(en="Planned date."),
        reference=Meaning(en="Reference of the survey report."),
    )


class YearlyReport(Strict):
    """The agency's report on building, applying and maintaining its QMS, sent to the inspecting unit
    when asked (TT26 Điều 35 khoản 1–2; provinces ask every year, e.g. in October for that year)."""

    year: Int = Field(ge=2000, le=2100, description="Year the report covers.")
    requested_by: Ident | None = Field(None, description="Number of the request letter, e.g. '1243/SKH-CN-TĐC'.")
    requested_on: Date | None = Field(None, description="Date of the request letter.")
    due_on: Date | None = Field(None, description="Deadline set in the request letter.")
    submitted_on: Date | None = Field(None, description="Date the report was sent; null = not sent.")
    reference: Ident | None = Field(None, description="Number of the report, e.g. '3061/BC-SXD'.")

    meanings: ClassVar[Meanings] = Meanings(
        due_on=Meaning(
            en=(
                "Deadline set in the request letter; when it sets none: the province overlay's yearly_report_due, else "
                "the deadline is unknown."
            ),
            absent_is_null=True,
        ),
        submitted_on=Meaning(absent_is_null=True),
    )
