"""Property tests: calendar months, engine/reference equivalence, and shift invariance."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import agencies, as_of_dates

from isocheck.api import evaluator_for
from isocheck.base.calendar import add_months
from isocheck.engine.evaluate import evaluate
from isocheck.facts.model import validate_agency

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# -- calendar months -----------------------------------------------------------------------------


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)), st.integers(0, 36))
def test_add_months_lands_in_the_right_month_and_clamps(day, months):
    result = add_months(day, months)
    index = day.year * 12 + day.month - 1 + months
    assert (result.year, result.month) == (index // 12, index % 12 + 1)
    last = calendar.monthrange(result.year, result.month)[1]
    assert result.day == min(day.day, last)


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)),
    st.integers(0, 24),
)
def test_add_months_is_monotonic(a, b, months):
    if a <= b:
        assert add_months(a, months) <= add_months(b, months)


def test_add_months_month_ends_and_leap_years():
    assert add_months(dt.date(2021, 1, 31), 1) == dt.date(2021, 2, 28)
    assert add_months(dt.date(2020, 1, 31), 1) == dt.date(2020, 2, 29)
    assert add_months(dt.date(2021, 11, 30), 3) == dt.date(2022, 2, 28)
    assert add_months(dt.date(2023, 11, 30), 3) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2021, 3, 1), 3) == dt.date(2021, 6, 1)
    assert add_months(dt.date(2021, 8, 31), 3) == dt.date(2021, 11, 30)
    assert add_months(dt.date(2000, 2, 29), 12) == dt.date(2001, 2, 28)


# -- engine and reference evaluator agree --------------------------------------------------------


def _outcomes(pack, agency, as_of, kind, year=None):
    findings = evaluate(agency, as_of, pack, pack.rules, evaluator_for(pack, "all", kind), year)
    return sorted((f.rule_id, f.subject_id, f.outcome) for f in findings)


@SETTINGS
@given(agencies(), as_of_dates)
def test_durable_and_reference_give_identical_findings(pack, doc, as_of):
    agency = validate_agency(doc, "<generated>")
    durable = _outcomes(pack, agency, as_of, "durable")
    reference = _outcomes(pack, agency, as_of, "reference")
    assert durable == reference
    assert not [o for o in durable if o[2] == "error"]


# -- shifting every date by 28 years changes no outcome ------------------------------------------

YEARS = 28
# Rules whose outcome depends on a fixed legal date (a parameter), not only on the facts' own dates.
FIXED_DATE_FIELDS = {"days_past_transition_deadline", "certification_body_contracts"}


def _shift(value, key=None):
    if isinstance(value, dt.date):
        return value.replace(year=value.year + YEARS)
    if isinstance(value, dict):
        return {k: _shift(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_shift(v) for v in value]
    if key == "year" and isinstance(value, int):
        return value + YEARS
    return value


def _shift_id(subject_id: str) -> str:
    return re.sub(r"\b(19|20)\d\d\b", lambda m: str(int(m.group()) + YEARS), subject_id)


@SETTINGS
@given(agencies(), as_of_dates)
def test_shifting_all_dates_by_28_years_changes_no_outcome(pack, doc, as_of):
    from isocheck.pack.conditions import fields_of

    rules = [
        r
        for r in pack.rules
        if not FIXED_DATE_FIELDS & set(fields_of(r.conditions["fail_when"]) + fields_of(r.conditions["pending_when"]))
        and r.effective.from_ <= as_of  # a rule in force from a later date (TT 01/2018's) would come into force
    ]
    before = evaluate(validate_agency(doc, "<g>"), as_of, pack, rules, evaluator_for(pack, "all", "reference"))
    shifted_doc = _shift(doc)
    after = evaluate(
        validate_agency(shifted_doc, "<g>"), _shift(as_of), pack, rules, evaluator_for(pack, "all", "reference")
    )
    assert sorted((f.rule_id, _shift_id(f.subject_id), f.outcome) for f in before) == sorted(
        (f.rule_id, f.subject_id, f.outcome) for f in after
    )
