"""The fact-file reference (``docs/facts.md``) and the fact file's JSON Schema, generated from the model.

:func:`fact_fields` walks :class:`isocheck.facts.Agency` in model order, so a new model field appears
in the reference, the schema and the ``isocheck init`` template on its own. A field's English meaning
is the model's ``description``, unless ``FIELD_TEXTS`` gives one (where the model has none, or a terse one);
its Vietnamese meaning is in ``FIELD_TEXTS`` (``tests/test_docs_generated.py`` checks every field has one).

Which rules read a field is not written by hand: derive records, for every condition field it
computes, the fact-file paths it came from (``Subject.sources``, also what ``isocheck explain`` shows).
:func:`field_sources` derives sample agencies built from the model and collects those paths;
:func:`rules_by_path` joins them with each rule's ``referenced_fields`` and its ``applies_to``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import re
import types
import typing
from typing import Any, NamedTuple

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from isocheck.facts.model import LEVELS, Agency, validate_agency
from isocheck.pack.rules import RulePack, load_pack
from isocheck.subjects.derive import derive_subjects
from isocheck.subjects.fields import FIELDS, FIELDS_VI
from isocheck.text.ui import pick

SCHEMA_ID = "urn:isocheck:fact-file"
SCHEMA_TITLE = "isocheck fact file"


class Text(NamedTuple):
    """A field's meaning in Vietnamese, and in English when the model gives no description."""

    vi: str
    en: str | None = None


FIELD_TEXTS: dict[str, Text] = {
    "Agency.agency": Text("Thông tin chung về cơ quan.", "Who the agency is."),
    "Agency.records_since": Text(
        "Hồ sơ trong tệp (đánh giá nội bộ, xem xét của lãnh đạo, văn bản pháp luật…) đầy đủ "
        "từ ngày này; sự việc trước đó coi là chưa rõ. Bỏ trống: các danh sách là toàn bộ "
        "lịch sử."
    ),
    "Agency.qms": Text("Các quyết định, tài liệu của HTQLCL.", "The QMS decisions and documents."),
    "Agency.procedures": Text(
        "Danh mục thủ tục hành chính (TTHC) thuộc thẩm quyền giải quyết của cơ quan.",
        "The administrative procedures (TTHC) the agency handles.",
    ),
    "Agency.legal_documents": Text(
        "Văn bản quy phạm pháp luật mới hoặc sửa đổi liên quan đến hoạt động của cơ quan, "
        "phải cập nhật vào HTQLCL chậm nhất 3 tháng kể từ ngày có hiệu lực.",
        "New or amended legal documents that concern the agency's work; each must be built "
        "into the QMS within three months of taking effect.",
    ),
    "Agency.internal_audits": Text("Các cuộc đánh giá nội bộ.", "Internal audits held."),
    "Agency.management_reviews": Text("Các cuộc họp xem xét của lãnh đạo.", "Management reviews held."),
    "Agency.announcements": Text(
        "Các quyết định công bố HTQLCL phù hợp TCVN ISO 9001 (kể cả công bố lại); [] = chưa công bố.",
        "The agency's QMS announcement decisions (re-announcements included); [] = not announced yet.",
    ),
    "Agency.scope_changes": Text(
        "Các lần điều chỉnh, mở rộng, thu hẹp phạm vi áp dụng HTQLCL; [] = không có.",
        "Changes of the QMS scope (adjusted, extended, narrowed); [] = none.",
    ),
    "Agency.consultants": Text(
        "Hợp đồng thuê tổ chức tư vấn xây dựng, áp dụng HTQLCL; [] = không thuê.",
        "Contracts with consulting organisations; [] = none.",
    ),
    "Agency.certification_bodies": Text(
        "Hợp đồng với tổ chức chứng nhận (QĐ 19 không cho thuê tổ chức chứng nhận đánh giá); [] = không có.",
        "Contracts with certification bodies (QĐ 19 forbids hiring them); [] = none.",
    ),
    "Agency.satisfaction_surveys": Text(
        "Các đợt khảo sát sự hài lòng của người dân, tổ chức.", "Customer-satisfaction surveys."
    ),
    "Agency.reports": Text(
        "Báo cáo năm về HTQLCL gửi đơn vị kiểm tra khi được đề nghị; [] = không có văn bản đề nghị."
    ),
    "Identity.name": Text("Tên chính thức, ví dụ 'UBND phường Đức Thuận'."),
    "Identity.level": Text(
        "Cấp: department (sở, ban, ngành cấp tỉnh) | sub_department (chi cục) | district "
        "(cấp huyện) | commune (cấp xã).",
        "Administrative level: department (provincial department) | sub_department | district | commune.",
    ),
    "Identity.province": Text("Tỉnh, thành phố trực thuộc trung ương.", "Province (or centrally run city)."),
    "Identity.standard": Text("Phiên bản TCVN ISO 9001 mà HTQLCL áp dụng: 2008 hoặc 2015."),
    "Identity.parent": Text("Cơ quan quản lý trực tiếp (ví dụ UBND huyện)."),
    "Identity.has_website": Text("Cơ quan có trang thông tin điện tử riêng không (QĐ 19 Điều 4 khoản 3 'nếu có')."),
    "Identity.website": Text("Địa chỉ trang thông tin điện tử.", "Address of the website."),
    "Decision.number": Text("Số quyết định, ví dụ '27/QĐ-UBND'.", "Number of the decision, e.g. '27/QĐ-UBND'."),
    "Decision.issued_on": Text("Ngày ban hành.", "Date issued."),
    "QualityObjectives.year": Text("Năm của mục tiêu chất lượng.", "Year the objectives are for."),
    "QualityObjectives.number": Text("Số quyết định ban hành mục tiêu.", "Number of the decision issuing them."),
    "QualityObjectives.issued_on": Text("Ngày ban hành.", "Date issued."),
    "QualityObjectives.measurable": Text("Mục tiêu đo lường được (TCVN ISO 9001:2015 mục 6.2.1 b)."),
    "QualityObjectives.has_plan": Text("Có kế hoạch thực hiện mục tiêu (mục 6.2.2)."),
    "MaintenancePlan.year": Text("Năm của kế hoạch.", "Year the plan covers."),
    "MaintenancePlan.number": Text("Số kế hoạch, ví dụ '15/KH-UBND'.", "Number of the plan, e.g. '15/KH-UBND'."),
    "MaintenancePlan.issued_on": Text("Ngày ban hành.", "Date issued."),
    "Person.name": Text("Họ và tên.", "Full name."),
    "Person.appointed_by": Text("Số quyết định phân công."),
    "Person.appointed_on": Text("Ngày phân công.", "Date of appointment."),
    "MandatoryProcedure.kind": Text(
        "Thủ tục bắt buộc nào của TCVN ISO 9001:2008.", "Which mandatory procedure of TCVN ISO 9001:2008."
    ),
    "MandatoryProcedure.code": Text("Mã hiệu tài liệu, ví dụ 'QT-01'.", "Document code, e.g. 'QT-01'."),
    "MandatoryProcedure.built": Text("Thủ tục đã được ban hành.", "The documented procedure has been issued."),
    "MandatoryProcedure.operated": Text(
        "Thủ tục được áp dụng: yes (có) | no (không) | not_triggered (chưa phát sinh việc cần áp dụng)."
    ),
    "QMS.quality_policy": Text(
        "Quyết định ban hành chính sách chất lượng; null = chưa ban hành.",
        "Decision issuing the quality policy; null = none issued.",
    ),
    "QMS.quality_objectives": Text(
        "Mục tiêu chất lượng, mỗi năm (hoặc mỗi lần sửa đổi) một mục.",
        "Quality objectives, one entry per year (or revision).",
    ),
    "QMS.maintenance_plans": Text(
        "Kế hoạch duy trì, cải tiến HTQLCL, mỗi năm một mục.", "Plans to maintain and improve the QMS, one per year."
    ),
    "QMS.steering_committee": Text(
        "Quyết định thành lập (kiện toàn) Ban Chỉ đạo ISO; null = chưa thành lập.",
        "Decision setting up the ISO steering committee; null = none.",
    ),
    "QMS.iso_secretary": Text(
        "Thư ký ISO được phân công; null = chưa phân công.", "The appointed ISO secretary; null = none appointed."
    ),
    "QMS.documents_approved": Text(
        "Quyết định của người đứng đầu phê duyệt tài liệu, quy trình (QĐ 19 Điều 4 khoản 2 điểm a)."
    ),
    "QMS.quality_manual": Text("Sổ tay chất lượng (chỉ TCVN ISO 9001:2008)."),
    "QMS.management_representative": Text("Đại diện lãnh đạo (chỉ TCVN ISO 9001:2008)."),
    "QMS.mandatory_procedures": Text("Sáu thủ tục bắt buộc, mỗi thủ tục một mục (chỉ TCVN ISO 9001:2008)."),
    "Procedure.code": Text("Mã TTHC trên Cơ sở dữ liệu quốc gia về TTHC, ví dụ '1.001193' (đặt trong dấu nháy)."),
    "Procedure.name": Text("Tên thủ tục hành chính.", "Name of the procedure."),
    "Procedure.field": Text("Lĩnh vực, ví dụ 'Hộ tịch'."),
    "Procedure.announced_by": Text("Quyết định công bố TTHC."),
    "Procedure.internal_procedure": Text("Đã có quy trình nội bộ (quy trình ISO) giải quyết TTHC này."),
    "Procedure.matches_one_stop": Text("Quy trình nội bộ khớp với phần mềm một cửa điện tử (các bước, thời hạn)."),
    "LegalDocument.number": Text(
        "Số, ký hiệu văn bản, ví dụ '31/2021/NĐ-CP'.", "Number of the document, e.g. '31/2021/NĐ-CP'."
    ),
    "LegalDocument.title": Text("Trích yếu nội dung.", "Title (what it is about)."),
    "LegalDocument.effective_on": Text("Ngày có hiệu lực.", "Date it takes effect."),
    "LegalDocument.built_in_on": Text("Ngày cập nhật vào quy trình của HTQLCL; null = chưa cập nhật."),
    "AuditFindings.major": Text("Số điểm không phù hợp nặng.", "Number of major nonconformities."),
    "AuditFindings.minor": Text("Số điểm không phù hợp nhẹ.", "Number of minor nonconformities."),
    "AuditFindings.observation": Text("Số điểm lưu ý.", "Number of observations."),
    "CorrectiveAction.finding": Text("Điểm không phù hợp cần khắc phục.", "The nonconformity to correct."),
    "CorrectiveAction.severity": Text("Mức độ: major (nặng) | minor (nhẹ).", "major | minor."),
    "CorrectiveAction.due_on": Text(
        "Hạn hoàn thành khắc phục; không có hạn: hành động chưa xong bị tính là quá hạn.",
        "Deadline of the action; without one, an open action counts as overdue.",
    ),
    "CorrectiveAction.closed_on": Text("Ngày hoàn thành khắc phục; null = chưa xong."),
    "InternalAudit.date": Text("Ngày đánh giá.", "Date of the audit."),
    "InternalAudit.plan": Text("Số kế hoạch (quyết định) đánh giá.", "Reference of the audit plan."),
    "InternalAudit.report": Text("Số báo cáo đánh giá.", "Reference of the audit report."),
    "InternalAudit.findings": Text("Số điểm phát hiện theo mức độ.", "Findings by severity."),
    "InternalAudit.corrective_actions": Text(
        "Hành động khắc phục, mỗi điểm không phù hợp một mục; [] = không có.",
        "Corrective actions, one per nonconformity; [] = none.",
    ),
    "ManagementReview.date": Text("Ngày họp xem xét.", "Date of the review."),
    "ManagementReview.minutes": Text("Số biên bản họp; null = không lập biên bản."),
    "Announcement.decision": Text("Số quyết định công bố, ví dụ '132/QĐ-UBND'."),
    "Announcement.date": Text("Ngày ký quyết định công bố.", "Date of the decision."),
    "Announcement.standard": Text(
        "Phiên bản TCVN ISO 9001 được công bố: 2008 hoặc 2015.", "TCVN ISO 9001 version announced: 2008 or 2015."
    ),
    "Announcement.scope": Text("Phạm vi áp dụng được công bố.", "Scope announced."),
    "Announcement.head_confirmed_on": Text(
        "Ngày người đứng đầu xác nhận HTQLCL có hiệu lực (QĐ 19 Điều 4 khoản 2 điểm d); null = chưa xác nhận."
    ),
    "Announcement.notified_dost_on": Text("Ngày gửi văn bản thông báo đến Sở Khoa học và Công nghệ; null = chưa gửi."),
    "Announcement.notification": Text("Số văn bản thông báo đó."),
    "Announcement.posted_at_premises": Text(
        "Đã niêm yết quyết định công bố tại trụ sở.", "The announcement is posted at the agency's premises."
    ),
    "Announcement.published_on_website": Text(
        "Đã đăng quyết định công bố trên trang thông tin điện tử.",
        "The announcement is published on the agency's website.",
    ),
    "ScopeChange.date": Text("Ngày thay đổi phạm vi (ngày quyết định).", "Date of the change (of the decision)."),
    "ScopeChange.kind": Text(
        "Loại: adjusted (điều chỉnh) | extended (mở rộng) | narrowed (thu hẹp).", "adjusted | extended | narrowed."
    ),
    "ScopeChange.description": Text("Mô tả ngắn.", "Short description."),
    "ConsultantContract.consultant": Text("Tên tổ chức tư vấn.", "Name of the consulting organisation."),
    "ConsultantContract.contract_date": Text("Ngày ký hợp đồng.", "Date the contract was signed."),
    "ConsultantContract.certificate": Text("Số Giấy xác nhận đủ điều kiện tư vấn; null = không có."),
    "ConsultantContract.certificate_valid_until": Text(
        "Ngày Giấy xác nhận hết hiệu lực; bỏ trống = không ghi hạn.",
        "Date the certificate expires; left out = no end date.",
    ),
    "ConsultantContract.experts_have_cards": Text("Mọi chuyên gia tư vấn đều có thẻ chuyên gia còn hiệu lực."),
    "CertificationBodyContract.body": Text("Tên tổ chức chứng nhận.", "Name of the certification body."),
    "CertificationBodyContract.contract_date": Text("Ngày ký hợp đồng.", "Date the contract was signed."),
    "CertificationBodyContract.purpose": Text(
        "Mục đích (chứng nhận, giám sát…).", "Purpose (certification, surveillance…)."
    ),
    "SatisfactionSurvey.year": Text("Năm khảo sát.", "Year of the survey."),
    "SatisfactionSurvey.held_on": Text("Ngày thực hiện khảo sát; null = chưa thực hiện."),
    "SatisfactionSurvey.planned_on": Text("Ngày dự kiến khảo sát.", "Planned date."),
    "SatisfactionSurvey.reference": Text("Số báo cáo kết quả khảo sát.", "Reference of the survey report."),
    "YearlyReport.year": Text("Năm được báo cáo."),
    "YearlyReport.requested_by": Text("Số công văn đề nghị báo cáo, ví dụ '1243/SKH-CN-TĐC'."),
    "YearlyReport.requested_on": Text("Ngày của công văn đề nghị."),
    "YearlyReport.due_on": Text("Hạn gửi ghi trong công văn; không ghi hạn: 31 tháng 12."),
    "YearlyReport.submitted_on": Text("Ngày gửi báo cáo; null = chưa gửi."),
    "YearlyReport.reference": Text("Số báo cáo, ví dụ '3061/BC-SXD'."),
}

# Short titles of the top-level sections (headings of docs/facts.md, banners of the template).
SECTION_TITLES: dict[str, tuple[str, str]] = {
    "agency": ("Thông tin cơ quan", "The agency"),
    "records_since": ("Hồ sơ đầy đủ từ ngày", "Records complete since"),
    "qms": ("Hệ thống quản lý chất lượng", "Quality management system"),
    "procedures": ("Thủ tục hành chính", "Administrative procedures (TTHC)"),
    "legal_documents": ("Văn bản pháp luật cần cập nhật", "Legal documents to build in"),
    "internal_audits": ("Đánh giá nội bộ", "Internal audits"),
    "management_reviews": ("Xem xét của lãnh đạo", "Management reviews"),
    "announcements": ("Công bố HTQLCL", "Announcements"),
    "scope_changes": ("Thay đổi phạm vi áp dụng", "Scope changes"),
    "consultants": ("Tư vấn", "Consultants"),
    "certification_bodies": ("Tổ chức chứng nhận", "Certification bodies"),
    "satisfaction_surveys": ("Khảo sát sự hài lòng", "Satisfaction surveys"),
    "reports": ("Báo cáo năm", "Yearly reports"),
}

# What one subject of each kind is (rules are judged per subject).
SUBJECT_NAMES: dict[str, tuple[str, str]] = {
    "agency": ("cơ quan", "the agency as a whole"),
    "year": ("năm được đánh giá", "the year under review"),
    "procedures": ("danh mục TTHC", "the list of administrative procedures"),
    "legal_document": ("mỗi văn bản pháp luật", "each legal document"),
    "announcement": ("mỗi quyết định công bố (hoặc lần công bố dự kiến)", "each announcement (or the planned one)"),
    "scope_change": ("mỗi lần thay đổi phạm vi", "each scope change"),
    "audit": ("mỗi cuộc đánh giá nội bộ", "each internal audit"),
    "review": ("mỗi cuộc xem xét của lãnh đạo", "each management review"),
    "consultant": ("mỗi hợp đồng tư vấn", "each consultant contract"),
    "mandatory_procedure": ("mỗi thủ tục bắt buộc (2008)", "each mandatory procedure (2008)"),
}

# Exceptions to "left out = unknown, null = none", as derive reads them: fields where leaving the key
# out is the same as writing null, and sections or dates where null is as unknown as leaving them out
# (a date is, unless its meaning says what null stands for).
ABSENT_IS_NULL = frozenset(
    {
        "Agency.records_since",
        "CorrectiveAction.due_on",
        "CorrectiveAction.closed_on",
        "ConsultantContract.certificate_valid_until",
        "SatisfactionSurvey.held_on",
        "YearlyReport.due_on",
        "YearlyReport.submitted_on",
    }
)
NULL_IS_UNKNOWN = frozenset({"Agency.qms", "InternalAudit.findings"})


def subject_name(kind: str, lang: str) -> str:
    return pick(SUBJECT_NAMES[kind], lang) if kind in SUBJECT_NAMES else kind


def section_title(name: str, lang: str) -> str:
    return pick(SECTION_TITLES[name], lang) if name in SECTION_TITLES else name


# -- the model walk ----------------------------------------------------------------------------------


def _unwrap(annotation: Any) -> Any:
    """The type inside ``Optional[...]`` and ``Annotated[...]`` (the strict types of isocheck.facts.types)."""
    if typing.get_origin(annotation) is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _unwrap(inner[0]) if len(inner) == 1 else annotation
    return annotation


@dataclasses.dataclass(frozen=True)
class FactField:
    """One field of the fact file: its path (lists as ``[]``), owner model and pydantic field info."""

    path: str
    owner: type[BaseModel]
    name: str
    info: FieldInfo

    @property
    def key(self) -> str:
        return f"{self.owner.__name__}.{self.name}"

    @property
    def section(self) -> str:
        return re.split(r"[.\[]", self.path, maxsplit=1)[0]

    @property
    def depth(self) -> int:
        return self.path.count(".")

    @property
    def type(self) -> Any:
        return _unwrap(self.info.annotation)

    @property
    def is_list(self) -> bool:
        return typing.get_origin(self.type) is list

    @property
    def model(self) -> type[BaseModel] | None:
        """The model of a nested mapping, or of a list's items."""
        t = _unwrap(typing.get_args(self.type)[0]) if self.is_list else self.type
        return t if isinstance(t, type) and issubclass(t, BaseModel) else None

    @property
    def required(self) -> bool:
        return self.info.is_required()

    @property
    def default(self) -> Any:
        return None if self.required else self.info.default

    @property
    def only_2008(self) -> bool:
        return "2008 only" in (self.info.description or "")

    def meaning(self, lang: str) -> str:
        """Vietnamese from ``FIELD_TEXTS``; English from it if given there, else the model's description."""
        text = FIELD_TEXTS.get(self.key)
        if lang == "vi":
            return text.vi if text else ""
        return (text.en if text and text.en else None) or self.info.description or ""

    def type_text(self, lang: str) -> str:
        t = self.type
        if self.is_list:
            return pick(("danh sách", "list"), lang)
        if self.model is not None:
            return pick(("nhóm trường", "mapping"), lang)
        if typing.get_origin(t) is typing.Literal:
            return pick(("một trong", "one of"), lang)
        names = {
            bool: ("true / false", "true / false"),
            int: ("số nguyên", "integer"),
            dt.date: ("ngày YYYY-MM-DD", "date YYYY-MM-DD"),
            str: ("văn bản", "text"),
        }
        return pick(names.get(t, (str(t), str(t))), lang)

    @property
    def bounds(self) -> tuple[Any, Any]:
        """The (minimum, maximum) of a number field, None where unbounded."""
        return (
            next((m.ge for m in self.info.metadata if hasattr(m, "ge")), None),
            next((m.le for m in self.info.metadata if hasattr(m, "le")), None),
        )

    def allowed(self, lang: str) -> str:
        """Allowed values: the choices, a number range, or non-empty text."""
        t = self.type
        if typing.get_origin(t) is typing.Literal:
            return " | ".join(f"`{v}`" for v in typing.get_args(t))
        ge, le = self.bounds
        if ge is not None and le is not None:
            return f"{ge}–{le}"
        if ge is not None:
            return f"≥ {ge}"
        if any(getattr(m, "min_length", 0) for m in self.info.metadata):
            return pick(("không để trống", "not empty"), lang)
        return ""

    def presence(self, lang: str) -> str:
        """What leaving the field out means, and what null / [] means."""
        if self.required:
            return pick(("bắt buộc", "required"), lang)
        if self.default is not None:
            default = self.default if isinstance(self.default, str) else json.dumps(self.default)
            return pick(("bỏ trống = `{d}`", "left out = `{d}`"), lang).format(d=default)
        if self.key in ABSENT_IS_NULL:
            return pick(("bỏ trống = `null`", "left out = `null`"), lang)
        if self.is_list:
            return pick(("bỏ trống = chưa rõ · `[]` = không có", "left out = unknown · `[]` = none"), lang)
        if (
            self.type is bool
            or self.key in NULL_IS_UNKNOWN
            or (self.type is dt.date and "null =" not in self.meaning("en"))
        ):
            return pick(("bỏ trống hoặc `null` = chưa rõ", "left out or `null` = unknown"), lang)
        return pick(("bỏ trống = chưa rõ · `null` = không có", "left out = unknown · `null` = none"), lang)


@functools.cache
def fact_fields(model: type[BaseModel] = Agency, prefix: str = "") -> tuple[FactField, ...]:
    """Every field under ``model`` in model order, depth first (a list's item fields follow the list)."""
    fields: list[FactField] = []
    for name, info in model.model_fields.items():
        field = FactField(f"{prefix}{name}", model, name, info)
        fields.append(field)
        if field.model is not None:
            fields += fact_fields(field.model, f"{field.path}{'[]' if field.is_list else ''}.")
    return tuple(fields)


def fact_field(path: str) -> FactField | None:
    return _by_path().get(path)


@functools.cache
def _by_path() -> dict[str, FactField]:
    return {f.path: f for f in fact_fields()}


# -- which rules read which field --------------------------------------------------------------------


def _sample(model: type[BaseModel], standard: int, full: bool) -> dict[str, Any]:
    """A sample document of ``model``: every field filled (``full``) or only the required ones."""
    return {
        f.name: _sample_value(f, standard, full)
        for f in fact_fields(model)
        if f.owner is model and (full or f.required)
    }


def _sample_value(field: FactField, standard: int, full: bool) -> Any:
    t = field.type
    if field.model is not None:
        item = _sample(field.model, standard, full)
        return [item] if field.is_list else item
    if typing.get_origin(t) is typing.Literal:
        choices = typing.get_args(t)
        return standard if standard in choices else choices[0]
    if t is bool:
        return True
    if t is int:
        return _SAMPLE_YEAR if (field.bounds[0] or 0) >= 2000 else 1
    if t is dt.date:
        return _SAMPLE_DAY
    return "x"


_SAMPLE_YEAR = 2021
_SAMPLE_DAY = dt.date(2021, 6, 1)
_SAMPLE_AS_OF = dt.date(2021, 11, 16)


def _known_path(source: str) -> str | None:
    """A derive source as a model path (``announcements[0].date`` → ``announcements[].date``), or None."""
    path = re.sub(r"\[(\d+|\*)\]", "[]", source).removesuffix("[]")
    return path if fact_field(path) is not None else None


def field_sources(pack: RulePack) -> dict[tuple[str, str], list[str]]:
    """(subject kind, condition field) → the fact-file paths derive computes it from.

    Derives sample agencies (every field filled, and only the required ones; on 2008 and 2015) and
    unites the paths each derived field recorded. A field computed from the as-of date alone has none.
    """
    found: dict[tuple[str, str], set[str]] = {(k, n): set() for k, names in FIELDS.items() for n in names}
    for standard in (2015, 2008):
        for full in (True, False):
            agency = validate_agency(_sample(Agency, standard, full), "<sample>")
            for subject in derive_subjects(agency, _SAMPLE_AS_OF, pack.parameters):
                for name, sources in subject.sources.items():
                    found[(subject.kind, name)].update(p for p in map(_known_path, sources) if p)
    return {key: sorted(paths) for key, paths in found.items()}


def rules_by_path(pack: RulePack) -> dict[str, list[str]]:
    """Fact-file path → ids of the rules that read it (through a condition field or ``applies_to``)."""
    sources = field_sources(pack)
    result: dict[str, list[str]] = {}
    for rule in pack.rules:
        paths = {p for name in rule.referenced_fields for p in sources[(rule.subject, name)]}
        if set(rule.applies_to.levels) != set(LEVELS):
            paths.add("agency.level")
        if set(rule.applies_to.standards) != {2008, 2015}:
            paths.add("agency.standard")
        for path in paths:
            result.setdefault(path, []).append(rule.id)
    return result


def rules_under(by_path: dict[str, list[str]], path: str) -> list[str]:
    """Rules reading ``path`` or anything inside it, sorted."""
    found = {r for p, rules in by_path.items() if p == path or p.startswith((f"{path}.", f"{path}[]")) for r in rules}
    return sorted(found)


# -- JSON Schema -----------------------------------------------------------------------------------


def fact_schema() -> dict[str, Any]:
    """The fact file's JSON Schema (draft 2020-12), for editors and other tools."""
    schema = Agency.model_json_schema()
    for key in ("title", "description"):
        schema.pop(key, None)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": SCHEMA_TITLE,
        "description": "One agency's quality management system, as read by `isocheck check`. A field left out "
        "is unknown; an explicit null or [] is known to be none. Reference: docs/facts.md.",
        **schema,
    }


def schema_text() -> str:
    return json.dumps(fact_schema(), ensure_ascii=False, indent=2) + "\n"


# -- docs/facts.md -------------------------------------------------------------------------------


def _rule_links(ids: list[str]) -> str:
    return ", ".join(f"[`{r}`](rules.md#{r})" for r in ids) or "—"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_fact_reference(pack: RulePack | None = None) -> str:
    """``docs/facts.md``: every section and field of the fact file, and the fields rules test."""
    pack = pack or load_pack()
    by_path = rules_by_path(pack)
    fields = fact_fields()
    top = [f for f in fields if f.depth == 0]
    out = [_INTRO.strip(), "", "## Mục lục · Contents", ""]
    out += [
        f"- [`{f.path}` — {section_title(f.name, 'vi')} · {section_title(f.name, 'en')}](#fact-{f.path})" for f in top
    ]
    out += ["- [Trường dẫn xuất mà quy tắc kiểm tra · Fields rules test](#derived-fields)", ""]
    header = [
        "| Trường · Field | Kiểu · Type | Giá trị · Allowed | Bỏ trống · Left out / null | Ý nghĩa · Meaning "
        "| Quy tắc · Rules |",
        "|---|---|---|---|---|---|",
    ]
    for section in top:
        rows = [f for f in fields if f.section == section.name and f.depth > 0] or [section]
        out += [
            f'<a id="fact-{section.path}"></a>',
            "",
            f"## `{section.path}` — {section_title(section.name, 'vi')} · {section_title(section.name, 'en')}",
            "",
            f"{section.meaning('en')}  ",
            f"*{section.meaning('vi')}*",
            "",
            f"- **Kiểu · Type:** {section.type_text('en')} · {section.presence('en')}",
            f"- **Quy tắc đọc mục này · Rules reading this section:** "
            f"{_rule_links(rules_under(by_path, section.path))}",
            "",
        ]
        out += header
        for f in rows:
            out.append(
                "| "
                + " | ".join(
                    _cell(c)
                    for c in (
                        f"`{f.path}`",
                        f.type_text("en"),
                        f.allowed("en"),
                        f.presence("en"),
                        f"{f.meaning('en')}<br>*{f.meaning('vi')}*",
                        _rule_links(by_path.get(f.path, [])),
                    )
                )
                + " |"
            )
        out.append("")
    out += _derived_fields(pack)
    return "\n".join(out).rstrip() + "\n"


def _derived_fields(pack: RulePack) -> list[str]:
    sources = field_sources(pack)
    out = [
        '<a id="derived-fields"></a>',
        "",
        "## Trường dẫn xuất mà quy tắc kiểm tra · Fields rules test",
        "",
        _DERIVED_INTRO.strip(),
        "",
    ]
    for kind, names in FIELDS.items():
        out += [
            f'<a id="subject-{kind}"></a>',
            "",
            f"### `{kind}` — {subject_name(kind, 'vi')} · {subject_name(kind, 'en')}",
            "",
            "| Trường · Field | Kiểu · Type | Ý nghĩa · Meaning | Tính từ · Computed from | Quy tắc · Rules |",
            "|---|---|---|---|---|",
        ]
        for name, (type_name, meaning) in names.items():
            rules = [r.id for r in pack.rules if r.subject == kind and name in r.referenced_fields]
            paths = ", ".join(f"[`{p}`](#fact-{p.split('.')[0].split('[')[0]})" for p in sources[(kind, name)])
            vi = FIELDS_VI.get(name)
            out.append(
                "| "
                + " | ".join(
                    _cell(c)
                    for c in (
                        f'<a id="field-{kind}-{name}"></a>`{name}`',
                        type_name,
                        meaning + (f"<br>*{vi}*" if vi else ""),
                        paths or "(ngày đánh giá · the as-of date)",
                        _rule_links(rules),
                    )
                )
                + " |"
            )
        out.append("")
    return out


_INTRO = """
# Tệp thông tin cơ quan · Fact-file reference

<!-- Generated by `isocheck docs` from isocheck/facts.py and the rule pack: edit those, then run `isocheck docs`. -->

Mỗi cơ quan một tệp YAML (hoặc JSON) mô tả HTQLCL của mình; `isocheck check TỆP` đánh giá tệp đó.
Bắt đầu từ một tệp mẫu có chú thích: `isocheck init --level commune --lang vi -o co-quan.yaml`.

One YAML (or JSON) file per agency describes its quality management system; `isocheck check FILE`
judges it. Start from an annotated template: `isocheck init --level commune --lang en -o agency.yaml`
(levels: `commune`, `district`, `department`, `sub-department`). Real examples: `fixtures/*.yaml`.

## Bỏ trống hay ghi null · Left out or null

- **Bỏ trống** (không ghi trường) = **chưa rõ**: quy tắc cần trường đó cho kết quả *không đánh giá được*
  và nêu đường dẫn còn thiếu. **Ghi `null` hoặc `[]`** = **biết là không có** (`notified_dost_on: null`
  = chưa thông báo Sở KH&CN; `announcements: []` = chưa công bố).
- **A field left out** is **unknown**: rules that need it are `not_evaluable` and name the missing
  path. **An explicit `null` or `[]`** is **known to be none** (`notified_dost_on: null` = the
  Department of Science and Technology was not notified; `announcements: []` = not announced yet).
- `true` / `false` fields: write one of them; `null` is as unknown as leaving the field out.
- A few dates mean the same left out or `null` (e.g. `closed_on`: still open); the table says so.
- `records_since`: the lists (audits, reviews, legal documents…) are complete from that date;
  before it, "no audit found" is unknown rather than "no audit held".
- Dates are written `YYYY-MM-DD`. Put codes that look like numbers in quotes: `code: '1.001193'`.

The column *Rules* lists the rules whose conditions read the field, found from how isocheck computes
each condition (see [Fields rules test](#derived-fields)); links go to the [rule catalogue](rules.md).
Dates that only place an event in time (an audit's `date`, an announcement's `date`) are read through
their whole section and are listed there.

## Kiểm tra khi soạn thảo · Checking while you type

The JSON Schema of the fact file is [`fact-file.schema.json`](fact-file.schema.json) (print it with
`isocheck schema facts -o fact-file.schema.json`). It checks field names, types and allowed values as
you type; `isocheck check` checks the same and more.

In VS Code, install the *YAML* extension (Red Hat), then either put this comment on the first line of
a fact file (the path is relative to the fact file, or an `https://` address):

```yaml
# yaml-language-server: $schema=../docs/fact-file.schema.json
agency:
  name: UBND xã Thạch Long
```

or map the schema to your fact files once, in `.vscode/settings.json`:

```json
{ "yaml.schemas": { "./docs/fact-file.schema.json": ["fixtures/*.yaml", "agencies/**/*.yaml"] } }
```

*Trong VS Code: cài tiện ích YAML (Red Hat), rồi thêm dòng chú thích
`# yaml-language-server: $schema=<đường dẫn tới fact-file.schema.json>` ở đầu tệp: trình soạn thảo
sẽ gợi ý tên trường và báo lỗi ngay khi gõ.*
"""

_DERIVED_INTRO = """
Rules do not read the fact file directly. For each *subject* (the agency, the year under review, each
announcement, each legal document…) isocheck derives flat fields in `isocheck/derive.py`, and a rule's
`fail_when`, `not_applicable_when`, `pending_when` and `requires` compare those fields with constants.
These are the names a rule author may use (`isocheck/subjects.py`, `FIELDS`); the rule loader rejects
any other name or a value of the wrong type. *Computed from* links the fact-file sections above.

*Quy tắc không đọc trực tiếp tệp thông tin: isocheck tính các trường dưới đây cho từng đối tượng, và
điều kiện của quy tắc so sánh các trường này với hằng số.*
"""
