"""Pins the durable-rules behaviours listed in DESIGN.md and the tool's answer to each."""

from __future__ import annotations

import datetime as dt

import durable.engine as durable_engine
import pytest
from conftest import DEFAULT_AS_OF, case_agency

from isocheck.api import evaluator_for
from isocheck.engine.durable import Engine, compile_condition
from isocheck.engine.evaluate import evaluate
from isocheck.engine.findings import worst_gate


def _ruleset(name, definition):
    host = durable_engine.Host()
    host.register_rulesets({name: definition})
    return host


def test_background_thread_is_switched_off():
    import isocheck.engine.durable  # noqa: F401 — importing applies the switch

    host = durable_engine.Host()
    assert not hasattr(host, "_d_timer"), "the dispatch thread must not start"


def test_raw_durable_swallows_action_exceptions_into_the_state():
    def boom(c):
        raise ValueError("boom")

    host = _ruleset("pin_exception", {"r": {"all": [{"m": {"kind": "x"}}], "run": boom}})
    state = host.assert_facts("pin_exception", [{"sid": "s1", "kind": "x", "subject": "1"}])
    assert "boom" in state["exception"]  # the caller is not told by an exception


def test_raw_durable_raises_for_an_unmatched_fact():
    host = _ruleset("pin_unmatched", {"r": {"all": [{"m": {"kind": "x"}}], "run": lambda c: None}})
    with pytest.raises(durable_engine.MessageNotHandledException):
        host.assert_facts("pin_unmatched", [{"sid": "s1", "kind": "y", "subject": "1"}])


def test_raw_durable_rejects_an_identical_fact():
    host = _ruleset("pin_dup", {"r": {"all": [{"m": {"kind": "x"}}], "run": lambda c: None}})
    host.assert_fact("pin_dup", {"sid": "s1", "kind": "x", "subject": "1"})
    with pytest.raises(durable_engine.MessageObservedException):
        host.assert_fact("pin_dup", {"sid": "s1", "kind": "x", "subject": "1"})


def test_raw_durable_or_fires_once_per_true_branch():
    fired = []
    host = _ruleset(
        "pin_or",
        {
            "r": {
                "all": [{"m": {"$and": [{"kind": "x"}, {"$or": [{"a": 1}, {"b": 1}]}]}}],
                "run": lambda c: fired.append(c.m["subject"]),
            }
        },
    )
    host.assert_facts("pin_or", [{"sid": "s1", "kind": "x", "subject": "1", "a": 1, "b": 1}])
    assert fired == ["1", "1"]


def test_raw_durable_treats_text_5_as_number_5():
    fired = []
    host = _ruleset(
        "pin_types",
        {"r": {"all": [{"m": {"$and": [{"kind": "x"}, {"n": 5}]}}], "run": lambda c: fired.append(c.m["subject"])}},
    )
    host.assert_facts("pin_types", [{"sid": "s1", "kind": "x", "subject": "1", "n": "5"}])
    assert fired == ["1"]  # why facts carry ints only and rule values are type-checked on load


def test_an_action_exception_gives_error_for_that_rule_and_a_failing_exit(pack):
    target = "maintenance.internal-audit-yearly"

    def wrapper(action, rule, outcome):
        if rule.id != target:
            return action

        def broken(c):
            raise RuntimeError("deliberately broken action")

        return broken

    engine = Engine(pack.rules, action_wrapper=wrapper)
    findings = evaluate(case_agency({}), DEFAULT_AS_OF, pack, pack.rules, engine)
    errors = [(f.rule_id, f.subject_id) for f in findings if f.outcome == "error"]
    assert errors == [(target, "2021")]
    assert "deliberately broken action" in next(f.error for f in findings if f.outcome == "error")
    assert worst_gate(findings, "none")  # an error never passes the gate
    others = [f for f in findings if f.rule_id != target]
    assert others and all(f.outcome != "error" for f in others)


def test_a_missing_outcome_is_an_error_not_a_pass(pack):
    class Silent:
        name = "silent"

        def evaluate(self, subjects):
            return {}, {}

    findings = evaluate(case_agency({}), DEFAULT_AS_OF, pack, pack.rules, Silent())
    assert findings and all(f.outcome in ("error", "not_applicable") for f in findings)
    assert any(f.outcome == "error" for f in findings)


def test_more_agencies_than_the_session_limit_in_one_ruleset(pack):
    from isocheck.subjects.derive import derive_subjects

    engine = evaluator_for(pack, "all", "durable")
    agency = case_agency({})
    first = evaluate(agency, DEFAULT_AS_OF, pack, pack.rules, engine)
    subjects = derive_subjects(agency, DEFAULT_AS_OF, pack.parameters)
    for _ in range(1100):  # > 1,024 live sessions if states were not deleted
        outcomes, errors = engine.evaluate(subjects)
        assert outcomes and not errors
    again = evaluate(agency, DEFAULT_AS_OF, pack, pack.rules, engine)
    assert [(f.rule_id, f.subject_id, f.outcome) for f in first] == [
        (f.rule_id, f.subject_id, f.outcome) for f in again
    ]


def test_two_rulesets_in_one_process_do_not_interfere(pack):
    a = Engine(pack.rules)
    b = Engine([r for r in pack.rules if r.subject == "year"])
    late = case_agency({"internal_audits": []})
    fa = evaluate(late, DEFAULT_AS_OF, pack, pack.rules, a)
    fb = evaluate(late, DEFAULT_AS_OF, pack, [r for r in pack.rules if r.subject == "year"], b)
    year_a = sorted((f.rule_id, f.outcome) for f in fa if f.subject_kind == "year")
    year_b = sorted((f.rule_id, f.outcome) for f in fb if f.subject_kind == "year")
    assert year_a == year_b and ("maintenance.internal-audit-yearly", "pending") in year_a


def test_many_facts_in_one_session_lose_no_finding(pack):
    docs = [
        {"number": f"VB-{i}", "effective_on": dt.date(2020, 1, 1) + dt.timedelta(days=i), "built_in_on": None}
        for i in range(300)
    ]
    agency = case_agency({"legal_documents": docs})
    findings = evaluate(agency, DEFAULT_AS_OF, pack, pack.rules, evaluator_for(pack, "all", "durable"))
    late = {f.subject_id for f in findings if f.rule_id == "maintenance.legal-changes-within-three-months"}
    assert late == {d["number"] for d in docs}


def test_an_empty_agency_batch_is_never_sent_to_durable(pack):
    assert Engine(pack.rules).evaluate([]) == ({}, {})  # durable-rules segfaults on assert_facts([])


def test_compiled_conditions_use_durable_operator_syntax():
    assert compile_condition(("cmp", "days", "gt", 0)) == {"$gt": {"days": 0}}
    assert compile_condition(("cmp", "days", "eq", 0)) == {"days": 0}
    assert compile_condition(("unknown", "days")) == {"$nex": {"days": 1}}
    assert compile_condition(("and", [("known", "a"), ("cmp", "a", "ne", 1)])) == {
        "$and": [{"$ex": {"a": 1}}, {"$neq": {"a": 1}}]
    }
