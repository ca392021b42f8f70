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
shows agencies in the provincial report's layout, or needs the summary before the agencies, spools
them with :class:`Spool`.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, ClassVar

import msgspec

from isocheck.report.batch.province import Layout, Line, Totals


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
    non_pass_only: ClassVar[bool] = False  # ... only those to act on (workflows.batch.TO_ACT_ON): fewer to render, send
    companion_suffix: ClassVar[str | None] = None  # a second file beside ``-o`` (the CSV findings), see companion_path
    binary: ClassVar[bool] = False  # not text: never written to a terminal (needs -o or a pipe)

    def __init__(self, out: IO[bytes], header: BatchHeader):
        self.out = out
        self.header = header
        self.lang = header.lang
        self.companion: IO[bytes] | None = None  # the second file's stream, set by the CLI with ``-o``

    @classmethod
    def companion_path(cls, output: str | None) -> str | None:
        """The second file written beside ``output`` ("out.csv" → "out.findings.csv"), if the format has one."""
        if cls.companion_suffix is None or output is None:
            return None
        path = Path(output)
        return str(path.with_name(f"{path.stem}{cls.companion_suffix}{path.suffix or '.csv'}"))

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
    """Agencies' records kept on disk, read back in the provincial report's layout (:mod:`.province`): by
    section, each unit under its parent, names in Vietnamese alphabetical order.

    Only a small index stays in memory (each record's name, parent and place on disk) and the counters of the
    "x/N" totals (:attr:`totals`). Records are any msgspec-encodable value. :meth:`sections` yields
    ``(section, lines)`` for each section present, each line a ``(Line, record)`` pair (``record`` is None
    for the group row of a parent that is not in the batch).
    """

    def __init__(self, pre_announcement: bool = False):
        self.file = tempfile.TemporaryFile(prefix="isocheck-batch-")  # noqa: SIM115 — closed by close()
        self.layout = Layout()
        self.totals = Totals(pre_announcement)
        self._encode = msgspec.msgpack.Encoder().encode
        self._decode = msgspec.msgpack.Decoder().decode

    def add(self, entry: dict[str, Any], record: Any) -> None:
        data = self._encode(record)
        offset = self.file.seek(0, 2)
        self.file.write(data)
        self.layout.add(entry, (offset, len(data)))
        self.totals.add(entry)

    def sections(self) -> Iterator[tuple[str, Iterator[tuple[Line, Any]]]]:
        for section in self.layout.present():
            yield section, self._lines(section)

    def all(self) -> Iterator[Any]:
        """Every record, in the layout's order."""
        for _, lines in self.sections():
            yield from (record for _, record in lines if record is not None)

    def _lines(self, section: str) -> Iterator[tuple[Line, Any]]:
        for line in self.layout.lines(section):
            if line.ref is None:
                yield line, None
            else:
                offset, size = line.ref
                self.file.seek(offset)
                yield line, self._decode(self.file.read(size))

    def close(self) -> None:
        self.file.close()
