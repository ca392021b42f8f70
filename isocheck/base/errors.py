"""The one error type for bad input: it names the file, the line and column, the field path and what was expected.

Every loader (facts, rules, parameters) raises :class:`InputError`; the CLI prints its one-line
message in the chosen language and exits with code 2, without a traceback.

Raising one::

    InputError(file, "plain English problem", field="a.b", line=3)           # shown as is in both languages
    InputError.of(file, "key.duplicate", {"key": "x", "first": 2}, field="x", line=5, column=1)
    InputError(file, Problem("field.missing"), field="agency.name")         # the same with a Problem

The message keys and their Vietnamese and English templates are in :mod:`isocheck.error_text`.
"""

from __future__ import annotations

from typing import Any

from isocheck.text.problems import Problem

__all__ = ["InputError", "Problem"]

# characters str.splitlines() breaks on: escaped so that a message is always one line
MAX_LISTED = 20  # the problems of one file shown in one run
_LINE_BREAKS = {ord(c): repr(c)[1:-1] for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}


class InputError(Exception):
    """A malformed input file: ``file``, optional ``field`` path, ``line`` and ``column``, and the problem.

    ``problem`` is a plain English string or a :class:`Problem` (translated). ``text(lang)`` is the
    whole one-line message in Vietnamese or English, with the column; ``message`` (no column) and
    ``problem`` stay English, as they were before messages were translated.
    """

    def __init__(
        self,
        file: str,
        problem: str | Problem,
        field: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ):
        self.file = str(file)
        self.detail = problem if isinstance(problem, Problem) else Problem.plain(str(problem))
        self.field = field
        self.line = line
        self.column = column if line is not None else None
        self.others: list[InputError] = []  # the file's further problems, in file order (see with_others)
        self.hidden = 0  # problems found beyond those listed (more than MAX_LISTED in all)
        super().__init__(self.message)

    def with_others(self, others: list[InputError]) -> InputError:
        """This error with the file's further problems: all of them are shown in one run (up to
        ``MAX_LISTED`` in all; the rest counted)."""
        self.others = others[: MAX_LISTED - 1]
        self.hidden = len(others) - len(self.others)
        self.args = (self.message,)
        return self

    @classmethod
    def of(
        cls,
        file: str,
        key: str,
        params: dict[str, Any] | None = None,
        *,
        field: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> InputError:
        """An error from the message catalogue: ``key`` with its ``params``."""
        return cls(file, Problem(key, **(params or {})), field, line, column)

    def __reduce__(self):  # picklable across processes (Exception pickles args, the message only)
        return type(self), (self.file, self.detail, self.field, self.line, self.column), self.__dict__

    @property
    def problem(self) -> str:
        """The problem alone, in English."""
        return self.detail.text("en")

    @property
    def message(self) -> str:
        """The message in English as it always was: ``file:line: field: problem`` (no column)."""
        return self._render("en", column=False)

    def text(self, lang: str = "en") -> str:
        """The whole one-line message in ``lang`` (``vi`` or ``en``): ``file:line:column: field: problem``,
        with "(and N more problems)" when the file has others."""
        return self._render(lang, column=True)

    def lines(self, lang: str = "en") -> list[str]:
        """Every problem of the file, one line each (``file:line:column: field: problem``), then how many
        more were found when there were more than ``MAX_LISTED``."""
        lines = [e._render(lang, column=True, more=False) for e in (self, *self.others)]
        if self.hidden:
            key = "more.hidden_one" if self.hidden == 1 else "more.hidden_many"
            lines.append(f"{self.file}: {Problem(key, count=self.hidden).text(lang)}")
        return lines

    def _render(self, lang: str, column: bool, more: bool = True) -> str:
        detail = self.detail
        count = len(self.others) + self.hidden
        if more and count:
            detail = Problem("more.one" if count == 1 else "more.many", problem=detail, count=count)
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if column and self.column is not None:
                where += f":{self.column}"
        if self.field:
            where += f": {self.field}"
        return f"{where}: {detail.text(lang)}".translate(_LINE_BREAKS)
