"""Compare a batch run with a previous one (``--baseline previous.json``): per agency, which
nonconformities are new, which were resolved and which remain.

Agencies are matched by their stable ``id`` (the fact file's path relative to the folder given, see
:mod:`isocheck.workflows.batch.inputs`), so two agencies with the same display name stay apart and a
rerun against its own output reports nothing new or resolved. A baseline written before ids existed
(no ``id`` in its entries) is matched by name, as it was then. Findings are matched by their stable id
``<rule id>@<subject id>``; only nonconformities (outcome ``fail``) are compared.

The baseline is read with msgspec into typed records of just the fields used (from a memory map), so a
national baseline of a gigabyte does not become gigabytes of Python objects.
"""

from __future__ import annotations

import mmap
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import msgspec

from isocheck.base.errors import InputError
from isocheck.text.problems import glossed


class _Result(msgspec.Struct):
    id: str
    outcome: str


class _Agency(msgspec.Struct):
    results: list[_Result] = []
    id: str | None = None
    name: str | None = None
    file: str | None = None


class _Document(msgspec.Struct):
    agencies: list[_Agency]


class Baseline:
    """Failing finding ids per agency of a previous run; :meth:`changes` compares one agency with it."""

    def __init__(self, failing: dict[str, frozenset[str]], by_name: bool):
        self.failing = failing
        self.by_name = by_name  # an old baseline without ids

    def _key(self, ident: str, name: str | None) -> str:
        return (name or ident) if self.by_name else ident

    def changes(self, ident: str, name: str | None, now: Iterable[str]) -> dict[str, Any]:
        """New / resolved / remaining ids of an agency that was checked, and whether it was in the baseline."""
        now = set(now)
        before = self.failing.get(self._key(ident, name))
        known = before is not None
        before = before or frozenset()
        return {
            "in_baseline": known,
            "new": sorted(now - before),
            "resolved": sorted(before - now),
            "remaining": sorted(now & before),
        }

    def unknown(self, ident: str) -> dict[str, Any]:
        """An agency with no result this time: nothing can be called new or resolved."""
        return {"in_baseline": ident in self.failing, "new": [], "resolved": [], "remaining": [], "unknown": True}


class BaselineTotals:
    """The totals of the changes, added one agency at a time."""

    def __init__(self):
        self.totals = {"new": 0, "resolved": 0, "remaining": 0, "agencies_not_in_baseline": 0}

    def add(self, entry: dict[str, Any]) -> None:
        c = entry.get("changes")
        if not c or c.get("unknown"):
            return
        if not c["in_baseline"]:
            self.totals["agencies_not_in_baseline"] += 1
        for k in ("new", "resolved", "remaining"):
            self.totals[k] += len(c[k])


def failing_ids(findings: Iterable[Any]) -> list[str]:
    return sorted(f.id for f in findings if f.outcome == "fail")


def load_baseline(path: str | Path) -> Baseline:
    """The failing finding ids per agency of a previous ``isocheck batch --format json`` output."""
    try:
        with open(path, "rb") as handle:
            size = handle.seek(0, 2)
            if size == 0:
                raise InputError.of(str(path), "baseline.empty")
            with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
                doc = _decode(path, data)
    except FileNotFoundError:
        raise InputError.of(str(path), "file.not_found") from None
    except IsADirectoryError:
        raise InputError.of(str(path), "file.is_directory") from None
    except PermissionError:
        raise InputError.of(str(path), "file.no_permission") from None
    by_name = any(a.id is None for a in doc.agencies)
    failing: dict[str, frozenset[str]] = {}
    for a in doc.agencies:
        key = unicodedata.normalize("NFC", (a.name or a.file or "") if by_name else str(a.id))  # as the facts
        failing[key] = frozenset(r.id for r in a.results if r.outcome == "fail")
    return Baseline(failing, by_name)


def _decode(path, data) -> _Document:
    try:
        return msgspec.json.decode(data, type=_Document)
    except msgspec.ValidationError as exc:
        where = re.search(r"at `\$\.agencies\[(\d+)\]", str(exc))
        if where is None:
            raise InputError.of(str(path), "baseline.not_batch", field="agencies") from None
        raise InputError.of(str(path), "baseline.bad_entry", field=f"agencies[{where.group(1)}]") from None
    except msgspec.DecodeError as exc:
        detail, line, column = _where(str(exc), data)
        raise InputError.of(
            str(path), "baseline.not_json", {"detail": glossed(detail)}, line=line, column=column
        ) from None


def _where(message: str, data) -> tuple[str, int | None, int | None]:
    """msgspec's message without its "(byte N)", and the line and column (in characters) of that byte: the
    words get their Vietnamese from the glossary (:func:`isocheck.text.problems.glossed`), the place is the
    file's."""
    at = re.search(r" \(byte (\d+)\)$", message)
    if at is None and not message.startswith("Input data was truncated"):  # no place in the file to name
        return message, None, None
    offset = min(int(at.group(1)), len(data)) if at else len(data)  # truncated: it ends at the end
    start = data.rfind(b"\n", 0, offset) + 1
    column = len(bytes(data[start:offset]).decode("utf-8", "replace")) + 1
    return message[: at.start()] if at else message, bytes(data[:offset]).count(b"\n") + 1, column
