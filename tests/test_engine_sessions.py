"""Several agencies in one durable-rules session (the batch): the same outcomes as one session per agency.

Pins the durable-rules behaviour the batch relies on (``cap``: one firing hands the action every match of a
rule), the grouping of agencies into sessions, the fallback to one session per agency when a shared one
fails (a 32-bit fact-identity collision raises ``MessageObservedException``), and which agency a rule action
was acting on (what the batch blames when a worker dies there).
"""

from __future__ import annotations

import datetime as dt

import durable.engine as durable_engine
from conftest import DEFAULT_AS_OF, case_agency
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import agencies, as_of_dates

from isocheck.api import evaluator_for
from isocheck.engine import durable
from isocheck.engine.durable import MAX_SESSION_FACTS, Engine
from isocheck.facts.model import validate_agency
from isocheck.subjects.derive import derive_subjects


def _subjects(pack, agency, as_of=DEFAULT_AS_OF):
    return derive_subjects(agency, as_of, pack.parameters, None, pack.catalogue)


def _late_documents(n: int) -> dict:
    start = dt.date(2020, 1, 1)
    return {
        "legal_documents": [
            {"number": f"VB-{i}", "effective_on": start + dt.timedelta(days=i), "built_in_on": None} for i in range(n)
        ]
    }


def test_raw_durable_cap_hands_every_match_to_one_firing():
    import isocheck.engine.durable  # noqa: F401 — the background thread switched off

    firings: list[list[str]] = []
    host = durable_engine.Host()
    host.register_rulesets(
        {
            "pin_cap": {
                "r": {
                    "all": [{"m": {"$and": [{"kind": "x"}, {"$gt": {"v": 0}}]}}],
                    "cap": 1000,
                    "run": lambda c: firings.append(sorted(m["subject"] for m in c.m)),
                },
                "sink": {"all": [{"m": {"$ex": {"kind": 1}}}, {"never": {"kind": "__never__"}}], "run": lambda c: None},
            }
        }
    )
    facts = [{"sid": "s1", "kind": "x", "subject": str(i), "v": i % 3} for i in range(9)]
    host.assert_facts("pin_cap", facts)
    host.delete_state("pin_cap", "s1")
    assert firings == [["1", "2", "4", "5", "7", "8"]]  # one firing, every match; v == 0 matches nothing


def test_many_agencies_in_shared_sessions_give_each_agency_its_own_outcomes(pack, monkeypatch):
    engine = evaluator_for(pack, "all", "durable")
    facts = [
        {},
        {},  # the same agency twice: its facts must stay distinct in a shared session
        {"internal_audits": []},
        _late_documents(MAX_SESSION_FACTS + 10),  # more facts than a shared session holds: alone
        {"management_reviews": []},
        _late_documents(40),
    ]
    chunk = [_subjects(pack, case_agency(f)) for f in facts]
    sessions: list[int] = []
    real = durable._host().assert_facts

    def counting(ruleset, batch):
        sessions.append(len({fact[durable.AGENCY] for fact in batch}))
        return real(ruleset, batch)

    monkeypatch.setattr(durable._host(), "assert_facts", counting)
    together = engine.evaluate_many(chunk)
    monkeypatch.undo()
    alone = [engine.evaluate(subjects) for subjects in chunk]
    assert together == alone
    assert all(outcomes and not errors for outcomes, errors in together)
    assert sessions == [3, 1, 2]  # grouped up to MAX_SESSION_FACTS facts, the large agency alone
    late = {s for (rule, s), got in together[3][0].items() if rule.endswith("legal-changes-within-three-months")}
    assert len(late) == MAX_SESSION_FACTS + 10


def test_a_failed_shared_session_is_evaluated_again_one_agency_per_session(pack, monkeypatch):
    """durable-rules identifies a fact by a 32-bit hash: in a large session two distinct facts can collide, and
    the second is dropped with ``MessageObservedException``. Then every agency of that session is matched
    again in a session of its own, so a collision never costs an outcome."""
    engine = Engine(pack.select("all"))
    chunk = [_subjects(pack, case_agency(f)) for f in ({}, {"internal_audits": []}, _late_documents(5))]
    expected = [engine.evaluate(subjects) for subjects in chunk]
    host = durable._host()
    real = host.assert_facts

    def colliding(ruleset, batch):
        if len({fact[durable.AGENCY] for fact in batch}) > 1:
            real(ruleset, batch[:-1])  # part of the shared session is matched, then the collision
            raise durable_engine.MessageObservedException(batch[-1])
        return real(ruleset, batch)

    monkeypatch.setattr(host, "assert_facts", colliding)
    assert engine.evaluate_many(chunk) == expected


def test_the_marker_names_the_agency_the_rules_act_on(pack):
    """The batch blames a worker's death on the agency marked last: the marker follows the actions."""
    seen: list[tuple[int, str]] = []
    marks: list[int] = []

    def wrapper(action, rule, outcome):
        def run(c):
            seen.append((marks[-1], c.m["subject"]))
            action(c)

        return run

    engine = Engine([r for r in pack.select("all") if r.subject == "legal_document"], action_wrapper=wrapper)
    chunk = [_subjects(pack, case_agency({"legal_documents": [_doc(f"A{k}-{i}") for i in range(2)]})) for k in range(3)]
    engine.evaluate_many(chunk, marks.append)
    assert seen and {(k, f"A{k}-{i}") for k in range(3) for i in range(2)} == {(k, s) for k, s in seen}


def _doc(number: str) -> dict:
    return {"number": number, "effective_on": dt.date(2020, 1, 1), "built_in_on": dt.date(2020, 2, 1)}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(agencies(), min_size=2, max_size=6), as_of_dates)
def test_shared_sessions_agree_with_single_sessions_and_the_reference(pack, docs, as_of):
    chunk = [_subjects(pack, validate_agency(doc, "<g>"), as_of) for doc in docs]
    durable_engine_ = evaluator_for(pack, "all", "durable")
    reference = evaluator_for(pack, "all", "reference")
    together = durable_engine_.evaluate_many(chunk)
    assert together == [durable_engine_.evaluate(subjects) for subjects in chunk]
    assert [outcomes for outcomes, _ in together] == [reference.evaluate(subjects)[0] for subjects in chunk]
