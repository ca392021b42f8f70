"""The inspection report as one self-contained HTML5 page (``isocheck report``, ``check --format html``).

The page is meant to be opened, printed (A4) or attached to an inspection record: inline CSS only, no
script, no external URL of any kind. It holds the header (with the planned announcement date of
``--announce-on``), the verdict, counts by severity and outcome, the nonconformities by severity — one
card per rule, its cases in one table, the legal basis once (:mod:`isocheck.report.cards`) — what falls
due before the planned announcement, the pending, not-evaluable, error and waived results, the rubric
score, and a signature block. This module builds plain data; the Jinja2 templates in ``templates/``
print it with autoescape on (:mod:`isocheck.report.templating`). The output is deterministic (no
timestamp besides the as-of date).
"""

from __future__ import annotations

from typing import Any

from isocheck.engine.findings import NONCONFORMITY, OUTCOMES
from isocheck.explain.explanation import word
from isocheck.pack.rules import SEVERITIES
from isocheck.report.cards import build_card, card_word
from isocheck.report.grouping import group_findings
from isocheck.report.overlay import word as overlay_word
from isocheck.report.table import as_of_text, verdict_lines
from isocheck.report.templating import packaged_text, render_template
from isocheck.report.unjudged import missing_rows
from isocheck.text.catalog import pairs
from isocheck.text.ui import fill, format_value, pick, ui

_WORDS: dict[str, tuple[str, str]] = pairs("words:html.")  # (vi, en) by key, from the gettext catalog


def _w(key: str, lang: str) -> str:
    return pick(_WORDS[key], lang)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _meta(report, lang: str) -> list[tuple[str, str, bool]]:
    ident = report.agency.agency
    rows = [
        (ui("report.agency", lang), ident.name, False),
        (ui("report.level", lang), _capital(ui(f"level.{ident.level}", lang)), False),
        (ui("report.province", lang), ident.province, False),
        (ui("report.standard", lang), f"TCVN ISO 9001:{ident.standard}", False),
        (ui("report.as_of", lang), as_of_text(report, lang), False),
    ]
    r = report.readiness
    if r is not None and r.announce_on is not None:
        rows.append((_w("announce_on", lang), format_value(r.announce_on, lang), False))
    rows += [
        (ui("report.profile", lang), ui(f"profile.{report.profile}", lang), False),
        (ui("report.rules_version", lang), report.pack.version, False),
        *(
            [(overlay_word("applied", lang), report.pack.tailoring.title(lang), False)]
            if report.pack.tailoring is not None
            else []
        ),
        (ui("report.tool_version", lang), f"isocheck {report.tool_version}", False),
        (ui("report.fact_file", lang), report.file, True),
    ]
    return rows


def _verdict(report, lang: str) -> dict[str, Any]:
    summary = report.summary
    if summary.outcomes.get("error", 0):
        cls = "error"
    elif sum(summary.nonconformities.values()):
        cls = "nc"
    elif summary.outcomes.get("not_evaluable", 0):
        cls = "incomplete"  # no nonconformity found, but not everything could be judged: not green
    else:
        cls = "ok"
    r = report.readiness
    lines = verdict_lines(report, lang, conclusion=r is None)  # pre-announcement: its verdict is the conclusion
    main = 2 if cls == "error" and len(lines) > 1 else 1  # the error warning and the verdict stand out
    if r is not None:  # pre-announcement: the READY / NOT READY verdict comes first
        extra = [ui(f"readiness.{r.verdict}", lang)]
        if not r.ready:
            counts = {o: sum(1 for f in r.blocking if f.outcome == o) for o in ("fail", "not_evaluable", "error")}
            extra.append(fill(ui("readiness.blocking_count", lang), {"count": len(r.blocking), **counts}, lang))
        if r.announce_on is not None:
            extra.append(f"{_w('announce_on', lang)}: {format_value(r.announce_on, lang)}")
        lines, main = [*extra, *lines], 1
        cls = "ok" if r.ready else "nc"
    return {"cls": cls, "lines": [(line, i < main) for i, line in enumerate(lines)]}


def _summary(report, lang: str) -> dict[str, Any]:
    """One table: the nonconformities by severity under their outcome, then the other outcomes."""
    summary = report.summary
    others = [
        (ui(f"outcome.{o}", lang), summary.outcomes[o])
        for o in OUTCOMES
        if o in summary.outcomes and o != NONCONFORMITY
    ]
    return {
        "heading": ui("report.summary", lang),
        "nonconformity": ui(f"outcome.{NONCONFORMITY}", lang),
        "severities": [
            (_capital(ui(f"severity_short.{s}", lang)), summary.nonconformities.get(s, 0), s) for s in SEVERITIES
        ],
        "subtotal_label": _w("subtotal", lang),
        "subtotal": sum(summary.nonconformities.values()),
        "outcomes": [*others, (ui("report.total", lang), sum(summary.outcomes.values()))],
    }


def _findings(report, lang: str) -> list[dict[str, Any]]:
    sections, number = [], 0
    groups = group_findings(report.findings, NONCONFORMITY)
    for severity in SEVERITIES:
        cards = []
        for group in (g for g in groups if g.severity == severity):
            number += 1
            cards.append(build_card(group, report, number, lang))
        if cards:
            total = sum(len(c["cases"]) for c in cards)
            sections.append(
                {"severity": severity, "heading": f"{ui(f'severity.{severity}', lang)} ({total})", "cards": cards}
            )
    return sections


def _row(f, lang: str) -> dict[str, Any]:
    return {
        "rule_id": f.rule_id,
        "plain": False,
        "rule_ids": [],
        "criteria": [],
        "subject": f.subject_label.get(lang, f.subject_id),
        "message": _with_waiver_note(f, lang),
        "due": format_value(f.due_date, lang) if f.due_date else "",
        "missing": list(f.missing),
    }


def _with_waiver_note(f, lang: str) -> str:
    note = f.waiver_note(lang)
    return f"{f.message(lang)} {note}" if note else f.message(lang)


def _falls_due(report, lang: str) -> dict[str, Any] | None:
    r = report.readiness
    if r is None or r.announce_on is None:
        return None
    headers = [ui("col.rule", lang), ui("col.subject", lang), ui("col.message", lang), ui("col.due", lang)]
    return {
        "heading": fill(
            ui("readiness.falls_due", lang), {"as_of": report.as_of, "announce_on": r.announce_on}, lang
        ).rstrip(":"),
        "headers": [{"text": h, "cls": ""} for h in headers],
        "rows": [_row(f, lang) for f in r.falls_due],
        "nothing": ui("readiness.nothing_due", lang),
    }


def _listings(report, lang: str) -> list[dict[str, Any]]:
    falls_due = report.readiness.falls_due if report.readiness is not None else []
    out = []
    for outcome in ("pending", "not_evaluable", "error", "waived"):
        group = [f for f in report.findings if f.outcome == outcome and f not in falls_due]
        if not group:
            continue
        headers = [ui("col.rule", lang), ui("col.subject", lang)]
        if outcome == "pending":
            headers += [ui("col.message", lang), ui("col.due", lang)]
        elif outcome == "not_evaluable":
            headers.append(ui("col.missing", lang))
        else:
            headers.append(ui("col.message", lang))
        out.append(
            {
                "outcome": outcome,
                "heading": f"{ui(f'outcome.{outcome}', lang)} ({len(group)})",
                "headers": [{"text": h, "cls": ""} for h in headers],
                "rows": _missing_rows(group, lang) if outcome == "not_evaluable" else [_row(f, lang) for f in group],
            }
        )
    return out


def _missing_rows(group, lang: str) -> list[dict[str, Any]]:
    """The not-evaluable rows, the unjudged on-site criteria folded into one (isocheck.report.unjudged)."""
    return [
        {
            "rule_ids": r.rules,
            "plain": r.plain,
            "subject": r.subject,
            "missing": [{"path": path, "meaning": meaning} for path, meaning in r.glossed(lang)],
            "criteria": list(r.criteria),
            "criteria_count": fill(ui("unjudged.criteria", lang), {"count": len(r.criteria)}, lang),
        }
        for r in missing_rows(group, lang)
    ]


def _score(report, lang: str) -> dict[str, Any] | None:
    s = report.score
    if s is None:
        return None
    rows = [
        {
            "id": c.criterion.id,
            "title": c.criterion.title.get(lang),
            "points": f"{format_value(c.points, lang)}/{format_value(c.criterion.max, lang)}",
            "losses": [
                {
                    "points": format_value(loss.points, lang),
                    "rule_id": loss.finding.rule_id,
                    "subject": loss.finding.subject_label.get(lang, loss.finding.subject_id),
                    "message": loss.finding.message(lang),
                }
                for loss in c.losses
            ],
        }
        for c in s.criteria
    ]
    headers = [
        {"text": ui("score.criterion", lang), "cls": ""},
        {"text": ui("score.content", lang), "cls": ""},
        {"text": ui("score.points", lang), "cls": "num"},
        {"text": ui("score.lost_because", lang), "cls": ""},
    ]
    return {
        "heading": fill(ui("score.title", lang), {"title": s.rubric.title.get(lang)}, lang),
        "note": ui("score.example", lang) if s.rubric.example else "",
        "headers": headers,
        "rows": rows,
        "total_label": ui("report.total", lang),
        "total": f"{format_value(s.total, lang)}/{format_value(s.rubric.max, lang)}",
    }


def _signature(lang: str) -> dict[str, Any]:
    return {
        "date": _w("sign.date", lang),
        "blocks": [
            {"role": _w("sign.agency", lang), "hint": _w("sign.agency_hint", lang)},
            {"role": _w("sign.inspector", lang), "hint": _w("sign.inspector_hint", lang)},
        ],
    }


def _context(report, lang: str) -> dict[str, Any]:
    ident = report.agency.agency
    return {
        "lang": lang,
        "tool_version": report.tool_version,
        "title": f"{ui('report.title', lang)} — {ident.name} — {format_value(report.as_of, lang)}",
        "css": packaged_text("report.css"),
        "heading": ui("report.title", lang),
        "meta": _meta(report, lang),
        "verdict": _verdict(report, lang),
        "summary": _summary(report, lang),
        "findings": _findings(report, lang),
        "falls_due": _falls_due(report, lang),
        "listings": _listings(report, lang),
        "score": _score(report, lang),
        "signature": _signature(lang),
        "overlay": _overlay(report, lang),
        "words": _page_words(lang),
    }


def _overlay(report, lang: str) -> dict[str, Any] | None:
    """What the province's overlay changed in the national pack, each change with its decision."""
    tailoring = report.pack.tailoring
    if tailoring is None:
        return None
    keys = ("target", "change", "decision", "reason")
    return {
        "heading": overlay_word("title", lang),
        "none": overlay_word("none", lang),
        "headers": [{"text": overlay_word(f"col.{k}", lang), "cls": ""} for k in keys],
        "rows": [[c.target, c.describe(lang), c.decision.format(lang), c.reason.get(lang)] for c in tailoring.changes],
    }


def _page_words(lang: str) -> dict[str, str]:
    return {
        "nonconformities": ui("report.nonconformities", lang),
        "none": ui("report.none", lang),
        "subject": ui("col.subject", lang),
        "message": ui("col.message", lang),
        "citation": ui("col.citation", lang),
        "due": ui("col.due", lang),
        "source": ui("col.source", lang),
        "explanation": ui("report.explanation", lang),
        "basis": word("basis", lang),
        "requires": word("requires", lang),
        "checks": card_word("checks", lang),
        "to_pass": word("to_pass", lang),
        "remediation": word("remediation", lang),
        "evidence": word("evidence", lang),
    }


def render(report, lang: str) -> str:
    """The report of one agency as one HTML page in ``lang``."""
    return render_template("report.html.j2", **_context(report, lang))
