"""A subject: what one finding is about, flattened into the fields rules match on.

A *subject* is the agency, the year under review, one legal document, one announcement, one scope
change, one internal audit, one management review, one consultant contract, one 2008 mandatory
procedure, or the agency's list of administrative procedures (TTHC). Its kinds and their fields are
declared in :mod:`isocheck.subjects.registry`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Subject:
    """One subject of one agency, flattened for matching.

    ``fields`` holds only known values (ints/strs; bools as 0/1) — what the engine sees.
    ``missing`` maps each unknown field to the fact-file paths that were not provided.
    (:func:`isocheck.subjects.derive.build` fills both from the kind's declared fields.)
    ``display`` holds values for messages (dates as ``datetime.date``, lists, texts).
    ``sources`` maps each field to the fact-file paths it was derived from.
    ``items`` holds lists a rule may expand into one finding per item (e.g. uncovered TTHC).
    ``notes`` says how a derived field was computed (e.g. the deadline arithmetic): :meth:`how`.
    ``judgements`` holds, per field that is an inspector's judgement, the judgement as recorded (``explain``).
    """

    kind: str
    id: str
    label: dict[str, str]
    fields: dict[str, int | str] = field(default_factory=dict)
    missing: dict[str, list[str]] = field(default_factory=dict)
    display: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, list[str]] = field(default_factory=dict)
    items: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    due_date: dt.date | None = None
    notes: dict[str, Callable[[], tuple[str, str]]] = field(default_factory=dict)
    judgements: dict[str, dict[str, Any]] = field(default_factory=dict)
    _values: dict[str, Any] | None = field(default=None, init=False, repr=False, compare=False)

    def values(self) -> dict[str, Any]:
        """The display values and known fields in one mapping, what message placeholders are filled from; made
        on first use, once the subject is derived, and shared by the subject's findings (none changes it)."""
        if self._values is None:
            self._values = {**self.display, **self.fields}
        return self._values

    def how(self, name: str, lang: str) -> str:
        """How field ``name`` was computed, in ``lang`` (``explain`` shows it; '' when nothing to say)."""
        note = self.notes.get(name)
        if note is None:
            return ""
        vi, en = note()
        return vi if lang == "vi" else en

    def engine_fact(self, sid: str) -> dict[str, Any]:
        """The flat fact asserted in the engine: kind guard, unique id, known fields only."""
        return {"sid": sid, "kind": self.kind, "subject": self.id, **self.fields}
