"""The example agency of ``isocheck init``: realistic, consistent placeholder values for one level.

A commune lists TTHC in Hộ tịch, Chứng thực…, a department those of its own field; the decisions,
audits, reviews and the announcement are dated so that the agency validates and can be checked at
once. :class:`Commented` marks a value the template writes commented out (fields the user adds only
when they apply), :class:`NoneYet` a list written as ``[]`` followed by a commented-out example item.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

# ``isocheck init --level``: spelt as ``agency.level`` in the fact file (one spelling everywhere)
LEVEL_CHOICES = ("commune", "district", "department", "sub_department")


class Commented:
    """A placeholder written commented out: the user adds it only when it applies."""

    def __init__(self, value: Any):
        self.value = value


class NoneYet:
    """A list written as ``[]``, followed by a commented-out example item."""

    def __init__(self, example: dict[str, Any]):
        self.example = example


_AGENCIES = {  # level -> (name, parent, short code used in document numbers, website host, TTHC)
    "commune": (
        "UBND xã Thạch Long",
        "UBND tỉnh {province}",  # no district level since 01/07/2025: a commune answers to the province
        "UBND",
        "thachlong.thachha",
        [
            ("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch"),
            ("1.000894", "Thủ tục đăng ký kết hôn", "Hộ tịch"),
            (
                "2.000815",
                "Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền "
                "của Việt Nam cấp hoặc chứng nhận",
                "Chứng thực",
            ),
            (
                "1.001776",
                "Thủ tục thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng, hỗ trợ kinh phí chăm sóc, "
                "nuôi dưỡng hàng tháng",
                "Bảo trợ xã hội",
            ),
        ],
    ),
    "district": (
        "UBND huyện Thạch Hà",
        "UBND tỉnh {province}",
        "UBND",
        "thachha",
        [
            ("2.000528", "Thủ tục đăng ký khai sinh có yếu tố nước ngoài", "Hộ tịch"),
            ("2.000806", "Thủ tục đăng ký kết hôn có yếu tố nước ngoài", "Hộ tịch"),
            (
                "1.002834",
                "Thủ tục chứng thực chữ ký người dịch mà người dịch không phải là cộng tác viên dịch thuật",
                "Chứng thực",
            ),
            (
                "2.006194",
                "Thủ tục giải quyết yêu cầu bồi thường tại cơ quan trực tiếp quản lý người thi hành công vụ gây "
                "thiệt hại (cấp huyện)",
                "Bồi thường nhà nước",
            ),
        ],
    ),
    "department": (
        "Sở Xây dựng tỉnh {province}",
        "UBND tỉnh {province}",
        "SXD",
        "sxd",
        [
            (
                "2.000966",
                "Cấp giấy phép xây dựng mới đối với công trình cấp I, II; công trình tôn giáo; công trình di tích "
                "lịch sử - văn hóa, tượng đài, tranh hoành tráng",
                "Hoạt động xây dựng",
            ),
            (
                "1.002194",
                "Cấp giấy phép xây dựng sửa chữa, cải tạo đối với công trình cấp I, II; công trình tôn giáo; "
                "công trình di tích lịch sử - văn hóa, tượng đài, tranh hoành tráng",
                "Hoạt động xây dựng",
            ),
            ("1.006167", "Cấp chứng chỉ hành nghề hoạt động xây dựng lần đầu hạng II, hạng III", "Hoạt động xây dựng"),
        ],
    ),
    "sub_department": (
        "Chi cục Thủy lợi tỉnh {province}",
        "Sở Nông nghiệp và Phát triển nông thôn tỉnh {province}",
        "CCTL",
        "cctl",
        [
            (
                "2.006913",
                "Cấp giấy phép cho các hoạt động trong phạm vi bảo vệ công trình thủy lợi thuộc thẩm quyền cấp "
                "phép của UBND tỉnh",
                "Thủy lợi",
            ),
            (
                "1.003128",
                "Cấp gia hạn, điều chỉnh nội dung giấy phép cho các hoạt động trong phạm vi bảo vệ công trình "
                "thủy lợi thuộc thẩm quyền cấp phép của UBND tỉnh",
                "Thủy lợi",
            ),
            (
                "1.007421",
                "Cấp giấy phép xả nước thải vào công trình thủy lợi thuộc thẩm quyền cấp phép của UBND tỉnh",
                "Thủy lợi",
            ),
        ],
    ),
}
_LEGAL = {  # level -> (number pattern, title) of an example legal change in the year
    "commune": ("15/{year}/TT-BTP", "Thông tư sửa đổi, bổ sung quy định về hộ tịch (văn bản ví dụ)"),
    "district": ("15/{year}/TT-BTP", "Thông tư sửa đổi, bổ sung quy định về hộ tịch (văn bản ví dụ)"),
    "department": ("06/{year}/NĐ-CP", "Nghị định sửa đổi quy định về quản lý dự án đầu tư xây dựng (văn bản ví dụ)"),
    "sub_department": (
        "03/{year}/TT-BNNPTNT",
        "Thông tư sửa đổi quy định về quản lý công trình thủy lợi (văn bản ví dụ)",
    ),
}


def _ascii(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in text if c.isascii() and c.isalnum()).lower()


def placeholders(level: str, year: int, name: str | None = None, province: str | None = None) -> dict[str, Any]:
    """A consistent example agency of ``level`` whose QMS was announced in ``year - 1`` and kept up in ``year``."""
    province = province or "Hà Tĩnh"
    default_name, parent, code, host, tthc = _AGENCIES[level]
    number, title = _LEGAL[level]
    y, last = year, year - 1

    def d(y_: int, m: int, day: int) -> dt.date:
        return dt.date(y_, m, day)

    def decision(n: int, y_: int, m: int, day: int, kind: str = "QĐ") -> dict[str, Any]:
        return {"number": f"{n:02d}/{kind}-{code}", "issued_on": d(y_, m, day)}

    person = {"name": "Nguyễn Thị Hoa", "appointed_by": f"16/QĐ-{code}", "appointed_on": d(last, 2, 10)}
    # a commune is only encouraged to apply a QMS (QĐ19 Điều 2 khoản 2): it says which document requires it
    duty = {
        "basis": "mandated",
        "decision": "25/KH-UBND",
        "issued_on": d(last - 1, 3, 1),
        "issuer": f"UBND tỉnh {province}",
        "title": "Kế hoạch xây dựng, áp dụng, duy trì và cải tiến HTQLCL trên địa bàn tỉnh (văn bản ví dụ)",
    }
    return {
        "agency": {
            "name": name or default_name.format(province=province),
            "level": level,
            "province": province,
            "parent": parent.format(province=province),
            "standard": 2015,
            "has_website": True,
            "website": f"https://{host}.{_ascii(province)}.gov.vn",
            "qms_duty": duty if level == "commune" else Commented(duty),
        },
        "records_since": Commented(d(last, 1, 1)),
        "qms": {
            "quality_policy": decision(5, y, 1, 5),
            "quality_objectives": [{"year": y, **decision(6, y, 1, 5), "measurable": True, "has_plan": True}],
            "maintenance_plans": [{"year": y, **decision(12, y, 1, 20, "KH")}],
            "steering_committee": decision(15, last, 2, 10),
            "iso_secretary": person,
            "documents_approved": decision(45, last, 5, 4),
            "quality_manual": Commented(decision(46, last, 5, 4)),
            "management_representative": Commented(person),
            "mandatory_procedures": Commented(
                [{"kind": "document_control", "code": "QT-01", "built": True, "operated": "yes"}]
            ),
        },
        "procedures": [
            {
                "code": c,
                "name": n,
                "field": f,
                "announced_by": f"QĐ công bố TTHC lĩnh vực {f} của Chủ tịch UBND tỉnh {province}",
                "internal_procedure": True,
                "matches_one_stop": True,
            }
            for c, n, f in tthc
        ],
        "legal_documents": [
            {"number": number.format(year=y), "title": title, "effective_on": d(y, 2, 15), "built_in_on": d(y, 4, 10)}
        ],
        "internal_audits": [
            {
                "date": d(last, 6, 10),
                "plan": f"20/KH-{code}",
                "report": f"25/BC-{code}",
                "findings": {"major": 0, "minor": 1, "observation": 2},
                "corrective_actions": [
                    {
                        "finding": "Hồ sơ giải quyết TTHC thiếu phiếu kiểm soát quá trình",
                        "severity": "minor",
                        "due_on": d(last, 6, 30),
                        "closed_on": d(last, 6, 25),
                    }
                ],
            },
            {
                "date": d(y, 9, 20),
                "plan": f"40/KH-{code}",
                "report": f"44/BC-{code}",
                "findings": {"major": 0, "minor": 0, "observation": 3},
                "corrective_actions": [],
            },
        ],
        "management_reviews": [
            {"date": d(last, 6, 20), "minutes": f"01/BB-{code}"},
            {"date": d(y, 10, 5), "minutes": f"02/BB-{code}"},
        ],
        "announcements": [
            {
                "decision": f"60/QĐ-{code}",
                "date": d(last, 7, 1),
                "standard": 2015,
                "scope": "Toàn bộ TTHC thuộc thẩm quyền giải quyết và các hoạt động nội bộ",
                "head_confirmed_on": d(last, 6, 30),
                "notified_dost_on": d(last, 7, 5),
                "notification": f"61/{code}-VP",
                "posted_at_premises": True,
                "published_on_website": True,
            }
        ],
        "scope_changes": NoneYet(
            {
                "date": d(y, 4, 10),
                "kind": "adjusted",
                "description": "Điều chỉnh 03 TTHC theo quyết định công bố mới của Chủ tịch UBND tỉnh",
            }
        ),
        "consultants": [
            {
                "consultant": f"Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng {province}",
                "contract_date": d(last, 1, 10),
                "certificate": "05/GXN-TĐC",
                "certificate_valid_until": d(y + 2, 12, 31),
                "experts_have_cards": True,
                "ended_on": d(last, 6, 30),
                "cards_valid_until": d(y + 1, 6, 30),
                "validity_checks": [
                    {"checked_on": d(last, 1, 10), "record": "Ảnh chụp trang tcvn.gov.vn có ngày"},
                    {"checked_on": d(last, 4, 2), "record": "Ảnh chụp trang tcvn.gov.vn có ngày"},
                ],
                "deviations": NoneYet(
                    {
                        "noted_on": d(last, 3, 20),
                        "description": "Tư vấn không hướng dẫn đánh giá nội bộ theo tiến độ đã ký",
                        "record": f"03/BB-{code}",
                        "reported_to_lead_unit_on": d(last, 3, 25),
                        "reported_to_directorate_on": d(last, 3, 25),
                    }
                ),
            }
        ],
        "certification_bodies": NoneYet(
            {"body": "Tên tổ chức chứng nhận", "contract_date": d(y, 3, 1), "purpose": "chứng nhận"}
        ),
        "satisfaction_surveys": [
            {"year": y, "held_on": d(y, 8, 15), "planned_on": d(y, 8, 1), "reference": f"30/BC-{code}"}
        ],
        "reports": [
            {
                "year": y,
                "requested_by": "1243/SKHCN-TĐC",
                "requested_on": d(y, 10, 15),
                "due_on": d(y, 11, 15),
                "submitted_on": d(y, 11, 10),
                "reference": f"80/BC-{code}",
            }
        ],
        # what the inspectors judged on site (an inspection's file; a yearly report has none)
        "judgements": Commented(
            [
                {
                    "criterion": "quality_manual.framework_model",
                    "judgement": "partly",
                    "note": "Sổ tay chất lượng chưa cập nhật danh mục quy trình theo Mô hình khung",
                    "seen_in": f"Sổ tay chất lượng STCL-{code}, ban hành lần 2",
                    "judged_by": "Nguyễn Văn An (Chi cục Tiêu chuẩn Đo lường Chất lượng)",
                    "judged_on": d(y, 10, 20),
                }
            ]
        ),
        # what a provincial roster marks without dates (an import of the roster writes them)
        "marks": Commented(
            [
                {
                    "year": y,
                    "source": f"Bảng tổng hợp kết quả áp dụng HTQLCL năm {y} của Sở Khoa học và Công nghệ",
                    "internal_audit": True,
                    "management_review": True,
                    "report_received": False,
                }
            ]
        ),
        "inspections": [
            {
                "decision": "45/QĐ-SKHCN",
                "decided_on": d(last, 9, 20),
                "unit": f"Sở Khoa học và Công nghệ tỉnh {province}",
                "held_on": d(last, 10, 8),
                "minutes": "12/BB-KT",
                "minutes_signed_on": d(last, 10, 8),
                "issues": 2,
                "corrective_report_on": d(last, 11, 20),
                "corrective_report": f"70/BC-{code}",
                "information_requests": [
                    {
                        "item": f"Hồ sơ đánh giá nội bộ năm {last}",
                        "requested_on": d(last, 10, 8),
                        "due_on": d(last, 10, 15),
                        "provided_on": d(last, 10, 12),
                    }
                ],
            }
        ],
        "auditor_training": [
            {
                "completed_on": d(last, 3, 15),
                "trainees": 3,
                "course": "Đào tạo chuyên gia đánh giá nội bộ HTQLCL theo TCVN ISO 9001:2015",
                "certificate": f"18/QĐ-{code}",
            }
        ],
        "budgets": [
            {
                "year": y,
                "estimated_on": d(last, 7, 15),
                "estimate": f"55/BC-{code}",
                "estimate_vnd": 15_000_000,
                "maintenance_spent_vnd": 12_000_000,
            },
            {"year": y + 1, "estimated_on": d(y, 7, 15), "estimate": f"58/BC-{code}", "estimate_vnd": 15_000_000},
        ],
    }
