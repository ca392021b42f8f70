"""The words of every remedy ``explain`` proposes (``FIXES``, from the catalog's ``words:fixes.*``), pinned in
Vietnamese and English: dates dd/mm/yyyy in Vietnamese and ISO in English, the values of the subject and of the
item in their place."""

from __future__ import annotations

import datetime as dt

import pytest

from isocheck.explain.fixes import FIXES
from isocheck.explain.patches import Context
from isocheck.subjects.subject import Subject

AS_OF = dt.date(2021, 11, 16)
D = dt.date


def _subject(kind: str, sid: str = "x", **parts) -> Subject:
    return Subject(kind=kind, id=sid, label=parts.pop("label", {"vi": sid, "en": sid}), **parts)


_DOC = _subject(
    "legal_document",
    display={"deadline": D(2021, 6, 26), "number": "31/2021/NĐ-CP"},
    sources={field: ["legal_documents[0].built_in_on"] for field in ("built_in", "days_after_deadline")},
)
_YEAR = _subject("year", "2021")
_PAST_YEAR = _subject("year", "2020")
_WINDOW = {"window_start": D(2021, 1, 1), "window_end": D(2021, 3, 1), "date": D(2021, 3, 2)}
_ANNOUNCEMENT = _subject(
    "announcement",
    display=_WINDOW,
    sources={
        "head_confirmed_before": ["announcements[0].head_confirmed_on"],
        "notified": ["announcements[0].notified_dost_on"],
        "posted": ["announcements[0].posted_at_premises"],
        "published": ["announcements[0].published_on_website"],
    },
)
_FIRST_ANNOUNCEMENT = _subject("announcement", display={"window_start": None, "window_end": D(2021, 3, 1)})
_CONSULTANT = _subject(
    "consultant",
    display={"consultant": "Công ty Tư vấn ABC", "contract_date": D(2019, 5, 2)},
    sources={"certified": ["consultants[0].certificate"], "experts_have_cards": ["consultants[0].experts_have_cards"]},
)
_CORRECTIVE = _subject(
    "mandatory_procedure",
    "corrective_action",
    label={"vi": "Thủ tục hành động khắc phục (§8.5.2)", "en": "Corrective action (§8.5.2)"},
)
_QMS = {"objectives_measurable": [".measurable"], "objectives_have_plan": [".has_plan"]}
_YEAR_QMS = _subject("year", "2021", sources={k: [f"qms.quality_objectives[0]{v[0]}"] for k, v in _QMS.items()})

CASES = [
    # (kind, field), subject, as-of, item, Vietnamese, English
    (
        ("legal_document", "built_in"),
        _DOC,
        AS_OF,
        None,
        "cập nhật văn bản 31/2021/NĐ-CP vào quy trình chậm nhất ngày 26/06/2021",
        "build 31/2021/NĐ-CP into the procedures on or before 2021-06-26",
    ),
    (
        ("legal_document", "days_after_deadline"),
        _DOC,
        AS_OF,
        None,
        "cập nhật văn bản 31/2021/NĐ-CP vào quy trình chậm nhất ngày 26/06/2021",
        "build 31/2021/NĐ-CP into the procedures on or before 2021-06-26",
    ),
    (
        ("year", "audit_count"),
        _YEAR,
        AS_OF,
        None,
        "một cuộc đánh giá nội bộ trong khoảng 01/01/2021–16/11/2021",
        "an internal audit dated between 2021-01-01 and 2021-11-16",
    ),
    (
        ("year", "review_count"),
        _PAST_YEAR,
        AS_OF,
        None,
        "một cuộc xem xét của lãnh đạo có biên bản trong khoảng 01/01/2020–31/12/2020",
        "a management review with minutes dated between 2020-01-01 and 2020-12-31",
    ),
    (
        ("year", "has_objectives"),
        _YEAR,
        AS_OF,
        None,
        "quyết định ban hành mục tiêu chất lượng năm 2021 (đo lường được, có kế hoạch thực hiện)",
        "a decision issuing measurable quality objectives for 2021 with an implementation plan",
    ),
    (
        ("year", "objectives_measurable"),
        _YEAR_QMS,
        AS_OF,
        None,
        "mục tiêu chất lượng có chỉ tiêu đo lường được",
        "objectives with measurable targets",
    ),
    (
        ("year", "objectives_have_plan"),
        _YEAR_QMS,
        AS_OF,
        None,
        "kế hoạch thực hiện mục tiêu chất lượng",
        "a plan to achieve the objectives",
    ),
    (
        ("year", "has_maintenance_plan"),
        _YEAR,
        AS_OF,
        None,
        "kế hoạch duy trì, cải tiến HTQLCL năm 2021 được phê duyệt",
        "an approved maintenance and improvement plan for 2021",
    ),
    (
        ("year", "survey_held"),
        _PAST_YEAR,
        AS_OF,
        None,
        "một cuộc khảo sát sự hài lòng thực hiện trong năm 2020, chậm nhất ngày 31/12/2020",
        "a customer-satisfaction survey carried out in 2020, by 2020-12-31",
    ),
    (
        ("agency", "has_quality_policy"),
        _subject("agency"),
        AS_OF,
        None,
        "quyết định ban hành chính sách chất lượng",
        "a decision issuing the quality policy",
    ),
    (
        ("agency", "has_steering_committee"),
        _subject("agency"),
        AS_OF,
        None,
        "quyết định thành lập Ban Chỉ đạo ISO",
        "a decision setting up the ISO steering committee",
    ),
    (
        ("agency", "has_iso_secretary"),
        _subject("agency"),
        AS_OF,
        None,
        "quyết định phân công thư ký ISO",
        "a decision appointing the ISO secretary",
    ),
    (
        ("agency", "has_quality_manual"),
        _subject("agency"),
        AS_OF,
        None,
        "sổ tay chất lượng được ban hành",
        "an issued quality manual",
    ),
    (
        ("agency", "has_management_representative"),
        _subject("agency"),
        AS_OF,
        None,
        "quyết định chỉ định đại diện lãnh đạo",
        "a decision appointing the management representative",
    ),
    (
        ("agency", "announcement_count"),
        _subject("agency"),
        AS_OF,
        None,
        "quyết định công bố HTQLCL (theo Phụ lục I QĐ 19/2014/QĐ-TTg) ký chậm nhất ngày 16/11/2021",
        "an announcement decision (QĐ19 Annex I form) signed by 2021-11-16",
    ),
    (
        ("agency", "certification_body_contracts"),
        _subject("agency"),
        AS_OF,
        {"body": "Công ty XYZ", "contract_date": D(2020, 1, 5), "source": "certification_bodies[0]"},
        "chấm dứt hợp đồng với tổ chức chứng nhận Công ty XYZ (HTQLCL được tự công bố, không chứng nhận)",
        "end the contract with the certification body Công ty XYZ (the QMS is self-announced, not certified)",
    ),
    (
        ("procedures", "uncovered_count"),
        _subject("procedures"),
        AS_OF,
        {"code": "1.001193", "source": "procedures[0]"},
        "quy trình nội bộ cho TTHC 1.001193",
        "an internal procedure for TTHC 1.001193",
    ),
    (
        ("procedures", "mismatch_count"),
        _subject("procedures"),
        AS_OF,
        {"code": "1.001193", "source": "procedures[0]"},
        "quy trình nội bộ của TTHC 1.001193 khớp với phần mềm một cửa điện tử",
        "the internal procedure of TTHC 1.001193 matching the e-one-stop software",
    ),
    (
        ("announcement", "documents_approved_before"),
        _ANNOUNCEMENT,
        AS_OF,
        None,
        "quyết định phê duyệt hệ thống tài liệu của người đứng đầu ký chậm nhất ngày 02/03/2021",
        "the head's decision approving the documents, signed on or before 2021-03-02",
    ),
    (
        ("announcement", "audit_before"),
        _ANNOUNCEMENT,
        AS_OF,
        None,
        "một cuộc đánh giá nội bộ trong khoảng 01/01/2021–01/03/2021",
        "an internal audit dated between 2021-01-01 and 2021-03-01",
    ),
    (
        ("announcement", "audit_before"),
        _FIRST_ANNOUNCEMENT,
        AS_OF,
        None,
        "một cuộc đánh giá nội bộ chậm nhất ngày 01/03/2021",
        "an internal audit dated on or before 2021-03-01",
    ),
    (
        ("announcement", "review_before"),
        _ANNOUNCEMENT,
        AS_OF,
        None,
        "một cuộc xem xét của lãnh đạo có biên bản trong khoảng 01/01/2021–01/03/2021",
        "a management review with minutes dated between 2021-01-01 and 2021-03-01",
    ),
    (
        ("announcement", "review_before"),
        _FIRST_ANNOUNCEMENT,
        AS_OF,
        None,
        "một cuộc xem xét của lãnh đạo có biên bản chậm nhất ngày 01/03/2021",
        "a management review with minutes dated on or before 2021-03-01",
    ),
    (
        ("announcement", "open_nonconformities_at_date"),
        _ANNOUNCEMENT,
        AS_OF,
        None,
        "mọi điểm không phù hợp đã có hành động khắc phục hoàn thành chậm nhất ngày 01/03/2021",
        "every nonconformity corrected, its action closed by 2021-03-01",
    ),
    (
        ("announcement", "head_confirmed_before"),
        _ANNOUNCEMENT,
        AS_OF,
        None,
        "người đứng đầu xác nhận hiệu lực HTQLCL chậm nhất ngày 02/03/2021",
        "the head's confirmation of effectiveness dated on or before 2021-03-02",
    ),
    (
        ("announcement", "notified"),
        _ANNOUNCEMENT,
        AS_OF,
        None,
        "văn bản thông báo gửi Sở Khoa học và Công nghệ",
        "a letter notifying the Department of Science and Technology",
    ),
    (
        ("announcement", "posted"),
        _ANNOUNCEMENT,
        AS_OF,
        None,
        "niêm yết quyết định công bố tại trụ sở",
        "the announcement posted at the premises",
    ),
    (
        ("announcement", "published"),
        _ANNOUNCEMENT,
        AS_OF,
        None,
        "đăng quyết định công bố trên trang thông tin điện tử",
        "the announcement published on the website",
    ),
    (
        ("scope_change", "reannounced"),
        _subject("scope_change", display={"date": D(2021, 3, 1)}),
        AS_OF,
        None,
        "quyết định công bố lại HTQLCL ký từ ngày 01/03/2021 (sau khi thay đổi phạm vi)",
        "a re-announcement decision signed on or after 2021-03-01 (after the scope change)",
    ),
    (
        ("audit", "unresolved_overdue"),
        _subject("audit", display={"date": D(2021, 5, 4)}),
        AS_OF,
        None,
        "mọi điểm không phù hợp đã có hành động khắc phục hoàn thành chậm nhất ngày 16/11/2021",
        "every nonconformity corrected, its action closed by 2021-11-16",
    ),
    (
        ("audit", "open_not_due"),
        _subject("audit", display={"date": D(2021, 5, 4)}),
        AS_OF,
        None,
        "mọi điểm không phù hợp đã có hành động khắc phục hoàn thành chậm nhất ngày 16/11/2021",
        "every nonconformity corrected, its action closed by 2021-11-16",
    ),
    (
        ("review", "has_minutes"),
        _subject("review", sources={"has_minutes": ["management_reviews[0].minutes"]}),
        AS_OF,
        None,
        "biên bản họp xem xét của lãnh đạo được lưu",
        "minutes of the management review kept",
    ),
    (
        ("consultant", "certified"),
        _CONSULTANT,
        AS_OF,
        None,
        "Giấy xác nhận đủ điều kiện tư vấn của Công ty Tư vấn ABC còn hiệu lực ngày ký hợp đồng 02/05/2019",
        "a certificate of eligibility of Công ty Tư vấn ABC valid on the contract date 2019-05-02",
    ),
    (
        ("consultant", "experts_have_cards"),
        _CONSULTANT,
        AS_OF,
        None,
        "mọi chuyên gia tư vấn có thẻ chuyên gia còn hiệu lực",
        "every consulting expert holding a valid card",
    ),
    (
        ("mandatory_procedure", "built"),
        _CORRECTIVE,
        AS_OF,
        None,
        "ban hành Thủ tục hành động khắc phục (§8.5.2)",
        "issue the documented procedure: Corrective action (§8.5.2)",
    ),
    (
        ("mandatory_procedure", "operated"),
        _CORRECTIVE,
        AS_OF,
        None,
        "áp dụng Thủ tục hành động khắc phục (§8.5.2) và lưu hồ sơ thực hiện",
        "operate the procedure (Corrective action (§8.5.2)) and keep its records",
    ),
]


@pytest.mark.parametrize(
    ("key", "subject", "as_of", "item", "vi", "en"), CASES, ids=[f"{k}.{f}" for (k, f), *_ in CASES]
)
def test_the_remedy_reads_as_written_in_each_language(key, subject, as_of, item, vi, en):
    fix = FIXES[key](Context(subject, as_of, item))
    assert (fix.text.get("vi"), fix.text.get("en")) == (vi, en)


TRANSITION = (
    "chuyển đổi HTQLCL sang TCVN ISO 9001:2015 và công bố lại",
    "convert the QMS to TCVN ISO 9001:2015 and re-announce it",
)


@pytest.mark.parametrize(
    ("deadline", "as_of", "vi", "en"),
    [
        (D(2021, 6, 30), D(2021, 6, 29), " trước ngày 30/06/2021", " before 2021-06-30"),  # CV 419: "trước ngày"
        (
            D(2021, 6, 30),
            D(2021, 6, 30),
            " ngay (hạn chuyển đổi 30/06/2021 đã qua)",
            " now (the deadline 2021-06-30 has passed)",
        ),
        (None, AS_OF, "", ""),
    ],
)
def test_the_transition_remedy_says_when_in_each_language(deadline, as_of, vi, en):
    subject = _subject("agency", display={"transition_deadline": deadline})
    fix = FIXES["agency", "on_2008"](Context(subject, as_of, None))
    assert (fix.text.get("vi"), fix.text.get("en")) == (TRANSITION[0] + vi, TRANSITION[1] + en)


def test_every_registered_remedy_has_its_words_pinned():
    assert {key for key, *_ in CASES} | {("agency", "on_2008")} == set(FIXES)
