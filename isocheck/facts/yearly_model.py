"""The yearly duties as the fact file records them: internal audits with their findings and corrective actions,
management reviews — part of the fact model (:mod:`isocheck.facts.model` re-exports them)."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from isocheck.facts.meaning import Meaning, Meanings
from isocheck.facts.strict import Strict, is_known  # noqa: F401 (is_known: re-exported, the model's public test)
from isocheck.facts.types import Count, Date, Ident, Str


class AuditFindings(Strict):
    major: Count = 0
    minor: Count = 0
    observation: Count = 0

    meanings: ClassVar[Meanings] = Meanings(
        major=Meaning(en="Number of major nonconformities."),
        minor=Meaning(en="Number of minor nonconformities."),
        observation=Meaning(en="Number of observations."),
    )


class CorrectiveAction(Strict):
    finding: Str = Field(min_length=1)
    severity: Literal["major", "minor"] = "minor"
    due_on: Date | None = None
    closed_on: Date | None = Field(None, description="null = still open.")

    meanings: ClassVar[Meanings] = Meanings(
        finding=Meaning(en="The nonconformity to correct."),
        severity=Meaning(en="major | minor."),
        due_on=Meaning(
            en="Deadline of the action; without one, an open action counts as overdue.", absent_is_null=True
        ),
        closed_on=Meaning(absent_is_null=True),
    )


class InternalAudit(Strict):
    date: Date
    plan: Ident | None = None
    report: Ident | None = None
    findings: AuditFindings | None = None
    corrective_actions: list[CorrectiveAction] | None = None

    meanings: ClassVar[Meanings] = Meanings(
        date=Meaning(en="Date of the audit."),
        plan=Meaning(en="Reference of the audit plan."),
        report=Meaning(en="Reference of the audit report."),
        findings=Meaning(en="Findings by severity.", null_is_unknown=True),
        corrective_actions=Meaning(en="Corrective actions, one per nonconformity; [] = none."),
    )


class ManagementReview(Strict):
    date: Date
    minutes: Ident | None = Field(None, description="Reference of the minutes (biên bản); null = none kept.")

    meanings: ClassVar[Meanings] = Meanings(
        date=Meaning(en="Date of the review."),
    )
