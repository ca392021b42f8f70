"""Where a value is in its file: the line map of a parsed document, and field paths written as text.

A :class:`LineMap` maps field paths (``("announcements", 0, "date")``) to the 1-based line of the key
(of the item itself, in a list), with columns and the position of each scalar value; validation
errors use it to point at a line. ``path_text`` writes a path as ``announcements[0].date`` and
``loc_of`` reads it back.
"""

from __future__ import annotations

import re


class LineMap(dict):
    """Field path → 1-based line of its key (of the item itself, in a list); ``columns``: the 1-based
    column there; ``scalars``: ``(line, column)`` of each scalar value."""

    def __init__(self):
        super().__init__()
        self.columns: dict[tuple, int] = {}
        self.scalars: dict[tuple, tuple[int, int]] = {}

    def mark(self, path: tuple, mark) -> None:
        self[path], self.columns[path] = mark.line + 1, mark.column + 1


def path_text(path: tuple) -> str:
    """``("a", "b", 0, "c")`` -> ``a.b[0].c``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def loc_of(text: str) -> tuple:
    """The location of a field path written by :func:`path_text` (``a.b[0].c`` -> ``("a", "b", 0, "c")``)."""
    return tuple(int(index) if index else name for index, name in _PART.findall(text))


def position_of(lines: dict, loc: tuple, value: bool = False) -> tuple[int | None, int | None]:
    """``(line, column)`` of the deepest known node on ``loc`` (pydantic error locations); with ``value``,
    of the scalar value itself when ``loc`` names one."""
    loc = tuple(loc)
    scalars, columns = (lines.scalars, lines.columns) if isinstance(lines, LineMap) else ({}, {})
    if value and loc in scalars:
        return scalars[loc]
    while True:
        if loc in lines:
            return lines[loc], columns.get(loc)
        if not loc:
            return None, None
        loc = loc[:-1]


def line_of(lines: dict, loc: tuple) -> int | None:
    """The line of the deepest known node on ``loc`` (pydantic error locations)."""
    return position_of(lines, loc)[0]
