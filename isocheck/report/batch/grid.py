"""Tables written one row at a time, with column widths measured beforehand.

tabulate (used for the small tables) needs every row in memory to size its columns; a matrix of 20,000
agencies should not. :class:`Widths` measures the columns while the rows are spooled, then :func:`rows`
writes the table row by row in the same layout as tabulate's ``simple_grid`` (boxes, a line between
rows, two spaces of padding past each header, cells wrapped at the column's maximum width) or ``github``
(Markdown; no wrapping, a Markdown cell is one line). ``tests/test_batch_formats.py`` checks the grid
against tabulate's output. Cells are wrapped by tabulate's own text wrapper (``_CustomTextWrap``, a private
name of tabulate 0.9+; the standard library's wrapper where it is missing): the standard one breaks a long word
after a hyphen where tabulate fills the line, so the same cell would be laid out two ways.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Iterator, Sequence

import tabulate

_Wrapper = getattr(tabulate, "_CustomTextWrap", textwrap.TextWrapper)

GRID = {"top": "┌─┬┐", "head": "├─┼┤", "between": "├─┼┤", "bottom": "└─┴┘"}


def wrap(text: str, width: int | None) -> list[str]:
    if width is None:
        return text.split("\n") if text else [""]
    lines: list[str] = []
    for part in text.split("\n"):
        lines.extend(_Wrapper(width=width).wrap(part) or [""])
    return lines


class Widths:
    """The width of each column: its header plus two, or its widest (wrapped) cell line."""

    def __init__(self, headers: Sequence[str], maxwidths: Sequence[int | None] | None = None):
        self.headers = list(headers)
        self.maxwidths = list(maxwidths or [None] * len(headers))
        self.maxwidths += [None] * (len(headers) - len(self.maxwidths))
        self.widths = [len(h) + 2 for h in headers]

    def add(self, row: Sequence[str]) -> None:
        for i, (text, limit) in enumerate(zip(row, self.maxwidths, strict=False)):
            widest = max(len(line) for line in wrap(text, limit))
            if widest > self.widths[i]:
                self.widths[i] = widest


def _line(widths: list[int], chars: str) -> str:
    return chars[0] + chars[2].join(chars[1] * (w + 2) for w in widths) + chars[3]


def _cells(row: Sequence[str], widths: list[int], maxwidths: list[int | None], sep: str) -> list[str]:
    wrapped = [wrap(text, limit) for text, limit in zip(row, maxwidths, strict=False)]
    height = max(len(w) for w in wrapped)
    out = []
    for n in range(height):
        parts = [(w[n] if n < len(w) else "").ljust(width) for w, width in zip(wrapped, widths, strict=False)]
        out.append(sep + " " + f" {sep} ".join(parts) + " " + sep)
    return out


def grid_rows(widths: Widths, rows: Iterable[Sequence[str]]) -> Iterator[str]:
    """The lines of a ``simple_grid`` table, one row's lines at a time."""
    w = widths.widths
    yield _line(w, GRID["top"])
    yield from _cells(widths.headers, w, [None] * len(w), "│")
    yield _line(w, GRID["head"])
    first = True
    for row in rows:
        if not first:
            yield _line(w, GRID["between"])
        first = False
        yield from _cells(row, w, widths.maxwidths, "│")
    yield _line(w, GRID["bottom"])


def github_rows(widths: Widths, rows: Iterable[Sequence[str]]) -> Iterator[str]:
    """The lines of a Markdown (``github``) table; cells must already be one line each."""
    w = widths.widths
    yield from _cells(widths.headers, w, [None] * len(w), "|")
    yield "|" + "|".join("-" * (x + 2) for x in w) + "|"
    for row in rows:
        yield from _cells(row, w, [None] * len(w), "|")
