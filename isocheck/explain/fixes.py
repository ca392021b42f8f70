"""The registered fix for each (subject kind, field): :data:`FIXES`, what turns a condition on that field false.

Each entry builds a :class:`~isocheck.explain.patches.Fix` from the finding's context: "build 31/2021/NĐ-CP
into the procedures on or before 2021-06-26", with the patch setting that date. A field without an entry
has no remedy ``explain`` can propose (an auditor decides).
"""

from __future__ import annotations

from collections.abc import Callable

from isocheck.explain.patches import (
    Context,
    Fix,
    announcement_entry,
    append,
    close_actions,
    drop_item,
    flag,
    item_flag,
    precondition_event,
    qms_document,
    set_path,
    source_path,
    texts,
    vi_date,
)


def _built_in(ctx: Context) -> Fix:
    deadline = ctx.subject.display["deadline"]
    number = ctx.subject.display["number"]
    day = min(deadline, ctx.as_of)
    path = source_path(ctx, "built_in", ".built_in_on")
    return Fix(
        texts(
            f"cập nhật văn bản {number} vào quy trình chậm nhất ngày {vi_date(deadline)}",
            f"build {number} into the procedures on or before {deadline.isoformat()}",
        ),
        lambda doc: set_path(doc, path, day),
    )


def _audit_in_year(ctx: Context) -> Fix:
    day = ctx.in_year()
    return Fix(
        texts(
            f"một cuộc đánh giá nội bộ trong khoảng {vi_date(ctx.year_start())}–{vi_date(day)}",
            f"an internal audit dated between {ctx.year_start().isoformat()} and {day.isoformat()}",
        ),
        lambda doc: append(
            doc,
            "internal_audits",
            {"date": day, "findings": {"major": 0, "minor": 0, "observation": 0}, "corrective_actions": []},
        ),
    )


def _review_in_year(ctx: Context) -> Fix:
    day = ctx.in_year()
    return Fix(
        texts(
            f"một cuộc xem xét của lãnh đạo có biên bản trong khoảng {vi_date(ctx.year_start())}–{vi_date(day)}",
            f"a management review with minutes dated between {ctx.year_start().isoformat()} and {day.isoformat()}",
        ),
        lambda doc: append(doc, "management_reviews", {"date": day, "minutes": "Biên bản XXLĐ"}),
    )


def _objectives(ctx: Context) -> Fix:
    day = ctx.year_start()
    return Fix(
        texts(
            f"quyết định ban hành mục tiêu chất lượng năm {ctx.year} (đo lường được, có kế hoạch thực hiện)",
            f"a decision issuing measurable quality objectives for {ctx.year} with an implementation plan",
        ),
        lambda doc: append(
            doc, "qms.quality_objectives", {"year": ctx.year, "issued_on": day, "measurable": True, "has_plan": True}
        ),
    )


def _maintenance_plan(ctx: Context) -> Fix:
    day = ctx.year_start()
    return Fix(
        texts(
            f"kế hoạch duy trì, cải tiến HTQLCL năm {ctx.year} được phê duyệt",
            f"an approved maintenance and improvement plan for {ctx.year}",
        ),
        lambda doc: append(doc, "qms.maintenance_plans", {"year": ctx.year, "issued_on": day}),
    )


def _survey(ctx: Context) -> Fix:
    day = ctx.in_year()
    return Fix(
        texts(
            f"một cuộc khảo sát sự hài lòng thực hiện trong năm {ctx.year}, chậm nhất ngày {vi_date(day)}",
            f"a customer-satisfaction survey carried out in {ctx.year}, by {day.isoformat()}",
        ),
        lambda doc: append(doc, "satisfaction_surveys", {"year": ctx.year, "held_on": day}),
    )


def _announce(ctx: Context) -> Fix:
    day = ctx.as_of
    return Fix(
        texts(
            f"quyết định công bố HTQLCL (theo Phụ lục I QĐ 19/2014/QĐ-TTg) ký chậm nhất ngày {vi_date(day)}",
            f"an announcement decision (QĐ19 Annex I form) signed by {day.isoformat()}",
        ),
        lambda doc: append(doc, "announcements", announcement_entry(doc, day, doc["agency"]["standard"])),
    )


def _transition(ctx: Context) -> Fix:
    deadline = ctx.subject.display.get("transition_deadline")
    day = ctx.as_of  # the re-announcement under 2015 must be the one in force on the as-of date

    def patch(doc: dict) -> None:
        doc["agency"]["standard"] = 2015
        append(doc, "announcements", announcement_entry(doc, day, 2015))

    if deadline is not None and day < deadline:  # CV 419: "trước ngày" — before the deadline day
        when_vi, when_en = f"trước ngày {vi_date(deadline)}", f"before {deadline.isoformat()}"
    elif deadline is not None:
        when_vi, when_en = (
            f"ngay (hạn chuyển đổi {vi_date(deadline)} đã qua)",
            f"now (the deadline {deadline.isoformat()} has passed)",
        )
    else:
        when_vi, when_en = "", ""
    return Fix(
        texts(
            f"chuyển đổi HTQLCL sang TCVN ISO 9001:2015 và công bố lại {when_vi}".strip(),
            f"convert the QMS to TCVN ISO 9001:2015 and re-announce it {when_en}".strip(),
        ),
        patch,
    )


def _approval_before(ctx: Context) -> Fix:
    day = ctx.subject.display["date"]
    return Fix(
        texts(
            f"quyết định phê duyệt hệ thống tài liệu của người đứng đầu ký chậm nhất ngày {vi_date(day)}",
            f"the head's decision approving the documents, signed on or before {day.isoformat()}",
        ),
        lambda doc: set_path(doc, "qms.documents_approved", {"number": "QĐ phê duyệt", "issued_on": day}),
    )


def _reannounce(ctx: Context) -> Fix:
    change = ctx.subject.display["date"]
    return Fix(
        texts(
            f"quyết định công bố lại HTQLCL ký từ ngày {vi_date(change)} (sau khi thay đổi phạm vi)",
            f"a re-announcement decision signed on or after {change.isoformat()} (after the scope change)",
        ),
        lambda doc: append(doc, "announcements", announcement_entry(doc, change, doc["agency"]["standard"])),
    )


def _certificate(ctx: Context) -> Fix:
    path = source_path(ctx, "certified", ".certificate")
    until = path[: -len(".certificate")] + ".certificate_valid_until"
    contract = ctx.subject.display["contract_date"]

    def patch(doc: dict) -> None:
        set_path(doc, path, "Giấy xác nhận")
        set_path(doc, until, contract)

    return Fix(
        texts(
            f"Giấy xác nhận đủ điều kiện tư vấn của {ctx.subject.display['consultant']} còn hiệu lực ngày ký "
            f"hợp đồng {vi_date(contract)}",
            f"a certificate of eligibility of {ctx.subject.display['consultant']} valid on the contract date "
            f"{contract.isoformat()}",
        ),
        patch,
    )


def _mandatory_procedure(value_field: str) -> Callable[[Context], Fix]:
    def make(ctx: Context) -> Fix:
        kind = ctx.subject.id
        name = ctx.subject.label

        def patch(doc: dict) -> None:
            qms = doc.setdefault("qms", {})
            procedures = qms.get("mandatory_procedures") or []
            qms["mandatory_procedures"] = procedures
            entry = next((p for p in procedures if p["kind"] == kind), None)
            if entry is None:
                entry = {"kind": kind}
                procedures.append(entry)
            entry["built"] = True
            entry["operated"] = "yes"

        if value_field == "built":
            text = texts(f"ban hành {name['vi']}", f"issue the documented procedure: {name['en']}")
        else:
            text = texts(
                f"áp dụng {name['vi']} và lưu hồ sơ thực hiện",
                f"operate the procedure ({name['en']}) and keep its records",
            )
        return Fix(text, patch)

    return make


FIXES: dict[tuple[str, str], Callable[[Context], Fix]] = {
    ("legal_document", "days_after_deadline"): _built_in,
    ("legal_document", "built_in"): _built_in,
    ("year", "audit_count"): _audit_in_year,
    ("year", "review_count"): _review_in_year,
    ("year", "has_objectives"): _objectives,
    ("year", "objectives_measurable"): flag(
        "objectives_measurable",
        ".measurable",
        "mục tiêu chất lượng có chỉ tiêu đo lường được",
        "objectives with measurable targets",
    ),
    ("year", "objectives_have_plan"): flag(
        "objectives_have_plan",
        ".has_plan",
        "kế hoạch thực hiện mục tiêu chất lượng",
        "a plan to achieve the objectives",
    ),
    ("year", "has_maintenance_plan"): _maintenance_plan,
    ("year", "survey_held"): _survey,
    ("agency", "has_quality_policy"): qms_document(
        "quality_policy",
        "quyết định ban hành chính sách chất lượng",
        "a decision issuing the quality policy",
        {"number": "QĐ CSCL", "issued_on": None},
    ),
    ("agency", "has_steering_committee"): qms_document(
        "steering_committee",
        "quyết định thành lập Ban Chỉ đạo ISO",
        "a decision setting up the ISO steering committee",
        {"number": "QĐ BCĐ", "issued_on": None},
    ),
    ("agency", "has_iso_secretary"): qms_document(
        "iso_secretary",
        "quyết định phân công thư ký ISO",
        "a decision appointing the ISO secretary",
        {"name": "Thư ký ISO"},
    ),
    ("agency", "has_quality_manual"): qms_document(
        "quality_manual",
        "sổ tay chất lượng được ban hành",
        "an issued quality manual",
        {"number": "STCL", "issued_on": None},
    ),
    ("agency", "has_management_representative"): qms_document(
        "management_representative",
        "quyết định chỉ định đại diện lãnh đạo",
        "a decision appointing the management representative",
        {"name": "Đại diện lãnh đạo"},
    ),
    ("agency", "announcement_count"): _announce,
    ("agency", "on_2008"): _transition,
    ("agency", "certification_body_contracts"): drop_item(
        "chấm dứt hợp đồng với tổ chức chứng nhận {body} (HTQLCL được tự công bố, không chứng nhận)",
        "end the contract with the certification body {body} (the QMS is self-announced, not certified)",
    ),
    ("procedures", "uncovered_count"): item_flag(
        "internal_procedure", "quy trình nội bộ cho TTHC {code}", "an internal procedure for TTHC {code}"
    ),
    ("procedures", "mismatch_count"): item_flag(
        "matches_one_stop",
        "quy trình nội bộ của TTHC {code} khớp với phần mềm một cửa điện tử",
        "the internal procedure of TTHC {code} matching the e-one-stop software",
    ),
    ("announcement", "documents_approved_before"): _approval_before,
    ("announcement", "audit_before"): precondition_event(
        "internal_audits",
        "một cuộc đánh giá nội bộ",
        "an internal audit",
        {"findings": {"major": 0, "minor": 0, "observation": 0}, "corrective_actions": []},
    ),
    ("announcement", "review_before"): precondition_event(
        "management_reviews",
        "một cuộc xem xét của lãnh đạo có biên bản",
        "a management review with minutes",
        {"minutes": "Biên bản XXLĐ"},
    ),
    ("announcement", "open_nonconformities_at_date"): close_actions(lambda c: c.subject.display["window_end"], True),
    ("announcement", "head_confirmed_before"): lambda ctx: Fix(
        texts(
            f"người đứng đầu xác nhận hiệu lực HTQLCL chậm nhất ngày {vi_date(ctx.subject.display['date'])}",
            f"the head's confirmation of effectiveness dated on or before {ctx.subject.display['date'].isoformat()}",
        ),
        (lambda path, day: lambda doc: set_path(doc, path, day))(
            source_path(ctx, "head_confirmed_before", ".head_confirmed_on"), ctx.subject.display["date"]
        ),
    ),
    ("announcement", "notified"): lambda ctx: Fix(
        texts(
            "văn bản thông báo gửi Sở Khoa học và Công nghệ",
            "a letter notifying the Department of Science and Technology",
        ),
        (lambda path, day: lambda doc: set_path(doc, path, day))(
            source_path(ctx, "notified", ".notified_dost_on"), ctx.subject.display["date"]
        ),
    ),
    ("announcement", "posted"): flag(
        "posted",
        ".posted_at_premises",
        "niêm yết quyết định công bố tại trụ sở",
        "the announcement posted at the premises",
    ),
    ("announcement", "published"): flag(
        "published",
        ".published_on_website",
        "đăng quyết định công bố trên trang thông tin điện tử",
        "the announcement published on the website",
    ),
    ("scope_change", "reannounced"): _reannounce,
    ("audit", "unresolved_overdue"): close_actions(lambda c: c.as_of, False),
    ("audit", "open_not_due"): close_actions(lambda c: c.as_of, False),
    ("review", "has_minutes"): lambda ctx: Fix(
        texts("biên bản họp xem xét của lãnh đạo được lưu", "minutes of the management review kept"),
        (lambda path: lambda doc: set_path(doc, path, "Biên bản XXLĐ"))(source_path(ctx, "has_minutes", ".minutes")),
    ),
    ("consultant", "certified"): _certificate,
    ("consultant", "experts_have_cards"): flag(
        "experts_have_cards",
        ".experts_have_cards",
        "mọi chuyên gia tư vấn có thẻ chuyên gia còn hiệu lực",
        "every consulting expert holding a valid card",
    ),
    ("mandatory_procedure", "built"): _mandatory_procedure("built"),
    ("mandatory_procedure", "operated"): _mandatory_procedure("operated"),
}
