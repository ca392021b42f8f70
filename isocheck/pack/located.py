"""Where in a file a problem with a rule is: the line and column of a location, and an :class:`InputError` there.

A rule is written in its own file (``rules/<area>/<name>.yaml``) or inside a province overlay's file
(``rules[0].rule``); :class:`RuleLocation` prefixes the location of the problem with the rule's own.
"""

from __future__ import annotations

from typing import Any, TypedDict

from isocheck.base.errors import InputError
from isocheck.facts.parse import path_text, position_of


class Where(TypedDict):
    line: int | None
    column: int | None


def at(lines: dict, loc: tuple, value: bool = False) -> Where:
    """``line`` and ``column`` of ``loc`` (of its scalar value with ``value``) in a rule file."""
    line, column = position_of(lines, loc, value)
    return {"line": line, "column": column}


class RuleLocation:
    """Where a rule is written: its file, the file's line map, and the rule's location in it (``()`` for a rule
    file, ``("rules", 0, "rule")`` for a rule a province overlay adds)."""

    def __init__(self, file: str, lines: dict, at: tuple = ()):
        self.file, self.lines, self.at = file, lines, at

    def error(self, key: str, params: dict[str, Any] | None, loc: tuple, value: bool = False) -> InputError:
        """The catalogue message ``key`` at ``loc`` inside the rule (field path, line and column)."""
        full = (*self.at, *loc)
        return InputError.of(self.file, key, params, field=path_text(full) or None, **at(self.lines, full, value))
