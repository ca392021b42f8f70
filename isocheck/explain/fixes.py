"""The registered fix for each (subject kind, field): :data:`FIXES`, what turns a condition on that field false.

Each entry builds a :class:`~isocheck.explain.patches.Fix` from the finding's context: "build 31/2021/NĐ-CP
into the procedures on or before 2021-06-26", with the patch setting that date. Its words are the catalog's
``words:fixes.<key>`` (``isocheck/locale/vi/LC_MESSAGES/isocheck.po``), filled with the context's values
(:func:`~isocheck.explain.patches.said`). A field without an entry has no remedy ``explain`` can propose
(an auditor decides).
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
    said,
    set_path,
    source_path,
)
from isocheck.text.ui import Words


def _built_in(ctx: Context) -> Fix:
    deadline = ctx.subject.display["deadline"]
    number = ctx.subject.display["number"]
    day = min(deadline, ctx.as_of)
    path = source_path(ctx, "built_in", ".built_in_on")
    return Fix(said("built_in", number=number, deadline=deadline), lambda doc: set_path(doc, path, day))


def _audit_in_year(ctx: Context) -> Fix:
    day = ctx.in_year()
    return Fix(
        said("audit.between", start=ctx.year_start(), end=day),
        lambda doc: append(
            doc,
            "internal_audits",
            {"date": day, "findings": {"major": 0, "minor": 0, "observation": 0}, "corrective_actions": []},
        ),
    )


def _review_in_year(ctx: Context) -> Fix:
    day = ctx.in_year()
    return Fix(
        said("review.between", start=ctx.year_start(), end=day),
        lambda doc: append(doc, "management_reviews", {"date": day, "minutes": "Biên bản XXLĐ"}),
    )


def _objectives(ctx: Context) -> Fix:
    day = ctx.year_start()
    return Fix(
        said("objectives", year=ctx.year),
        lambda doc: append(
            doc, "qms.quality_objectives", {"year": ctx.year, "issued_on": day, "measurable": True, "has_plan": True}
        ),
    )


def _maintenance_plan(ctx: Context) -> Fix:
    day = ctx.year_start()
    return Fix(
        said("maintenance_plan", year=ctx.year),
        lambda doc: append(doc, "qms.maintenance_plans", {"year": ctx.year, "issued_on": day}),
    )


def _survey(ctx: Context) -> Fix:
    day = ctx.in_year()
    return Fix(
        said("survey", year=ctx.year, day=day),
        lambda doc: append(doc, "satisfaction_surveys", {"year": ctx.year, "held_on": day}),
    )


def _announce(ctx: Context) -> Fix:
    day = ctx.as_of
    return Fix(
        said("announce", day=day),
        lambda doc: append(doc, "announcements", announcement_entry(doc, day, doc["agency"]["standard"])),
    )


def _transition(ctx: Context) -> Fix:
    deadline = ctx.subject.display.get("transition_deadline")
    day = ctx.as_of  # the re-announcement under 2015 must be the one in force on the as-of date

    def patch(doc: dict) -> None:
        doc["agency"]["standard"] = 2015
        append(doc, "announcements", announcement_entry(doc, day, 2015))

    if deadline is None:
        return Fix(said("transition"), patch)
    # CV 419: "trước ngày" — before the deadline day; on or after it, now
    return Fix(said("transition.before" if day < deadline else "transition.passed", deadline=deadline), patch)


def _approval_before(ctx: Context) -> Fix:
    day = ctx.subject.display["date"]
    return Fix(
        said("documents_approved", day=day),
        lambda doc: set_path(doc, "qms.documents_approved", {"number": "QĐ phê duyệt", "issued_on": day}),
    )


def _reannounce(ctx: Context) -> Fix:
    change = ctx.subject.display["date"]
    return Fix(
        said("reannounce", change=change),
        lambda doc: append(doc, "announcements", announcement_entry(doc, change, doc["agency"]["standard"])),
    )


def _certificate(ctx: Context) -> Fix:
    path = source_path(ctx, "certified", ".certificate")
    until = path[: -len(".certificate")] + ".certificate_valid_until"
    contract = ctx.subject.display["contract_date"]

    def patch(doc: dict) -> None:
        set_path(doc, path, "Giấy xác nhận")
        set_path(doc, until, contract)

    return Fix(said("certificate", consultant=ctx.subject.display["consultant"], contract=contract), patch)


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

        return Fix(said(f"procedure.{value_field}", procedure=Words(name["vi"], name["en"])), patch)

    return make


def _dated(field: str, suffix: str, key: str) -> Callable[[Context], Fix]:
    """The announcement's date recorded in the field's source ending with ``suffix`` (words: ``{day}``, that date)."""

    def make(ctx: Context) -> Fix:
        day = ctx.subject.display["date"]
        path = source_path(ctx, field, suffix)
        return Fix(said(key, day=day), lambda doc: set_path(doc, path, day))

    return make


FIXES: dict[tuple[str, str], Callable[[Context], Fix]] = {
    ("legal_document", "days_after_deadline"): _built_in,
    ("legal_document", "built_in"): _built_in,
    ("year", "audit_count"): _audit_in_year,
    ("year", "review_count"): _review_in_year,
    ("year", "has_objectives"): _objectives,
    ("year", "objectives_measurable"): flag("objectives_measurable", ".measurable", "objectives_measurable"),
    ("year", "objectives_have_plan"): flag("objectives_have_plan", ".has_plan", "objectives_plan"),
    ("year", "has_maintenance_plan"): _maintenance_plan,
    ("year", "survey_held"): _survey,
    ("agency", "has_quality_policy"): qms_document("quality_policy", {"number": "QĐ CSCL", "issued_on": None}),
    ("agency", "has_steering_committee"): qms_document("steering_committee", {"number": "QĐ BCĐ", "issued_on": None}),
    ("agency", "has_iso_secretary"): qms_document("iso_secretary", {"name": "Thư ký ISO"}),
    ("agency", "has_quality_manual"): qms_document("quality_manual", {"number": "STCL", "issued_on": None}),
    ("agency", "has_management_representative"): qms_document(
        "management_representative", {"name": "Đại diện lãnh đạo"}
    ),
    ("agency", "announcement_count"): _announce,
    ("agency", "on_2008"): _transition,
    ("agency", "certification_body_contracts"): drop_item("end_certification"),
    ("procedures", "uncovered_count"): item_flag("internal_procedure", "internal_procedure"),
    ("procedures", "mismatch_count"): item_flag("matches_one_stop", "matches_one_stop"),
    ("announcement", "documents_approved_before"): _approval_before,
    ("announcement", "audit_before"): precondition_event(
        "internal_audits",
        "audit",
        {"findings": {"major": 0, "minor": 0, "observation": 0}, "corrective_actions": []},
    ),
    ("announcement", "review_before"): precondition_event("management_reviews", "review", {"minutes": "Biên bản XXLĐ"}),
    ("announcement", "open_nonconformities_at_date"): close_actions(lambda c: c.subject.display["window_end"], True),
    ("announcement", "head_confirmed_before"): _dated("head_confirmed_before", ".head_confirmed_on", "head_confirmed"),
    ("announcement", "notified"): _dated("notified", ".notified_dost_on", "notified"),
    ("announcement", "posted"): flag("posted", ".posted_at_premises", "posted"),
    ("announcement", "published"): flag("published", ".published_on_website", "published"),
    ("scope_change", "reannounced"): _reannounce,
    ("audit", "unresolved_overdue"): close_actions(lambda c: c.as_of, False),
    ("audit", "open_not_due"): close_actions(lambda c: c.as_of, False),
    ("review", "has_minutes"): lambda ctx: Fix(
        said("review_minutes"),
        (lambda path: lambda doc: set_path(doc, path, "Biên bản XXLĐ"))(source_path(ctx, "has_minutes", ".minutes")),
    ),
    ("consultant", "certified"): _certificate,
    ("consultant", "experts_have_cards"): flag("experts_have_cards", ".experts_have_cards", "expert_cards"),
    ("mandatory_procedure", "built"): _mandatory_procedure("built"),
    ("mandatory_procedure", "operated"): _mandatory_procedure("operated"),
}
