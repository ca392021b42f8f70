"""Flat subject facts: what rules match on, and the catalogue of their fields.

A *subject* is what one finding is about: the agency, the year under review, one legal document,
one announcement, one scope change, one internal audit, one management review, one consultant
contract, one 2008 mandatory procedure, or the agency's list of administrative procedures (TTHC).

``FIELDS`` lists, per subject kind, every field a rule may test, with its type and meaning. The rule
loader checks each rule condition against it, so a misspelt field or a value of the wrong type is a
load error, not a rule that silently never fires (the engine treats ``'5'`` and ``5`` as equal).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

# field type names: "int", "bool" (carried to the engine as 0/1), "str"
FIELDS: dict[str, dict[str, tuple[str, str]]] = {
    "agency": {
        "level": ("str", "department | sub_department | district | commune"),
        "standard": ("int", "TCVN ISO 9001 version of the QMS (2008 or 2015)"),
        "has_quality_policy": ("bool", "a quality policy has been issued"),
        "has_steering_committee": ("bool", "an ISO steering committee has been set up"),
        "has_iso_secretary": ("bool", "an ISO secretary has been appointed"),
        "has_quality_manual": ("bool", "a quality manual exists (2008 systems)"),
        "has_management_representative": ("bool", "a management representative is appointed (2008 systems)"),
        "announcement_count": ("int", "number of announcement decisions on record"),
        "on_2008": ("bool", "the QMS or the announcement in force still refers to TCVN ISO 9001:2008"),
        "days_past_transition_deadline": ("int", "days from the 2015 transition deadline to the as-of date"),
        "certification_body_contracts": ("int", "contracts with certification bodies since QĐ19 took effect"),
    },
    "year": {
        "year_over": ("bool", "the calendar year has ended on the as-of date"),
        "audit_count": ("int", "internal audits held in the year"),
        "review_count": ("int", "management reviews held in the year"),
        "has_objectives": ("bool", "quality objectives issued for the year"),
        "objectives_measurable": ("bool", "the year's objectives are measurable"),
        "objectives_have_plan": ("bool", "the year's objectives have an implementation plan"),
        "has_maintenance_plan": ("bool", "a maintenance and improvement plan issued for the year"),
        "survey_held": ("bool", "a customer-satisfaction survey was carried out in the year"),
        "report_requested": ("bool", "the inspecting unit asked for a QMS report on the year"),
        "report_submitted": ("bool", "the report on the year was sent on or before the as-of date"),
        "report_due_passed": (
            "bool",
            "the report's deadline (if none was set: the province overlay's, else 31 December) has passed",
        ),
        "report_days_late": ("int", "days from the report's deadline to the day it was sent (negative: early)"),
    },
    "procedures": {
        "procedure_count": ("int", "administrative procedures (TTHC) the agency handles"),
        "uncovered_count": ("int", "TTHC without an internal ISO procedure"),
        "mismatch_count": ("int", "TTHC whose internal procedure differs from the e-one-stop software"),
    },
    "legal_document": {
        "built_in": ("bool", "the change has been built into the procedures"),
        "days_after_deadline": (
            "int",
            "days from the deadline (effective date + 3 calendar months) to the build-in date, "
            "or to the as-of date if not built in yet",
        ),
    },
    "announcement": {
        "is_planned": ("bool", "no announcement yet: a planned announcement on the as-of date"),
        "is_current": ("bool", "the announcement in force (the latest, or the planned one)"),
        "documents_approved_before": ("bool", "the head approved the documents on or before the announcement date"),
        "audit_before": ("bool", "an internal audit was held after approval and on or before the announcement date"),
        "open_nonconformities_at_date": ("int", "audit nonconformities not yet corrected on the announcement date"),
        "review_before": ("bool", "a management review was held after approval and on or before the announcement date"),
        "head_confirmed_before": ("bool", "the head confirmed effectiveness on or before the announcement date"),
        "notified": ("bool", "the Department of Science and Technology was notified in writing"),
        "posted": ("bool", "the announcement is posted at the agency's premises"),
        "has_website": ("bool", "the agency has a website"),
        "published": ("bool", "the announcement is published on the agency's website"),
    },
    "scope_change": {
        "reannounced": ("bool", "an announcement was made on or after the scope change"),
    },
    "audit": {
        "nonconformity_count": ("int", "major and minor nonconformities found"),
        "unresolved_overdue": ("int", "nonconformities with no corrective action, or an action open past its due date"),
        "open_not_due": ("int", "corrective actions still open but not yet due"),
    },
    "review": {
        "has_minutes": ("bool", "minutes of the review are kept"),
    },
    "consultant": {
        "certified": ("bool", "the consultant held a valid certificate of eligibility on the contract date"),
        "experts_have_cards": ("bool", "every consulting expert holds a valid expert card"),
    },
    "mandatory_procedure": {
        "built": ("bool", "the documented procedure has been issued"),
        "operated": ("str", "yes | no | not_triggered"),
    },
}

SUBJECT_KINDS: tuple[str, ...] = tuple(FIELDS)


def readable(kind: str, name: str, value: Any) -> Any:
    """An engine value back in its own type: booleans travel to the engine as 0/1."""
    return bool(value) if FIELDS[kind][name][0] == "bool" else value


# The meaning of each field in Vietnamese, for explanations (FIELDS holds the English).
FIELDS_VI: dict[str, str] = {
    "level": "cấp của cơ quan",
    "standard": "phiên bản TCVN ISO 9001 của HTQLCL",
    "has_quality_policy": "đã ban hành chính sách chất lượng",
    "has_steering_committee": "đã thành lập Ban Chỉ đạo ISO",
    "has_iso_secretary": "đã phân công thư ký ISO",
    "has_quality_manual": "có sổ tay chất lượng (hệ thống 2008)",
    "has_management_representative": "đã chỉ định đại diện lãnh đạo (hệ thống 2008)",
    "announcement_count": "số quyết định công bố trong hồ sơ",
    "on_2008": "HTQLCL hoặc quyết định công bố hiện hành vẫn theo TCVN ISO 9001:2008",
    "days_past_transition_deadline": "số ngày từ hạn chuyển đổi sang 2015 đến ngày đánh giá",
    "certification_body_contracts": "số hợp đồng với tổ chức chứng nhận kể từ khi QĐ19 có hiệu lực",
    "year_over": "năm dương lịch đã kết thúc vào ngày đánh giá",
    "audit_count": "số cuộc đánh giá nội bộ trong năm",
    "review_count": "số cuộc xem xét của lãnh đạo trong năm",
    "has_objectives": "đã ban hành mục tiêu chất lượng năm",
    "objectives_measurable": "mục tiêu chất lượng đo lường được",
    "objectives_have_plan": "mục tiêu có kế hoạch thực hiện",
    "has_maintenance_plan": "có kế hoạch duy trì, cải tiến năm",
    "survey_held": "đã khảo sát sự hài lòng trong năm",
    "report_requested": "có văn bản đề nghị báo cáo về năm",
    "report_submitted": "đã gửi báo cáo năm",
    "report_due_passed": "đã quá hạn gửi báo cáo (hoặc 31/12 nếu không ghi hạn)",
    "report_days_late": "số ngày gửi báo cáo sau hạn (âm: trước hạn)",
    "procedure_count": "số TTHC thuộc thẩm quyền",
    "uncovered_count": "số TTHC chưa có quy trình nội bộ",
    "mismatch_count": "số TTHC có quy trình khác phần mềm một cửa điện tử",
    "built_in": "đã cập nhật vào quy trình",
    "days_after_deadline": "số ngày từ hạn cập nhật (hiệu lực + 3 tháng) đến ngày cập nhật hoặc ngày đánh giá",
    "is_planned": "chưa công bố: dự kiến công bố vào ngày đánh giá",
    "is_current": "quyết định công bố đang có hiệu lực",
    "documents_approved_before": "tài liệu được người đứng đầu phê duyệt trước ngày công bố",
    "audit_before": "đã đánh giá nội bộ sau khi phê duyệt và trước ngày công bố",
    "open_nonconformities_at_date": "số điểm không phù hợp chưa khắc phục tại ngày công bố",
    "review_before": "đã xem xét của lãnh đạo sau khi phê duyệt và trước ngày công bố",
    "head_confirmed_before": "người đứng đầu xác nhận hiệu lực trước ngày công bố",
    "notified": "đã thông báo bằng văn bản cho Sở KH&CN",
    "posted": "đã niêm yết tại trụ sở",
    "has_website": "cơ quan có trang thông tin điện tử",
    "published": "đã đăng trên trang thông tin điện tử",
    "reannounced": "đã công bố lại từ ngày thay đổi phạm vi",
    "nonconformity_count": "số điểm không phù hợp nặng và nhẹ",
    "unresolved_overdue": "số điểm không phù hợp chưa có hành động khắc phục hoặc quá hạn",
    "open_not_due": "số hành động khắc phục đang thực hiện, chưa đến hạn",
    "has_minutes": "có biên bản xem xét",
    "certified": "tư vấn có Giấy xác nhận còn hiệu lực ngày ký hợp đồng",
    "experts_have_cards": "chuyên gia tư vấn đều có thẻ",
    "built": "thủ tục đã ban hành",
    "operated": "thủ tục được áp dụng (yes | no | not_triggered)",
}


@dataclass
class Subject:
    """One subject of one agency, flattened for matching.

    ``fields`` holds only known values (ints/strs; bools as 0/1) — what the engine sees.
    ``missing`` maps each unknown field to the fact-file paths that were not provided.
    ``display`` holds values for messages (dates as ``datetime.date``, lists, texts).
    ``sources`` maps each field to the fact-file paths it was derived from.
    ``items`` holds lists a rule may expand into one finding per item (e.g. uncovered TTHC).
    ``notes`` says how a derived field was computed (e.g. the deadline arithmetic).
    """

    kind: str
    id: str
    label: dict[str, str]
    fields: dict[str, int | str] = field(default_factory=dict)
    missing: dict[str, list[str]] = field(default_factory=dict)
    display: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, list[str]] = field(default_factory=dict)
    items: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    due_date: dt.date | None = None
    notes: dict[str, dict[str, str]] = field(default_factory=dict)

    def note(self, name: str, vi: str, en: str) -> None:
        """How a derived field was computed, in both languages (shown by ``explain``)."""
        self.notes[name] = {"vi": vi, "en": en}

    def set(self, name: str, value: Any, sources: list[str], missing: list[str] | None = None) -> None:
        """Record field ``name``: a known value, or unknown (``value is None``) with the missing paths."""
        if name not in FIELDS[self.kind]:
            raise KeyError(f"{name!r} is not a field of subject kind {self.kind!r}")
        self.sources[name] = sources
        if value is None:
            self.missing[name] = missing or sources
            self.fields.pop(name, None)
        else:
            self.fields[name] = int(value) if isinstance(value, bool) else value
            self.missing.pop(name, None)

    def engine_fact(self, sid: str) -> dict[str, Any]:
        """The flat fact asserted in the engine: kind guard, unique id, known fields only."""
        return {"sid": sid, "kind": self.kind, "subject": self.id, **self.fields}
