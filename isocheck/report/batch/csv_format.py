"""The batch as CSV (``--format csv``): one row per agency, streamed in file order.

Marks are words, the file is UTF-8 with a byte-order mark so spreadsheet programs read Vietnamese, cells
are separated by ";" (the list separator of Excel under Vietnamese regional settings, where "," is the
decimal mark; ``--csv-delimiter ,`` for others), and every text cell is neutralised against formula
injection (:func:`isocheck.report.escape.csv_cell`). With ``--baseline``, three more columns give the
findings new since the baseline, resolved since, and the number remaining.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from isocheck.pack.rules import SEVERITIES
from isocheck.report.batch import rows
from isocheck.report.batch.base import BatchFormat
from isocheck.report.escape import csv_cell
from isocheck.text.ui import ui
from isocheck.workflows.matrix import COLUMNS


class CsvFormat(BatchFormat):
    def __init__(self, out, header):
        super().__init__(out, header)
        self.buffer = io.StringIO()
        self.writer = csv.writer(self.buffer, lineterminator="\n", delimiter=header.csv_delimiter)
        self.baseline = header.baseline_file is not None

    def _row(self, cells: list[Any]) -> None:
        self.writer.writerow([csv_cell(c) for c in cells])
        self.write(self.buffer.getvalue())
        self.buffer.seek(0)
        self.buffer.truncate()

    def start(self) -> None:
        lang = self.lang
        self.write("\ufeff")
        self._row(
            [ui("batch.sum.level", lang), ui("batch.col.agency", lang), ui("batch.col.file", lang)]
            + [ui(f"batch.col.{key}", lang) for key, _ in COLUMNS]
            + [ui("batch.col.verdict", lang)]
            + [ui(f"severity_short.{s}", lang) for s in SEVERITIES]
            + [ui("batch.col.error", lang)]
            + (rows.change_headers(lang)[1:] if self.baseline else [])
        )

    def agency(self, entry: dict[str, Any]) -> None:
        lang = self.lang
        counts = (entry.get("counts") or {}).get("nonconformities_by_severity") or {}
        self._row(
            [rows.level_name(entry["level"] or "unknown", lang), entry["name"] or "", entry["file"]]
            + [rows.cell(entry, key, lang, symbols=False) for key, _ in COLUMNS]
            + [ui(f"batch.verdict.{entry['verdict']}", lang)]
            + [counts.get(s, "") for s in SEVERITIES]
            + [entry["error"] or ""]
            + (self._changes(entry) if self.baseline else [])
        )

    def _changes(self, entry: dict[str, Any]) -> list[str]:
        c = entry.get("changes")
        if not c:
            return ["", "", ""]
        if c.get("unknown"):
            return ["", "", ui("batch.mark.unknown", self.lang)]
        titles = self.header.rule_titles
        new, resolved = ("\n".join(rows.finding_label(f, titles, self.lang) for f in c[k]) for k in ("new", "resolved"))
        return [new, resolved, str(len(c["remaining"]))]
