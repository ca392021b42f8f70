"""The batch as CSV (``--format csv``): one row per agency, streamed in file order, with the body it belongs to
(ten units named "Văn phòng" are told apart by their Sở).

Marks are words, the file is UTF-8 with a byte-order mark so spreadsheet programs read Vietnamese, cells
are separated by ";" (the list separator of Excel under Vietnamese regional settings, where "," is the
decimal mark; ``--csv-delimiter ,`` for others), and every text cell is neutralised against formula
injection (:func:`isocheck.report.escape.csv_cell`). With ``--baseline``, three more columns give the
findings new since the baseline, resolved since, and the number remaining.

With ``-o out.csv`` the findings go beside the matrix, in ``out.findings.csv`` (:meth:`BatchFormat.companion_path`):
one row per agency and result to act on (a nonconformity, a rule error, a result not evaluable for missing facts,
a duty not yet due, a waived one — never a pass or a rule that does not apply) — agency, parent, level, file, rule,
outcome, severity, citation, message, evidence, how to fix — with the same separator, byte-order mark and escaping.
Workers send only those results (``non_pass_only``) already reduced to rows (:meth:`CsvFormat.prepare`); the parent
writes each agency's rows as it arrives and keeps nothing. Both files are written atomically by the CLI.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
from typing import Any

from isocheck.facts.missing import missing_text
from isocheck.pack.rules import SEVERITIES
from isocheck.report.batch import rows
from isocheck.report.batch.base import BatchFormat
from isocheck.report.escape import csv_cell
from isocheck.text.ui import format_value, ui
from isocheck.workflows.matrix import COLUMNS


class CsvFormat(BatchFormat):
    results = True  # for the findings file (only when there is one: the CLI asks for none without -o)
    non_pass_only = True
    companion_suffix = ".findings"

    def __init__(self, out, header):
        super().__init__(out, header)
        self.buffer = io.StringIO()
        self.writer = csv.writer(self.buffer, lineterminator="\n", delimiter=header.csv_delimiter)
        self.baseline = header.baseline_file is not None

    @staticmethod
    def prepare(entry: dict[str, Any], lang: str) -> dict[str, Any]:
        """In the worker: the results to act on as the findings file's cells (rule to fix)."""
        findings = [
            [
                r["rule_id"],
                ui(f"outcome.{r['outcome']}", lang),
                ui(f"severity_short.{r['severity']}", lang),
                r["citation"],
                r["message"],
                _evidence(r, lang),
                r["remediation"],
            ]
            for r in entry.get("results") or []
        ]
        return {**{k: v for k, v in entry.items() if k != "results"}, "findings": findings}

    def _row(self, cells: list[Any], out=None) -> None:
        self.writer.writerow([csv_cell(c) for c in cells])
        (out or self.out).write(self.buffer.getvalue().encode("utf-8"))
        self.buffer.seek(0)
        self.buffer.truncate()

    def start(self) -> None:
        lang = self.lang
        if self.companion is not None:
            self.companion.write("\ufeff".encode())
            self._row([ui(k, lang) for k in FINDINGS_HEADERS], self.companion)
        self.write("\ufeff")
        self._row(
            [ui("batch.sum.level", lang), ui("batch.col.agency", lang), ui("batch.col.parent", lang)]
            + [ui("batch.col.file", lang)]
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
            [rows.level_name(entry["level"] or "unknown", lang), entry["name"] or "", entry.get("parent") or ""]
            + [entry["file"]]
            + [rows.cell(entry, key, lang, symbols=False) for key, _ in COLUMNS]
            + [rows.verdict_cell(entry, lang)]
            + [counts.get(s, "") for s in SEVERITIES]
            + [entry["error"] or ""]
            + (self._changes(entry) if self.baseline else [])
        )
        if self.companion is not None:
            if "results" in entry:  # not prepared in a worker
                entry = self.prepare(entry, lang)
            level = rows.level_name(entry["level"] or "unknown", lang)
            who = [entry["name"] or "", entry.get("parent") or "", level, entry["file"]]
            for finding in entry.get("findings") or []:
                self._row(who + finding, self.companion)

    def _changes(self, entry: dict[str, Any]) -> list[str]:
        c = entry.get("changes")
        if not c:
            return ["", "", ""]
        if c.get("unknown"):
            return ["", "", ui("batch.mark.unknown", self.lang)]
        titles = self.header.rule_titles
        new, resolved = ("\n".join(rows.finding_label(f, titles, self.lang) for f in c[k]) for k in ("new", "resolved"))
        return [new, resolved, str(len(c["remaining"]))]


FINDINGS_HEADERS: tuple[str, ...] = ("batch.col.agency", "batch.col.parent", "batch.sum.level", "batch.col.file")
FINDINGS_HEADERS += ("col.rule", "col.outcome", "col.severity", "col.citation", "col.message", "batch.col.evidence")
FINDINGS_HEADERS += ("batch.col.fix",)


def _evidence(result: dict[str, Any], lang: str) -> str:
    """A result's evidence in one cell: the facts missing, each with its meaning (not evaluable), else the facts it
    read."""
    evidence = result["evidence"]
    if evidence["missing"]:
        missing = "; ".join(missing_text(path, lang) for path in evidence["missing"])
        return f"{ui('col.missing', lang)}: {missing}"
    return "; ".join(f"{k}: {_text(v, lang)}" for k, v in evidence["facts"].items())


def _text(value: Any, lang: str) -> str:
    """A fact value as the reports write it (a date dd/mm/yyyy in Vietnamese, có/không)."""
    if isinstance(value, list):
        return ", ".join(_text(v, lang) for v in value) if value else "—"
    if isinstance(value, str) and len(value) == 10:
        with contextlib.suppress(ValueError):
            return format_value(dt.date.fromisoformat(value), lang)
    return format_value(value, lang)
