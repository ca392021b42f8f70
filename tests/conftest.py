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
    return validate_agency(data, "<case>")


OUTCOME_NAMES = {"fail", "pending", "pass", "not_evaluable", "not_applicable", "error"}


def case_outcomes(pack: RulePack, rule: Rule, case: dict[str, Any]) -> dict[str, dict[str, list[str]]]:
    """One rule case (tests/cases/README.md) run with each evaluator: evaluator -> outcome -> subject ids.

    Every finding's texts are rendered in both languages on the way (a bad placeholder fails here)."""
    unknown = set(case["expect"]) - OUTCOME_NAMES
    assert not unknown, f"unknown outcomes in expect: {unknown}"
    agency = case_agency(case.get("facts"), case.get("remove"))
    as_of = case.get("as_of", DEFAULT_AS_OF)
    if isinstance(as_of, str):
        as_of = dt.date.fromisoformat(as_of)
    results = {}
    for kind in ("durable", "reference"):
        findings = evaluate(agency, as_of, pack, [rule], evaluator_for(pack, "all", kind), case.get("year"))
        got = defaultdict(list)
        for f in findings:
            got[f.outcome].append(f.subject_id)
            for lang in ("vi", "en"):
                assert f.render(lang)["message"], f"empty message for {f.subject_id}"
        results[kind] = {k: sorted(v) for k, v in got.items()}
    return results


def expected_outcomes(case: dict[str, Any]) -> dict[str, list[str]]:
    """A case's ``expect``: outcome -> the sorted subject ids (outcomes listed empty left out)."""
    return {k: sorted(str(s) for s in v) for k, v in case["expect"].items() if v}
