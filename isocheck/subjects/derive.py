"""Derive the flat subjects of one agency as of a date: every subject of every kind, with its fields.

The kinds, their subjects and the computation of each field are declared in their own modules
(``isocheck/subjects/<kind>.py``, listed in :mod:`isocheck.subjects.kinds`); this module only runs
them in order and makes subject ids unique. A value that cannot be known from the facts given is left
unknown, with the fact-file paths that would have told.
"""

from __future__ import annotations

import datetime as dt

from isocheck.facts.catalogue import Catalogue
from isocheck.facts.model import Agency
from isocheck.law.parameters import Parameters
from isocheck.subjects.context import Derivation, SubjectFacts
from isocheck.subjects.kinds import KINDS
from isocheck.subjects.registry import SubjectKind
from isocheck.subjects.subject import Subject


def derive_subjects(
    agency: Agency,
    as_of: dt.date,
    params: Parameters,
    year: int | None = None,
    catalogue: Catalogue | None = None,
    announce_on: dt.date | None = None,
) -> list[Subject]:
    """Every subject of ``agency`` evaluated on ``as_of`` (the review year defaults to as-of's year), its scope
    checked against the province's TTHC ``catalogue`` when one is given, a planned announcement dated
    ``announce_on`` (default: the as-of date)."""
    derivation = Derivation(agency, as_of, params, year or as_of.year, catalogue, announce_on)
    subjects = [build(kind, facts) for kind in KINDS.values() for facts in kind.find(derivation)]
    return _unique_ids(subjects)


def build(kind: SubjectKind, facts: SubjectFacts) -> Subject:
    """One subject: every declared field computed from ``facts``, then its display values, items and due date."""
    subject = Subject(kind.name, facts.id, facts.label)
    known, unknown, paths, notes = subject.fields, subject.missing, subject.sources, subject.notes
    for name, field in kind.fields.items():
        value, sources, missing, note, attested = field.compute(facts)
        paths[name] = sources
        if attested is not None:
            subject.judgements[name] = attested
        if value is None:
            unknown[name] = missing or sources
        else:
            known[name] = int(value) if isinstance(value, bool) else value
        if note is not None:
            notes[name] = note
    display = facts.display()
    undeclared = display.keys() - kind.display.keys()
    if undeclared:
        raise KeyError(f"display values {sorted(undeclared)} are not declared by subject kind {kind.name!r}")
    subject.display.update(display)
    subject.items.update(facts.items())
    subject.due_date = facts.due_date()
    return subject


def _unique_ids(subjects: list[Subject]) -> list[Subject]:
    """Make subject ids unique per kind: decision numbers restart every year, so two announcements
    (or legal documents) may share one. Repeats are told apart by their date, else by position."""
    seen: dict[tuple[str, str], int] = {}
    for subject in subjects:
        seen[(subject.kind, subject.id)] = seen.get((subject.kind, subject.id), 0) + 1
    counters: dict[tuple[str, str], int] = {}
    for subject in subjects:
        key = (subject.kind, subject.id)
        if seen[key] == 1:
            continue
        counters[key] = counters.get(key, 0) + 1
        day = subject.display.get("date") or subject.display.get("effective_date")
        subject.id = f"{subject.id} ({day.isoformat()})" if day else f"{subject.id} (#{counters[key]})"
    taken: set[tuple[str, str]] = set()
    for subject in subjects:  # same number and same date: fall back to position
        key = (subject.kind, subject.id)
        n = 1
        while key in taken:
            n += 1
            key = (subject.kind, f"{subject.id} #{n}")
        subject.id = key[1]
        taken.add(key)
    return subjects
