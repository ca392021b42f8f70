"""The rule pack loads strictly: bad rule files give one clear error; every rule is complete in both languages."""

from __future__ import annotations

import shutil
import unicodedata

import pytest
from conftest import ROOT

from isocheck.base.errors import InputError
from isocheck.pack.rules import load_pack

RULE = ROOT / "rules" / "maintenance" / "internal-audit-yearly.yaml"


@pytest.fixture()
def pack_copy(tmp_path):
    target = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", target)
    return target


def _load_error(root) -> InputError:
    with pytest.raises(InputError) as info:
        load_pack(root)
    return info.value


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_pack_has_at_least_25_rules_and_covers_every_profile(pack):
    assert len(pack.rules) >= 25
    for profile in ("pre-announcement", "annual", "inspection"):
        assert pack.select(profile)


def test_rule_id_must_match_its_path(pack_copy):
    path = pack_copy / "maintenance" / "internal-audit-yearly.yaml"
    _edit(path, "id: maintenance.internal-audit-yearly", "id: maintenance.audit")
    err = _load_error(pack_copy)
    assert err.file == str(path) and err.field == "id" and err.line == 1
    assert "expected 'maintenance.internal-audit-yearly'" in err.problem


def test_misspelt_condition_field_is_named_with_a_suggestion(pack_copy):
    path = pack_copy / "maintenance" / "internal-audit-yearly.yaml"
    _edit(path, "  audit_count: 0\n  year_over: true", "  audit_cuont: 0\n  year_over: true")
    err = _load_error(pack_copy)
    assert err.field == "fail_when.audit_cuont"
    assert "'audit_cuont' is not a field of subject 'year' (did you mean 'audit_count'?)" in err.problem


def test_condition_value_of_the_wrong_type(pack_copy):
    path = pack_copy / "maintenance" / "internal-audit-yearly.yaml"
    _edit(path, "  year_over: true\npending_when", "  year_over: 'yes'\npending_when")
    err = _load_error(pack_copy)
    assert err.field == "fail_when.year_over.eq" and "expected true or false" in err.problem


def test_unknown_rule_key_and_missing_language(pack_copy):
    path = pack_copy / "maintenance" / "internal-audit-yearly.yaml"
    _edit(path, "severity: major", "severity: major\nseverty: minor")
    err = _load_error(pack_copy)
    assert err.field == "severty" and "did you mean 'severity'" in err.problem
    _edit(path, "severity: major\nseverty: minor", "severity: critical")
    err = _load_error(pack_copy)
    assert err.field == "severity" and "'major', 'minor' or 'observation'" in err.problem


def test_every_rule_is_complete_in_both_languages(pack):
    for rule in pack.rules:
        texts = [rule.title, rule.requirement, rule.message, rule.remediation]
        texts += [t for t in (rule.pending_message, rule.pass_message, rule.not_applicable_reason) if t]
        for text in texts:
            assert unicodedata.is_normalized("NFC", text.vi), rule.id
            assert any(ord(ch) > 127 for ch in text.vi), f"{rule.id}: Vietnamese text without diacritics: {text.vi}"
            assert text.vi != text.en, rule.id
        for citation in rule.citations:
            assert any(ord(ch) > 127 for ch in citation.quote("vi")), rule.id


def test_every_pending_rule_says_when_it_falls_due(pack):
    for rule in pack.rules:
        if rule.pending_when is not None:
            assert rule.pending_message is not None, rule.id


def test_evidence_items_are_whole_sentences(pack):
    """A YAML flow list splits an unquoted item at its comma; each item must stand on its own."""
    for rule in pack.rules:
        for lang in ("vi", "en"):
            for item in rule.evidence.get(lang):
                assert not item[:1].islower(), f"{rule.id} {lang}: {item!r}"
                assert item.count("(") == item.count(")"), f"{rule.id} {lang}: {item!r}"


def test_every_subject_field_has_a_vietnamese_meaning():
    from isocheck.subjects.fields import FIELDS, FIELDS_VI

    missing = [f"{kind}.{name}" for kind, fields in FIELDS.items() for name in fields if name not in FIELDS_VI]
    assert missing == []
