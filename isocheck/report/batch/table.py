"""The batch as a terminal table (``--format table``) and as Markdown (``--format md``).

Both show the title, the summary by level, one matrix per level of government as a provincial report
has it (:mod:`.province`: units under their parent, numbered "3.1" under "3", a "x/N" totals row), the
totals of every level, the legend, the files that could not be checked and, with a baseline, the changes.
The summary comes first but is known last, so agencies are spooled (:class:`~.base.Spool`) and the
document is written at the end. Every cell is escaped for its medium: no control character reaches a
terminal; Markdown escapes ``|``, HTML and its own marks.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from typing import Any

from tabulate import tabulate

from isocheck.report.batch import province, rows
from isocheck.report.batch.base import BatchFormat, BatchSummary, Spool
from isocheck.report.batch.grid import Widths, github_rows, grid_rows
from isocheck.report.escape import markdown_cell, printable
from isocheck.text.ui import ui

_NAME_WIDTH = 40
_UNDER = "↳ "  # a unit listed under its parent


class TableFormat(BatchFormat):
    """The terminal table (tabulate's ``simple_grid`` layout)."""

    tablefmt = "simple_grid"
    maxwidths: tuple[int | None, ...] = (None, _NAME_WIDTH)

    def __init__(self, out, header):
        super().__init__(out, header)
        self.spool = Spool(header.profile == "pre-announcement")
        self.widths: dict[str, Widths] = {}
        self.changes = Widths([self.text(h) for h in rows.change_headers(self.lang)])
        self.problems = 0

    def text(self, value: str) -> str:
        return printable(value, multiline=True)

    def agency(self, entry: dict[str, Any]) -> None:
        section = province.section_of(entry)
        row = [self.text(c) for c in rows.matrix_row(entry, 0, self.lang)]
        row[0] = ""
        if province.Layout.under_parent(entry):
            row[1] = _UNDER + row[1]
        self._widths(section).add(row)
        problem = rows.problem_line(entry)
        self.problems += problem is not None
        change = rows.change_row(entry, self.lang, self.header.rule_titles)
        if change is not None:
            change = [self.text(c) for c in change]
            self.changes.add(change)
        self.spool.add(entry, [row, problem, change])

    def _widths(self, section: str) -> Widths:
        widths = self.widths.get(section)
        if widths is None:
            headers = [self.text(h) for h in rows.matrix_headers(self.lang)]
            widths = self.widths[section] = Widths(headers, self.maxwidths)
        return widths

    def end(self, summary: BatchSummary) -> None:
        try:
            self._document(summary)
        finally:
            self.spool.close()

    def _document(self, summary: BatchSummary) -> None:
        lang = self.lang
        title = rows.title_lines(self.header, lang) + rows.summary_lines(self.header, summary.by_level, lang)
        self.heading_lines([self.text(t) for t in title])
        ready = self.header.profile == "pre-announcement"
        table = tabulate(
            rows.summary_rows(summary.by_level, lang, ready),
            rows.summary_headers(lang, ready),
            tablefmt=self.tablefmt,
            disable_numparse=True,
        )
        self.write(f"\n{self.section(ui('batch.summary', lang), 2)}\n{table}\n")
        for place, (section, lines) in enumerate(self.spool.sections(), 1):
            widths = self.widths[section]
            for line in self.spool.layout.lines(section):  # the index only: group rows and numbers, measured
                widths.add([self.text(c) for c in province.group_row(line)])
            section_total = self.spool.totals.row(section, lang)
            total = [[self.text(c) for c in section_total]] if section_total else []
            for row in total:
                widths.add(row)
            self.write(f"\n{self.section(province.section_heading(section, place, lang), 2)}\n")
            self.lines(self.table_rows(widths, itertools.chain(self._numbered(lines), total)))
        self.write(f"\n{self.section(ui('batch.totals.title', lang), 2)}\n")
        headers = [ui("batch.sum.level", lang), *rows.matrix_headers(lang)[2:]]
        totals = [[self.text(c) for c in row[1:]] for row in self.spool.totals.rows(lang)]
        self.write(tabulate(totals, [self.text(h) for h in headers], tablefmt=self.tablefmt, disable_numparse=True))
        self.write(f"\n\n{self.text(province.totals_note(lang))}\n")
        self.write(f"\n{self.text(rows.legend(lang))}\n")
        if self.problems:
            self.write(f"\n{self.text(rows.problems_title(self.problems, lang))}\n")
            self.lines(self.problem_item(rec[1]) for rec in self.spool.all() if rec[1] is not None)
        if summary.baseline is not None:
            self.write(f"\n{self.text(rows.changes_title(self.header.baseline_file, summary.baseline, lang))}\n")
            changes = (rec[2] for rec in self.spool.all() if rec[2] is not None)
            first = next(changes, None)
            if first is not None:
                self.lines(self.table_rows(self.changes, itertools.chain([first], changes)))

    def _numbered(self, lines) -> Iterator[list[str]]:
        for line, rec in lines:
            yield [self.text(c) for c in province.group_row(line)] if rec is None else [line.number, *rec[0][1:]]

    def heading_lines(self, title: list[str]) -> None:
        self.write("".join(f"{line}\n" for line in title))

    def section(self, text: str, depth: int) -> str:
        return self.text(text)

    def problem_item(self, line: str) -> str:
        return self.text(line)

    def table_rows(self, widths: Widths, rows) -> Any:
        return grid_rows(widths, rows)

    def lines(self, lines) -> None:
        write: Callable[[str], None] = self.write
        for line in lines:
            write(line + "\n")


class MarkdownFormat(TableFormat):
    """The same document in Markdown: headings, pipe tables (one line per cell), escaped text."""

    tablefmt = "github"
    maxwidths: tuple[int | None, ...] = (None, None)

    def text(self, value: str) -> str:
        return markdown_cell(value)

    def _numbered(self, lines) -> Iterator[list[str]]:
        for line, rec in lines:
            yield [self.text(c) for c in province.group_row(line)] if rec is None else [line.number, *rec[0][1:]]

    def heading_lines(self, title: list[str]) -> None:
        self.write(f"# {title[0]}\n\n" + "".join(f"{line}\n\n" for line in title[1:]).rstrip("\n") + "\n")

    def section(self, text: str, depth: int) -> str:
        return f"{'#' * depth} {markdown_cell(text)}\n"

    def problem_item(self, line: str) -> str:
        return f"- {markdown_cell(line)}"

    def table_rows(self, widths: Widths, rows) -> Any:
        return github_rows(widths, rows)
