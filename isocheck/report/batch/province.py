"""The layout of a provincial report, shared by every batch format that shows the matrix (table, Markdown,
HTML, XLSX, Word): the levels the province reports, units under their parent, and "x/N" totals per column.

A province reports by level of government, as its Sở KH&CN tabulates the units (the seed reports, TT26 Điều 38):
**cấp tỉnh** — the provincial People's Committee, the Sở, ban, ngành together with their Chi cục and other units
(public service units) —, **cấp huyện** (only while it exists: none after 01/07/2025, ``law/administration/``),
**cấp xã**, then any body outside the province's own levels (a ministry's body, a policy bank, a mission abroad)
under its own level. :data:`SECTIONS` is that order.

Inside a section, a unit of a level that belongs to a parent (:data:`UNDER_PARENT`: a Chi cục, a public service
unit) is listed right under its parent when the parent is in the batch too (numbered "3.1", "3.2" under "3"),
or under a group row naming the parent when it is not (the parent's own file was not given). Parents and
their units are each sorted in Vietnamese alphabetical order (:mod:`isocheck.text.collation`).

:class:`Totals` counts, per section and for the whole batch, how many agencies have "yes" in each matrix column
of the N it applies to (a "not applicable" mark does not count in N), how many conform, and the nonconformities:
the "Đã công bố 25/30" of a provincial report. Only counters are kept, however many agencies.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from isocheck.pack.rules import SEVERITIES
from isocheck.report.batch.rows import level_name
from isocheck.text.collation import sort_key
from isocheck.text.ui import fill, ui
from isocheck.workflows.matrix import COLUMNS, on_2015

# (section, the levels it holds), in the order a provincial report lists them
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("province", ("provincial_committee", "department", "sub_department", "public_service_unit")),
    ("district", ("district",)),
    ("commune", ("commune",)),
    ("ministry", ("ministry",)),
    ("policy_bank", ("policy_bank",)),
    ("mission_abroad", ("mission_abroad",)),
    ("unknown", ("unknown",)),
)
SECTION_OF = {level: section for section, levels in SECTIONS for level in levels}
UNDER_PARENT = frozenset({"sub_department", "public_service_unit"})  # listed under their parent
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
_OWN_NAME = ("province", "district", "commune")  # sections named as levels of government, not as one level


def identity_key(name: str | None) -> str:
    """A name compared as people read it: Unicode NFC, case and runs of spaces ignored."""
    return " ".join(unicodedata.normalize("NFC", name or "").casefold().split())


def section_of(entry: dict[str, Any]) -> str:
    return SECTION_OF.get(entry.get("level") or "unknown", "unknown")


def section_name(section: str, lang: str) -> str:
    """The section's name: "Cấp tỉnh", "Cấp xã"…, or the level's name for a body outside the province's levels."""
    return ui(f"batch.section.{section}", lang) if section in _OWN_NAME else level_name(section, lang)


def section_heading(section: str, place: int, lang: str) -> str:
    """The heading of the ``place``-th section (from 1): "I. CẤP TỈNH", as the province's tables write it."""
    return f"{_ROMAN[place - 1]}. {section_name(section, lang).upper()}"


@dataclass(frozen=True)
class Place:
    """Where an agency's record is (``ref``, the spool's locator) and what places it in the layout."""

    key: tuple  # its name's collation key
    name_key: str
    parent_key: str
    parent: str
    under_parent: bool
    ref: Any


@dataclass(frozen=True)
class Line:
    """One line of a section's matrix: an agency (``ref``) or a group row naming an absent parent (``ref`` None)."""

    number: str
    depth: int  # 0 a parent or a unit on its own, 1 a unit under its parent
    ref: Any = None
    group: str = ""  # the parent's name, for a group row


@dataclass
class Layout:
    """The places of every agency, by section; :meth:`lines` orders them as the province's report does."""

    sections: dict[str, list[Place]] = field(default_factory=dict)

    @staticmethod
    def under_parent(entry: dict[str, Any]) -> bool:
        """Whether the agency is listed under its parent (at depth 1)."""
        return (entry.get("level") or "") in UNDER_PARENT and bool((entry.get("parent") or "").strip())

    def add(self, entry: dict[str, Any], ref: Any) -> None:
        name, parent = entry.get("name") or "", entry.get("parent") or ""
        place = Place(sort_key(name), identity_key(name), identity_key(parent), parent, self.under_parent(entry), ref)
        self.sections.setdefault(section_of(entry), []).append(place)

    def present(self) -> list[str]:
        """The sections with agencies, in report order."""
        return [s for s, _ in SECTIONS if s in self.sections]

    def lines(self, section: str) -> Iterator[Line]:
        places = self.sections.get(section, [])
        heads = sorted((p for p in places if not p.under_parent), key=lambda p: (p.key, p.name_key))
        units: dict[str, list[Place]] = {}
        for p in places:
            if p.under_parent:
                units.setdefault(p.parent_key, []).append(p)
        head_of: dict[str, Place] = {}
        for p in heads:
            head_of.setdefault(p.name_key, p)
        tops: list[tuple[tuple, Place | None, str]] = [(p.key, p, p.name_key) for p in heads]
        tops += [(sort_key(group[0].parent), None, k) for k, group in units.items() if k not in head_of]
        tops.sort(key=lambda t: (t[0], t[2], t[1] is None))
        for number, (_, head, key) in enumerate(tops, 1):
            if head is not None:
                yield Line(str(number), 0, head.ref)
                children = units.get(key, []) if head_of.get(key) is head else []
            else:
                children = units[key]
                yield Line(str(number), 0, None, children[0].parent)
            for sub, child in enumerate(sorted(children, key=lambda p: p.key), 1):
                yield Line(f"{number}.{sub}", 1, child.ref)


class _Count:
    """The counters of one section (or of the whole batch)."""

    def __init__(self):
        self.agencies = 0
        self.checked = 0
        self.yes = dict.fromkeys((key for key, _ in COLUMNS), 0)
        self.applies = dict.fromkeys((key for key, _ in COLUMNS), 0)
        self.on_2015 = 0
        self.good = 0  # conforming (or READY with the pre-announcement profile)
        self.findings = dict.fromkeys(SEVERITIES, 0)

    def add(self, entry: dict[str, Any]) -> None:
        self.agencies += 1
        if entry["status"] != "checked":
            return
        self.checked += 1
        marks = entry.get("matrix") or {}
        for key, _ in COLUMNS:
            mark = marks.get(key)
            if key == "standard":
                self.applies[key] += entry.get("standard") is not None
                self.yes[key] += on_2015(entry)
            elif mark not in (None, "n/a"):
                self.applies[key] += 1
                self.yes[key] += mark == "yes"
        readiness = entry.get("readiness")
        self.good += (readiness["verdict"] == "ready") if readiness is not None else entry["verdict"] == "conforms"
        counts = (entry.get("counts") or {}).get("nonconformities_by_severity") or {}
        for s in SEVERITIES:
            self.findings[s] += counts.get(s, 0)


class Totals:
    """ "x/N" per matrix column, per section and for the whole batch (see the module docstring)."""

    def __init__(self, pre_announcement: bool = False):
        self.pre_announcement = pre_announcement
        self.sections: dict[str, _Count] = {}
        self.total = _Count()

    def add(self, entry: dict[str, Any]) -> None:
        section = section_of(entry)
        if section == "unknown":  # a file that could not be read: no marks to count (listed on its own)
            return
        self.sections.setdefault(section, _Count()).add(entry)
        self.total.add(entry)

    def row(self, section: str | None, lang: str) -> list[str] | None:
        """The totals row, laid out as :func:`~isocheck.report.batch.rows.matrix_row`: the section's
        (``None``: the whole batch's) label, "x/N" in each column, the conforming (READY) agencies and the
        nonconformities by severity; None for the section of the files that could not be read."""
        if section is not None and section not in self.sections:
            return None
        count = self.total if section is None else self.sections[section]
        if section is None:
            label = ui("batch.totals.all", lang)
        else:
            name = section_name(section, lang)
            label = fill(ui("batch.totals.section", lang), {"name": name[:1].lower() + name[1:]}, lang)
        cells = [f"{count.yes[k]}/{count.applies[k]}" if count.applies[k] else "–" for k, _ in COLUMNS]
        good = "batch.readiness.ready" if self.pre_announcement else "batch.verdict.conforms"
        verdict = f"{ui(good, lang)} {count.good}/{count.checked}"
        return ["", label, *cells, verdict, "/".join(str(count.findings[s]) for s in SEVERITIES)]

    def rows(self, lang: str) -> list[list[str]]:
        """One totals row per section present, then the whole batch's."""
        found = [self.row(s, lang) for s, _ in SECTIONS] + [self.row(None, lang)]
        return [row for row in found if row is not None]


def group_row(line: Line) -> list[str]:
    """The matrix row of a group (an absent parent): its number and name, empty cells."""
    return [line.number, line.group] + [""] * (len(COLUMNS) + 2)


def totals_note(lang: str) -> str:
    return ui("batch.totals.note", lang)
