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
        name="Tên chính thức, ví dụ 'UBND phường Đức Thuận'.",
        level=Meaning(
            "Cấp: department (sở, ban, ngành cấp tỉnh) | sub_department (chi cục) | district (cấp huyện, đến hết "
            "30/06/2025) | commune (cấp xã) | ministry (cơ quan thuộc Bộ, ngành, kể cả ngành dọc) | "
            "provincial_committee (UBND cấp tỉnh) | public_service_unit (đơn vị sự nghiệp công lập) | policy_bank "
            "(Ngân hàng Chính sách Xã hội, Ngân hàng Phát triển Việt Nam) | mission_abroad (cơ quan đại diện ở "
            "nước ngoài). Bốn cấp cuối và cấp xã chỉ được khuyến khích áp dụng HTQLCL (khoản 2 Điều 2 QĐ 19): xem "
            "qms_duty.",
            "Administrative level: department (provincial department) | sub_department | district (until "
            "30/06/2025) | commune | ministry (a body of a ministry, vertical-line bodies included) | "
            "provincial_committee | public_service_unit | policy_bank | mission_abroad. Communes and the last three "
            "are only encouraged to apply a QMS (QĐ 19 Article 2 clause 2): see qms_duty.",
        ),
        province=Meaning("Tỉnh, thành phố trực thuộc trung ương.", "Province (or centrally run city)."),
        standard="Phiên bản TCVN ISO 9001 mà HTQLCL áp dụng: 2008 hoặc 2015.",
        parent="Cơ quan quản lý trực tiếp (ví dụ Sở quản lý Chi cục, UBND tỉnh quản lý xã).",
        has_website="Cơ quan có trang thông tin điện tử riêng không (QĐ 19 Điều 4 khoản 3 'nếu có').",
        website=Meaning("Địa chỉ trang thông tin điện tử.", "Address of the website."),
        qms_duty=Meaning(
            "Chỉ với cơ quan, đơn vị được khuyến khích áp dụng HTQLCL (khoản 2 Điều 2 QĐ 19: cấp xã, đơn vị sự nghiệp "
            "công lập, ngân hàng chính sách, cơ quan đại diện ở nước ngoài): văn bản yêu cầu áp dụng, hoặc tự nguyện, "
            "hoặc không. Bỏ trống: chưa rõ, trừ khi cơ quan đã công bố HTQLCL.",
            "Only for bodies that QĐ 19 Article 2 clause 2 encourages (commune, public service unit, policy bank, "
            "mission abroad): the document that requires a QMS, or voluntary, or none. "
            "Left out: unknown, unless the body has announced a QMS.",
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
        code="Mã TTHC trên Cơ sở dữ liệu quốc gia về TTHC, ví dụ '1.001193' (đặt trong dấu nháy).",
        name=Meaning("Tên thủ tục hành chính.", "Name of the procedure."),
        field="Lĩnh vực, ví dụ 'Hộ tịch'.",
        announced_by="Quyết định công bố TTHC.",
        internal_procedure="Đã có quy trình nội bộ (quy trình ISO) giải quyết TTHC này.",
        matches_one_stop="Quy trình nội bộ khớp với phần mềm một cửa điện tử (các bước, thời hạn).",
    )


class LegalDocument(Strict):
    number: Ident = Field(min_length=1)
    title: Str | None = None
    effective_on: Date
    built_in_on: Date | None = Field(None, description="Date the change was built into the procedures; null = not yet.")

    meanings: ClassVar[Meanings] = Meanings(
        number=Meaning("Số, ký hiệu văn bản, ví dụ '31/2021/NĐ-CP'.", "Number of the document, e.g. '31/2021/NĐ-CP'."),
        title=Meaning("Trích yếu nội dung.", "Title (what it is about)."),
        effective_on=Meaning("Ngày có hiệu lực.", "Date it takes effect."),
        built_in_on="Ngày cập nhật vào quy trình của HTQLCL; null = chưa cập nhật.",
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
        decision="Số quyết định công bố, ví dụ '132/QĐ-UBND'.",
        date=Meaning("Ngày ký quyết định công bố.", "Date of the decision."),
        standard=Meaning(
            "Phiên bản TCVN ISO 9001 được công bố: 2008 hoặc 2015.", "TCVN ISO 9001 version announced: 2008 or 2015."
        ),
        scope=Meaning("Phạm vi áp dụng được công bố.", "Scope announced."),
        head_confirmed_on="Ngày người đứng đầu xác nhận HTQLCL có hiệu lực (QĐ 19 Điều 4 khoản 2 điểm d); "
        "null = chưa xác nhận.",
        notified_dost_on="Ngày gửi văn bản thông báo đến Sở Khoa học và Công nghệ; null = chưa gửi.",
        notification="Số văn bản thông báo đó.",
        posted_at_premises=Meaning(
            "Đã niêm yết quyết định công bố tại trụ sở.", "The announcement is posted at the agency's premises."
        ),
        published_on_website=Meaning(
            "Đã đăng quyết định công bố trên trang thông tin điện tử.",
            "The announcement is published on the agency's website.",
        ),
    )


class ScopeChange(Strict):
    date: Date
    kind: Literal["adjusted", "extended", "narrowed"]
    description: Str | None = None

    meanings: ClassVar[Meanings] = Meanings(
        date=Meaning("Ngày thay đổi phạm vi (ngày quyết định).", "Date of the change (of the decision)."),
        kind=Meaning(
            "Loại: adjusted (điều chỉnh) | extended (mở rộng) | narrowed (thu hẹp).", "adjusted | extended | narrowed."
        ),
        description=Meaning("Mô tả ngắn.", "Short description."),
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
        agency=Meaning("Thông tin chung về cơ quan.", "Who the agency is.", title=("Thông tin cơ quan", "The agency")),
        records_since=Meaning(
            "Hồ sơ trong tệp (đánh giá nội bộ, xem xét của lãnh đạo, văn bản pháp luật…) đầy đủ từ ngày này; "
            "sự việc trước đó coi là chưa rõ. Bỏ trống: các danh sách là toàn bộ lịch sử.",
            title=("Hồ sơ đầy đủ từ ngày", "Records complete since"),
            absent_is_null=True,
        ),
        qms=Meaning(
            "Các quyết định, tài liệu của HTQLCL.",
            "The QMS decisions and documents.",
            title=("Hệ thống quản lý chất lượng", "Quality management system"),
            null_is_unknown=True,
        ),
        procedures=Meaning(
            "Danh mục thủ tục hành chính (TTHC) thuộc thẩm quyền giải quyết của cơ quan.",
            "The administrative procedures (TTHC) the agency handles.",
            title=("Thủ tục hành chính", "Administrative procedures (TTHC)"),
        ),
        legal_documents=Meaning(
            "Văn bản quy phạm pháp luật mới hoặc sửa đổi liên quan đến hoạt động của cơ quan, phải cập nhật vào "
            "HTQLCL chậm nhất 3 tháng kể từ ngày có hiệu lực.",
            "New or amended legal documents that concern the agency's work; each must be built into the QMS "
            "within three months of taking effect.",
            title=("Văn bản pháp luật cần cập nhật", "Legal documents to build in"),
        ),
        internal_audits=Meaning(
            "Các cuộc đánh giá nội bộ.", "Internal audits held.", title=("Đánh giá nội bộ", "Internal audits")
        ),
        management_reviews=Meaning(
            "Các cuộc họp xem xét của lãnh đạo.",
            "Management reviews held.",
            title=("Xem xét của lãnh đạo", "Management reviews"),
        ),
        announcements=Meaning(
            "Các quyết định công bố HTQLCL phù hợp TCVN ISO 9001 (kể cả công bố lại); [] = chưa công bố.",
            "The agency's QMS announcement decisions (re-announcements included); [] = not announced yet.",
            title=("Công bố HTQLCL", "Announcements"),
        ),
        scope_changes=Meaning(
            "Các lần điều chỉnh, mở rộng, thu hẹp phạm vi áp dụng HTQLCL; [] = không có.",
            "Changes of the QMS scope (adjusted, extended, narrowed); [] = none.",
            title=("Thay đổi phạm vi áp dụng", "Scope changes"),
        ),
        consultants=Meaning(
            "Hợp đồng thuê tổ chức tư vấn xây dựng, áp dụng HTQLCL; [] = không thuê.",
            "Contracts with consulting organisations; [] = none.",
            title=("Tư vấn", "Consultants"),
        ),
        certification_bodies=Meaning(
            "Hợp đồng với tổ chức chứng nhận (QĐ 19 không cho thuê tổ chức chứng nhận đánh giá); [] = không có.",
            "Contracts with certification bodies (QĐ 19 forbids hiring them); [] = none.",
            title=("Tổ chức chứng nhận", "Certification bodies"),
        ),
        satisfaction_surveys=Meaning(
            "Các đợt khảo sát sự hài lòng của người dân, tổ chức.",
            "Customer-satisfaction surveys.",
            title=("Khảo sát sự hài lòng", "Satisfaction surveys"),
        ),
        reports=Meaning(
            "Báo cáo năm về HTQLCL gửi đơn vị kiểm tra khi được đề nghị; [] = không có văn bản đề nghị.",
            title=("Báo cáo năm", "Yearly reports"),
        ),
        inspections=Meaning(
            "Các cuộc kiểm tra HTQLCL tại trụ sở cơ quan (quyết định kiểm tra, biên bản, hành động khắc phục); "
            "[] = chưa được kiểm tra tại trụ sở.",
            "On-site inspections of the QMS (decision, minutes, corrective actions); [] = none.",
            title=("Kiểm tra tại trụ sở", "On-site inspections"),
        ),
        auditor_training=Meaning(
            "Các khóa đào tạo chuyên gia đánh giá nội bộ cho cán bộ của cơ quan; [] = chưa đào tạo.",
            "Courses that trained the agency's staff as internal auditors; [] = none.",
            title=("Đào tạo chuyên gia đánh giá nội bộ", "Internal auditor training"),
        ),
        budgets=Meaning(
            "Dự toán và chi kinh phí HTQLCL theo năm ngân sách (đồng, số nguyên); [] = không có.",
            "The QMS funding estimate and spending per budget year (whole đồng); [] = none.",
            title=("Kinh phí HTQLCL", "QMS funding"),
        ),
        judgements=Meaning(
            "Nhận định của người đánh giá (đoàn kiểm tra, chuyên gia đánh giá) theo từng tiêu chí: đạt, đạt một phần, "
            "không đạt, chưa đến hạn, không áp dụng, kèm ghi nhận, nơi xem xét, người và ngày đánh giá.",
            "Judgements of the inspectors (or auditors) per criterion: conforms, partly, does not conform, not yet "
            "due, not applicable, with the note, where it was seen, by whom and when.",
            title=("Nhận định của người đánh giá", "Inspectors' judgements"),
        ),
        marks=Meaning(
            "Dấu của bảng tổng hợp (ví dụ của Sở KH&CN) về các việc hằng năm, không kèm ngày: mỗi năm một mục.",
            "Marks of a provincial roster on the yearly duties, without dates: one entry per year.",
            title=("Dấu trên bảng tổng hợp", "Roster marks"),
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
