"""The batch as a terminal table (``--format table``) and as Markdown (``--format md``).

Both show the title, the summary by level, one matrix per level (agencies sorted by name, numbered
within the level), the legend, the files that could not be checked and, with a baseline, the changes.
The summary comes first but is known last, so agencies are spooled (:class:`~.base.Spool`) and the
document is written at the end. Every cell is escaped for its medium: no control character reaches a
terminal; Markdown escapes ``|``, HTML and its own marks.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from tabulate import tabulate

from isocheck.report.batch import rows
from isocheck.report.batch.base import BatchFormat, BatchSummary, Spool
from isocheck.report.batch.grid import Widths, github_rows, grid_rows
from isocheck.report.escape import markdown_cell, printable
from isocheck.text.ui import ui

_NAME_WIDTH = 40


class TableFormat(BatchFormat):
    """The terminal table (tabulate's ``simple_grid`` layout)."""

    tablefmt = "simple_grid"
    maxwidths: tuple[int | None, ...] = (None, _NAME_WIDTH)

    def __init__(self, out, header):
        super().__init__(out, header)
        self.spool = Spool()
        self.widths: dict[str, Widths] = {}
        self.counts: dict[str, int] = {}
        self.changes = Widths([self.text(h) for h in rows.change_headers(self.lang)])
        self.problems = 0

    def text(self, value: str) -> str:
        return printable(value, multiline=True)

    def agency(self, entry: dict[str, Any]) -> None:
        level = entry["level"] or "unknown"
        row = [self.text(c) for c in rows.matrix_row(entry, 0, self.lang)]
        row[0] = ""
        widths = self.widths.get(level)
        if widths is None:
            widths = self.widths[level] = Widths([self.text(h) for h in rows.matrix_headers(self.lang)], self.maxwidths)
        widths.add(row)
        self.counts[level] = self.counts.get(level, 0) + 1
        problem = rows.problem_line(entry)
        self.problems += problem is not None
        change = rows.change_row(entry, self.lang, self.header.rule_titles)
        if change is not None:
            change = [self.text(c) for c in change]
            self.changes.add(change)
        self.spool.add(entry, [row, problem, change])

    def end(self, summary: BatchSummary) -> None:
        try:
            self._document(summary)
        finally:
            self.spool.close()

    def _document(self, summary: BatchSummary) -> None:
        lang = self.lang
        title = [self.text(t) for t in rows.title_lines(self.header, lang)]
        self.heading_lines(title)
        table = tabulate(
            rows.summary_rows(summary.by_level, lang),
            rows.summary_headers(lang),
            tablefmt=self.tablefmt,
            disable_numparse=True,
        )
        self.write(f"\n{self.section(ui('batch.summary', lang), 2)}\n{table}\n")
        for level, records in self.spool.by_level():
            widths = self.widths[level]
            widths.widths[0] = max(widths.widths[0], len(str(self.counts[level])))
            numbered = ([str(n), *rec[0][1:]] for n, rec in enumerate(records, 1))
            self.write(f"\n{self.section(rows.level_name(level, lang).upper(), 2)}\n")
            self.lines(self.table_rows(widths, numbered))
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

    def heading_lines(self, title: list[str]) -> None:
        self.write(f"{title[0]}\n{title[1]}\n")

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

    def heading_lines(self, title: list[str]) -> None:
        self.write(f"# {title[0]}\n\n{title[1]}\n")

    def section(self, text: str, depth: int) -> str:
        return f"{'#' * depth} {markdown_cell(text)}\n"

    def problem_item(self, line: str) -> str:
        return f"- {markdown_cell(line)}"

    def table_rows(self, widths: Widths, rows) -> Any:
        return github_rows(widths, rows)
