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
        major=Meaning("Số điểm không phù hợp nặng.", "Number of major nonconformities."),
        minor=Meaning("Số điểm không phù hợp nhẹ.", "Number of minor nonconformities."),
        observation=Meaning("Số điểm lưu ý.", "Number of observations."),
    )


class CorrectiveAction(Strict):
    finding: Str = Field(min_length=1)
    severity: Literal["major", "minor"] = "minor"
    due_on: Date | None = None
    closed_on: Date | None = Field(None, description="null = still open.")

    meanings: ClassVar[Meanings] = Meanings(
        finding=Meaning("Điểm không phù hợp cần khắc phục.", "The nonconformity to correct."),
        severity=Meaning("Mức độ: major (nặng) | minor (nhẹ).", "major | minor."),
        due_on=Meaning(
            "Hạn hoàn thành khắc phục; không có hạn: hành động chưa xong bị tính là quá hạn.",
            "Deadline of the action; without one, an open action counts as overdue.",
            absent_is_null=True,
        ),
        closed_on=Meaning("Ngày hoàn thành khắc phục; null = chưa xong.", absent_is_null=True),
    )


class InternalAudit(Strict):
    date: Date
    plan: Ident | None = None
    report: Ident | None = None
    findings: AuditFindings | None = None
    corrective_actions: list[CorrectiveAction] | None = None

    meanings: ClassVar[Meanings] = Meanings(
        date=Meaning("Ngày đánh giá.", "Date of the audit."),
        plan=Meaning("Số kế hoạch (quyết định) đánh giá.", "Reference of the audit plan."),
        report=Meaning("Số báo cáo đánh giá.", "Reference of the audit report."),
        findings=Meaning("Số điểm phát hiện theo mức độ.", "Findings by severity.", null_is_unknown=True),
        corrective_actions=Meaning(
            "Hành động khắc phục, mỗi điểm không phù hợp một mục; [] = không có.",
            "Corrective actions, one per nonconformity; [] = none.",
        ),
    )


class ManagementReview(Strict):
    date: Date
    minutes: Ident | None = Field(None, description="Reference of the minutes (biên bản); null = none kept.")

    meanings: ClassVar[Meanings] = Meanings(
        date=Meaning("Ngày họp xem xét.", "Date of the review."),
        minutes="Số biên bản họp; null = không lập biên bản.",
    )
