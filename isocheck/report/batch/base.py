"""The interface of a batch output format, and the spool that the grouped formats share.

A format is a class with three calls, made by ``isocheck batch`` in this order::

    fmt = FORMAT(out, header)     # out: a binary stream (the output file, or standard output)
    fmt.start()                   # once
    fmt.agency(entry)             # once per agency, in file order, as agencies finish
    fmt.end(summary)              # once: the summary by level and the baseline totals

``entry`` is the dict made by :func:`isocheck.workflows.batch.check_one` (identity, status, verdict,
matrix marks, counts, ``changes`` with a baseline, ``results`` when the class sets ``results = True``).
:meth:`BatchFormat.prepare` runs in the worker process on each entry before it is sent to the parent:
a format that writes one agency at a time can do its per-agency work there (the JSON format encodes the
agency there, so the parent only copies bytes). A format must not keep every agency in memory: one that
shows agencies in another order than file order, or needs the summary before the agencies, spools
them with :class:`Spool`.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any, ClassVar

import msgspec

from isocheck.report.batch.rows import LEVEL_ORDER
from isocheck.text.collation import sort_key


@dataclass(frozen=True)
class BatchHeader:
    """What is known before the first agency: the run's parameters."""

    as_of: dt.date
    year: int
    profile: str
    rules_version: str
    lang: str
    tool_version: str
    baseline_file: str | None = None
    skipped: list[dict[str, str]] = field(default_factory=list)  # entries skipped while collecting
    overlay: dict[str, Any] | None = None  # the province overlay applied (its record), if any
    rule_titles: dict[str, str] = field(default_factory=dict)  # rule id -> its title in ``lang``
    csv_delimiter: str = ";"  # the CSV format's separator: ";" for Vietnamese Excel (its list separator)
    as_of_defaulted: bool = False  # no --as-of: today's date (the title says so)


@dataclass(frozen=True)
class BatchSummary:
    """What is known after the last agency."""

    by_level: dict[str, dict[str, Any]]
    baseline: dict[str, int] | None = None  # the totals of the changes, with a baseline


class BatchFormat:
    """One batch output format (see the module docstring)."""

    results: ClassVar[bool] = False  # the worker renders every finding of every agency
    binary: ClassVar[bool] = False  # not text: never written to a terminal (needs -o or a pipe)

    def __init__(self, out: IO[bytes], header: BatchHeader):
        self.out = out
        self.header = header
        self.lang = header.lang

    @staticmethod
    def prepare(entry: dict[str, Any], lang: str) -> dict[str, Any]:
        """In the worker: the entry as the parent's :meth:`agency` wants it."""
        return entry

    def write(self, text: str) -> None:
        self.out.write(text.encode("utf-8"))

    def start(self) -> None:
        """Before the first agency."""

    def agency(self, entry: dict[str, Any]) -> None:
        raise NotImplementedError

    def end(self, summary: BatchSummary) -> None:
        """After the last agency."""


class Spool:
    """Agencies' records kept on disk, read back grouped by level and sorted by name then file.

    Only a small index stays in memory (the name, file and place of each record). Records are any
    msgspec-encodable value; :meth:`add` also returns nothing, :meth:`by_level` yields
    ``(level, records)`` for each level present, in the order of :data:`LEVEL_ORDER`.
    """

    def __init__(self):
        self.file = tempfile.TemporaryFile(prefix="isocheck-batch-")  # noqa: SIM115 — closed by close()
        self.index: dict[str, list[tuple[tuple, str, int, int]]] = {}
        self._encode = msgspec.msgpack.Encoder().encode
        self._decode = msgspec.msgpack.Decoder().decode

    def add(self, entry: dict[str, Any], record: Any) -> None:
        data = self._encode(record)
        offset = self.file.seek(0, 2)
        self.file.write(data)
        level = entry["level"] or "unknown"
        key = sort_key(entry["name"] or "")  # Vietnamese alphabetical order (isocheck.text.collation)
        self.index.setdefault(level, []).append((key, entry["file"], offset, len(data)))

    def by_level(self) -> Iterator[tuple[str, Iterator[Any]]]:
        for level in LEVEL_ORDER:
            if level in self.index:
                yield level, self._records(level)

    def all(self) -> Iterator[Any]:
        for _, records in self.by_level():
            yield from records

    def _records(self, level: str) -> Iterator[Any]:
        for _, _, offset, size in sorted(self.index[level]):
            self.file.seek(offset)
            yield self._decode(self.file.read(size))

    def close(self) -> None:
        self.file.close()
