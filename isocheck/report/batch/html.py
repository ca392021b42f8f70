"""The batch as one self-contained HTML page (``--format html``): the same sections as the table.

Agencies are spooled (the summary comes first) and the page is written at the end, one table row at a
time. Every text is escaped with ``html.escape``, control characters removed. The page inlines the
single-agency report's style sheet (``report.css``).
"""

from __future__ import annotations

import html
import itertools
from typing import Any

from isocheck.report.batch import rows
from isocheck.report.batch.base import BatchFormat, BatchSummary, Spool
from isocheck.report.escape import printable
from isocheck.report.templating import packaged_text
from isocheck.text.ui import ui

# the single-agency report's style sheet, and the matrix's centred mark columns
_CSS = (
    str(packaged_text("report.css")) + "\ntable.matrix td:nth-child(n+3) { text-align: center; white-space: nowrap; }\n"
)


def _e(text: str) -> str:
    return html.escape(printable(text, multiline=True)).replace("\n", "<br>")


def _head(headers: list[str], cls: str) -> str:
    return (
        f'<table class="{cls}">\n<thead><tr>' + "".join(f"<th>{_e(h)}</th>" for h in headers) + "</tr></thead>\n<tbody>"
    )


def _tr(cells: list[str]) -> str:
    return "<tr>" + "".join(f"<td>{_e(c)}</td>" for c in cells) + "</tr>"


class HtmlFormat(BatchFormat):
    def __init__(self, out, header):
        super().__init__(out, header)
        self.spool = Spool()
        self.problems = 0

    def agency(self, entry: dict[str, Any]) -> None:
        problem = rows.problem_line(entry)
        self.problems += problem is not None
        self.spool.add(
            entry,
            [rows.matrix_row(entry, 0, self.lang), problem, rows.change_row(entry, self.lang, self.header.rule_titles)],
        )

    def end(self, summary: BatchSummary) -> None:
        try:
            self._page(summary)
        finally:
            self.spool.close()

    def _lines(self, lines) -> None:
        for line in lines:
            self.write(line + "\n")

    def _page(self, summary: BatchSummary) -> None:
        lang = self.lang
        title = rows.title_lines(self.header, lang)
        self.write(
            f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{_e(title[0])}</title>\n'
            f"<style>{_CSS}</style>\n</head>\n<body>\n<h1>{_e(title[0])}</h1>\n<p>{_e(title[1])}</p>\n"
            f"<h2>{_e(ui('batch.summary', lang))}</h2>\n"
        )
        self._lines(
            [_head(rows.summary_headers(lang), "summary"), *map(_tr, rows.summary_rows(summary.by_level, lang))]
        )
        self.write("</tbody>\n</table>\n")
        for level, records in self.spool.by_level():
            self.write(f"<h2>{_e(rows.level_name(level, lang))}</h2>\n{_head(rows.matrix_headers(lang), 'matrix')}\n")
            self._lines(_tr([str(n), *rec[0][1:]]) for n, rec in enumerate(records, 1))
            self.write("</tbody>\n</table>\n")
        self.write(f'<p class="note">{_e(rows.legend(lang))}</p>\n')
        if self.problems:
            self.write(f"<h2>{_e(rows.problems_title(self.problems, lang))}</h2>\n<ul>\n")
            self._lines(f"<li><code>{_e(rec[1])}</code></li>" for rec in self.spool.all() if rec[1] is not None)
            self.write("</ul>\n")
        if summary.baseline is not None:
            self.write(f"<h2>{_e(rows.changes_title(self.header.baseline_file, summary.baseline, lang))}</h2>\n")
            changes = (rec[2] for rec in self.spool.all() if rec[2] is not None)
            self._lines([_head(rows.change_headers(lang), "changes")])
            self._lines(_tr(row) for row in itertools.chain(changes))
            self.write("</tbody>\n</table>\n")
        self.write("</body>\n</html>\n")
