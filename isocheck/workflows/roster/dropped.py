"""What an import leaves out, and the one summary of it (instead of a warning per cell).

A real provincial roster marks most duties without dates and mixes heading rows, notes columns and versions
"đang chuyển đổi" among the agencies: every such cell or row becomes a :class:`Dropped` (row, column, reason),
and :func:`summary_lines` groups them by column and reason, listing the rows, in the chosen language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from isocheck.text.problems import Problem

MAX_ROWS_LISTED = 8


@dataclass(frozen=True)
class Dropped:
    """A cell left out (``column`` = its header) or a whole row not imported (``row_level``), with why."""

    file: str
    line: int
    column: str | None
    reason: str  # a drop.* key of the message catalogue
    params: dict[str, Any] = field(default_factory=dict)
    row_level: bool = False
    kept: bool = False  # not left out: written as a mark of the roster year (held, date unknown)

    def text(self, lang: str = "en") -> str:
        """One line: ``file:row: column: reason`` (what a test or a log wants of one drop)."""
        where = f"{self.file}:{self.line}" + (f": {self.column}" if self.column else "")
        return f"{where}: {Problem(self.reason, **self.params).text(lang)}"


Warn = Callable[[Dropped], None]


def _count(n: int, unit: str, lang: str) -> str:
    return Problem(f"drop.{unit}_one").text(lang) if n == 1 else Problem(f"drop.{unit}_many", count=n).text(lang)


def _where(lines: list[int], lang: str) -> str:
    lines = sorted(set(lines))
    shown = ", ".join(str(n) for n in lines[:MAX_ROWS_LISTED])
    if len(lines) > MAX_ROWS_LISTED:
        return Problem("drop.where_more", lines=shown, more=len(lines) - MAX_ROWS_LISTED).text(lang)
    return Problem("drop.where_one" if len(lines) == 1 else "drop.where_many", lines=shown).text(lang)


def summary_lines(dropped: list[Dropped], lang: str) -> list[str]:
    """The summary: a first line with the counts, then one line per (column, reason) with its rows.
    Empty when nothing was dropped and nothing was written as a mark."""
    if not dropped:
        return []
    marks = sum(1 for d in dropped if d.kept)
    cells = [d for d in dropped if not d.row_level and not d.kept]
    rows = {(d.file, d.line) for d in dropped if d.row_level}
    parts = [
        Problem(f"drop.summary_{unit}", **{unit: _count(n, "rows" if unit == "rows" else "cells", lang)}).text(lang)
        for unit, n in (("cells", len(cells)), ("rows", len(rows)), ("marks", marks))
        if n
    ]
    head = "; ".join(parts) + ":"
    groups: dict[tuple[str | None, str, str], list[int]] = {}
    for d in dropped:
        reason = Problem(d.reason, **d.params).text(lang)
        if d.kept:
            reason = Problem("drop.kept_as_mark", reason=reason).text(lang)
        groups.setdefault((d.column, reason, "row" if d.row_level else "cell"), []).append(d.line)
    lines = [head]
    for (column, reason, unit), where in groups.items():
        count = _count(len(where), "rows" if unit == "row" else "cells", lang)
        lines.append(f"  - {column + ': ' if column else ''}{reason} — {count} ({_where(where, lang)})")
    return lines
