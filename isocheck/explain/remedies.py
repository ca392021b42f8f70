"""What would make a finding pass: the smallest change of fact, described and applied as a patch.

For a failed (or pending) rule, :func:`remedy_for` picks the fewest condition parts that must turn
false — one part of an AND, every true part of an OR — and, for each, a registered fix of the fact
file that turns it false: "an internal audit dated between 2021-01-01 and 2021-11-16", "build
31/2021/NĐ-CP into the procedures on or before 2021-06-26". Each fix is also a patch on the fact
document, so a property test can apply it and check the rule then passes.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from isocheck.pack.conditions import holds
from isocheck.pack.rules import Rule
from isocheck.subjects.fields import Subject
from isocheck.text.ui import format_value

Patch = Callable[[dict], None]


@dataclass
class Fix:
    text: dict[str, str]
    patch: Patch


@dataclass
class Remedy:
    """The change that would make the finding pass: texts in both languages and one patch."""

    fixes: list[Fix]

    def text(self, lang: str) -> str:
        return "; ".join(f.text[lang] for f in self.fixes)

    def apply(self, doc: dict) -> None:
        for fix in self.fixes:
            fix.patch(doc)


@dataclass
class Context:
    subject: Subject
    as_of: dt.date
    item: dict | None

    @property
    def year(self) -> int:
        return int(self.subject.id) if self.subject.kind == "year" else self.as_of.year

    def in_year(self) -> dt.date:
        """The latest date in the review year that is not after the as-of date."""
        return min(self.as_of, dt.date(self.year, 12, 31))

    def year_start(self) -> dt.date:
        return min(self.as_of, dt.date(self.year, 1, 1))


# -- fact-document paths ---------------------------------------------------------------------------

_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _parts(path: str) -> list:
    return [name if name else int(index) for name, index in _PART.findall(path)]


def set_path(doc: dict, path: str, value: Any) -> None:
    parts = _parts(path)
    target: Any = doc
    for part, following in itertools.pairwise(parts):
        if isinstance(part, str) and target.get(part) is None:
            target[part] = [] if isinstance(following, int) else {}
        target = target[part]
    target[parts[-1]] = value


def get_path(doc: dict, path: str) -> Any:
    target: Any = doc
    for part in _parts(path):
        target = target[part]
    return target


def append(doc: dict, path: str, entry: dict) -> None:
    parts = _parts(path)
    target: Any = doc
    for part in parts[:-1]:
        if target.get(part) is None:
            target[part] = {}
        target = target[part]
    if target.get(parts[-1]) is None:
        target[parts[-1]] = []
    target[parts[-1]].append(entry)


def _source(ctx: Context, field: str, suffix: str) -> str:
    """The fact-file path among the field's sources that ends with ``suffix``."""
    for path in ctx.subject.sources.get(field, []):
        if path.endswith(suffix):
            return path
    raise LookupError(f"no source ending with {suffix!r} for {field}")


_vi = functools.partial(format_value, lang="vi")  # dates as Vietnamese readers write them


def _t(vi: str, en: str) -> dict[str, str]:
    return {"vi": vi, "en": en}


# -- fixes, one per (subject kind, field) ----------------------------------------------------------


def _built_in(ctx: Context) -> Fix:
    deadline = ctx.subject.display["deadline"]
    number = ctx.subject.display["number"]
    day = min(deadline, ctx.as_of)
    path = _source(ctx, "built_in", ".built_in_on")
    return Fix(
        _t(
            f"cập nhật văn bản {number} vào quy trình chậm nhất ngày {_vi(deadline)}",
            f"build {number} into the procedures on or before {deadline.isoformat()}",
        ),
        lambda doc: set_path(doc, path, day),
    )


def _audit_in_year(ctx: Context) -> Fix:
    day = ctx.in_year()
    return Fix(
        _t(
            f"một cuộc đánh giá nội bộ trong khoảng {_vi(ctx.year_start())}–{_vi(day)}",
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
        _t(
            f"một cuộc xem xét của lãnh đạo có biên bản trong khoảng {_vi(ctx.year_start())}–{_vi(day)}",
            f"a management review with minutes dated between {ctx.year_start().isoformat()} and {day.isoformat()}",
        ),
        lambda doc: append(doc, "management_reviews", {"date": day, "minutes": "Biên bản XXLĐ"}),
    )


def _objectives(ctx: Context) -> Fix:
    day = ctx.year_start()
    return Fix(
        _t(
            f"quyết định ban hành mục tiêu chất lượng năm {ctx.year} (đo lường được, có kế hoạch thực hiện)",
            f"a decision issuing measurable quality objectives for {ctx.year} with an implementation plan",
        ),
        lambda doc: append(
            doc, "qms.quality_objectives", {"year": ctx.year, "issued_on": day, "measurable": True, "has_plan": True}
        ),
    )


def _flag(field: str, suffix: str, vi: str, en: str, value: Any = True) -> Callable[[Context], Fix]:
    def make(ctx: Context) -> Fix:
        path = _source(ctx, field, suffix)
        return Fix(_t(vi, en), lambda doc: set_path(doc, path, value))

    return make


def _maintenance_plan(ctx: Context) -> Fix:
    day = ctx.year_start()
    return Fix(
        _t(
            f"kế hoạch duy trì, cải tiến HTQLCL năm {ctx.year} được phê duyệt",
            f"an approved maintenance and improvement plan for {ctx.year}",
        ),
        lambda doc: append(doc, "qms.maintenance_plans", {"year": ctx.year, "issued_on": day}),
    )


def _survey(ctx: Context) -> Fix:
    day = ctx.in_year()
    return Fix(
        _t(
            f"một cuộc khảo sát sự hài lòng thực hiện trong năm {ctx.year}, chậm nhất ngày {_vi(day)}",
            f"a customer-satisfaction survey carried out in {ctx.year}, by {day.isoformat()}",
        ),
        lambda doc: append(doc, "satisfaction_surveys", {"year": ctx.year, "held_on": day}),
    )


def _qms_document(name: str, vi: str, en: str, value: dict) -> Callable[[Context], Fix]:
    def make(ctx: Context) -> Fix:
        return Fix(
            _t(vi, en),
            lambda doc: set_path(
                doc, f"qms.{name}", dict(value, issued_on=ctx.as_of) if "issued_on" in value else dict(value)
            ),
        )

    return make


def _announcement_entry(doc: dict, day: dt.date, standard: int) -> dict:
    return {
        "decision": "QĐ công bố",
        "date": day,
        "standard": standard,
        "head_confirmed_on": day,
        "notified_dost_on": day,
        "posted_at_premises": True,
        "published_on_website": True,
    }


def _announce(ctx: Context) -> Fix:
    day = ctx.as_of
    return Fix(
        _t(
            f"quyết định công bố HTQLCL (theo Phụ lục I QĐ 19/2014/QĐ-TTg) ký chậm nhất ngày {_vi(day)}",
            f"an announcement decision (QĐ19 Annex I form) signed by {day.isoformat()}",
        ),
        lambda doc: append(doc, "announcements", _announcement_entry(doc, day, doc["agency"]["standard"])),
    )


def _transition(ctx: Context) -> Fix:
    deadline = ctx.subject.display.get("transition_deadline")
    day = ctx.as_of  # the re-announcement under 2015 must be the one in force on the as-of date

    def patch(doc: dict) -> None:
        doc["agency"]["standard"] = 2015
        append(doc, "announcements", _announcement_entry(doc, day, 2015))

    if deadline is not None and day < deadline:  # CV 419: "trước ngày" — before the deadline day
        when_vi, when_en = f"trước ngày {_vi(deadline)}", f"before {deadline.isoformat()}"
    elif deadline is not None:
        when_vi, when_en = (
            f"ngay (hạn chuyển đổi {_vi(deadline)} đã qua)",
            f"now (the deadline {deadline.isoformat()} has passed)",
        )
    else:
        when_vi, when_en = "", ""
    return Fix(
        _t(
            f"chuyển đổi HTQLCL sang TCVN ISO 9001:2015 và công bố lại {when_vi}".strip(),
            f"convert the QMS to TCVN ISO 9001:2015 and re-announce it {when_en}".strip(),
        ),
        patch,
    )


def _drop_item(vi: str, en: str) -> Callable[[Context], Fix]:
    def make(ctx: Context) -> Fix:
        path = ctx.item["source"]

        def patch(doc: dict) -> None:
            *parent, index = _parts(path)
            get_path(doc, ".".join(str(p) for p in parent)).pop(index)

        return Fix(_t(vi.format(**ctx.item), en.format(**ctx.item)), patch)

    return make


def _item_flag(field: str, vi: str, en: str) -> Callable[[Context], Fix]:
    def make(ctx: Context) -> Fix:
        path = f"{ctx.item['source']}.{field}"
        return Fix(_t(vi.format(**ctx.item), en.format(**ctx.item)), lambda doc: set_path(doc, path, True))

    return make


def _approval_before(ctx: Context) -> Fix:
    day = ctx.subject.display["date"]
    return Fix(
        _t(
            f"quyết định phê duyệt hệ thống tài liệu của người đứng đầu ký chậm nhất ngày {_vi(day)}",
            f"the head's decision approving the documents, signed on or before {day.isoformat()}",
        ),
        lambda doc: set_path(doc, "qms.documents_approved", {"number": "QĐ phê duyệt", "issued_on": day}),
    )


def _precondition_event(list_name: str, vi: str, en: str, entry: dict) -> Callable[[Context], Fix]:
    def make(ctx: Context) -> Fix:
        start, end = ctx.subject.display.get("window_start"), ctx.subject.display["window_end"]
        span_vi = f"trong khoảng {_vi(start)}–{_vi(end)}" if start else f"chậm nhất ngày {_vi(end)}"
        span_en = (
            f"dated between {start.isoformat()} and {end.isoformat()}"
            if start
            else f"dated on or before {end.isoformat()}"
        )
        return Fix(_t(f"{vi} {span_vi}", f"{en} {span_en}"), lambda doc: append(doc, list_name, dict(entry, date=end)))

    return make


def _close_actions(day_of: Callable[[Context], dt.date], only_before: bool) -> Callable[[Context], Fix]:
    """Close every open corrective action (and record one for each nonconformity without one)."""

    def make(ctx: Context) -> Fix:
        day = day_of(ctx)
        audit_date = ctx.subject.display.get("date") if not only_before else None

        def patch(doc: dict) -> None:
            for audit in doc.get("internal_audits") or []:
                if (only_before and audit["date"] > day) or (audit_date and audit["date"] != audit_date):
                    continue
                findings = audit.get("findings") or {"major": 0, "minor": 0}
                audit["findings"] = findings
                actions = audit.get("corrective_actions") or []
                for action in actions:
                    if action.get("closed_on") is None or action["closed_on"] > day:
                        action["closed_on"] = day
                while len(actions) < findings.get("major", 0) + findings.get("minor", 0):
                    actions.append({"finding": "Điểm không phù hợp", "closed_on": day})
                audit["corrective_actions"] = actions

        return Fix(
            _t(
                f"mọi điểm không phù hợp đã có hành động khắc phục hoàn thành chậm nhất ngày {_vi(day)}",
                f"every nonconformity corrected, its action closed by {day.isoformat()}",
            ),
            patch,
        )

    return make


def _reannounce(ctx: Context) -> Fix:
    change = ctx.subject.display["date"]
    return Fix(
        _t(
            f"quyết định công bố lại HTQLCL ký từ ngày {_vi(change)} (sau khi thay đổi phạm vi)",
            f"a re-announcement decision signed on or after {change.isoformat()} (after the scope change)",
        ),
        lambda doc: append(doc, "announcements", _announcement_entry(doc, change, doc["agency"]["standard"])),
    )


def _certificate(ctx: Context) -> Fix:
    path = _source(ctx, "certified", ".certificate")
    until = path[: -len(".certificate")] + ".certificate_valid_until"
    contract = ctx.subject.display["contract_date"]

    def patch(doc: dict) -> None:
        set_path(doc, path, "Giấy xác nhận")
        set_path(doc, until, contract)

    return Fix(
        _t(
            f"Giấy xác nhận đủ điều kiện tư vấn của {ctx.subject.display['consultant']} còn hiệu lực ngày ký "
            f"hợp đồng {_vi(contract)}",
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
            text = _t(f"ban hành {name['vi']}", f"issue the documented procedure: {name['en']}")
        else:
            text = _t(
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
    ("year", "objectives_measurable"): _flag(
        "objectives_measurable",
        ".measurable",
        "mục tiêu chất lượng có chỉ tiêu đo lường được",
        "objectives with measurable targets",
    ),
    ("year", "objectives_have_plan"): _flag(
        "objectives_have_plan",
        ".has_plan",
        "kế hoạch thực hiện mục tiêu chất lượng",
        "a plan to achieve the objectives",
    ),
    ("year", "has_maintenance_plan"): _maintenance_plan,
    ("year", "survey_held"): _survey,
    ("agency", "has_quality_policy"): _qms_document(
        "quality_policy",
        "quyết định ban hành chính sách chất lượng",
        "a decision issuing the quality policy",
        {"number": "QĐ CSCL", "issued_on": None},
    ),
    ("agency", "has_steering_committee"): _qms_document(
        "steering_committee",
        "quyết định thành lập Ban Chỉ đạo ISO",
        "a decision setting up the ISO steering committee",
        {"number": "QĐ BCĐ", "issued_on": None},
    ),
    ("agency", "has_iso_secretary"): _qms_document(
        "iso_secretary",
        "quyết định phân công thư ký ISO",
        "a decision appointing the ISO secretary",
        {"name": "Thư ký ISO"},
    ),
    ("agency", "has_quality_manual"): _qms_document(
        "quality_manual",
        "sổ tay chất lượng được ban hành",
        "an issued quality manual",
        {"number": "STCL", "issued_on": None},
    ),
    ("agency", "has_management_representative"): _qms_document(
        "management_representative",
        "quyết định chỉ định đại diện lãnh đạo",
        "a decision appointing the management representative",
        {"name": "Đại diện lãnh đạo"},
    ),
    ("agency", "announcement_count"): _announce,
    ("agency", "on_2008"): _transition,
    ("agency", "certification_body_contracts"): _drop_item(
        "chấm dứt hợp đồng với tổ chức chứng nhận {body} (HTQLCL được tự công bố, không chứng nhận)",
        "end the contract with the certification body {body} (the QMS is self-announced, not certified)",
    ),
    ("procedures", "uncovered_count"): _item_flag(
        "internal_procedure", "quy trình nội bộ cho TTHC {code}", "an internal procedure for TTHC {code}"
    ),
    ("procedures", "mismatch_count"): _item_flag(
        "matches_one_stop",
        "quy trình nội bộ của TTHC {code} khớp với phần mềm một cửa điện tử",
        "the internal procedure of TTHC {code} matching the e-one-stop software",
    ),
    ("announcement", "documents_approved_before"): _approval_before,
    ("announcement", "audit_before"): _precondition_event(
        "internal_audits",
        "một cuộc đánh giá nội bộ",
        "an internal audit",
        {"findings": {"major": 0, "minor": 0, "observation": 0}, "corrective_actions": []},
    ),
    ("announcement", "review_before"): _precondition_event(
        "management_reviews",
        "một cuộc xem xét của lãnh đạo có biên bản",
        "a management review with minutes",
        {"minutes": "Biên bản XXLĐ"},
    ),
    ("announcement", "open_nonconformities_at_date"): _close_actions(lambda c: c.subject.display["window_end"], True),
    ("announcement", "head_confirmed_before"): lambda ctx: Fix(
        _t(
            f"người đứng đầu xác nhận hiệu lực HTQLCL chậm nhất ngày {_vi(ctx.subject.display['date'])}",
            f"the head's confirmation of effectiveness dated on or before {ctx.subject.display['date'].isoformat()}",
        ),
        (lambda path, day: lambda doc: set_path(doc, path, day))(
            _source(ctx, "head_confirmed_before", ".head_confirmed_on"), ctx.subject.display["date"]
        ),
    ),
    ("announcement", "notified"): lambda ctx: Fix(
        _t(
            "văn bản thông báo gửi Sở Khoa học và Công nghệ",
            "a letter notifying the Department of Science and Technology",
        ),
        (lambda path, day: lambda doc: set_path(doc, path, day))(
            _source(ctx, "notified", ".notified_dost_on"), ctx.subject.display["date"]
        ),
    ),
    ("announcement", "posted"): _flag(
        "posted",
        ".posted_at_premises",
        "niêm yết quyết định công bố tại trụ sở",
        "the announcement posted at the premises",
    ),
    ("announcement", "published"): _flag(
        "published",
        ".published_on_website",
        "đăng quyết định công bố trên trang thông tin điện tử",
        "the announcement published on the website",
    ),
    ("scope_change", "reannounced"): _reannounce,
    ("audit", "unresolved_overdue"): _close_actions(lambda c: c.as_of, False),
    ("audit", "open_not_due"): _close_actions(lambda c: c.as_of, False),
    ("review", "has_minutes"): lambda ctx: Fix(
        _t("biên bản họp xem xét của lãnh đạo được lưu", "minutes of the management review kept"),
        (lambda path: lambda doc: set_path(doc, path, "Biên bản XXLĐ"))(_source(ctx, "has_minutes", ".minutes")),
    ),
    ("consultant", "certified"): _certificate,
    ("consultant", "experts_have_cards"): _flag(
        "experts_have_cards",
        ".experts_have_cards",
        "mọi chuyên gia tư vấn có thẻ chuyên gia còn hiệu lực",
        "every consulting expert holding a valid card",
    ),
    ("mandatory_procedure", "built"): _mandatory_procedure("built"),
    ("mandatory_procedure", "operated"): _mandatory_procedure("operated"),
}


def _leaves_to_flip(cond: tuple, fact: dict, kind: str) -> list[tuple] | None:
    """Fewest fixable comparison leaves that, made false, make a currently true ``cond`` false."""
    if not holds(cond, fact):
        return []
    tag = cond[0]
    if tag == "cmp":
        return [cond] if (kind, cond[1]) in FIXES else None
    if tag == "and":  # one false part is enough
        options = [_leaves_to_flip(c, fact, kind) for c in cond[1]]
        options = [o for o in options if o]
        return min(options, key=len) if options else None
    if tag == "or":  # every true part must turn false
        leaves: list[tuple] = []
        for c in cond[1]:
            sub = _leaves_to_flip(c, fact, kind)
            if sub is None:
                return None
            leaves += sub
        return leaves
    return None


def remedy_for(rule: Rule, subject: Subject, outcome: str, as_of: dt.date, item: dict | None = None) -> Remedy | None:
    """The smallest change of fact that turns a fail or pending outcome into a pass, or None."""
    if outcome not in ("fail", "pending"):
        return None
    leaves: list[tuple] = []
    for part in ("fail_when", "pending_when"):
        cond = rule.conditions[part]
        if cond is None:
            continue
        flip = _leaves_to_flip(cond, subject.fields, subject.kind)
        if flip is None:
            return None
        seen = {leaf[1] for leaf in leaves}
        leaves += [leaf for leaf in flip if leaf[1] not in seen]
    if not leaves:
        return None
    ctx = Context(subject, as_of, item)
    fixes: list[Fix] = []
    seen: set = set()
    for leaf in leaves:
        make = FIXES[(subject.kind, leaf[1])]
        if make in seen:
            continue
        seen.add(make)
        fixes.append(make(ctx))
    return Remedy(fixes)
