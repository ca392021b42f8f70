"""Hostile text made harmless where isocheck writes it: terminals, CSV cells and Markdown.

Agency names, file names, codes and error messages come from files anyone can write. In a terminal an
ESC sequence can rewrite the screen, BEL rings, and bidirectional overrides reorder what is shown; in a
spreadsheet a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a
formula; in Markdown ``|`` ends a table cell and HTML is rendered. JSON escapes control characters
itself and HTML goes through ``html.escape``.
"""

from __future__ import annotations

import re

# bidirectional embeddings, overrides and isolates, the "Trojan source" characters
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
# the Cc category: C0, DEL and C1
_CONTROLS: dict[int, str | None] = dict.fromkeys((*range(32), *range(127, 160))) | {ord(c): None for c in _BIDI}
_IN_CELL = {**_CONTROLS, ord("\t"): " ", ord("\n"): " ", ord("\r"): None}
_IN_TEXT = {k: v for k, v in _CONTROLS.items() if k not in (ord("\n"), ord("\t"))}
_IN_CSV = {k: v for k, v in _CONTROLS.items() if k not in (9, 10, 13)}  # after tabs became spaces
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")
_MARKDOWN = re.compile(r"([\\`*_\[\]|#<>])")


def printable(text: str, *, multiline: bool = False) -> str:
    """``text`` without control characters; tabs become spaces, line breaks too unless ``multiline``."""
    if multiline:
        return "\n".join(line.translate(_IN_CELL) for line in text.split("\n"))
    return text.translate(_IN_CELL)


def printable_output(text: str) -> str:
    """A whole text output for a terminal: control characters removed, line breaks and tabs kept."""
    return text.translate(_IN_TEXT)


def csv_cell(value: object) -> object:
    """A CSV cell that no spreadsheet reads as a formula: text starting with ``= + - @``, a tab or a
    carriage return gets a leading apostrophe (numbers, negative ones too, are left as they are);
    other control characters are removed."""
    if not isinstance(value, str):
        return value
    if value[:1] in ("=", "+", "-", "@", "\t", "\r") and not _NUMBER.fullmatch(value):
        value = "'" + value
    if value.isprintable():  # no tab, control or bidirectional character (all unprintable): nothing to remove
        return value
    return value.replace("\t", " ").translate(_IN_CSV)


def markdown_cell(text: str) -> str:
    """Text for a Markdown table cell or line: ``|``, HTML and Markdown marks escaped, line breaks as ``<br>``."""
    lines = [_MARKDOWN.sub(r"\\\1", printable(line)).replace("&", "&amp;") for line in text.split("\n")]
    return "<br>".join(lines)
