"""Where in a rule file a problem is: the line and column of a location, as keyword arguments of
:meth:`isocheck.base.errors.InputError.of`."""

from __future__ import annotations

from typing import TypedDict

from isocheck.facts.parse import position_of


class Where(TypedDict):
    line: int | None
    column: int | None


def at(lines: dict, loc: tuple, value: bool = False) -> Where:
    """``line`` and ``column`` of ``loc`` (of its scalar value with ``value``) in a rule file."""
    line, column = position_of(lines, loc, value)
    return {"line": line, "column": column}
