"""Dated versions: the days a dated value is in force, and the check that its versions follow one another.

Every dated datum of the law stage — a parameter's values (``rules/parameters.yaml``), an agency level, a
province name, a lead unit (``law/administration/``) — is a list of versions, each in force from
``valid_from`` to ``valid_until`` (inclusive; left out: open). Versions must form one chain: sorted by their
first day, each starts the day after the previous one ends, so that on any day at most one is in force and,
between the first and the last, exactly one. A version whose ``valid_until`` is left out ends the day before
the next one starts, so a change of the law is a new version, never an edit of an old one (an explicit
``valid_until`` must then be that day). Only the last version may be open; when it has an end, nothing is in
force after it (the obligation or the unit ends).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol, TypeVar

from isocheck.text.problems import Problem

ONE_DAY = dt.timedelta(days=1)


class Dated(Protocol):
    @property
    def valid_from(self) -> dt.date: ...
    @property
    def valid_until(self) -> dt.date | None: ...


D = TypeVar("D", bound=Dated)


def chain_problem(versions: Sequence[Dated]) -> tuple[int, Problem] | None:
    """``(index, problem)`` of the first version (in the order given) that ends before it starts, overlaps the
    previous one or leaves a gap after it; None when the versions form one chain."""
    order = sorted(range(len(versions)), key=lambda i: versions[i].valid_from)
    previous: Dated | None = None
    for i in order:
        version = versions[i]
        if version.valid_until is not None and version.valid_until < version.valid_from:
            return i, Problem(
                "period.ends_before_start", start=version.valid_from.isoformat(), end=version.valid_until.isoformat()
            )
        if previous is not None:
            end = previous.valid_until
            if previous.valid_from == version.valid_from or (end is not None and end >= version.valid_from):
                return i, Problem(
                    "period.overlap", start=version.valid_from.isoformat(), previous=previous.valid_from.isoformat()
                )
            if end is not None and end + ONE_DAY < version.valid_from:
                return i, Problem("period.gap", start=version.valid_from.isoformat(), end=end.isoformat())
        previous = version
    return None


def in_force(versions: Sequence[D], day: dt.date) -> D | None:
    """The version in force on ``day`` (versions that form a chain: :func:`chain_problem`), or None."""
    current: D | None = None
    for version in versions:
        if version.valid_from <= day and (current is None or version.valid_from > current.valid_from):
            current = version
    if current is None or (current.valid_until is not None and day > current.valid_until):
        return None
    return current


def last_day(versions: Sequence[Dated]) -> dt.date | None:
    """The last day any version is in force (None: the last version is open)."""
    if not versions:
        return None
    return max(versions, key=lambda v: v.valid_from).valid_until
