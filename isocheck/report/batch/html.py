"""The batch as one self-contained HTML page (``--format html``), rendered by ``templates/batch.html.j2``.

The page shows the summary by level, bar charts of the verdicts by level and of the agencies with a
nonconformity by rule (inline SVG drawn by the template from the counts), the matrix of each level with its
marks colour-coded, the problems and the changes since a baseline, then a section per agency with
nonconformities (linked from its name in the matrix). No script, no
external URL; the style sheets (``report.css``, ``batch.css``) are inlined, ``@page`` prints landscape.

Agencies are spooled (the summary comes first; only the nonconformities are kept, chosen in the worker by
:meth:`HtmlFormat.prepare`) and the template streams the page (``Template.generate``), reading the spool while
it writes. Every text is escaped by autoescape, control characters removed before.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from markupsafe import Markup

from isocheck.report.batch import rows
from isocheck.report.batch.base import BatchFormat, BatchSummary, Spool
from isocheck.report.escape import printable
from isocheck.report.templating import environment, packaged_text
from isocheck.text.ui import ui
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
    results = True  # the workers render every finding; prepare keeps the nonconformities

    def __init__(self, out, header):
        super().__init__(out, header)
        self.spool = Spool()
        self.problems = 0
        self.listed = 0  # agencies with nonconformities (each a section of the page)
        self.by_rule: dict[str, int] = {}  # rule id -> the agencies with a nonconformity to it
        self.rule_titles: dict[str, str] = {}

    @staticmethod
    def prepare(entry: dict[str, Any], lang: str) -> dict[str, Any]:
        return {**{k: v for k, v in entry.items() if k != "results"}, "ncs": _nonconformities(entry)}

    def agency(self, entry: dict[str, Any]) -> None:
        if "results" in entry:
            entry = self.prepare(entry, self.lang)
        lang = self.lang
        problem = rows.problem_line(entry)
        self.problems += problem is not None
        self.listed += bool(entry["ncs"])
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
        }
        self.spool.add(entry, _clean(record))

    def end(self, summary: BatchSummary) -> None:
        try:
            for chunk in environment().get_template("batch.html.j2").generate(**self._context(summary)):
                self.write(chunk)
        finally:
            self.spool.close()

    def _levels(self) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
        """The spool's records by level, numbered within their level, with their anchor (page order)."""
        place = 0

        def numbered(records):
            nonlocal place
            for no, rec in enumerate(records, 1):
                place += 1
                yield {**rec, "no": no, "anchor": f"agency-{place}"}

        for level, records in self.spool.by_level():
            yield rows.level_name(level, self.lang), numbered(records)

    def _agencies(self) -> Iterator[dict[str, Any]]:
        for _, records in self._levels():
            yield from (rec for rec in records if rec["ncs"])

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
        }
