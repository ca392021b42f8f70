"""The province's yearly summary as a Word document (``batch --format docx -o FILE``): TT26 Điều 38 khoản 1
— in November the provincial Chi cục TĐC sums up the year's inspections for the Sở KH&CN to report to
the provincial People's Committee, "về kết quả kiểm tra và kiến nghị các biện pháp xử lý".

The report: the national heading, its title and year, what it rests on (Điều 38), I. the results by
administrative level (the batch summary, then "x/N" per matrix column), II. the nonconformities found most
often (by rule, with the number of agencies), III. the result of each agency in the provincial layout
(:mod:`.province`: by level of government, units under their parent, a totals row per level), IV. the
proposals (the agencies with nonconformities to correct, those that sent no report, the files that could
not be checked), and the signature block of whoever drafts it (left blank to fill in). Laid out as the
inspection minutes are (:mod:`isocheck.report.minutes.layout`, Nghị định 30/2020/NĐ-CP). A Word document
is built in memory without the agencies' rows, which wait on disk (:class:`~.base.Spool`) until the summary is
known and are then written into the saved document one at a time (:mod:`.docx_rows`).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from isocheck.pack.rules import SEVERITIES
from isocheck.report.batch import docx_rows, province, rows
from isocheck.report.batch.base import BatchFormat, BatchSummary, Spool
from isocheck.report.minutes import layout as lay
from isocheck.report.minutes.words import BLANK, w
from isocheck.text.catalog import pairs
from isocheck.text.ui import format_value, pick, ui

_WORDS: dict[str, tuple[str, str]] = pairs("words:batch_docx.")  # (vi, en) by key, from the gettext catalog


def _w(key: str, lang: str, **values: Any) -> str:
    return pick(_WORDS[key], lang).format(**values)


class DocxFormat(BatchFormat):
    results = True  # the workers render the findings to act on; prepare keeps the nonconforming rules
    non_pass_only = True
    binary = True

    def __init__(self, out, header):
        super().__init__(out, header)
        self.spool = Spool(header.profile == "pre-announcement")
        self.by_rule: dict[str, int] = {}  # agencies failing each rule (an agency comes once: a count, not its files)
        self.titles: dict[str, str] = {}
        self.correct: list[str] = []
        self.no_report: list[str] = []
        self.bad_files = 0
        self.count = 0

    @staticmethod
    def prepare(entry: dict[str, Any], lang: str) -> dict[str, Any]:
        failing = {r["rule_id"]: r["title"] for r in entry.get("results") or [] if r["outcome"] == "fail"}
        return {**{k: v for k, v in entry.items() if k != "results"}, "failing": failing}

    def agency(self, entry: dict[str, Any]) -> None:
        lang = self.lang
        self.count += 1
        name = entry["name"] or entry["file"]
        if entry["status"] != "checked":
            self.bad_files += 1
        for rule_id, title in (entry.get("failing") or {}).items():
            self.by_rule[rule_id] = self.by_rule.get(rule_id, 0) + 1
            self.titles[rule_id] = title
        if entry.get("failing"):
            self.correct.append(name)
        if (entry.get("matrix") or {}).get("report") == "no":
            self.no_report.append(name)
        counts = (entry.get("counts") or {}).get("nonconformities_by_severity") or {}
        verdict = ui(f"batch.verdict.{entry['verdict']}", lang)
        self.spool.add(entry, [name, verdict, *(str(counts.get(s, "")) for s in SEVERITIES)])

    def end(self, summary: BatchSummary) -> None:
        try:
            docx_rows.write_package(self._document(summary), self.out, self._rows)
        finally:
            self.spool.close()

    def _document(self, summary: BatchSummary) -> bytes:
        lang = self.lang
        document = docx.Document()
        lay.setup(document)
        document.core_properties.author = "isocheck"
        document.core_properties.language = lang
        self._heading(document)
        lay.paragraph(
            document,
            _w("ground", lang, as_of=format_value(self.header.as_of, lang), count=self.count,
               version=self.header.rules_version),
            indent=True,
        )  # fmt: skip
        lay.heading(document, _w("part1", lang))
        summary_rows = [[str(c) for c in row] for row in rows.summary_rows(summary.by_level, lang)]
        widths = [35] + [130 / (len(summary_rows[0]) - 1)] * (len(summary_rows[0]) - 1)
        lay.grid(document, rows.summary_headers(lang), summary_rows, widths)
        lay.paragraph(document, ui("batch.totals.title", lang), bold=True, align="left", after=2)
        self._totals(document)
        lay.paragraph(document, province.totals_note(lang), italic=True, align="left", after=6)
        lay.heading(document, _w("part2", lang))
        frequent = sorted(self.by_rule.items(), key=lambda item: (-item[1], item[0]))
        if frequent:
            table = [[str(i), self.titles[r], str(count)] for i, (r, count) in enumerate(frequent, 1)]
            headers = [ui("batch.col.no", lang), _w("col.rule", lang), _w("col.agencies", lang)]
            lay.grid(document, headers, table, [12, 128, 25])
        else:
            lay.paragraph(document, _w("none_found", lang), indent=True)
        lay.heading(document, _w("part3", lang))
        headers = [ui("batch.col.no", lang), ui("batch.col.agency", lang), ui("batch.col.verdict", lang)]
        headers += [ui(f"severity_short.{s}", lang) for s in SEVERITIES]
        for place, (section, _) in enumerate(self.spool.sections(), 1):
            heading = province.section_heading(section, place, lang)
            lay.paragraph(document, heading, bold=True, align="left", after=2).paragraph_format.keep_with_next = True
            samples = [docx_rows.sample(place, kind, len(headers)) for kind in docx_rows.KINDS]
            grid = lay.grid(document, headers, samples, [12, 78, 36, 13, 13, 13])  # rows: docx_rows.write_package
            _, unit, group, total = grid.rows[1:]
            unit.cells[1].paragraphs[0].paragraph_format.left_indent = Mm(5)
            lay.span_bold(group)
            _bold(total)
        lay.heading(document, _w("part4", lang))
        self._proposals(document)
        self._signature(document)
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()

    def _rows(self, place: int) -> Iterator[tuple[str, list[str]]]:
        """The rows of the ``place``-th section of part III, read back from the spool: (kind, cells)."""
        lang = self.lang
        section, lines = list(self.spool.sections())[place - 1]
        for line, record in lines:
            kind = "group" if line.ref is None else "unit" if line.depth else "agency"
            yield kind, [line.number, *(record or [line.group, "", "", "", ""])]
        total = self.spool.totals.row(section, lang)
        if total:
            yield "total", ["", total[1], total[-2], *total[-1].split("/")]

    def _totals(self, document) -> None:
        """ "x/N" per matrix column, one row per column and one column per level (portrait: the levels are few)."""
        lang = self.lang
        totals = self.spool.totals.rows(lang)
        headers = [ui("batch.totals.column", lang), *(row[1] for row in totals)]
        body = [[name, *(row[i] for row in totals)] for i, name in enumerate(rows.matrix_headers(lang)[2:], 2)]
        width = (lay.TEXT_WIDTH_MM - 45) / len(totals)
        table = lay.grid(document, headers, body, [45] + [width] * len(totals))
        for row in table.rows[1:]:
            for paragraph in (c.paragraphs[0] for c in row.cells[1:]):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            row.cells[-1].paragraphs[0].runs[0].bold = True

    def _heading(self, document) -> None:
        lang = self.lang
        left_mm, right_mm = 70, lay.TEXT_WIDTH_MM - 70
        table = lay.two_columns(document, (left_mm, right_mm))
        left, right = table.rows[0].cells
        lay.rule(lay.cell_line(left, _w("body", lang), bold=True, size=12), 28, left_mm)
        lay.cell_line(right, w("nation", lang), bold=True, size=12)
        lay.rule(lay.cell_line(right, w("motto", lang), bold=True, size=13), 62, right_mm)
        title = lay.paragraph(document, _w("title", lang), bold=True, size=14, align="center", after=0)
        title.paragraph_format.space_before = lay.Pt(18)
        lay.paragraph(document, _w("subtitle", lang, year=self.header.year), bold=True, align="center", after=12)

    def _proposals(self, document) -> None:
        lang = self.lang
        said = False
        for key, names in (("propose.correct", self.correct), ("propose.report", self.no_report)):
            if names:
                lay.paragraph(document, "- " + _w(key, lang, count=len(names), names="; ".join(names)), indent=True)
                said = True
        if self.bad_files:
            lay.paragraph(document, "- " + _w("propose.files", lang, count=self.bad_files), indent=True)
            said = True
        if not said:
            lay.paragraph(document, _w("propose.nothing", lang), indent=True)

    def _signature(self, document) -> None:
        lang = self.lang
        table = lay.two_columns(document, (lay.TEXT_WIDTH_MM / 2, lay.TEXT_WIDTH_MM / 2), keep=True)
        right = table.rows[0].cells[1]
        lay.cell_line(right, _w("signer", lang), bold=True)
        lay.cell_line(right, _w("sign_note", lang), italic=True)
        for _ in range(4):
            lay.cell_line(right, "")
        lay.cell_line(right, BLANK)


def _bold(row) -> None:
    """A totals row in bold."""
    for cell in row.cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True
