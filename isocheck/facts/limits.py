"""isocheck's own limits on a YAML text, checked before any parser sees it.

A parser's limits and wording change from one release to the next (the libyaml bundled with PyYAML
6.0.4 stops at 1,000 nesting levels with its own English message, yaml-rs at other depths), so the depth
limit is checked here first, on the text, and the message is always isocheck's own.

:func:`too_deep` returns the line and column of the first node nested deeper than :data:`MAX_DEPTH`
levels (the top-level node is level 1). Most input is passed at once by a bound: flow nesting needs an
opening bracket per level and block nesting at least one column of indentation or a ``- `` per level,
so a text with few brackets and shallow indentation cannot be that deep. Otherwise the text is scanned:
block collections are tracked by indentation line by line, flow collections by their brackets, and
comments, quoted scalars and block scalars (``|``, ``>``) are skipped. No YAML library scans this way
without parsing, hence this small scanner. The strict loader's composer checks the depth of every node
as well, so a text this scanner misjudges still gets isocheck's message.
"""

from __future__ import annotations

import re

MAX_DEPTH = 100  # nesting levels; the fact schema needs 5, a rule condition a handful more

_HIT = re.compile(r"[\[\]{}\"'#\n]")
# indentation, "- " entries, "? " and ": " indicators, anchors and tags at the start of each line
_PREFIX = re.compile(r"^(?:[ \t\-?:]|[&!][^ \t\n]*)*", re.M)
_ENTRIES = re.compile(r"(?:-(?:[ \t]+|$))*")
_KEY = re.compile(r"""(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\[\]{},:][^#]*?)[ \t]*:(?:[ \t]|$)""")
_BLOCK_SCALAR = re.compile(r"(?:^|[ \t])[|>][0-9+\-]*[ \t]*(?:#.*)?$")
_NODE_START = frozenset(":-?[{,")  # after one of these (and blanks) a quote or bracket starts a node


def shallow(text: str, limit: int = MAX_DEPTH) -> bool:
    """True when ``text`` cannot nest deeper than ``limit`` levels: every level needs an opening bracket,
    a column of indentation or an indicator at the start of a line."""
    brackets = text.count("[") + text.count("{")
    return brackets + max(map(len, _PREFIX.findall(text)), default=0) + 2 <= limit


def too_deep(text: str, limit: int = MAX_DEPTH) -> tuple[int, int] | None:
    """``(line, column)`` (1-based) of the first node nested deeper than ``limit`` levels, or None."""
    if shallow(text, limit):
        return None
    return _Scanner(text, limit).run()


class _Scanner:
    def __init__(self, text: str, limit: int):
        self.text, self.limit = text, limit
        self.flow = 0  # flow collections open at the current position
        self.line, self.line_start = 0, 0
        self.blocks: list[tuple[int, str]] = []  # block collections open: (column, "map" | "seq")
        self.block_scalar_indent: int | None = None  # inside a block scalar more indented than this
        self.deep: tuple[int, int] | None = None

    def run(self) -> tuple[int, int] | None:
        text, i = self.text, 0
        self._new_line(0)
        while self.deep is None:
            match = _HIT.search(text, i)
            if match is None:
                return None
            j, char = match.start(), match.group()
            i = j + 1
            if char == "\n":
                self._new_line(i)
            elif char == "#":
                if j == self.line_start or text[j - 1] in " \t":
                    end = text.find("\n", j)
                    i = len(text) if end < 0 else end
            elif char in "\"'":
                if self.flow or self._at_node_start(j):
                    i = self._skip_quoted(j, char)
            elif char in "[{":
                if self.flow or self._at_node_start(j):
                    self.flow += 1
                    self._check(len(self.blocks) + self.flow, j)
            elif self.flow:  # ] or }
                self.flow -= 1
        return self.deep

    def _check(self, depth: int, index: int) -> None:
        if depth > self.limit and self.deep is None:
            self.deep = (self.line, index - self.line_start + 1)

    def _at_node_start(self, j: int) -> bool:
        before = self.text[self.line_start : j].rstrip(" \t")
        return not before or before[-1] in _NODE_START

    def _skip_quoted(self, j: int, quote: str) -> int:
        text, k = self.text, j + 1
        while True:
            end = text.find(quote, k)
            if end < 0:
                end = len(text)
            elif quote == '"' and _escaped(text, end):
                k = end + 1
                continue
            elif quote == "'" and text.startswith("''", end):
                k = end + 2
                continue
            newlines = text.count("\n", j, end)
            if newlines:
                self.line += newlines
                self.line_start = text.rfind("\n", j, end) + 1
            return end + 1

    def _new_line(self, start: int) -> None:
        """Track the block collections open at the start of the line beginning at ``start``."""
        self.line += 1
        self.line_start = start
        end = self.text.find("\n", start)
        body = self.text[start:] if end < 0 else self.text[start:end]
        content = body.lstrip(" ")
        column = len(body) - len(content)
        if self.block_scalar_indent is not None:
            if not content or column > self.block_scalar_indent:
                return  # a line of the block scalar's text
            self.block_scalar_indent = None
        if self.flow or not content or content.startswith("#"):
            return
        blocks = self.blocks
        while blocks and blocks[-1][0] > column:
            blocks.pop()
        match = _ENTRIES.match(content)  # the pattern matches any line (maybe empty)
        entries = match.group() if match else ""
        if blocks and blocks[-1][0] == column and blocks[-1][1] == "seq" and not entries:
            blocks.pop()  # a sequence indented like its parent's keys ends at the next key
        dashes = [column + k for k, char in enumerate(entries) if char == "-"]
        for k, at in enumerate(dashes):  # "- - x": a sequence in a sequence on one line
            if k or not (blocks and blocks[-1] == (at, "seq")):
                blocks.append((at, "seq"))
                self._check(len(blocks), start + at)
        rest = content[len(entries) :]
        rest_column = column + len(entries)
        if not rest or rest[0] in "[{#":
            return  # a flow collection is checked bracket by bracket
        if _KEY.match(rest) and not (blocks and blocks[-1] == (rest_column, "map")):
            blocks.append((rest_column, "map"))
        self._check(len(blocks) + 1, start + rest_column)  # the key or scalar the line holds
        if _BLOCK_SCALAR.search(rest):
            self.block_scalar_indent = column if not entries else rest_column - 1


def _escaped(text: str, index: int) -> bool:
    """True when the character at ``index`` follows an odd number of backslashes."""
    count = 0
    while index - 1 - count >= 0 and text[index - 1 - count] == "\\":
        count += 1
    return count % 2 == 1
