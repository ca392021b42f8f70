"""The words and rows every batch format shares: titles, the matrix row of an agency, the summary rows,
the problem line and the change row. Cells are plain text; each format escapes them for its medium."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from isocheck.facts.model import LEVELS
from isocheck.pack.rules import SEVERITIES
from isocheck.text.ui import fill, format_value, ui
from isocheck.workflows.matrix import COLUMNS

SYMBOL = {"yes": "✓", "no": "✗", "pending": "…", "unknown": "?", "error": "!", "n/a": "–", "waived": "M"}
LEVEL_ORDER = (*LEVELS, "unknown")


def level_name(level: str, lang: str) -> str:
    name = ui(f"level.{level}", lang) if level != "unknown" else ui("batch.level_unknown", lang)
    return name[:1].upper() + name[1:]


def title_lines(header, lang: str) -> list[str]:
    profile = ui(f"profile.{header.profile}", lang)
    return [
        ui("batch.title", lang),
        f"{ui('report.as_of', lang)}: {format_value(header.as_of, lang)}"
        f"{' ' + ui('report.as_of_today', lang) if header.as_of_defaulted else ''} · "
        f"{ui('batch.year', lang)}: {header.year} · {ui('report.profile', lang)}: {profile} · "
        f"{ui('report.rules_version', lang)}: {header.rules_version}",
    ]


def matrix_headers(lang: str) -> list[str]:
    return (
        [ui("batch.col.no", lang), ui("batch.col.agency", lang)]
        + [ui(f"batch.col.{key}", lang) for key, _ in COLUMNS]
        + [ui("batch.col.verdict", lang), ui("batch.col.findings", lang)]
    )


def cell(entry: dict[str, Any], key: str, lang: str, symbols: bool) -> str:
    mark = (entry["matrix"] or {}).get(key)
    if mark is None:
        return ""
    text = SYMBOL[mark] if symbols else ui(f"batch.mark.{mark}", lang)
    if key == "standard" and entry["standard"]:
        return f"{entry['standard']} {text}" if mark == "no" else str(entry["standard"])
    return text


def findings_cell(entry: dict[str, Any]) -> str:
    counts = (entry.get("counts") or {}).get("nonconformities_by_severity")
    return "/".join(str(counts[s]) for s in SEVERITIES) if counts else ""


def matrix_row(entry: dict[str, Any], number: int, lang: str, symbols: bool = True) -> list[str]:
    """An agency's row of the matrix; ``number`` is its place within its level."""
    return (
        [str(number), entry["name"] or entry["file"]]
        + [cell(entry, key, lang, symbols) for key, _ in COLUMNS]
        + [verdict_cell(entry, lang), findings_cell(entry)]
    )


def verdict_cell(entry: dict[str, Any], lang: str) -> str:
    """The agency's verdict; with the pre-announcement profile, READY / NOT READY to announce."""
    readiness = entry.get("readiness")
    if readiness is not None:
        return ui(f"batch.readiness.{readiness['verdict']}", lang)
    return ui(f"batch.verdict.{entry['verdict']}", lang)


def summary_lines(header, by_level: dict[str, dict[str, Any]], lang: str) -> list[str]:
    """Under the title, once every agency is checked: how many are READY (pre-announcement), and the year's
    reports as the files record them (a count of what is recorded, not of deadlines)."""
    total = by_level["total"]
    lines = []
    if header.profile == "pre-announcement":
        unchecked = total["agencies"] - sum(total["readiness"].values())
        lines.append(
            fill(
                ui("batch.readiness_line", lang),
                {**total["readiness"], "agencies": total["agencies"], "unchecked": unchecked},
                lang,
            )
        )
    lines.append(fill(ui("batch.recorded_reports", lang), total["reports"], lang))
    return lines


def summary_headers(lang: str, ready: bool = False) -> list[str]:
    """The summary's columns; ``ready`` (pre-announcement): with the agencies READY to announce."""
    return [
        ui(f"batch.sum.{k}", lang)
        for k in ("level", "agencies", "announced", "conforming", *(["ready"] if ready else []), "on_2015",
                  "no_report", "input_error")
    ] + [ui(f"severity_short.{s}", lang) for s in SEVERITIES]  # fmt: skip


def summary_rows(by_level: dict[str, dict[str, Any]], lang: str, ready: bool = False) -> list[list[str]]:
    rows = []
    for level, s in by_level.items():
        if level != "total" and not s["agencies"]:
            continue
        name = ui("report.total", lang) if level == "total" else level_name(level, lang)
        rows.append(
            [
                name,
                s["agencies"],
                s["announced"],
                s["conforming"],
                *([f"{s['readiness']['ready']}/{s['agencies']}"] if ready else []),
                s["on_2015"],
                s["verdicts"]["no_report"],
                s["verdicts"]["input_error"],
            ]
            + [s["nonconformities"][sev] for sev in SEVERITIES]
        )
    return [[str(c) for c in r] for r in rows]


def problem_line(entry: dict[str, Any]) -> str | None:
    """The line of an agency that could not be checked (bad input or a worker that died), else None."""
    if entry["status"] == "checked":
        return None
    file, error = entry["file"], entry["error"] or ""
    return error if error.startswith(f"{file}:") else f"{file}: {error}"  # an input error names its file already


def problems_title(count: int, lang: str) -> str:
    return fill(ui("batch.problems", lang), {"count": count}, lang)


def finding_label(finding_id: str, titles: dict[str, str], lang: str) -> str:
    """A finding id (``rule@subject``) as a reader names it: the rule's title, and the subject unless
    it is the agency itself (a date as the language writes dates)."""
    rule_id, _, subject = finding_id.partition("@")
    title = titles.get(rule_id, rule_id)
    if subject in ("", "agency"):
        return title
    if subject == "planned":
        subject = ui("batch.subject.planned", lang)
    else:
        with contextlib.suppress(ValueError):  # a subject named by its date
            subject = format_value(dt.date.fromisoformat(subject), lang)
    return f"{title} ({subject})"


def change_row(entry: dict[str, Any], lang: str, titles: dict[str, str] | None = None) -> list[str] | None:
    """The agency's row of the changes since the baseline (findings by their rule's title with ``titles``),
    or None when there is nothing to show."""
    c = entry.get("changes")
    if not c or not (c["new"] or c["resolved"] or c["remaining"] or c.get("unknown")):
        return None
    titles = titles or {}
    return [
        entry["name"] or entry["file"],
        "\n".join(finding_label(f, titles, lang) for f in c["new"]) or "—",
        "\n".join(finding_label(f, titles, lang) for f in c["resolved"]) or "—",
        str(len(c["remaining"])) if not c.get("unknown") else ui("batch.mark.unknown", lang),
    ]


def change_headers(lang: str) -> list[str]:
    return [
        ui("batch.col.agency", lang),
        ui("batch.changes.new", lang),
        ui("batch.changes.resolved", lang),
        ui("batch.changes.remaining", lang),
    ]


def changes_title(baseline_file: str | None, totals: dict[str, int], lang: str) -> str:
    return fill(ui("batch.changes.title", lang), {"file": baseline_file, **totals}, lang)


def legend(lang: str) -> str:
    return ui("batch.legend", lang)
