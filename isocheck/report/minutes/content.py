"""What the minutes say, section by section, as plain data built from the check and the inspection file.

Contents (section II) follow TT26 Điều 36: each point gets the result of the rules that cite it.
Results (section III): what conforms, then the nonconformities grouped by rule (one item per rule,
a table when it has several cases: a commune with 30 TTHC lacking a procedure reads as one item),
then what could not be concluded, what is not yet due and what is waived. The conclusion (IV) and the
requests (V) refer back to those items by number; the corrective-action deadline is two calendar
months from the signing date (TT26 Điều 37 khoản 2 điểm c), or a blank when the date is not known.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from isocheck.base.calendar import add_months
from isocheck.engine.findings import NONCONFORMITY
from isocheck.facts.missing import missing_text
from isocheck.pack.rules import SEVERITIES, Rule
from isocheck.report.grouping import Group, group_findings
from isocheck.report.minutes.inspection import Inspection
from isocheck.report.minutes.words import BLANK, CLAUSES, CONTENTS, SHORT_BLANK, w
from isocheck.text.ui import format_value, ui

TT26 = "Thông tư 26/2014/TT-BKHCN"
CORRECTIVE_MONTHS = 2  # TT26 Điều 37 khoản 2 điểm c


def _date_parts(day: dt.date, lang: str) -> dict[str, str]:
    """Nghị định 30/2020: a zero before days under 10 and before months 1 and 2; English month names."""
    if lang == "vi":
        month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
        return {"day": f"{day.day:02d}", "month": month, "year": str(day.year)}
    return {"day": str(day.day), "month": calendar.month_name[day.month], "year": str(day.year)}  # C locale


def long_date(day: dt.date | None, lang: str) -> str:
    """``ngày 05 tháng 01 năm 2022`` / ``5 January 2022``; dotted blanks without a date."""
    if day is None:
        return w("today_blank", lang, blank=BLANK, short=SHORT_BLANK)
    return w("today", lang, **_date_parts(day, lang))


def date_line(inspection: Inspection, lang: str) -> str:
    """The place and date line under the national heading."""
    if inspection.signed_on is None:
        return w("date_blank", lang, blank=inspection.place or SHORT_BLANK, short=SHORT_BLANK)
    return w("date_line", lang, place=inspection.place or BLANK, **_date_parts(inspection.signed_on, lang))


def deadline(inspection: Inspection) -> dt.date | None:
    """The last day to report the corrective actions: two months from signing."""
    return add_months(inspection.signed_on, CORRECTIVE_MONTHS) if inspection.signed_on else None


def contents_points(rule: Rule) -> list[tuple[int, str]]:
    """The points of TT26 Điều 36 a rule cites."""
    return [
        (c.clause, c.point)
        for c in rule.citations
        if c.instrument == TT26 and c.article == 36 and c.clause is not None and c.point is not None
    ]


@dataclass
class Item:
    """One numbered item of section III: a group of findings of one rule."""

    ref: str
    group: Group


@dataclass
class Results:
    """Section III: the numbered sub-sections present and the items of each."""

    passed: list[str] = field(default_factory=list)
    nonconformities: list[Item] = field(default_factory=list)
    open: list[Group] = field(default_factory=list)
    pending: list[Group] = field(default_factory=list)
    waived: list[Group] = field(default_factory=list)
    numbers: dict[str, int] = field(default_factory=dict)


def results(report, lang: str) -> Results:
    """Section III of the minutes from the report's findings, numbered as printed."""
    out = Results()
    by_rule: dict[str, set[str]] = {}
    for f in report.findings:
        by_rule.setdefault(f.rule_id, set()).add(f.outcome)
    out.passed = [
        report.pack.by_id[rule_id].title.get(lang)
        for rule_id, outcomes in by_rule.items()
        if "pass" in outcomes and outcomes <= {"pass", "not_applicable"}
    ]
    number = 1
    out.numbers["passed"] = number
    number += 1
    out.numbers["nonconformities"] = number
    fails = group_findings(report.findings, NONCONFORMITY)
    ordered = [g for severity in SEVERITIES for g in fails if g.severity == severity]
    out.nonconformities = [Item(f"{number}.{i}", g) for i, g in enumerate(ordered, 1)]
    groups = group_findings(report.findings)
    for name, outcomes in (("open", ("not_evaluable", "error")), ("pending", ("pending",)), ("waived", ("waived",))):
        chosen = [g for g in groups if g.outcome in outcomes]
        if chosen:
            number += 1
            out.numbers[name] = number
            setattr(out, name, chosen)
    return out


def content_rows(report, res: Results, lang: str) -> list[tuple[str, str, str, bool]]:
    """Section II: (number, content, result, is a clause heading) per point of TT26 Điều 36, then the
    other requirements."""
    standard = report.agency.agency.standard
    outcomes: dict[tuple[int, str] | None, list] = {}
    for f in report.findings:
        points: list[tuple[int, str] | None] = [*contents_points(f.rule)] or [None]
        for point in points:
            outcomes.setdefault(point, []).append(f)
    refs = {id(f): item.ref for item in res.nonconformities for f in item.group.findings}
    rows: list[tuple[str, str, str, bool]] = []
    for clause in (1, 2):
        rows.append((str(clause), _clause(clause, standard, lang), "", True))
        for key, texts in CONTENTS.items():
            if key[0] == clause:
                text = (texts[0] if lang == "vi" else texts[1]).replace("{standard}", str(standard))
                rows.append((f"{key[1]})", text, _result(outcomes.get(key, []), refs, lang), False))
    others = outcomes.get(None, [])
    if others:
        rows.append(("3", w("other.contents", lang), _result(others, refs, lang), False))
    return rows


def _clause(clause: int, standard: int, lang: str) -> str:
    vi, en = CLAUSES[clause]
    return (vi if lang == "vi" else en).replace("{standard}", str(standard))


def _result(findings: list, refs: dict[int, str], lang: str) -> str:
    fails = [f for f in findings if f.outcome == NONCONFORMITY]
    if fails:
        ref = ", ".join(f"III.{r}" for r in sorted({refs[id(f)] for f in fails}, key=_ref_key))
        return w("result.fail", lang, count=len(fails), ref=ref)
    kinds = {f.outcome for f in findings}
    if kinds & {"not_evaluable", "error"}:
        return w("result.open", lang)
    if "pending" in kinds:
        return w("result.pending", lang)
    if "pass" in kinds:
        return w("result.pass", lang)
    if kinds:  # every rule on the point was not applicable (or waived)
        return ui("outcome.not_applicable" if kinds == {"not_applicable"} else "outcome.waived", lang)
    return BLANK  # no rule checks the point: the team writes its own finding


def _ref_key(ref: str) -> tuple[int, ...]:
    return tuple(int(part) for part in ref.split("."))


def case_rows(group: Group, lang: str) -> list[tuple[str, str, str]]:
    return [(str(i), f.subject_label.get(lang, f.subject_id), f.message(lang)) for i, f in enumerate(group.findings, 1)]


def open_rows(res: Results, lang: str) -> list[tuple[str, str, str, str]]:
    rows: list[tuple[str, str, str, str]] = []
    for g in res.open:
        for f in g.findings:
            if f.outcome == "not_evaluable":  # each missing fact with its meaning, as the report's tables word it
                missing = "; ".join(missing_text(path, lang) for path in f.missing)
            else:
                missing = w("r.error", lang, error=f.error or "")
            rows.append((str(len(rows) + 1), g.rule.title.get(lang), f.subject_label.get(lang, f.subject_id), missing))
    return rows


def pending_rows(res: Results, lang: str) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    for g in res.pending:
        for f in g.findings:
            rows.append((str(len(rows) + 1), f.message(lang), format_value(f.due_date, lang) if f.due_date else ""))
    return rows


def waived_rows(res: Results, lang: str) -> list[tuple[str, str, str]]:
    return [
        (str(i), g.rule.title.get(lang), f.message(lang))
        for i, (g, f) in enumerate(((g, f) for g in res.waived for f in g.findings), 1)
    ]


def conclusion(report, res: Results, lang: str) -> list[str]:
    """Section IV: the verdict sentences."""
    agency = report.agency.agency
    counts = report.summary.nonconformities
    total = sum(counts.values())
    values: dict[str, Any] = {"agency": agency.name, "standard": agency.standard}
    if total:
        out = [w("c.nc", lang, count=total, ref=res.numbers["nonconformities"], **counts, **values)]
    else:
        out = [w("c.ok", lang, **values)]
    opened = sum(len(g.findings) for g in res.open if g.outcome == "not_evaluable")
    if opened:
        out.append(w("c.open", lang, count=opened, ref=res.numbers["open"]))
    errors = report.summary.outcomes.get("error", 0)
    if errors:
        out.append(w("c.error", lang, count=errors))
    r = report.readiness
    if r is not None:
        planned = w("c.planned", lang, date=r.announce_on) if r.announce_on else ""
        key = "c.ready" if r.ready else "c.not_ready"
        out.append(w(key, lang, planned=planned, count=len(r.blocking)))
    return out


def requests(report, res: Results, inspection: Inspection, lang: str) -> list[str]:
    """Section V: one request per nonconforming rule, the missing records, the corrective-action deadline."""
    out, n = [], 0
    for item in res.nonconformities:
        texts = list(dict.fromkeys(_remediation(f, lang) for f in item.group.findings))
        n += 1
        out.append(w("q.item", lang, n=n, text=" ".join(t.rstrip(".") + "." for t in texts).rstrip("."), ref=item.ref))
    if res.open:
        n += 1
        out.append(w("q.open", lang, n=n, ref=res.numbers["open"]))
    if res.nonconformities:
        n += 1
        day = deadline(inspection)
        due = format_value(day, lang) if day else f"{SHORT_BLANK}/{SHORT_BLANK}/{SHORT_BLANK}"
        body = inspection.inspecting_body or w("body_blank", lang)
        out.append(w("q.deadline", lang, n=n, body=body, deadline=due))
    else:
        n += 1
        out.append(w("q.maintain", lang, n=n))
    return out


def _remediation(f, lang: str) -> str:
    return f.render(lang)["remediation"] or f.rule.remediation.get(lang)


def severity_word(severity: str, lang: str) -> str:
    return ui(f"severity_short.{severity}", lang)
