"""The terminal report: header, verdict, findings grouped by severity, then pending, not evaluable,
errors, and the outcome counts. Column widths are fixed so long Vietnamese messages wrap."""

from __future__ import annotations

from tabulate import tabulate

from isocheck.engine.findings import NONCONFORMITY
from isocheck.pack.rules import SEVERITIES
from isocheck.report.escape import printable_output
from isocheck.report.overlay import changes_lines, header_line
from isocheck.report.unjudged import missing_rows
from isocheck.text.ui import fill, format_value, ui
from isocheck.workflows.readiness import BLOCKING_SEVERITIES

_RULE = 45  # the longest rule id fits on one line
_WIDTHS = [_RULE, 22, 56, 28]


def _table(rows: list[list[str]], headers: list[str], widths: list[int]) -> str:
    return tabulate(rows, headers=headers, tablefmt="grid", maxcolwidths=widths, disable_numparse=True)


def header_lines(report, lang: str) -> list[str]:
    ident = report.agency.agency
    return [
        ui("report.title", lang),
        f"{ui('report.agency', lang)}: {ident.name} — {ui(f'level.{ident.level}', lang)}, {ident.province}",
        f"{ui('report.standard', lang)}: TCVN ISO 9001:{ident.standard} · "
        f"{ui('report.as_of', lang)}: {as_of_text(report, lang)} · {_announce_on(report, lang)}"
        f"{ui('report.profile', lang)}: {ui(f'profile.{report.profile}', lang)} · "
        f"{ui('report.rules_version', lang)}: {report.pack.version}",
        *([header_line(report.pack.tailoring, lang)] if report.pack.tailoring is not None else []),
    ]


def as_of_text(report, lang: str) -> str:
    """The as-of date, and that it is today's because none was given."""
    said = format_value(report.as_of, lang)
    return f"{said} {ui('report.as_of_today', lang)}" if report.as_of_defaulted else said


def _announce_on(report, lang: str) -> str:
    r = report.readiness
    if r is None or r.announce_on is None:
        return ""
    return f"{ui('report.announce_on', lang)}: {format_value(r.announce_on, lang)} · "


def verdict_lines(report, lang: str, conclusion: bool = True) -> list[str]:
    """The report's verdict: errors, the conclusion (``conclusion``: False where the pre-announcement verdict
    stands in its place), what applies to none, what could not be evaluated or falls due later."""
    counts = report.summary.nonconformities
    total = sum(counts.values())
    lines = []
    errors = report.summary.outcomes.get("error", 0)
    if errors:
        lines.append(fill(ui("report.verdict_error", lang), {"count": errors}, lang))
    if conclusion:
        lines.append(
            fill(ui("report.verdict_nc", lang), {"count": total, **counts}, lang)
            if total
            else ui("report.verdict_ok", lang)
        )
    # nothing applies, for one reason (a body QĐ 19 Điều 2 khoản 2 only encourages, not bound): say it once
    reasons = {(f.reason or {}).get(lang, "") for f in report.findings}
    if report.findings and all(f.outcome == "not_applicable" for f in report.findings) and len(reasons) == 1:
        lines.append(reasons.pop())
    for outcome in ("not_evaluable", "pending"):
        count = report.summary.outcomes.get(outcome, 0)
        if count:
            lines.append(fill(ui(f"report.verdict_{outcome}", lang), {"count": count}, lang))
    return lines


def readiness_lines(report, lang: str) -> list[str]:
    """The pre-announcement verdict, its blocking findings (nonconformities first, TTHC grouped by
    field) and, with an announcement date, what falls due before it."""
    r = report.readiness
    out = [ui(f"readiness.{r.verdict}", lang)]
    if not r.ready:
        counts = {o: sum(1 for f in r.blocking if f.outcome == o) for o in ("fail", "not_evaluable", "error")}
        out.append(fill(ui("readiness.blocking_count", lang), {"count": len(r.blocking), **counts}, lang))
        rows = [
            [f.rule_id, f.subject_label.get(lang, f.subject_id), _blocking_text(f, lang), f.citation_text(lang)]
            for f in r.blocking
        ]
        cols = [ui("col.rule", lang), ui("col.subject", lang), ui("col.message", lang), ui("col.citation", lang)]
        out += ["", ui("readiness.blocking", lang), _table(rows, cols, _WIDTHS)]
    if r.announce_on is not None:
        out += ["", fill(ui("readiness.falls_due", lang), {"as_of": report.as_of, "announce_on": r.announce_on}, lang)]
        if r.falls_due:
            rows = [
                [f.rule_id, f.subject_label.get(lang, f.subject_id), f.message(lang), format_value(f.due_date, lang)]
                for f in r.falls_due
            ]
            cols = [ui("col.rule", lang), ui("col.subject", lang), ui("col.message", lang), ui("col.due", lang)]
            out.append(_table(rows, cols, [_RULE, 22, 56, 12]))
        else:
            out.append(ui("readiness.nothing_due", lang))
    return out


def _blocking_text(f, lang: str) -> str:
    """A blocking finding's text, marked with its severity or outcome (a not-evaluable one says it already)."""
    if f.outcome == "fail":
        return f"[{ui(f'severity_short.{f.severity}', lang)}] {f.message(lang)}"
    if f.outcome == "not_evaluable":  # "Không đánh giá được: thiếu thông tin …"
        return f.message(lang)
    return f"[{ui(f'outcome.{f.outcome}', lang)}] {f.message(lang)}"


def score_lines(report, lang: str) -> list[str]:
    """Points per rubric criterion and why points were lost."""
    s = report.score
    out = ["", fill(ui("score.title", lang), {"title": s.rubric.title.get(lang)}, lang)]
    if s.rubric.example:
        out.append(ui("score.example", lang))
    rows = []
    for c in s.criteria:
        why = "\n".join(
            f"−{format_value(loss.points, lang)}: {loss.finding.rule_id} "
            f"({loss.finding.subject_label.get(lang, loss.finding.subject_id)}) — "
            f"{ui(f'outcome.{loss.finding.outcome}', lang).lower()}"
            for loss in c.losses
        )
        rows.append(
            [
                c.criterion.id,
                c.criterion.title.get(lang),
                f"{format_value(c.points, lang)}/{format_value(c.criterion.max, lang)}",
                why or "—",
            ]
        )
    rows.append(["", ui("report.total", lang), f"{format_value(s.total, lang)}/{format_value(s.rubric.max, lang)}", ""])
    cols = [
        ui("score.criterion", lang),
        ui("score.content", lang),
        ui("score.points", lang),
        ui("score.lost_because", lang),
    ]
    out.append(_table(rows, cols, [8, 44, 9, 64]))
    return out


def render(report, lang: str) -> str:
    out: list[str] = [*header_lines(report, lang), ""]
    findings = report.findings
    shown_in_readiness: set[str] = set()
    if report.readiness is not None:
        out += readiness_lines(report, lang)
        shown_in_readiness = {"error", "not_evaluable"}
    else:
        out += verdict_lines(report, lang)
    cols = [ui("col.rule", lang), ui("col.subject", lang), ui("col.message", lang), ui("col.citation", lang)]
    for severity in SEVERITIES:
        if report.readiness is not None and severity in BLOCKING_SEVERITIES:
            continue
        group = [f for f in findings if f.outcome == NONCONFORMITY and f.severity == severity]
        if not group:
            continue
        out += ["", f"{ui(f'severity.{severity}', lang)} ({len(group)})"]
        rows = [
            [f.rule_id, f.subject_label.get(lang, f.subject_id), _with_waiver_note(f, lang), f.citation_text(lang)]
            for f in group
        ]
        out.append(_table(rows, cols, _WIDTHS))
    sections = [
        ("error", [ui("col.rule", lang), ui("col.subject", lang), ui("col.message", lang)], [_RULE, 22, 70]),
        (
            "pending",
            [ui("col.rule", lang), ui("col.subject", lang), ui("col.message", lang), ui("col.due", lang)],
            [_RULE, 22, 56, 12],
        ),
        ("not_evaluable", [ui("col.rule", lang), ui("col.subject", lang), ui("col.missing", lang)], [_RULE, 22, 70]),
        ("waived", [ui("col.rule", lang), ui("col.subject", lang), ui("col.message", lang)], [_RULE, 22, 70]),
    ]
    for outcome, headers, widths in sections:
        group = [
            f
            for f in findings
            if f.outcome == outcome
            and outcome not in shown_in_readiness
            and not (report.readiness is not None and f in report.readiness.falls_due)
        ]
        if not group:
            continue
        out += ["", f"{ui(f'outcome.{outcome}', lang)} ({len(group)})"]
        if outcome == "not_evaluable":  # the unjudged on-site criteria as one row
            missing = [["\n".join(r.rules), r.subject, "\n".join(r.lines(lang))] for r in missing_rows(group, lang)]
            out.append(_table(missing, headers, widths))
            continue
        rows = []
        for f in group:
            row = [f.rule_id, f.subject_label.get(lang, f.subject_id), _with_waiver_note(f, lang)]
            if outcome == "pending":
                row.append(format_value(f.due_date, lang) if f.due_date else "")
            rows.append(row)
        out.append(_table(rows, headers, widths))
    if report.score is not None:
        out += score_lines(report, lang)
    if report.pack.tailoring is not None:
        out += ["", *changes_lines(report.pack.tailoring, lang)]
    counts = report.summary.outcomes
    out += ["", fill(ui("report.passed_line", lang), counts, lang), ""]
    return printable_output("\n".join(out))  # no control character from a fact file reaches a terminal


def _with_waiver_note(f, lang: str) -> str:
    note = f.waiver_note(lang)
    return f"{f.message(lang)}\n{note}" if note else f.message(lang)
