"""How a report says a province overlay was applied: one header line, and a table of what it changed (each
change with its decision, the reason, and whether the decision is in force on the as-of date)."""

from __future__ import annotations

from tabulate import tabulate

from isocheck.text.catalog import pairs
from isocheck.text.ui import pick

_WORDS: dict[str, tuple[str, str]] = pairs("words:overlay.")  # (vi, en) by key, from the gettext catalog


def word(key: str, lang: str) -> str:
    return pick(_WORDS[key], lang)


def header_line(tailoring, lang: str) -> str:
    """ "Lớp bổ sung của tỉnh: Lớp bổ sung của tỉnh Hà Tĩnh (ha-tinh 0.1.0) — VÍ DỤ…" (empty without an overlay)."""
    return f"{word('applied', lang)}: {tailoring.title(lang)}" if tailoring is not None else ""


def changes_lines(tailoring, lang: str) -> list[str]:
    """The changes as a titled table (nothing without an overlay)."""
    if tailoring is None:
        return []
    rows = [[c.target, c.describe(lang), c.decision.format(lang), c.reason.get(lang)] for c in tailoring.changes]
    headers = [word(f"col.{k}", lang) for k in ("target", "change", "decision", "reason")]
    table = tabulate(rows, headers=headers, tablefmt="grid", maxcolwidths=[30, 30, 36, 50], disable_numparse=True)
    return [word("title", lang), table if rows else word("none", lang)]
