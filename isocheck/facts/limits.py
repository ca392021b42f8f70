"""isocheck's own limits on a YAML or JSON text, checked before any parser sees it.

A parser's limits and wording change from one release to the next (the libyaml bundled with PyYAML
6.0.4 stops at 1,000 nesting levels with its own English message, yaml-rs at other depths; Python
refuses to convert a number of more than 4,300 digits, a limit that can be changed at run time), so
the depth limit and the length of numbers are checked here first, on the text, and the message is
always isocheck's own. (The size of the file is checked before it is read, the number of values as
the strict path builds them: :data:`MAX_VALUES`.)

:func:`long_number` returns the position and length of the first run of more than :data:`MAX_DIGITS`
digits: no value in an input file is that long (a year has 4 digits, a count a handful).

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
MAX_VALUES = 1_000_000  # nodes visited, aliases counted at each use (the "billion laughs")
MAX_DIGITS = 1_000  # digits in a row; Python's own limit for converting a number is 4,300
_LONG_NUMBER = re.compile(f"[0-9](?<![0-9][0-9])[0-9]{{{MAX_DIGITS},}}")  # (a run is tried from its first digit)

_HIT = re.compile(r"[\[\]{}\"'#\n]")
# indentation, "- " entries, "? " and ": " indicators, anchors and tags at the start of each line
_PREFIX = re.compile(r"^(?:[ \t\-?:]|[&!][^ \t\n]*)*", re.M)
_ENTRIES = re.compile(r"(?:-(?:[ \t]+|$))*")
_KEY = re.compile(r"""(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\[\]{},:][^#]*?)[ \t]*:(?:[ \t]|$)""")
_BLOCK_SCALAR = re.compile(r"(?:^|[ \t])[|>][0-9+\-]*[ \t]*(?:#.*)?$")
_NODE_START = frozenset(":-?[{,")  # after one of these (and blanks) a quote or bracket starts a node
# a flow collection on one line with no collection, comment or escape inside, whose quoted scalars start
# only after '[', '{', ',' or ':' (so a quote inside a plain scalar, "it's", never passes for one)
_QUOTED_FLAT = r"""(?:[ ]*(?:'[^'\n\[\]{}]*'|"[^"\\\n\[\]{}]*"))?+"""  # a quoted scalar, if one
# unrolled (plain* (separator quoted? plain*)*), possessive: what each part takes, the next part cannot (a plain
# run stops at a separator, a bracket or a quote), so giving any of it back never matches (and costs the
# engine a saved state per part)
_FLAT_FLOW = re.compile(
    rf"""[\[{{]{_QUOTED_FLAT}[^\[\]{{}}'"\n#,:]*+(?:[,:]{_QUOTED_FLAT}[^\[\]{{}}'"\n#,:]*+)*+[\]}}]"""
)
# a line whose only collection is one such flat flow collection at a node start, after its indentation,
# '- ' entries and a key with no quote, bracket or comment in it (so the collection is not inside a text)
_FLAT_KEY = r"""(?:[^\s'"#\[\]{},:&*!|>%@`?-][^'"#\[\]{}:\n]*?|'[^'\n\[\]{}]*'|"[^"\\\n\[\]{}]*")"""
_FLAT_LINE = re.compile(rf"[ ]*(?:[-?][ ]+)*(?:{_FLAT_KEY}[ ]*:[ ]+)?{_FLAT_FLOW.pattern}[ \t]*(?:#[^\n]*)?\r?")
_OPENER_LINE = re.compile(r"^[^\n\[{]*[\[{][^\n]*", re.M)  # a line with an opening bracket


def long_number(text: str) -> tuple[int, int, int] | None:
    """``(line, column, digits)`` (1-based) of the first run of more than :data:`MAX_DIGITS` digits, or None."""
    if not _may_hold_long_number(text):
        return None
    match = _LONG_NUMBER.search(text)
    if match is None:
        return None
    start = match.start()
    line_start = text.rfind("\n", 0, start) + 1
    return text.count("\n", 0, start) + 1, start - line_start + 1, match.end() - start


_BLOCK_OF_DIGITS = MAX_DIGITS // 2


def _may_hold_long_number(text: str) -> bool:
    """False when ``text`` holds no run of more than :data:`MAX_DIGITS` digits, proven cheaply: such a run
    covers at least one whole block of :data:`_BLOCK_OF_DIGITS` characters starting at a multiple of it
    (a run of ``2 * b - 1`` characters or more always does), so a text none of whose blocks is all ASCII
    digits holds none (a regular-expression search tries every digit of a text full of codes and dates)."""
    size = _BLOCK_OF_DIGITS
    for start in range(0, len(text) - size + 1, size):
        block = text[start : start + size]
        if block.isascii() and block.isdigit():
            return True
    return False


def shallow(text: str, limit: int = MAX_DEPTH, brackets: int | None = None) -> bool:
    """True when ``text`` cannot nest deeper than ``limit`` levels: every level needs an opening bracket,
    a column of indentation or an indicator at the start of a line. ``brackets``: a bound of the flow
    nesting, when known (else every opening bracket counts)."""
    if brackets is None:
        brackets = text.count("[") + text.count("{")
    return brackets + _longest_prefix(text) + 2 <= limit


def _longest_prefix(text: str) -> int:
    """The length of the longest :data:`_PREFIX` of a line (without anchors or tags, each line's leading
    blanks and indicators, which ``str.lstrip`` finds faster than the pattern)."""
    if "&" in text or "!" in text:
        return max(map(len, _PREFIX.findall(text)), default=0)
    return max(len(line) - len(line.lstrip(" \t-?:")) for line in text.split("\n"))


def too_deep(text: str, limit: int = MAX_DEPTH) -> tuple[int, int] | None:
    """``(line, column)`` (1-based) of the first node nested deeper than ``limit`` levels, or None."""
    if shallow(text, limit):
        return None
    return _Scanner(text, limit).run()


def scan(text: str, limit: int = MAX_DEPTH) -> tuple[tuple[int, int] | None, bool]:
    """``(too_deep(text), spans)``: ``spans`` is True when a flow collection (``[…]``, ``{…}``) may go on
    past the end of a line (YAML readers differ on keys that do: see :mod:`isocheck.facts.yaml_alike`).
    A text whose every collection is flat and closed on its line (as tools write fact files:
    ``- {code: '1.001193', name: …}``) is passed by a bound, without the character-by-character scan."""
    if not ("[" in text or "{" in text):
        return too_deep(text, limit), False
    flat = all(_FLAT_LINE.fullmatch(line.group()) for line in _OPENER_LINE.finditer(text))
    if flat and shallow(text, limit, brackets=1):  # every collection flat and closed on its line: one level
        return None, False
    scanner = _Scanner(text, limit)
    deep = scanner.run()
    return (None if shallow(text, limit) else deep), scanner.spans


class _Scanner:
    def __init__(self, text: str, limit: int):
        self.text, self.limit = text, limit
        self.flow = 0  # flow collections open at the current position
        self.line, self.line_start = 0, 0
        self.blocks: list[tuple[int, str]] = []  # block collections open: (column, "map" | "seq")
        self.block_scalar_indent: int | None = None  # inside a block scalar more indented than this
        self.deep: tuple[int, int] | None = None
        self.spans = False  # a flow collection went on past the end of a line

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
                    flat = None if self.flow else _FLAT_FLOW.match(text, j)
                    self._check(len(self.blocks) + self.flow + 1, j)
                    if flat is not None:  # the whole collection, one level deep, closed on this line
                        i = flat.end()
                    else:
                        self.flow += 1
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
                self.spans = self.spans or self.flow > 0
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
        self.spans = self.spans or self.flow > 0
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
