"""The batch as an Excel workbook (``--format xlsx``, with ``-o``): three sheets with Vietnamese (or
English) headers, each with its header row frozen and an auto-filter on every column.

- *Tổng hợp* (Summary): the summary by level, then (with ``--baseline``) the totals of the changes;
- *Ma trận* (Matrix): one row per agency in the provincial layout (:mod:`.province`: a heading row per level
  of government, units under their parent, numbered "3.1" under "3", a bold "x/N" totals row per level and
  the grand total) — number, name, level, file, the matrix marks as words, the verdict and the
  nonconformities by severity;
- *Các điểm cần xử lý* (Findings): one row per nonconformity, rule error, not-evaluable result, duty not yet due
  and waived result of every agency (the rows of the CSV findings file) — agency, rule, title, severity,
  outcome, subject, message, citation, due date.

openpyxl's write-only mode streams rows to temporary files and the matrix rows wait in a spool on disk, so a
province of 20,000 agencies is not held in memory; each worker reduces its agency's results to those rows
(:meth:`XlsxFormat.prepare`). Text is stored as text, never as a formula (a cell starting with ``=`` stays a
string), and characters an XLSX file cannot hold are dropped.
"""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from isocheck.pack.rules import SEVERITIES
from isocheck.report.batch import province, rows
from isocheck.report.batch.base import BatchFormat, BatchSummary, Spool
from isocheck.text.ui import format_value, ui
from isocheck.workflows.batch import TO_ACT_ON
from isocheck.workflows.matrix import COLUMNS

_SHEETS = ("summary", "matrix", "findings")  # named by the catalog's batch.sheet.<key>
_FINDING_HEADERS: tuple[str, ...] = ("batch.col.agency", "batch.col.parent", "col.rule", "col.title", "col.severity")
_FINDING_HEADERS += ("col.outcome",)
_FINDING_HEADERS += ("col.subject", "col.message", "col.citation", "col.due")
_WIDTHS = {"matrix": [7, 44, 24, 40], "findings": [44, 36, 40, 50, 10, 20, 30, 70, 36, 12]}


class XlsxFormat(BatchFormat):
    results = True  # the workers render the findings to act on; prepare keeps the listed ones as rows
    non_pass_only = True
    binary = True

    def __init__(self, out, header):
        super().__init__(out, header)
        self.book = Workbook(write_only=True)
        self.sheets = {key: self.book.create_sheet(ui(f"batch.sheet.{key}", self.lang)) for key in _SHEETS}
        self.spool = Spool(header.profile == "pre-announcement")  # the matrix, written in the province's layout
        self.rows = dict.fromkeys(_SHEETS, 0)
        self.widths = dict.fromkeys(_SHEETS, 0)

    @staticmethod
    def prepare(entry: dict[str, Any], lang: str) -> dict[str, Any]:
        listed = [
            [
                r["rule_id"],
                r["title"],
                ui(f"severity_short.{r['severity']}", lang),
                ui(f"outcome.{r['outcome']}", lang),
                r["subject_label"],
                r["message"],
                r["citation"],
                format_value(_date(r["due_date"]), lang) if r.get("due_date") else "",
            ]
            for r in entry.get("results") or []
            if r["outcome"] in TO_ACT_ON  # what the CSV findings file lists
        ]
        return {**{k: v for k, v in entry.items() if k != "results"}, "listed": listed}

    def _append(self, key: str, values: list[Any], bold: bool = False, indent: int = 0) -> None:
        sheet = self.sheets[key]
        cells = []
        for i, value in enumerate(values):
            cell = WriteOnlyCell(sheet, value=_clean(value))
            if isinstance(value, str):
                cell.data_type = "s"  # text, even when it starts with "="
            if bold:
                cell.font = Font(bold=True)
            if indent and i == 1:
                cell.alignment = Alignment(indent=indent)
            cells.append(cell)
        sheet.append(cells)
        self.rows[key] += 1
        self.widths[key] = max(self.widths[key], len(values))

    def _head(self, key: str, headers: list[str]) -> None:
        sheet = self.sheets[key]
        sheet.freeze_panes = "C2" if key == "matrix" else "A2"  # the matrix: number and name stay in view
        for i, width in enumerate(_WIDTHS.get(key, []), 1):
            sheet.column_dimensions[get_column_letter(i)].width = width
        self._append(key, headers, bold=True)

    def start(self) -> None:
        lang = self.lang
        self._head(
            "matrix",
            [ui("batch.col.no", lang), ui("batch.col.agency", lang), ui("batch.sum.level", lang)]
            + [ui("batch.col.file", lang)]
            + [ui(f"batch.col.{key}", lang) for key, _ in COLUMNS]
            + [ui("batch.col.verdict", lang)]
            + [ui(f"severity_short.{s}", lang) for s in SEVERITIES]
            + [ui("batch.col.error", lang)],
        )
        self._head(
            "findings",
            [ui(key, lang) for key in _FINDING_HEADERS],
        )

    def agency(self, entry: dict[str, Any]) -> None:
        lang = self.lang
        counts = (entry.get("counts") or {}).get("nonconformities_by_severity") or {}
        name = entry["name"] or entry["file"]
        self.spool.add(
            entry,
            [name, rows.level_name(entry["level"] or "unknown", lang), entry["file"]]
            + [rows.cell(entry, key, lang, symbols=False) for key, _ in COLUMNS]
            + [rows.verdict_cell(entry, lang)]
            + [counts.get(s) for s in SEVERITIES]
            + [entry["error"] or ""],
        )
        for row in entry.get("listed") or []:
            self._append("findings", [name, entry.get("parent") or "", *row])

    def _matrix(self) -> None:
        """The matrix sheet: each level of government under its heading, units under their parent, a totals
        row per level and the grand total (:mod:`.province`)."""
        lang, totals = self.lang, self.spool.totals
        blank = [""] * (len(COLUMNS) + 4 + len(SEVERITIES))
        for place, (section, lines) in enumerate(self.spool.sections(), 1):
            self._append("matrix", ["", province.section_heading(section, place, lang)], bold=True)
            for line, rec in lines:
                if rec is None:
                    self._append("matrix", [line.number, line.group], bold=True)
                else:
                    self._append("matrix", [line.number, *rec], indent=2 * line.depth)
            total = totals.row(section, lang)
            if total:
                self._append("matrix", self._total(total), bold=True)
        whole = totals.row(None, lang)
        self._append("matrix", self._total(whole) if whole and self.spool.layout.present() else blank, bold=True)

    @staticmethod
    def _total(row: list[str]) -> list[Any]:
        """A totals row in the matrix sheet's columns (no level, no file; nonconformities as numbers)."""
        return [row[0], row[1], "", "", *row[2:-1], *(int(n) for n in row[-1].split("/")), ""]

    def end(self, summary: BatchSummary) -> None:
        try:
            self._workbook(summary)
        finally:
            self.spool.close()

    def _workbook(self, summary: BatchSummary) -> None:
        lang = self.lang
        self._matrix()
        self._head("summary", rows.summary_headers(lang))
        for row in rows.summary_rows(summary.by_level, lang):
            self._append("summary", [int(c) if isinstance(c, str) and c.isdigit() else c for c in row])
        filtered = self.rows["summary"]
        if summary.baseline is not None:
            self._append("summary", [])
            self._append("summary", [rows.changes_title(self.header.baseline_file, summary.baseline, lang)], bold=True)
        for key, sheet in self.sheets.items():
            last = filtered if key == "summary" else self.rows[key]
            sheet.auto_filter.ref = f"A1:{get_column_letter(max(self.widths[key], 1))}{max(last, 1)}"
        self.book.save(self.out)


def _date(text: str):
    import datetime as dt

    return dt.date.fromisoformat(text)


def _clean(value: Any) -> Any:
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value
