"""The inspection report as one self-contained HTML5 page (``isocheck report``, ``check --format html``).

The page is meant to be opened, printed or attached to an inspection record: inline CSS only, no
script, no external URL of any kind (fonts, styles, images). It holds the header, the verdict (the
same lines as the table report), counts by severity and outcome, every nonconformity grouped by
severity with its explanation (legal basis, condition table, facts consulted, what would make it
pass, remediation, evidence) inside ``<details open>`` so that printing shows it, then the pending,
not-evaluable and error results. Every text goes through :func:`html.escape`; the output is
deterministic (no timestamp besides the as-of date).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable
from typing import Any

from isocheck.engine.findings import NONCONFORMITY, OUTCOMES
from isocheck.explain.explanation import explain, word
from isocheck.pack.rules import SEVERITIES
from isocheck.report.table import verdict_lines
from isocheck.text.ui import fill, format_value, ui

_CSS = """
:root { --major: #b42318; --major-bg: #fef3f2; --minor: #b54708; --minor-bg: #fffaeb;
  --observation: #175cd3; --observation-bg: #eff8ff; --ok: #067647; --ok-bg: #ecfdf3;
  --ink: #1d2433; --muted: #555e6e; --line: #d0d5dd; --head: #f2f4f7; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 1180px; padding: 24px 28px 40px; color: var(--ink); background: #fff;
  font: 15px/1.5 "Noto Sans", "DejaVu Sans", "Liberation Sans", "Segoe UI", Arial, sans-serif;
  overflow-wrap: break-word; }
h1 { font-size: 22px; line-height: 1.3; margin: 0 0 12px; letter-spacing: .01em; }
h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 16px; margin: 0; }
h4 { font-size: 14px; margin: 14px 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
code, .mono { font-family: "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace; font-size: 13px;
  overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; }
th, td { border: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: var(--head); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; width: 7em; }
tr.total td { font-weight: 700; background: var(--head); }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; }
.verdict { margin: 18px 0 6px; padding: 12px 16px; border-left: 6px solid var(--ok); background: var(--ok-bg); }
.verdict p { margin: 2px 0; }
.verdict p.main { font-weight: 700; font-size: 16px; }
.verdict.nc { border-color: var(--major); background: var(--major-bg); }
.verdict.incomplete { border-color: var(--minor); background: var(--minor-bg); }
.verdict.error { border-color: #6941c6; background: #f4f3ff; }
.counts { display: flex; flex-wrap: wrap; gap: 24px; }
.counts > div { flex: 1 1 340px; }
.counts h3 { font-size: 14px; margin: 0 0 4px; }
.sev { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 700;
  color: #fff; white-space: nowrap; vertical-align: 1px; }
.sev.major { background: var(--major); } .sev.minor { background: var(--minor); }
.sev.observation { background: var(--observation); }
.sev-text { font-weight: 600; } .sev-text.major { color: var(--major); } .sev-text.minor { color: var(--minor); }
.sev-text.observation { color: var(--observation); }
h2.major { color: var(--major); border-color: var(--major); }
h2.minor { color: var(--minor); border-color: var(--minor); }
h2.observation { color: var(--observation); border-color: var(--observation); }
article.finding { border: 1px solid var(--line); border-left: 6px solid var(--line); border-radius: 4px;
  margin: 0 0 14px; padding: 10px 14px; }
article.finding.major { border-left-color: var(--major); }
article.finding.minor { border-left-color: var(--minor); }
article.finding.observation { border-left-color: var(--observation); }
article.finding > header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 10px; margin-bottom: 6px; }
article.finding > header code { color: var(--muted); }
dl.finding-body { display: grid; grid-template-columns: 9.5em 1fr; gap: 3px 12px; margin: 0; }
dl.finding-body dt { color: var(--muted); }
dl.finding-body dd { margin: 0; }
dd.message { font-weight: 600; }
details { margin-top: 10px; border-top: 1px dashed var(--line); padding-top: 6px; }
summary { cursor: pointer; font-weight: 600; color: var(--muted); }
ul { margin: 4px 0; padding-left: 22px; }
li { margin: 2px 0; }
blockquote { margin: 2px 0 6px; padding: 2px 10px; border-left: 3px solid var(--line); color: #344054;
  font-style: italic; }
p.note { color: var(--muted); margin: 4px 0; }
table.conditions, table.facts, table.listing { table-layout: fixed; }
table.conditions th:nth-child(1) { width: 12%; } table.conditions th:nth-child(2) { width: 25%; }
table.conditions th:nth-child(3) { width: 13%; } table.conditions th:nth-child(4) { width: 11%; }
table.conditions th:nth-child(5) { width: 9%; white-space: nowrap; }
table.facts th:nth-child(1) { width: 25%; } table.facts th:nth-child(2) { width: 22%; }
table.listing th:nth-child(1) { width: 34%; } table.listing th:nth-child(2) { width: 16%; }
table.listing.pending th:nth-child(4) { width: 9em; }
td.test, td.date, td[class^="holds-"] { white-space: nowrap; }
td.holds-true { color: var(--ok); font-weight: 700; }
td.holds-false { color: var(--muted); }
td.holds-unknown { color: var(--minor); font-weight: 700; }
td.how { color: #344054; font-size: 14px; }
td .meaning { display: block; color: var(--muted); font-size: 13px; }
.to-pass { background: var(--ok-bg); border-left: 3px solid var(--ok); padding: 4px 10px; margin: 4px 0; }
footer { margin-top: 32px; padding-top: 8px; border-top: 1px solid var(--line); color: var(--muted); font-size: 13px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  tr, blockquote, li, .verdict, .to-pass, article.finding > header, dl.finding-body {
    break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  summary { list-style: none; color: var(--ink); break-after: avoid; page-break-after: avoid; }
  table { font-size: 9.5pt; }
  code, .mono { font-size: 8.5pt; }
  summary::-webkit-details-marker { display: none; }
  details { border-top: 1px solid var(--line); }
  a { color: inherit; text-decoration: none; }
}
"""


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _date(iso: str | None, lang: str) -> str:
    return format_value(dt.date.fromisoformat(iso), lang) if iso else ""


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _table(headers: Iterable[str], rows: Iterable[Iterable[str]], cls: str = "", total: bool = False) -> str:
    """A table of already-escaped cells; a header starting with '#' is a numeric column; ``total``: the
    last row is a total."""
    head = "".join(f'<th class="num">{h[1:]}</th>' if h.startswith("#") else f"<th>{h}</th>" for h in headers)
    lines = ["<tr>" + "".join(cells) + "</tr>" for cells in rows]
    if total and lines:
        lines[-1] = '<tr class="total">' + lines[-1][len("<tr>") :]
    attr = f' class="{cls}"' if cls else ""
    body = "\n".join(lines)
    return f"<table{attr}>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def _td(text: str, cls: str = "") -> str:
    return f'<td class="{cls}">{text}</td>' if cls else f"<td>{text}</td>"


def _header(report, lang: str) -> str:
    ident = report.agency.agency
    rows = [
        (ui("report.agency", lang), _e(ident.name)),
        (ui("report.level", lang), _e(_capital(ui(f"level.{ident.level}", lang)))),
        (ui("report.province", lang), _e(ident.province)),
        (ui("report.standard", lang), _e(f"TCVN ISO 9001:{ident.standard}")),
        (ui("report.as_of", lang), _e(format_value(report.as_of, lang))),
        (ui("report.profile", lang), _e(ui(f"profile.{report.profile}", lang))),
        (ui("report.rules_version", lang), _e(report.pack.version)),
        (ui("report.tool_version", lang), _e(f"isocheck {report.tool_version}")),
        (ui("report.fact_file", lang), f"<code>{_e(report.file)}</code>"),
    ]
    items = "\n".join(f"<dt>{_e(k)}</dt><dd>{v}</dd>" for k, v in rows)
    return f'<header>\n<h1>{_e(ui("report.title", lang))}</h1>\n<dl class="meta">\n{items}\n</dl>\n</header>'


def _verdict(report, lang: str) -> str:
    summary = report.summary
    if summary.outcomes.get("error", 0):
        cls = "error"
    elif sum(summary.nonconformities.values()):
        cls = "nc"
    elif summary.outcomes.get("not_evaluable", 0):
        cls = "incomplete"  # no nonconformity found, but not everything could be judged: not green
    else:
        cls = "ok"
    lines = verdict_lines(report, lang)
    main = 2 if cls == "error" and len(lines) > 1 else 1  # the error warning and the verdict stand out
    r = report.readiness
    if r is not None:  # pre-announcement: the READY / NOT READY verdict comes first
        lines = [ui(f"readiness.{r.verdict}", lang), *lines]
        cls = "ok" if r.ready else "nc"
    body = "\n".join(
        f'<p class="main">{_e(line)}</p>' if i < main else f"<p>{_e(line)}</p>" for i, line in enumerate(lines)
    )
    return f'<section class="verdict {cls}">\n{body}\n</section>'


def _counts(report, lang: str) -> str:
    summary = report.summary
    by_sev = [
        [
            _td(f'<span class="sev-text {s}">{_e(ui(f"severity.{s}", lang))}</span>'),
            _td(_e(summary.nonconformities.get(s, 0)), "num"),
        ]
        for s in SEVERITIES
    ]
    by_sev.append([_td(_e(ui("report.total", lang))), _td(_e(sum(summary.nonconformities.values())), "num")])
    outcomes = [o for o in OUTCOMES if o in summary.outcomes]
    by_out = [[_td(_e(ui(f"outcome.{o}", lang))), _td(_e(summary.outcomes[o]), "num")] for o in outcomes]
    by_out.append([_td(_e(ui("report.total", lang))), _td(_e(sum(summary.outcomes.values())), "num")])
    count = "#" + _e(ui("col.count", lang))

    return (
        f'<section class="summary">\n<h2>{_e(ui("report.summary", lang))}</h2>\n<div class="counts">\n'
        f"<div>\n<h3>{_e(ui('report.by_severity', lang))}</h3>\n"
        f"{_table([_e(ui('col.severity', lang)), count], by_sev, total=True)}\n</div>\n"
        f"<div>\n<h3>{_e(ui('report.by_outcome', lang))}</h3>\n"
        f"{_table([_e(ui('col.outcome', lang)), count], by_out, total=True)}\n</div>\n"
        "</div>\n</section>"
    )


def _explanation(x: dict[str, Any], lang: str) -> str:
    rule = x["rule"]
    out = [f"<details open>\n<summary>{_e(ui('report.explanation', lang))}</summary>"]
    # legal basis
    out.append(f"<h4>{_e(word('basis', lang))}</h4>\n<ul>")
    for c in rule["citations"]:
        out.append(f'<li>{_e(c["text"])}<blockquote lang="vi">“{_e(c["quote_vi"])}”</blockquote></li>')
    out.append("</ul>")
    in_force = f"{word('from', lang)} {_date(rule['effective']['from'], lang)}"
    if rule["effective"]["until"]:
        in_force += f" {word('until', lang)} {_date(rule['effective']['until'], lang)}"
    out.append(
        f'<p class="note">{_e(word("in_force", lang))}: {_e(in_force)} · '
        f"{_e(word('version', lang))} {_e(rule['version'])}</p>"
    )
    if rule["judgment"]:
        out.append(f'<p class="note">{_e(ui("report.judgment", lang))}</p>')
    # requirement
    out.append(f"<h4>{_e(word('requires', lang))}</h4>\n<p>{_e(x['requirement'])}</p>")
    # conditions
    if x["conditions"]:
        headers = [_e(word(f"col.{k}", lang)) for k in ("part", "field", "actual", "test", "result", "how")]
        rows = []
        for r in x["conditions"]:
            state = "unknown" if r["holds"] is None else ("true" if r["holds"] else "false")
            rows.append(
                [
                    _td(_e(word(f"part.{r['part']}", lang))),
                    _td(f'<code>{_e(r["field"])}</code><span class="meaning">{_e(r["meaning"])}</span>'),
                    _td(_e(r["actual"])),
                    _td(_e(r["test"]), "test"),
                    _td(_e(word(state, lang)), f"holds-{state}"),
                    _td(_e(r["how"]), "how"),
                ]
            )
        out.append(f"<h4>{_e(word('conditions', lang))}</h4>\n{_table(headers, rows, 'conditions')}")
    # facts consulted
    if x["facts"]:
        headers = [_e(word("col.field", lang)), _e(ui("col.value", lang)), _e(ui("col.source", lang))]
        rows = []
        for f in x["facts"]:
            paths = ", ".join(f["paths"])
            if f["provided"]:
                where = f"<code>{_e(f['file'])}</code>: <code>{_e(paths)}</code>" if paths else ""
            else:
                where = _e(word("not_provided", lang)) + (f" (<code>{_e(paths)}</code>)" if paths else "")
            rows.append([_td(f"<code>{_e(f['field'])}</code>"), _td(_e(f["value"])), _td(where)])
        out.append(f"<h4>{_e(word('facts', lang))}</h4>\n{_table(headers, rows, 'facts')}")
    # what would make it pass, remediation, evidence
    out.append(f'<h4>{_e(word("to_pass", lang))}</h4>\n<p class="to-pass">{_e(x["to_pass"]["text"])}</p>')
    if x["remediation"]:
        out.append(f"<h4>{_e(word('remediation', lang))}</h4>\n<p>{_e(x['remediation'])}</p>")
    if x["evidence"]:
        items = "\n".join(f"<li>{_e(item)}</li>" for item in x["evidence"])
        out.append(f"<h4>{_e(word('evidence', lang))}</h4>\n<ul>\n{items}\n</ul>")
    out.append("</details>")
    return "\n".join(out)


def _finding(f, number: int, report, lang: str) -> str:
    x = explain(f, report.file, report.as_of, lang)
    sev = f.severity
    body = [
        (ui("col.subject", lang), _e(x["subject"]["label"]), ""),
        (ui("col.message", lang), _e(x["message"]), "message"),
        (ui("col.citation", lang), _e(f.rule.citation_text(lang)), ""),
    ]
    if x["due_date"]:
        body.append((ui("col.due", lang), _e(_date(x["due_date"], lang)), ""))
    items = "\n".join(
        f'<dt>{_e(k)}</dt><dd class="{c}">{v}</dd>' if c else f"<dt>{_e(k)}</dt><dd>{v}</dd>" for k, v, c in body
    )
    return (
        f'<article class="finding {sev}" id="f{number}">\n<header>'
        f'<span class="sev {sev}">{_e(ui(f"severity_short.{sev}", lang))}</span> '
        f"<h3>{_e(x['rule']['title'])}</h3> <code>{_e(f.rule_id)}</code></header>\n"
        f'<dl class="finding-body">\n{items}\n</dl>\n{_explanation(x, lang)}\n</article>'
    )


def _nonconformities(report, lang: str) -> str:
    fails = [f for f in report.findings if f.outcome == NONCONFORMITY]
    if not fails:
        return (
            f'<section class="findings">\n<h2>{_e(ui("report.nonconformities", lang))}</h2>\n'
            f"<p>{_e(ui('report.none', lang))}</p>\n</section>"
        )
    out, number = [], 0
    for severity in SEVERITIES:
        group = [f for f in fails if f.severity == severity]
        if not group:
            continue
        out.append(
            f'<section class="findings {severity}">\n'
            f'<h2 class="{severity}">{_e(ui(f"severity.{severity}", lang))} ({len(group)})</h2>'
        )
        for f in group:
            number += 1
            out.append(_finding(f, number, report, lang))
        out.append("</section>")
    return "\n".join(out)


def _other(report, lang: str) -> str:
    out = []
    for outcome in ("pending", "not_evaluable", "error", "waived"):
        group = [f for f in report.findings if f.outcome == outcome]
        if not group:
            continue
        headers = [ui("col.rule", lang), ui("col.subject", lang)]
        if outcome == "pending":
            headers += [ui("col.message", lang), ui("col.due", lang)]
        elif outcome == "not_evaluable":
            headers += [ui("col.missing", lang)]
        else:
            headers += [ui("col.message", lang)]
        rows = []
        for f in group:
            row = [_td(f"<code>{_e(f.rule_id)}</code>"), _td(_e(f.subject_label.get(lang, f.subject_id)))]
            if outcome == "pending":
                row += [_td(_e(f.message(lang))), _td(_e(format_value(f.due_date, lang) if f.due_date else ""), "date")]
            elif outcome == "not_evaluable":
                row.append(_td("<br>".join(f"<code>{_e(m)}</code>" for m in f.missing)))
            else:
                row.append(_td(_e(f.message(lang))))
            rows.append(row)
        out.append(
            f'<section class="{outcome}">\n<h2>{_e(ui(f"outcome.{outcome}", lang))} ({len(group)})</h2>\n'
            f"{_table([_e(h) for h in headers], rows, f'listing {outcome}')}\n</section>"
        )
    return "\n".join(out)


def _score(report, lang: str) -> str:
    s = report.score
    if s is None:
        return ""
    rows = []
    for c in s.criteria:
        why = "<br>".join(
            f"−{_e(format_value(loss.points, lang))}: <code>{_e(loss.finding.rule_id)}</code> "
            f"({_e(loss.finding.subject_label.get(lang, loss.finding.subject_id))}) — "
            f"{_e(loss.finding.message(lang))}"
            for loss in c.losses
        )
        rows.append(
            [
                _td(_e(c.criterion.id)),
                _td(_e(c.criterion.title.get(lang))),
                _td(_e(f"{format_value(c.points, lang)}/{format_value(c.criterion.max, lang)}"), "num"),
                _td(why or "—"),
            ]
        )
    rows.append(
        [
            _td(""),
            _td(_e(ui("report.total", lang))),
            _td(_e(f"{format_value(s.total, lang)}/{format_value(s.rubric.max, lang)}"), "num"),
            _td(""),
        ]
    )
    headers = [
        _e(ui("score.criterion", lang)),
        _e(ui("score.content", lang)),
        "#" + _e(ui("score.points", lang)),
        _e(ui("score.lost_because", lang)),
    ]
    note = f'<p class="note">{_e(ui("score.example", lang))}</p>\n' if s.rubric.example else ""
    title = fill(ui("score.title", lang), {"title": s.rubric.title.get(lang)}, lang)
    return (
        f'<section class="score">\n<h2>{_e(title)}</h2>\n{note}'
        f"{_table(headers, rows, 'listing score', total=True)}\n</section>"
    )


def render(report, lang: str) -> str:
    ident = report.agency.agency
    title = f"{ui('report.title', lang)} — {ident.name} — {format_value(report.as_of, lang)}"
    footer = fill(
        ui("report.footer", lang), {"version": report.tool_version, "rules_version": report.pack.version}, lang
    )
    passed = fill(ui("report.passed_line", lang), report.summary.outcomes, lang)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="isocheck {_e(report.tool_version)}">',
        f"<title>{_e(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        _header(report, lang),
        _verdict(report, lang),
        _counts(report, lang),
        _nonconformities(report, lang),
        _other(report, lang),
        _score(report, lang),
        f"<footer>\n<p>{_e(passed)}</p>\n<p>{_e(footer)}</p>\n</footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"
