"""Dated rules and a date sweep (issue 12 §5): every rule and every parameter value has its days in force, the
dated versions follow one another with no gap and no overlap, and every fixture evaluated on the first of every
month from 18/05/2014 to 31/12/2026 gives, with both evaluators, the same findings and never an error.

The pack is loaded once and each evaluator compiled once (``evaluator_for`` caches it), so the sweep costs the
evaluations only (about 6,000 per evaluator: the fixtures × 152 days)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from isocheck.base.errors import InputError
from isocheck.engine.evaluate import evaluate
from isocheck.facts.model import Agency, load_agency
from isocheck.law.applicability import check_applies
from isocheck.law.levels import load_levels
from isocheck.law.periods import chain_problem
from isocheck.pack.rules import RulePack
from isocheck.workflows.check import evaluator_for

ROOT = Path(__file__).resolve().parent.parent
FIRST, LAST = dt.date(2014, 5, 18), dt.date(2026, 12, 31)
PROFILE = "annual"


def _days() -> list[dt.date]:
    """18/05/2014 (QĐ 19 in force), then the first of every month up to 01/12/2026, then 31/12/2026."""
    days = [FIRST]
    year, month = 2014, 6
    while dt.date(year, month, 1) <= LAST:
        days.append(dt.date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return [*days, LAST]


def _fixtures() -> list[Path]:
    """Every agency fact file of fixtures/: the single agencies, the Hà Tĩnh province roster and the post-reform
    agencies of 2026 (the legal-change
    inputs of `isocheck impact` and the inspection inputs of `isocheck minutes` are not agency files)."""
    folder = ROOT / "fixtures"
    rosters = [folder / "province-ha-tinh-2021" / "facts", folder / "post-reform-2026"]
    return sorted([*folder.glob("*.yaml"), *(p for roster in rosters for p in roster.glob("*.yaml"))])


def test_every_rule_has_its_days_in_force(pack: RulePack):
    for rule in pack.rules:
        assert rule.effective.from_ >= FIRST, rule.id  # no obligation before QĐ 19/2014 took effect
        assert rule.effective.until is None or rule.effective.until >= rule.effective.from_, rule.id


def test_every_parameter_and_every_level_is_one_chain_of_versions(pack: RulePack):
    for name, entries in pack.parameters._entries.items():
        assert entries, name
        assert chain_problem(entries) is None, name
        assert min(e.valid_from for e in entries) >= FIRST, name
    for name, level in load_levels().items():
        assert chain_problem(level.versions) is None, name


def _signature(findings) -> list[tuple]:
    return [(f.rule.id, f.subject_id, f.outcome, tuple(f.missing or ()), f.message("en")) for f in findings]


def test_every_fixture_on_the_first_of_every_month_with_both_evaluators(pack: RulePack):
    rules = pack.select(PROFILE)
    durable, reference = evaluator_for(pack, PROFILE, "durable"), evaluator_for(pack, PROFILE, "reference")
    agencies: list[tuple[str, Agency]] = [(p.name, load_agency(p)) for p in _fixtures()]
    assert len(agencies) >= 10
    evaluated = refused = 0
    for day in _days():
        for name, agency in agencies:
            try:
                check_applies(agency, day, name)
            except InputError as exc:  # only a level that no longer exists is refused
                assert exc.field == "agency.level" and agency.agency.level == "district" and day > dt.date(2025, 6, 30)
                refused += 1
                continue
            one = evaluate(agency, day, pack, rules, durable)
            other = evaluate(agency, day, pack, rules, reference)
            assert _signature(one) == _signature(other), (name, day)
            errors = [f.id for f in one if f.outcome == "error"]
            assert not errors, (name, day, errors)
            assert {f.rule.id for f in one} == {r.id for r in rules}, (name, day)  # one finding or more per rule
            evaluated += 1
    assert evaluated > 0 and refused > 0


@pytest.mark.parametrize("day", [dt.date(2014, 5, 17), dt.date(2027, 1, 1)])
def test_a_day_outside_the_sweep_is_still_answered(pack: RulePack, day):
    """Before QĐ 19 took effect nothing is in force; after the sweep the last versions stay open."""
    agency = load_agency(ROOT / "fixtures" / "so-xay-dung-ha-tinh-2022.yaml")
    findings = evaluate(agency, day, pack, pack.select(PROFILE), evaluator_for(pack, PROFILE, "reference"))
    assert not [f for f in findings if f.outcome == "error"]
    if day < FIRST:
        assert {f.outcome for f in findings} == {"not_applicable"}
