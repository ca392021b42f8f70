"""The subject kinds' declarations (isocheck/subjects/<kind>.py) say what derive really does.

Every derived field declares its type, meaning and fact-file sources once; the rule loader, explain and
docs/facts.md read those declarations. These tests hold them to the computation: the paths each field
declares are the paths derive records, every display value and item key a subject carries is declared,
and the extension point refuses a field declared twice.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from typing import Any

import pytest
from conftest import CASES, CATALOGUES, DEFAULT_AS_OF, FIXTURES, case_agency
from pydantic import BaseModel

from isocheck.docs.fields import FactField, fact_field, fact_fields
from isocheck.facts.catalogue import Catalogue, read_catalogue
from isocheck.facts.evidence import Judgement
from isocheck.facts.model import Agency, load_agency, validate_agency
from isocheck.facts.parse import load_document
from isocheck.facts.records import QmsDuty
from isocheck.subjects.derive import derive_subjects
from isocheck.subjects.fields import FIELDS, FIELDS_VI, KINDS, SUBJECT_KINDS, readable
from isocheck.subjects.registry import Derived, derived_field

SAMPLE_YEAR = 2021
SAMPLE_DAY = dt.date(2021, 6, 1)
SAMPLE_AS_OF = dt.date(2021, 11, 16)


def _sample(model: type[BaseModel], standard: int, full: bool) -> dict[str, Any]:
    """A sample document of ``model``: every field filled (``full``) or only the required ones; a model whose
    fields depend on one another (qms_duty: the fields of its basis) gets the fields one basis takes."""
    if model is QmsDuty:
        basis = {"basis": "mandated", "decision": "x", "issued_on": SAMPLE_DAY, "issuer": "x"}
        return {**basis, "title": "x", "effective_on": SAMPLE_DAY} if full else basis
    return {
        f.name: _sample_value(f, standard, full)
        for f in fact_fields(model)
        if f.owner is model and (full or f.required)
    }


def _sample_value(field: FactField, standard: int, full: bool) -> Any:
    t = field.value_type
    if field.model is Judgement:  # a judgement's fields depend on its criterion: one that takes them all
        return [
            {
                "criterion": "tthc.internal_procedure",
                "item": "x",  # the sample procedure's code
                "judgement": "partly",
                "aspects": ["time_limit"],
                "note": "x",
                "seen_in": "x",
                "judged_by": "x",
                "judged_on": SAMPLE_DAY,
            }
        ]
    if field.model is not None:
        item = _sample(field.model, standard, full)
        return [item] if field.is_list else item
    if typing.get_origin(t) is typing.Literal:
        choices = typing.get_args(t)
        return standard if standard in choices else choices[0]
    if t is bool:
        return True
    if t is int:
        return SAMPLE_YEAR if (field.bounds[0] or 0) >= 2000 else 1
    if t is dt.date:
        return SAMPLE_DAY
    return "x"


def model_path(source: str) -> str | None:
    """A recorded source as a fact-file path (``announcements[0].date`` → ``announcements[].date``), or None
    for a source that is not a path of the fact file (``announcement date``)."""
    path = re.sub(r"\[(\d+|\*)\]", "[]", source).removesuffix("[]")
    return path if fact_field(path) is not None else None


def sample_agencies() -> list[Agency]:
    """Agencies with every fact-file field filled, and with only the required ones, on 2015 and on 2008."""
    return [
        validate_agency(_sample(Agency, standard, full), "<sample>")
        for standard in (2015, 2008)
        for full in (True, False)
    ]


def corpus() -> list[tuple[Agency, dt.date, int | None, Catalogue | None]]:
    """(agency, as-of date, review year, catalogue): the sample agencies, every fixture and every rule case."""
    found: list[tuple[Agency, dt.date, int | None, Catalogue | None]] = [
        (a, as_of, None, None) for a in sample_agencies() for as_of in (SAMPLE_AS_OF, dt.date(2019, 3, 1))
    ]
    for path in sorted(FIXTURES.glob("*.yaml")) + sorted(FIXTURES.glob("**/facts/*.yaml")):
        found += [(load_agency(path), as_of, None, None) for as_of in (dt.date(2019, 3, 1), DEFAULT_AS_OF)]
    for path in sorted(CASES.glob("*.yaml")):
        if path.name.startswith("_"):
            continue
        data, _ = load_document(path)
        for case in data["cases"]:
            as_of = case.get("as_of", DEFAULT_AS_OF)
            as_of = dt.date.fromisoformat(as_of) if isinstance(as_of, str) else as_of
            catalogue = read_catalogue(CATALOGUES / case["catalogue"]) if "catalogue" in case else None
            found.append((case_agency(case.get("facts"), case.get("remove")), as_of, case.get("year"), catalogue))
    return found


def test_declared_sources_are_what_derive_records(pack):
    """Every path derive records for a field is one it declares, and every declared path is recorded somewhere."""
    recorded: dict[tuple[str, str], set[str]] = {(k, n): set() for k in KINDS for n in KINDS[k].fields}
    for agency, as_of, year, catalogue in corpus():
        for subject in derive_subjects(agency, as_of, pack.parameters, year, catalogue):
            for name, sources in subject.sources.items():
                recorded[(subject.kind, name)].update(p for p in map(model_path, sources) if p)
    wrong = {
        f"{kind}.{name}": {"declared": sorted(field.sources), "recorded": sorted(recorded[(kind, name)])}
        for kind, declared in KINDS.items()
        for name, field in declared.fields.items()
        if set(field.sources) != recorded[(kind, name)]
    }
    assert wrong == {}


def test_declared_sources_are_fact_file_paths():
    not_paths = [f"{k}.{n}: {p}" for k, kind in KINDS.items() for n, f in kind.fields.items() for p in f.sources]
    assert [p for p in not_paths if fact_field(p.split(": ")[1]) is None] == []


def test_every_subject_value_is_declared(pack):
    """Display values and item keys derive produces are declared by the kind (and every declared one is used)."""
    shown: dict[str, set[str]] = {k: set() for k in KINDS}
    item_keys: dict[tuple[str, str], set[str]] = {}
    for agency in sample_agencies():
        for as_of in (SAMPLE_AS_OF, dt.date(2019, 3, 1)):
            for subject in derive_subjects(agency, as_of, pack.parameters):
                shown[subject.kind] |= set(subject.display)
                for name, items in subject.items.items():
                    assert name in KINDS[subject.kind].items, f"{subject.kind}: undeclared item list {name}"
                    for item in items:
                        item_keys.setdefault((subject.kind, name), set()).update(item)
    assert {k: sorted(set(kind.display) - shown[k]) for k, kind in KINDS.items() if set(kind.display) - shown[k]} == {}
    for (kind, name), keys in item_keys.items():
        assert keys == set(KINDS[kind].items[name]), (kind, name)


def test_catalogue_views_follow_the_declarations():
    assert tuple(KINDS) == SUBJECT_KINDS
    assert SUBJECT_KINDS[:2] == ("agency", "year") and SUBJECT_KINDS[-1] == "mandatory_procedure"
    field = KINDS["legal_document"].fields["days_after_deadline"]
    assert FIELDS["legal_document"]["days_after_deadline"] == ("int", field.en)
    assert FIELDS_VI["days_after_deadline"] == field.vi
    assert readable("legal_document", "built_in", 1) is True and readable("audit", "open_not_due", 3) == 3
    for kind in KINDS.values():
        for name, f in kind.fields.items():
            assert f.vi.strip() and f.en.strip() and f.kind == kind.name and f.name == name


@pytest.fixture
def restore_agency_fields():
    saved = dict(KINDS["agency"].fields)
    yield
    KINDS["agency"].fields.clear()
    KINDS["agency"].fields.update(saved)


def test_the_extension_point_refuses_a_field_declared_twice(restore_agency_fields):
    with pytest.raises(ValueError, match="declared twice"):
        derived_field("agency", "level", "str", sources=["agency.level"], en="level")(lambda a: Derived(None, []))
    with pytest.raises(ValueError, match="is not one of"):
        derived_field("agency", "ratio", "float", sources=[], en="ratio")(  # type: ignore[arg-type]
            lambda a: Derived(None, [])
        )
    assert "ratio" not in FIELDS["agency"]


def test_a_field_added_through_the_extension_point_is_derived(pack, restore_agency_fields):
    @derived_field("agency", "has_website_address", "bool", sources=["agency.website"], en="has one")
    def has_website_address(a) -> Derived:
        return Derived(a.identity.website is not None, ["agency.website"])

    agency = validate_agency(_sample(Agency, 2015, False), "<sample>")
    subject = derive_subjects(agency, SAMPLE_AS_OF, pack.parameters)[0]
    assert subject.kind == "agency" and subject.fields["has_website_address"] == 0
    assert subject.sources["has_website_address"] == ["agency.website"]
    assert FIELDS["agency"]["has_website_address"] == ("bool", "has one")
