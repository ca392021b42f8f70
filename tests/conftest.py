"""Shared test fixtures: the rule pack (loaded once), paths, and case-file helpers."""

from __future__ import annotations

import copy
import datetime as dt
import os
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from isocheck.api import evaluator_for
from isocheck.engine.evaluate import evaluate
from isocheck.facts.catalogue import read_catalogue
from isocheck.facts.model import Agency, validate_agency
from isocheck.facts.parse import load_document
from isocheck.pack.rules import Rule, RulePack, load_pack

# batch runs keep their cache of validated agencies in a folder of this test session, not the user's
os.environ["ISOCHECK_CACHE_DIR"] = tempfile.mkdtemp(prefix="isocheck-test-cache-")

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
FIXTURES = ROOT / "fixtures"
DEFAULT_AS_OF = dt.date(2021, 11, 16)


# the single-agency fixtures evaluated as of 16/11/2021 (Sở Xây dựng's file runs to November 2022)
SCENARIOS = sorted(p for p in FIXTURES.glob("*.yaml") if p.name != "so-xay-dung-ha-tinh-2022.yaml")


@pytest.fixture
def folder(tmp_path) -> Path:
    """A batch folder with a copy of each scenario fixture (test modules may define their own)."""
    target = tmp_path / "province"
    target.mkdir()
    for path in SCENARIOS:
        shutil.copy(path, target / path.name)
    return target


@pytest.fixture(scope="session")
def pack() -> RulePack:
    return load_pack(ROOT / "rules")


def base_facts() -> dict:
    data, _ = load_document(CASES / "_base.yaml")
    return data


def merge(base: dict, override: dict) -> dict:
    """Override top-level keys; merge nested mappings; replace lists whole."""
    result = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merge(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


def case_agency(facts: dict | None, remove: list[str] | None = None) -> Agency:
    data = merge(base_facts(), facts or {})
    for path in remove or []:
        target = data
        *parents, last = path.split(".")
        for part in parents:
            target = target[part]
        target.pop(last, None)
    if "judgements" not in (facts or {}):
        without_stale_judgements(data)
    return validate_agency(data, "<case>")


def without_stale_judgements(data: dict) -> dict:
    """Drop the base's judgements of audits, reviews and TTHC a case replaced (a judgement of an item the file
    does not have is an input error)."""
    if "judgements" in data:
        data["judgements"] = [j for j in data["judgements"] if _on_record(j, data)]
    return data


def _on_record(judgement: dict, data: dict) -> bool:
    """True when the item a base judgement is about is still in the case's facts."""
    item = judgement.get("item")
    lists = {
        "internal_audit.records": ("internal_audits", "date"),
        "management_review.inputs_outputs": ("management_reviews", "date"),
        "tthc.internal_procedure": ("procedures", "code"),
    }
    if judgement["criterion"] not in lists:
        return judgement["criterion"] != "document_control.as_written" or data["agency"]["standard"] == 2015
    name, key = lists[judgement["criterion"]]
    return any(entry.get(key) == item for entry in data.get(name) or [])


OUTCOME_NAMES = {"fail", "pending", "pass", "not_evaluable", "not_applicable", "error"}
CATALOGUES = CASES / "catalogues"


def case_pack(pack: RulePack, case: dict[str, Any]) -> RulePack:
    """The pack a case runs with: with the province's TTHC list ``catalogue`` (a file of tests/cases/catalogues)."""
    name = case.get("catalogue")
    return pack if name is None else pack.with_catalogue(read_catalogue(CATALOGUES / name))


def case_outcomes(pack: RulePack, rule: Rule, case: dict[str, Any]) -> dict[str, dict[str, list[str]]]:
    """One rule case (tests/cases/README.md) run with each evaluator: evaluator -> outcome -> subject ids.

    Every finding's texts are rendered in both languages on the way (a bad placeholder fails here)."""
    unknown = set(case["expect"]) - OUTCOME_NAMES
    assert not unknown, f"unknown outcomes in expect: {unknown}"
    agency = case_agency(case.get("facts"), case.get("remove"))
    pack = case_pack(pack, case)
    as_of = case.get("as_of", DEFAULT_AS_OF)
    if isinstance(as_of, str):
        as_of = dt.date.fromisoformat(as_of)
    results = {}
    for kind in ("durable", "reference"):
        findings = evaluate(agency, as_of, pack, [rule], evaluator_for(pack, "all", kind), case.get("year"))
        got = defaultdict(list)
        for f in findings:
            got[f.outcome].append(f.subject_id)
            if f.outcome == "fail":
                got[f"severity:{f.subject_id}"].append(f.severity)
            for lang in ("vi", "en"):
                assert f.render(lang)["message"], f"empty message for {f.subject_id}"
        results[kind] = {k: sorted(v) for k, v in got.items()}
    return results


def expected_outcomes(case: dict[str, Any], got: dict[str, list[str]] | None = None) -> dict[str, list[str]]:
    """A case's ``expect``: outcome -> the sorted subject ids (outcomes listed empty left out); with ``severity``
    (subject id -> severity of its nonconformity), those too. Without it, the severities ``got`` are taken as
    expected (a case need not name them)."""
    expected = {k: sorted(str(s) for s in v) for k, v in case["expect"].items() if v}
    severities = case.get("severity")
    if severities is not None:
        expected.update({f"severity:{k}": [v] for k, v in severities.items()})
    for key, value in (got or {}).items():
        if key.startswith("severity:") and (severities is None or key.removeprefix("severity:") not in severities):
            expected[key] = value
    return expected
