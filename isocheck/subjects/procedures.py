"""Subject kind ``procedures``: the agency's list of administrative procedures (TTHC) — which have an internal ISO
procedure, which match the e-one-stop software, whose internal procedure the inspectors found to differ from its TTHC
decision (criterion ``tthc.internal_procedure``), and, with the province's TTHC catalogue, which TTHC are missing
from the list and which abolished ones are still in it (:mod:`isocheck.subjects.catalogue_scope`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from isocheck.facts.criteria import aspect_words
from isocheck.facts.missing import NO_CATALOGUE
from isocheck.facts.model import Procedure
from isocheck.subjects import catalogue_scope as scope
from isocheck.subjects import judgements as j
from isocheck.subjects.context import Derivation, SubjectFacts, labelled
from isocheck.subjects.registry import Derived, SubjectKind, derived_field
from isocheck.text.ui import Words, words

_ITEM_KEYS = ("id", "label", "code", "name", "field", "announced_by", "gap", "source")
_JUDGED_KEYS = (*_ITEM_KEYS, "criterion", "judgement", "differs", "note", "judged_by", "judged_on", "seen_in")
_CATALOGUE_KEYS = (*_ITEM_KEYS, "due")
_CONTENT = "tthc.internal_procedure"
_WORDS = words("words:subjects.")  # value words, from the gettext catalog
_NO_PROCEDURE = _WORDS["no_procedure"]


def _then_announce(announcements: list | None) -> Words:
    """After the scope is completed: re-announce it, or (never announced) announce the QMS with it."""
    if announcements:
        return _WORDS["then_reannounce_scope"]
    if announcements is None:  # not known whether the QMS was announced
        return _WORDS["then_reannounce_or_announce"]
    return _WORDS["then_announce_qms"]


KIND = SubjectKind(
    "procedures",
    display={
        "procedure_count": "number of TTHC listed",
        "uncovered_count": "number of TTHC known to have no internal procedure (with a catalogue: and of the "
        "catalogue's TTHC missing from the list past the three months)",
        "mismatch_count": "number of covered TTHC known to differ from the e-one-stop software",
        "catalogue_basis": "what the scope was compared with: the agency's list, or the catalogue (and the fields "
        "stated not applicable)",
        "then_announce": "the announcement that follows a change of scope: the first one (none on record) or a "
        "re-announcement",
        "catalogue_next_due": "the earliest deadline of a catalogue TTHC on the three-month clock (None: none)",
        "abolished_next_due": "the earliest deadline of an abolished TTHC still listed, within the clock (None: none)",
    },
    items={
        "uncovered": _ITEM_KEYS,  # TTHC without an internal procedure, and the catalogue's missing ones
        "coverage_unknown": _ITEM_KEYS,  # TTHC whose internal procedure is not said
        "mismatched": _ITEM_KEYS,  # covered TTHC whose procedure differs from the e-one-stop software
        "mismatch_unknown": _ITEM_KEYS,  # covered TTHC for which the match is not said
        "content_nonconforming": _JUDGED_KEYS,  # internal procedure judged not to conform to its TTHC decision
        "content_partly": _JUDGED_KEYS,  # … judged to conform partly
        "abolished_listed": _CATALOGUE_KEYS,  # abolished in the catalogue, still listed, past the clock
        "catalogue_late": _CATALOGUE_KEYS,  # new in the catalogue since the announcement, not listed, past the clock
    },
)


def _item(i: int, p: Procedure) -> dict[str, Any]:
    return {
        "id": p.code,
        "label": f"{p.code} ({p.field})",
        "code": p.code,
        "name": p.name,
        "field": p.field,
        "announced_by": p.announced_by or "",
        "gap": _NO_PROCEDURE,
        "source": f"procedures[{i}]",
    }


def _judged_item(i: int, p: Procedure, found: tuple[int, Any]) -> dict[str, Any]:
    k, judgement = found
    aspects = list(judgement.aspects or [])
    return {
        **_item(i, p),
        "criterion": judgement.criterion,
        "judgement": judgement.judgement,
        "differs": Words(aspect_words(aspects, "vi"), aspect_words(aspects, "en")) if aspects else "",
        "note": judgement.note or "",
        "judged_by": judgement.judged_by or "",
        "judged_on": judgement.judged_on,
        "seen_in": judgement.seen_in or "",
        "source": f"judgements[{k}]",
    }


class ProceduresFacts(SubjectFacts):
    def __init__(self, d: Derivation):
        self.listed = d.agency.procedures
        super().__init__(d, "procedures", labelled("procedures"))
        listed = list(enumerate(self.listed or []))
        covered = [(i, p) for i, p in listed if p.internal_procedure]
        self.scope = scope.compare(d)
        judged = j.of_item(d, _CONTENT)
        self.content_judged = sum(1 for _, p in listed if p.code in judged)
        self.lists: dict[str, list[dict[str, Any]]] = {
            "uncovered": [_item(i, p) for i, p in listed if p.internal_procedure is False],
            "coverage_unknown": [_item(i, p) for i, p in listed if p.internal_procedure is None],
            "mismatched": [_item(i, p) for i, p in covered if p.matches_one_stop is False],
            "mismatch_unknown": [_item(i, p) for i, p in covered if p.matches_one_stop is None],
            "content_nonconforming": [
                _judged_item(i, p, judged[p.code])
                for i, p in listed
                if p.code in judged and judged[p.code][1].judgement == "does_not_conform"
            ],
            "content_partly": [
                _judged_item(i, p, judged[p.code])
                for i, p in listed
                if p.code in judged and judged[p.code][1].judgement == "partly"
            ],
            "abolished_listed": [],
            "catalogue_late": [],
        }
        if self.scope is not None:
            file = self.scope.catalogue.name
            for c in self.scope.missing:
                missing = scope.item(c, f"{file}:{c.entry.row}", False)
                missing.pop("due")
                self.lists["uncovered"].append(missing)
            self.lists["abolished_listed"] = [
                scope.item(c, f"procedures[{c.listed_at}]", True) for c in self.scope.abolished
            ]
            self.lists["catalogue_late"] = [scope.item(c, f"{file}:{c.entry.row}", False) for c in self.scope.late]

    def display(self) -> dict[str, Any]:
        if self.listed is None:
            return {}
        new = self.scope.new if self.scope is not None else []
        abolishing = self.scope.abolishing if self.scope is not None else []
        return {
            "procedure_count": len(self.listed),
            "uncovered_count": len(self.lists["uncovered"]),
            "mismatch_count": len(self.lists["mismatched"]),
            "catalogue_basis": scope.basis(self.scope, self.d.agency.agency.level),
            "then_announce": _then_announce(self.d.announcements),
            "catalogue_next_due": min((c.due for c in new), default=None),
            "abolished_next_due": min((c.due for c in abolishing), default=None),
        }

    def items(self) -> dict[str, list[dict[str, Any]]]:
        return {} if self.listed is None else self.lists


@KIND.subjects
def _the_list(d: Derivation) -> Iterator[ProceduresFacts]:
    if d.agency.procedures is not None or not d.known("procedures"):  # procedures: null — no list to judge
        yield ProceduresFacts(d)


@derived_field(
    "procedures",
    "procedure_count",
    "int",
    sources=["procedures"],
    en="administrative procedures (TTHC) the agency handles",
)
def procedure_count(p: ProceduresFacts) -> Derived:
    return Derived(None if p.listed is None else len(p.listed), ["procedures"])


def _count(p: ProceduresFacts, found: str, unknown: str, flag: str) -> Derived:
    """How many TTHC are in list ``found``; unknown while some are in ``unknown`` and none in ``found``."""
    if p.listed is None:
        return Derived(None, ["procedures"])
    if p.lists[unknown] and not p.lists[found]:
        return Derived(None, ["procedures"], [f"{item['source']}.{flag}" for item in p.lists[unknown]])
    return Derived(len(p.lists[found]), [f"procedures[*].{flag}"])


@derived_field(
    "procedures",
    "uncovered_count",
    "int",
    sources=["procedures", "procedures[].internal_procedure"],
    en="TTHC without an internal ISO procedure (with the catalogue's missing ones)",
)
def uncovered_count(p: ProceduresFacts) -> Derived:
    return _count(p, "uncovered", "coverage_unknown", "internal_procedure")


@derived_field(
    "procedures",
    "mismatch_count",
    "int",
    sources=["procedures", "procedures[].matches_one_stop"],
    en="TTHC whose internal procedure differs from the e-one-stop software",
)
def mismatch_count(p: ProceduresFacts) -> Derived:
    return _count(p, "mismatched", "mismatch_unknown", "matches_one_stop")


def _catalogue(p: ProceduresFacts, count: int | None) -> Derived:
    """A count of the comparison with the catalogue; unknown without a catalogue."""
    if p.listed is None:
        return Derived(None, ["procedures"])
    if p.scope is None:
        return Derived(None, ["procedures"], [NO_CATALOGUE])
    return Derived(count, ["procedures[*].code"])


@derived_field(
    "procedures",
    "abolished_listed_count",
    "int",
    sources=["procedures", "procedures[].code"],
    en="TTHC abolished in the province's catalogue more than three months ago, still in the agency's list",
)
def abolished_listed_count(p: ProceduresFacts) -> Derived:
    return _catalogue(p, len(p.scope.abolished) if p.scope is not None else None)


@derived_field(
    "procedures",
    "abolished_pending_count",
    "int",
    sources=["procedures", "procedures[].code"],
    en="TTHC abolished in the province's catalogue within the last three months, still in the agency's list",
)
def abolished_pending_count(p: ProceduresFacts) -> Derived:
    return _catalogue(p, len(p.scope.abolishing) if p.scope is not None else None)


@derived_field(
    "procedures",
    "catalogue_late_count",
    "int",
    sources=["procedures", "procedures[].code"],
    en="TTHC of the province's list in force since the QMS announcement, still not in the agency's list after three "
    "months",
)
def catalogue_late_count(p: ProceduresFacts) -> Derived:
    return _catalogue(p, len(p.scope.late) if p.scope is not None else None)


@derived_field(
    "procedures",
    "catalogue_new_count",
    "int",
    sources=["procedures", "procedures[].code"],
    en="TTHC of the province's list not in the agency's list yet, within their three months",
)
def catalogue_new_count(p: ProceduresFacts) -> Derived:
    return _catalogue(p, len(p.scope.new) if p.scope is not None else None)


def _content(p: ProceduresFacts, name: str) -> Derived:
    """How many TTHC the inspectors judged in list ``name``; unknown while none was judged."""
    if p.listed is None:
        return Derived(None, ["procedures"])
    if not p.content_judged:
        return Derived(None, [j.SOURCE], [j.missing_path(_CONTENT, "…")])
    return Derived(len(p.lists[name]), [f"{j.SOURCE}[*].judgement"])


@derived_field(
    "procedures",
    "content_nonconforming_count",
    "int",
    sources=["procedures", "judgements", "judgements[].judgement"],
    en="TTHC whose internal procedure was judged not to match its TTHC decision (tthc.internal_procedure)",
)
def content_nonconforming_count(p: ProceduresFacts) -> Derived:
    return _content(p, "content_nonconforming")


@derived_field(
    "procedures",
    "content_partly_count",
    "int",
    sources=["procedures", "judgements", "judgements[].judgement"],
    en="TTHC whose internal procedure was judged to match its TTHC decision partly (tthc.internal_procedure)",
)
def content_partly_count(p: ProceduresFacts) -> Derived:
    return _content(p, "content_partly")
