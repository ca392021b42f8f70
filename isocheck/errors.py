"""The one error type for bad input: it names the file, the field path, the line and what was expected.

Every loader (facts, rules, parameters) raises :class:`InputError`; the CLI prints its one-line
message and exits with code 2, without a traceback.
"""

from __future__ import annotations


class InputError(Exception):
    """A malformed input file: ``file``, optional ``field`` path and ``line``, and what was expected."""

    def __init__(self, file: str, problem: str, field: str | None = None, line: int | None = None):
        self.file = str(file)
        self.problem = problem
        self.field = field
        self.line = line
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
        if self.field:
            where += f": {self.field}"
        return f"{where}: {self.problem}"
