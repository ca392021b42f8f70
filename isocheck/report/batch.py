"""Province batch outputs: the per-agency matrix grouped by level, the summary by level, and the
changes since a baseline — as a terminal table, Markdown, CSV, HTML or JSON.

Every renderer takes the batch document built by :func:`batch_document` (plain data, the JSON
output itself), so all formats show the same numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import html as html_lib
import io
import json
from collections.abc import Callable
from typing import Any

from tabulate import tabulate

from isocheck.facts.model import LEVELS
from isocheck.pack.rules import SEVERITIES
from isocheck.text.ui import fill, format_value, ui
from isocheck.workflows.matrix import COLUMNS, summary_by_level
from isocheck.workflows.recorded import count_recorded

SYMBOL = {"yes": "✓", "no": "✗", "pending": "…", "unknown": "?", "error": "!", "n/a": "–", "waived": "M"}
LEVEL_ORDER = (*LEVELS, "unknown")


def batch_document(
    entries: list[dict[str, Any]],
    *,
    as_of,
    year: int,
    profile: str,
    rules_version: str,
    lang: str,
    tool_version: str,
    baseline_totals: dict | None = None,
    baseline_file: str | None = None,
) -> dict[str, Any]:
    agencies = sorted(entries, key=lambda a: (LEVEL_ORDER.index(a["level"] or "unknown"), a["name"] or "", a["file"]))
    summary: dict[str, Any] = {"by_level": summary_by_level(agencies)}
    if profile == "pre-announcement":
        summary["readiness"] = readiness_by_level(agencies)
    summary["by_rule"] = counts_by_rule(agencies)
    summary["recorded"] = count_recorded(agencies)
    if baseline_totals is not None:
        summary["baseline"] = {"file": baseline_file, **baseline_totals}
    return {
        "tool": "isocheck",
        "version": tool_version,
        "as_of": as_of.isoformat(),
        "year": year,
        "profile": profile,
        "rules_version": rules_version,
        "lang": lang,
        "summary": summary,
        "agencies": agencies,
    }


def readiness_by_level(agencies: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Per level (and ``total``): agencies READY to announce, NOT READY, and not checked (a bad file or a dead
    worker: neither)."""
    out: dict[str, dict[str, int]] = {}
    for a in agencies:
        verdict = (a.get("readiness") or {}).get("verdict", "unchecked")
        for key in (a["level"] or "unknown", "total"):
            bucket = out.setdefault(key, {"ready": 0, "not_ready": 0, "unchecked": 0})
            bucket[verdict] += 1
    out.setdefault("total", {"ready": 0, "not_ready": 0, "unchecked": 0})
    return {key: out[key] for key in (*LEVEL_ORDER, "total") if key in out}


def counts_by_rule(agencies: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Per rule (sorted), how many findings of each outcome the batch gave, over every agency checked."""
    counts: dict[str, dict[str, int]] = {}
    for a in agencies:
        for r in a.get("results") or []:
            by_outcome = counts.setdefault(r["rule_id"], {})
            by_outcome[r["outcome"]] = by_outcome.get(r["outcome"], 0) + 1
    return {rule: dict(sorted(counts[rule].items())) for rule in sorted(counts)}


# -- shared rows ---------------------------------------------------------------------------------


def _level_name(level: str, lang: str) -> str:
    name = ui(f"level.{level}", lang) if level != "unknown" else ui("batch.level_unknown", lang)
    return name[:1].upper() + name[1:]


def matrix_headers(lang: str) -> list[str]:
    return (
        [ui("batch.col.no", lang), ui("batch.col.agency", lang)]
        + [ui(f"batch.col.{key}", lang) for key, _ in COLUMNS]
        + [ui("batch.col.verdict", lang), ui("batch.col.findings", lang)]
    )


def _cell(entry: dict[str, Any], key: str, lang: str, symbols: bool) -> str:
    mark = (entry["matrix"] or {}).get(key)
    if mark is None:
        return ""
    text = SYMBOL[mark] if symbols else ui(f"batch.mark.{mark}", lang)
    if key == "standard" and entry["standard"]:
        return f"{entry['standard']} {text}" if mark == "no" else str(entry["standard"])
    return text


def _verdict_cell(entry: dict[str, Any], lang: str) -> str:
    """The agency's verdict; with the pre-announcement profile, READY / NOT READY to announce."""
    readiness = entry.get("readiness")
    if readiness is not None:
        return ui(f"batch.readiness.{readiness['verdict']}", lang)
    return ui(f"batch.verdict.{entry['verdict']}", lang)


def _findings_cell(entry: dict[str, Any]) -> str:
    counts = (entry.get("counts") or {}).get("nonconformities_by_severity")
    return "/".join(str(counts[s]) for s in SEVERITIES) if counts else ""


def matrix_rows(doc: dict[str, Any], lang: str, symbols: bool = True):
    """(level, rows) per level present, rows numbered within the level."""
    for level in LEVEL_ORDER:
        group = [a for a in doc["agencies"] if (a["level"] or "unknown") == level]
        if not group:
            continue
        rows = []
        for n, a in enumerate(group, 1):
            name = a["name"] or a["file"]
            rows.append(
                [str(n), name]
                + [_cell(a, key, lang, symbols) for key, _ in COLUMNS]
                + [_verdict_cell(a, lang), _findings_cell(a)]
            )
        yield level, rows


def summary_headers(lang: str, doc: dict[str, Any] | None = None) -> list[str]:
    ready = ["ready"] if doc is not None and "readiness" in doc["summary"] else []
    return [
        ui(f"batch.sum.{k}", lang)
        for k in ("level", "agencies", "announced", "conforming", *ready, "on_2015", "no_report", "input_error")
    ] + [ui(f"severity_short.{s}", lang) for s in SEVERITIES]


def summary_rows(doc: dict[str, Any], lang: str) -> list[list[str]]:
    rows = []
    readiness = doc["summary"].get("readiness")
    for level, s in doc["summary"]["by_level"].items():
        if level != "total" and not s["agencies"]:
            continue
        name = ui("report.total", lang) if level == "total" else _level_name(level, lang)
        rows.append(
            [
                name,
                s["agencies"],
                s["announced"],
                s["conforming"],
                *([f"{readiness.get(level, {}).get('ready', 0)}/{s['agencies']}"] if readiness is not None else []),
                s["on_2015"],
                s["verdicts"]["no_report"],
                s["verdicts"]["input_error"],
            ]
            + [s["nonconformities"][sev] for sev in SEVERITIES]
        )
    return [[str(c) for c in r] for r in rows]


def problem_lines(doc: dict[str, Any], lang: str) -> list[str]:
    """Agencies that could not be checked: bad input or a worker that died."""
    return [f"{a['file']}: {a['error']}" for a in doc["agencies"] if a["status"] != "checked"]


def change_rows(doc: dict[str, Any], lang: str) -> list[list[str]]:
    rows = []
    for a in doc["agencies"]:
        c = a.get("changes")
        if not c or not (c["new"] or c["resolved"] or c["remaining"] or c.get("unknown")):
            continue
        rows.append(
            [
                a["name"] or a["file"],
                "\n".join(c["new"]) or "—",
                "\n".join(c["resolved"]) or "—",
                str(len(c["remaining"])) if not c.get("unknown") else ui("batch.mark.unknown", lang),
            ]
        )
    return rows


def change_headers(lang: str) -> list[str]:
    return [
        ui("batch.col.agency", lang),
        ui("batch.changes.new", lang),
        ui("batch.changes.resolved", lang),
        ui("batch.changes.remaining", lang),
    ]


def _title_lines(doc: dict[str, Any], lang: str) -> list[str]:
    profile = ui(f"profile.{doc['profile']}", lang)
    lines = [
        ui("batch.title", lang),
        f"{ui('report.as_of', lang)}: {format_value(_date(doc['as_of']), lang)} · "
        f"{ui('batch.year', lang)}: {doc['year']} · {ui('report.profile', lang)}: {profile} · "
        f"{ui('report.rules_version', lang)}: {doc['rules_version']}",
    ]
    report = doc["summary"].get("recorded", {}).get("report_received")
    if report is not None:
        lines.append(fill(ui("batch.recorded_reports", lang), report, lang))
    readiness = doc["summary"].get("readiness")
    if readiness is not None:
        total = readiness["total"]
        lines.append(fill(ui("batch.readiness_line", lang), {**total, "agencies": sum(total.values())}, lang))
    return lines


def _date(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def legend(lang: str) -> str:
    return ui("batch.legend", lang)


# -- formats -------------------------------------------------------------------------------------


def render_table(doc: dict[str, Any], lang: str, fmt: str = "simple_grid") -> str:
    summary = tabulate(summary_rows(doc, lang), summary_headers(lang, doc), tablefmt=fmt, disable_numparse=True)
    out = [*_title_lines(doc, lang), "", ui("batch.summary", lang), summary]
    for level, rows in matrix_rows(doc, lang):
        out += [
            "",
            _level_name(level, lang).upper(),
            tabulate(rows, matrix_headers(lang), tablefmt=fmt, disable_numparse=True, maxcolwidths=[None, 40]),
        ]
    out += ["", legend(lang)]
    problems = problem_lines(doc, lang)
    if problems:
        out += ["", fill(ui("batch.problems", lang), {"count": len(problems)}, lang), *problems]
    if "baseline" in doc["summary"]:
        b = doc["summary"]["baseline"]
        out += ["", fill(ui("batch.changes.title", lang), b, lang)]
        rows = change_rows(doc, lang)
        if rows:
            out.append(tabulate(rows, change_headers(lang), tablefmt=fmt, disable_numparse=True))
    return "\n".join(out) + "\n"


def render_markdown(doc: dict[str, Any], lang: str) -> str:
    text = render_table(doc, lang, fmt="github")
    lines = text.split("\n")
    lines[0] = "# " + lines[0]
    return "\n".join(line if not line.isupper() or not line.strip() else f"## {line}" for line in lines)


def render_csv(doc: dict[str, Any], lang: str) -> str:
    """One row per agency, marks as words, UTF-8 with a byte-order mark so spreadsheet programs read Vietnamese."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        [ui("batch.sum.level", lang), ui("batch.col.agency", lang), ui("batch.col.file", lang)]
        + [ui(f"batch.col.{key}", lang) for key, _ in COLUMNS]
        + [ui("batch.col.verdict", lang)]
        + [ui(f"severity_short.{s}", lang) for s in SEVERITIES]
        + [ui("batch.col.error", lang)]
    )
    for a in doc["agencies"]:
        counts = (a.get("counts") or {}).get("nonconformities_by_severity") or {}
        writer.writerow(
            [_level_name(a["level"] or "unknown", lang), a["name"] or "", a["file"]]
            + [_cell(a, key, lang, symbols=False) for key, _ in COLUMNS]
            + [_verdict_cell(a, lang)]
            + [counts.get(s, "") for s in SEVERITIES]
            + [a["error"] or ""]
        )
    return "\ufeff" + buffer.getvalue()


def render_json(doc: dict[str, Any], lang: str) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def render_html(doc: dict[str, Any], lang: str) -> str:
    from isocheck.report.html import _CSS, _table, _td

    e = html_lib.escape

    def table(headers, rows, cls):
        return _table([e(h) for h in headers], [[_td(e(c).replace("\n", "<br>")) for c in r] for r in rows], cls)

    title = _title_lines(doc, lang)
    parts = [
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{e(title[0])}</title>\n'
        f"<style>{_CSS}\ntable.matrix td:nth-child(n+3) {{ text-align: center; white-space: nowrap; }}</style>\n"
        f"</head>\n<body>\n<h1>{e(title[0])}</h1>\n" + "\n".join(f"<p>{e(line)}</p>" for line in title[1:]),
        f"<h2>{e(ui('batch.summary', lang))}</h2>",
        table(summary_headers(lang, doc), summary_rows(doc, lang), "summary"),
    ]
    for level, rows in matrix_rows(doc, lang):
        parts += [f"<h2>{e(_level_name(level, lang))}</h2>", table(matrix_headers(lang), rows, "matrix")]
    parts.append(f'<p class="note">{e(legend(lang))}</p>')
    problems = problem_lines(doc, lang)
    if problems:
        parts.append(
            f"<h2>{e(fill(ui('batch.problems', lang), {'count': len(problems)}, lang))}</h2>\n<ul>"
            + "".join(f"<li><code>{e(p)}</code></li>" for p in problems)
            + "</ul>"
        )
    if "baseline" in doc["summary"]:
        parts.append(f"<h2>{e(fill(ui('batch.changes.title', lang), doc['summary']['baseline'], lang))}</h2>")
        parts.append(table(change_headers(lang), change_rows(doc, lang), "changes"))
    parts.append("</body>\n</html>\n")
    return "\n".join(parts)


BATCH_FORMATS: dict[str, Callable[[dict[str, Any], str], str]] = {
    "table": render_table,
    "md": render_markdown,
    "csv": render_csv,
    "json": render_json,
    "html": render_html,
}
