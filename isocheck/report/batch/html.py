"""The batch as one self-contained HTML page (``--format html``), rendered by ``templates/batch.html.j2``.

The page shows the summary by level, bar charts of the verdicts by level and of the agencies with a
nonconformity by rule (inline SVG drawn by the template from the counts), the matrix of each level with its
marks colour-coded, the problems and the changes since a baseline, then a section per agency with
something to act on (linked from its name in the matrix): its nonconformities, and the facts missing for the
rules it could not be judged on, folded by rule area. No script, no
external URL; the style sheets (``report.css``, ``batch.css``) are inlined, ``@page`` prints landscape.

Agencies are spooled (the summary comes first; only the nonconformities are kept, chosen in the worker by
:meth:`HtmlFormat.prepare`) and the template streams the page (``Template.generate``), reading the spool while
it writes. Every text is escaped by autoescape, control characters removed before.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from markupsafe import Markup

from isocheck.facts.missing import missing_meaning
from isocheck.report.batch import province, rows
from isocheck.report.batch.base import BatchFormat, BatchSummary, Spool
from isocheck.report.escape import printable
from isocheck.report.templating import environment, packaged_text
from isocheck.text.ui import fill, ui
from isocheck.workflows.matrix import COLUMNS

_CSS = Markup(packaged_text("report.css") + "\n" + packaged_text("batch.css"))
# a mark's colour: conforms, nonconformity, pending, unknown (or error), not applicable
_MARK_CLASS = {"yes": "ok", "no": "nc", "pending": "pending", "unknown": "unknown", "error": "error"}
_MARK_CLASS.update({"n/a": "na", "waived": "na"})
_VERDICT_CLASS = {"conforms": "ok", "does_not_conform": "nc", "no_report": "nc", "incomplete": "unknown"}
_VERDICT_CLASS.update({"error": "error", "input_error": "error", "ready": "ok", "not_ready": "nc"})
_VERDICTS = ("conforms", "does_not_conform", "no_report", "incomplete", "error", "input_error")


def _clean(value: Any) -> Any:
    """Control characters removed from every text (line breaks kept: the template writes them as <br>)."""
    if isinstance(value, str):
        return printable(value, multiline=True)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value


def _nonconformities(entry: dict[str, Any]) -> list[list[str]]:
    return [
        [r["rule_id"], r["title"], r["severity"], r["subject_label"] or "", r["message"]]
        for r in entry.get("results") or []
        if r["outcome"] == "fail"
    ]


def _missing(entry: dict[str, Any]) -> list[list[Any]]:
    """The results not evaluable for missing facts: ``[rule id, title, the facts missing]``."""
    return [
        [r["rule_id"], r["title"], list(r["evidence"]["missing"])]
        for r in entry.get("results") or []
        if r["outcome"] == "not_evaluable"
    ]


def _fold(missing: list[list[Any]], lang: str) -> list[list[Any]]:
    """The results not evaluable folded by rule area (``announcement.…``): one row per area — its name, the
    titles of its rules, the facts missing (each once, with its meaning in ``lang``) — instead of a row per rule
    (a roster leaves 30 out); a rule not evaluable on several subjects (each mandatory procedure) counts once."""
    areas: dict[str, tuple[dict[str, str], list[str]]] = {}
    for rule_id, title, facts in missing:
        titles, wanted = areas.setdefault(rule_id.split(".", 1)[0], ({}, []))
        titles.setdefault(rule_id, title)
        wanted.extend(f for f in facts if f not in wanted)
    return [
        [_area_name(area, lang), list(titles.values()), [[f, missing_meaning(f, lang)] for f in wanted]]
        for area, (titles, wanted) in sorted(areas.items())  # the areas' order in docs/rules.md
    ]


def _area_name(area: str, lang: str) -> str:
    try:
        return ui(f"rule_area.{area}", lang)
    except KeyError:  # an area with no name yet: its folder name
        return area


def _chart(by_level: dict[str, dict[str, Any]], lang: str) -> dict[str, Any]:
    """The bars of the chart: one per level with agencies, each in segments by verdict."""
    bars = [
        {
            "name": rows.level_name(level, lang),
            "total": s["agencies"],
            "segments": [
                {"key": v, "label": ui(f"batch.verdict.{v}", lang), "count": s["verdicts"][v]}
                for v in _VERDICTS
                if s["verdicts"].get(v)
            ],
        }
        for level, s in by_level.items()
        if level != "total" and s["agencies"]
    ]
    present = {seg["key"] for bar in bars for seg in bar["segments"]}
    legend = [(v, ui(f"batch.verdict.{v}", lang)) for v in _VERDICTS if v in present]
    return {"bars": bars, "most": max((b["total"] for b in bars), default=1), "legend": legend}


def _rule_chart(by_rule: dict[str, int], titles: dict[str, str], lang: str) -> dict[str, Any]:
    """One bar per rule with nonconformities: how many agencies have one, most first."""
    label = ui("batch.rule_chart.agencies", lang)
    order = sorted(by_rule, key=lambda rule: (-by_rule[rule], rule))
    bars = [
        {"name": titles[r], "total": by_rule[r], "segments": [{"key": "nc", "label": label, "count": by_rule[r]}]}
        for r in order
    ]
    return {"bars": bars, "most": max(by_rule.values(), default=1), "legend": []}


class HtmlFormat(BatchFormat):
    results = True  # the workers render the findings to act on; prepare keeps what the sections show
    non_pass_only = True

    def __init__(self, out, header):
        super().__init__(out, header)
        self.spool = Spool(header.profile == "pre-announcement")
        self.problems = 0
        self.listed = 0  # agencies with nonconformities (each a section of the page)
        self.by_rule: dict[str, int] = {}  # rule id -> the agencies with a nonconformity to it
        self.rule_titles: dict[str, str] = {}

    @staticmethod
    def prepare(entry: dict[str, Any], lang: str) -> dict[str, Any]:
        rest = {k: v for k, v in entry.items() if k != "results"}
        return {**rest, "ncs": _nonconformities(entry), "missing": _missing(entry)}

    def agency(self, entry: dict[str, Any]) -> None:
        if "results" in entry:
            entry = self.prepare(entry, self.lang)
        lang = self.lang
        problem = rows.problem_line(entry)
        self.problems += problem is not None
        missing = _fold(entry.get("missing") or [], lang)
        self.listed += bool(entry["ncs"] or missing)
        for rule_id, title in {nc[0]: nc[1] for nc in entry["ncs"]}.items():
            self.by_rule[rule_id] = self.by_rule.get(rule_id, 0) + 1
            self.rule_titles[rule_id] = printable(title)
        row = rows.matrix_row(entry, 0, lang)[1:]
        marks = [(entry["matrix"] or {}).get(key) for key, _ in COLUMNS]
        readiness = entry.get("readiness")
        record = {
            "row": row,
            "marks": [
                [text, _MARK_CLASS.get(mark or ""), ui(f"batch.mark.{mark}", lang) if mark else ""]
                for text, mark in zip(row[1:-2], marks, strict=True)
            ],
            "verdict": _VERDICT_CLASS[readiness["verdict"] if readiness is not None else entry["verdict"]],
            "file": entry["file"],
            "problem": problem,
            "change": rows.change_row(entry, lang, self.header.rule_titles),
            "ncs": entry["ncs"],
            "missing": missing,
            "missing_count": len(entry.get("missing") or []),
            "act": bool(entry["ncs"] or missing),  # something to act on: a section of its own, linked from the row
        }
        self.spool.add(entry, _clean(record))

    def end(self, summary: BatchSummary) -> None:
        try:
            for chunk in environment().get_template("batch.html.j2").generate(**self._context(summary)):
                self.write(chunk)
        finally:
            self.spool.close()

    def _levels(self) -> Iterator[tuple[str, Iterator[dict[str, Any]], list[str] | None]]:
        """Each section's heading, its lines (records numbered as the report numbers them, with their
        anchor; a group row for an absent parent) and its totals row (:mod:`.province`)."""
        place = 0

        def numbered(lines):
            nonlocal place
            for line, rec in lines:
                if rec is None:
                    yield {"group": line.group, "no": line.number}
                    continue
                place += 1
                yield {**rec, "no": line.number, "depth": line.depth, "anchor": f"agency-{place}"}

        totals = self.spool.totals
        for n, (section, lines) in enumerate(self.spool.sections(), 1):
            yield province.section_heading(section, n, self.lang), numbered(lines), totals.row(section, self.lang)

    def _agencies(self) -> Iterator[dict[str, Any]]:
        for _, records, _ in self._levels():
            yield from (rec for rec in records if rec.get("act"))

    def _context(self, summary: BatchSummary) -> dict[str, Any]:
        lang, header = self.lang, self.header
        ready = header.profile == "pre-announcement"
        changes = None
        if summary.baseline is not None:
            changes = {
                "title": rows.changes_title(header.baseline_file, summary.baseline, lang),
                "headers": rows.change_headers(lang),
                "rows": (rec["change"] for rec in self.spool.all() if rec["change"] is not None),
            }
        return {
            "lang": lang,
            "t": lambda key: ui(key, lang),
            "css": _CSS,
            "title": _clean(rows.title_lines(header, lang)),
            "below": rows.summary_lines(header, summary.by_level, lang),
            "summary_headers": rows.summary_headers(lang, ready),
            "summary_rows": rows.summary_rows(summary.by_level, lang, ready),
            "chart": _chart(summary.by_level, lang),
            "rule_chart": _rule_chart(self.by_rule, self.rule_titles, lang),
            "levels": self._levels(),
            "matrix_headers": rows.matrix_headers(lang),
            "totals_headers": [ui("batch.sum.level", lang), *rows.matrix_headers(lang)[2:]],
            "totals": [row[1:] for row in self.spool.totals.rows(lang)],
            "totals_note": province.totals_note(lang),
            "legend": rows.legend(lang),
            "problems": {
                "count": self.problems,
                "title": rows.problems_title(self.problems, lang),
                "lines": (rec["problem"] for rec in self.spool.all() if rec["problem"] is not None),
            },
            "changes": changes,
            "listed": self.listed,
            "agencies": self._agencies(),
            "nc_headers": [ui(f"col.{k}", lang) for k in ("rule", "severity", "subject", "message")],
            "missing_line": lambda count: fill(ui("batch.agencies.missing", lang), {"count": count}, lang),
            "rules_count": lambda count: fill(ui("batch.rules_count", lang), {"count": count}, lang),
            "missing_headers": [ui(k, lang) for k in ("batch.col.area", "batch.col.rules", "col.missing")],
        }
