"""Subject kind ``procedures``: the agency's list of administrative procedures (TTHC) — which have an
internal ISO procedure, and which match the e-one-stop software."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from isocheck.facts.model import Procedure
from isocheck.subjects.context import Derivation, SubjectFacts
from isocheck.subjects.registry import Derived, SubjectKind, derived_field

_ITEM_KEYS = ("id", "label", "code", "name", "field", "announced_by", "source")

KIND = SubjectKind(
    "procedures",
    title=("danh mục TTHC", "the list of administrative procedures"),
    display={
        "procedure_count": "number of TTHC listed",
        "uncovered_count": "number of TTHC known to have no internal procedure",
        "mismatch_count": "number of covered TTHC known to differ from the e-one-stop software",
    },
    items={
        "uncovered": _ITEM_KEYS,  # TTHC without an internal procedure
        "coverage_unknown": _ITEM_KEYS,  # TTHC whose internal procedure is not said
        "mismatched": _ITEM_KEYS,  # covered TTHC whose procedure differs from the e-one-stop software
        "mismatch_unknown": _ITEM_KEYS,  # covered TTHC for which the match is not said
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
        "source": f"procedures[{i}]",
    }


class ProceduresFacts(SubjectFacts):
    def __init__(self, d: Derivation):
        self.listed = d.agency.procedures
        super().__init__(d, "procedures", {"vi": "Danh mục TTHC", "en": "Administrative procedures"})
        listed = list(enumerate(self.listed or []))
        covered = [(i, p) for i, p in listed if p.internal_procedure]
        self.lists: dict[str, list[dict[str, Any]]] = {
            "uncovered": [_item(i, p) for i, p in listed if p.internal_procedure is False],
            "coverage_unknown": [_item(i, p) for i, p in listed if p.internal_procedure is None],
            "mismatched": [_item(i, p) for i, p in covered if p.matches_one_stop is False],
            "mismatch_unknown": [_item(i, p) for i, p in covered if p.matches_one_stop is None],
        }

    def display(self) -> dict[str, Any]:
        if self.listed is None:
            return {}
        return {
            "procedure_count": len(self.listed),
            "uncovered_count": len(self.lists["uncovered"]),
            "mismatch_count": len(self.lists["mismatched"]),
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
    vi="số TTHC thuộc thẩm quyền",
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
    vi="số TTHC chưa có quy trình nội bộ",
    en="TTHC without an internal ISO procedure",
)
def uncovered_count(p: ProceduresFacts) -> Derived:
    return _count(p, "uncovered", "coverage_unknown", "internal_procedure")


@derived_field(
    "procedures",
    "mismatch_count",
    "int",
    sources=["procedures", "procedures[].matches_one_stop"],
    vi="số TTHC có quy trình khác phần mềm một cửa điện tử",
    en="TTHC whose internal procedure differs from the e-one-stop software",
)
def mismatch_count(p: ProceduresFacts) -> Derived:
    return _count(p, "mismatched", "mismatch_unknown", "matches_one_stop")
