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
        number=Meaning("Số quyết định, ví dụ '27/QĐ-UBND'.", "Number of the decision, e.g. '27/QĐ-UBND'."),
        issued_on=Meaning("Ngày ban hành.", "Date issued."),
    )


class QualityObjectives(Strict):
    year: Int = Field(ge=2000, le=2100)
    number: Ident | None = None
    issued_on: Date | None = None
    measurable: Bool | None = Field(None, description="Objectives are measurable (TCVN ISO 9001:2015 §6.2.1 b).")
    has_plan: Bool | None = Field(None, description="A plan to achieve the objectives exists (§6.2.2).")

    meanings: ClassVar[Meanings] = Meanings(
        year=Meaning("Năm của mục tiêu chất lượng.", "Year the objectives are for."),
        number=Meaning("Số quyết định ban hành mục tiêu.", "Number of the decision issuing them."),
        issued_on=Meaning("Ngày ban hành.", "Date issued."),
        measurable="Mục tiêu đo lường được (TCVN ISO 9001:2015 mục 6.2.1 b).",
        has_plan="Có kế hoạch thực hiện mục tiêu (mục 6.2.2).",
    )


class MaintenancePlan(Strict):
    year: Int = Field(ge=2000, le=2100)
    number: Ident | None = None
    issued_on: Date | None = None

    meanings: ClassVar[Meanings] = Meanings(
        year=Meaning("Năm của kế hoạch.", "Year the plan covers."),
        number=Meaning("Số kế hoạch, ví dụ '15/KH-UBND'.", "Number of the plan, e.g. '15/KH-UBND'."),
        issued_on=Meaning("Ngày ban hành.", "Date issued."),
    )


class Person(Strict):
    name: Str | None = None
    appointed_by: Ident | None = Field(None, description="Number of the appointing decision.")
    appointed_on: Date | None = None

    meanings: ClassVar[Meanings] = Meanings(
        name=Meaning("Họ và tên.", "Full name."),
        appointed_by="Số quyết định phân công.",
        appointed_on=Meaning("Ngày phân công.", "Date of appointment."),
    )


class MandatoryProcedure(Strict):
    kind: Literal[MANDATORY_PROCEDURES_2008]  # type: ignore[valid-type]
    code: Ident | None = None
    built: Bool
    operated: Literal["yes", "no", "not_triggered"] | None = Field(
        None, description="yes | no | not_triggered (nothing happened that called for it)."
    )

    meanings: ClassVar[Meanings] = Meanings(
        kind=Meaning(
            "Thủ tục bắt buộc nào của TCVN ISO 9001:2008.", "Which mandatory procedure of TCVN ISO 9001:2008."
        ),
        code=Meaning("Mã hiệu tài liệu, ví dụ 'QT-01'.", "Document code, e.g. 'QT-01'."),
        built=Meaning("Thủ tục đã được ban hành.", "The documented procedure has been issued."),
        operated="Thủ tục được áp dụng: yes (có) | no (không) | not_triggered (chưa phát sinh việc cần áp dụng).",
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
        quality_policy=Meaning(
            "Quyết định ban hành chính sách chất lượng; null = chưa ban hành.",
            "Decision issuing the quality policy; null = none issued.",
        ),
        quality_objectives=Meaning(
            "Mục tiêu chất lượng, mỗi năm (hoặc mỗi lần sửa đổi) một mục.",
            "Quality objectives, one entry per year (or revision).",
        ),
        maintenance_plans=Meaning(
            "Kế hoạch duy trì, cải tiến HTQLCL, mỗi năm một mục.",
            "Plans to maintain and improve the QMS, one per year.",
        ),
        steering_committee=Meaning(
            "Quyết định thành lập (kiện toàn) Ban Chỉ đạo ISO; null = chưa thành lập.",
            "Decision setting up the ISO steering committee; null = none.",
        ),
        iso_secretary=Meaning(
            "Thư ký ISO được phân công; null = chưa phân công.", "The appointed ISO secretary; null = none appointed."
        ),
        documents_approved="Quyết định của người đứng đầu phê duyệt tài liệu, quy trình (QĐ 19 Điều 4 khoản 2 điểm a).",
        quality_manual="Sổ tay chất lượng (chỉ TCVN ISO 9001:2008).",
        management_representative="Đại diện lãnh đạo (chỉ TCVN ISO 9001:2008).",
        mandatory_procedures="Sáu thủ tục bắt buộc, mỗi thủ tục một mục (chỉ TCVN ISO 9001:2008).",
    )
