"""The terminal report: header, verdict, findings grouped by severity, then pending, not evaluable,
errors, and the outcome counts. Column widths are fixed so long Vietnamese messages wrap."""

from __future__ import annotations

from tabulate import tabulate

from isocheck.findings import NONCONFORMITY
from isocheck.i18n import fill, format_value, ui
from isocheck.rulepack import SEVERITIES

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
        f"{ui('report.as_of', lang)}: {format_value(report.as_of, lang)} · "
        f"{ui('report.profile', lang)}: {ui(f'profile.{report.profile}', lang)} · "
        f"{ui('report.rules_version', lang)}: {report.pack.version}",
    ]


def verdict_lines(report, lang: str) -> list[str]:
    counts = report.summary.nonconformities
    total = sum(counts.values())
    lines = []
    errors = report.summary.outcomes.get("error", 0)
    if errors:
        lines.append(fill(ui("report.verdict_error", lang), {"count": errors}, lang))
    if total:
        lines.append(fill(ui("report.verdict_nc", lang), {"count": total, **counts}, lang))
    else:
        lines.append(ui("report.verdict_ok", lang))
    for outcome in ("not_evaluable", "pending"):
        count = report.summary.outcomes.get(outcome, 0)
        if count:
            lines.append(fill(ui(f"report.verdict_{outcome}", lang), {"count": count}, lang))
    return lines


def render(report, lang: str) -> str:
    out: list[str] = header_lines(report, lang) + [""] + verdict_lines(report, lang)
    findings = report.findings
    cols = [ui("col.rule", lang), ui("col.subject", lang), ui("col.message", lang), ui("col.citation", lang)]
    for severity in SEVERITIES:
        group = [f for f in findings if f.outcome == NONCONFORMITY and f.severity == severity]
        if not group:
            continue
        out += ["", f"{ui(f'severity.{severity}', lang)} ({len(group)})"]
        rows = [[f.rule_id, f.subject_label.get(lang, f.subject_id), f.message(lang), f.rule.citation_text(lang)]
                for f in group]
        out.append(_table(rows, cols, _WIDTHS))
    sections = [
        ("error", [ui("col.rule", lang), ui("col.subject", lang), ui("col.message", lang)], [_RULE, 22, 70]),
        ("pending", [ui("col.rule", lang), ui("col.subject", lang), ui("col.message", lang), ui("col.due", lang)],
         [_RULE, 22, 56, 12]),
        ("not_evaluable", [ui("col.rule", lang), ui("col.subject", lang), ui("col.missing", lang)], [_RULE, 22, 70]),
    ]
    for outcome, headers, widths in sections:
        group = [f for f in findings if f.outcome == outcome]
        if not group:
            continue
        out += ["", f"{ui(f'outcome.{outcome}', lang)} ({len(group)})"]
        rows = []
        for f in group:
            row = [f.rule_id, f.subject_label.get(lang, f.subject_id)]
            if outcome == "not_evaluable":
                row.append(", ".join(f.missing))
            else:
                row.append(f.message(lang))
            if outcome == "pending":
                row.append(format_value(f.due_date, lang) if f.due_date else "")
            rows.append(row)
        out.append(_table(rows, headers, widths))
    counts = report.summary.outcomes
    out += ["", fill(ui("report.passed_line", lang), counts, lang), ""]
    return "\n".join(out)
