"""Per-rule YAML cases (tests/cases/<rule-id>.yaml): each names exactly which subjects get which outcome.

Every case runs through both evaluators (durable-rules and the reference), which must agree, and
renders every finding's texts in both languages (a bad placeholder fails here, not in front of a user).
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from conftest import CASES, CATALOGUES, DEFAULT_AS_OF, case_agency, case_outcomes, expected_outcomes

from isocheck.api import evaluator_for
from isocheck.engine.evaluate import evaluate
from isocheck.facts.catalogue import read_catalogue
from isocheck.facts.parse import load_document


def _case_files():
    return sorted(p for p in CASES.glob("*.yaml") if not p.name.startswith("_"))


def _cases():
    for path in _case_files():
        data, _ = load_document(path)
        for i, case in enumerate(data["cases"]):
            yield pytest.param(data["rule"], case, id=f"{data['rule']}[{i}] {case['name']}")


@pytest.mark.parametrize("rule_id, case", list(_cases()))
def test_rule_case(pack, rule_id, case):
    assert rule_id in pack.by_id, f"case file names unknown rule {rule_id}"
    results = case_outcomes(pack, pack.by_id[rule_id], case)
    assert results["durable"] == results["reference"], "engine and reference evaluator disagree"
    assert results["durable"] == expected_outcomes(case, results["durable"])


def test_every_rule_has_pass_and_fail_cases(pack):
    covered = defaultdict(set)
    for path in _case_files():
        data, _ = load_document(path)
        assert path.stem == data["rule"], f"{path.name} must be named after its rule id"
        for case in data["cases"]:
            covered[data["rule"]].update(k for k, v in case["expect"].items() if v)
    missing = {
        r.id: sorted({"pass", "fail"} - covered[r.id]) for r in pack.rules if not {"pass", "fail"} <= covered[r.id]
    }
    assert not missing, f"rules without a passing and a failing case: {missing}"


def test_base_agency_conforms(pack):
    """The case base is fully conforming: no rule fails, errors or is not evaluable on it (its scope checked against
    the province's TTHC list of tests/cases/catalogues/base.csv)."""
    pack = pack.with_catalogue(read_catalogue(CATALOGUES / "base.csv"))
    findings = evaluate(case_agency({}), DEFAULT_AS_OF, pack, pack.rules, evaluator_for(pack, "all", "durable"))
    bad = [
        (f.rule_id, f.subject_id, f.outcome, f.message("en"))
        for f in findings
        if f.outcome in ("fail", "error", "not_evaluable")
    ]
    assert not bad
