"""Codes that must be unique in one agency's fact file: each TTHC (administrative procedure) is listed once.

A TTHC listed twice is a copy-and-paste slip that would count the procedure twice (and give two
findings the same subject); the error names the second entry's line and the first one's. It runs
after the schema (:func:`isocheck.facts.model.validate_agency`), on codes already normalised to NFC
and stripped, so ``1.001193`` and ``1.001193 `` are the same code.
"""

from __future__ import annotations

from typing import Any

from isocheck.base.errors import InputError
from isocheck.facts.positions import position_of
from isocheck.text.problems import Problem


def check_unique_codes(agency: Any, file: str, lines: dict) -> None:
    """Raise :class:`InputError` for the first TTHC code listed twice (counting the others)."""
    first: dict[str, int] = {}
    repeats: list[tuple[int, int]] = []  # (index of the repeat, index of the first)
    for i, procedure in enumerate(agency.procedures or []):
        if procedure.code in first:
            repeats.append((i, first[procedure.code]))
        else:
            first[procedure.code] = i
    if not repeats:
        return
    i, j = repeats[0]
    line, column = position_of(lines, ("procedures", i, "code"), value=True)
    first_line, _ = position_of(lines, ("procedures", j, "code"), value=True)
    where = Problem("at.line", line=first_line) if first_line is not None else f"procedures[{j}]"
    problem = Problem("procedures.duplicate_code", code=agency.procedures[i].code, first=where)
    if len(repeats) > 1:
        problem = Problem("more.one" if len(repeats) == 2 else "more.many", problem=problem, count=len(repeats) - 1)
    raise InputError(file, problem, f"procedures[{i}].code", line, column)
