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


# -- names in a rule's texts, checked when the pack loads ------------------------------------------------

NO_CB = ("contracting", "no-certification-body.yaml")  # findings_per certification_bodies


def test_item_keys_may_fill_the_failure_message_and_remediation_of_a_findings_per_rule(pack):
    rule = pack.by_id["contracting.no-certification-body"]
    assert rule.findings_per == "certification_bodies" and "{body}" in rule.remediation.en  # loads


def test_an_item_key_is_refused_where_the_finding_is_about_the_subject(pack_copy):
    path = pack_copy.joinpath(*NO_CB)
    _edit(path, 'pass_message:\n  vi: "Không có hợp đồng', 'pass_message:\n  vi: "{body}: không có hợp đồng')
    err = _load_error(pack_copy)
    assert (err.file, err.field, err.line) == (str(path), "pass_message.vi", 26)
    assert err.detail.text("en").startswith("the placeholder {body} is not a value of subject 'agency'")


def test_item_keys_in_the_remediation_of_a_rule_that_can_be_pending_are_refused(pack_copy):
    path = pack_copy.joinpath(*NO_CB)
    _edit(
        path,
        "findings_per: certification_bodies\n",
        "findings_per: certification_bodies\npending_when: {certification_body_contracts: 0}\n"
        "pending_message: {vi: Chưa đến hạn., en: Not due yet.}\n",
    )
    err = _load_error(pack_copy)
    assert (err.field, err.detail.key) == ("remediation.vi", "rule.placeholder_unknown")
    assert err.detail.params["name"] == "body"


def test_findings_per_must_name_an_item_list_of_the_subject(pack_copy):
    path = pack_copy.joinpath(*NO_CB)
    _edit(path, "findings_per: certification_bodies", "findings_per: certification_body")
    err = _load_error(pack_copy)
    assert err.field == "findings_per"
    assert err.detail.text("en") == (
        "'certification_body' is not an item list of subject 'agency' (did you mean 'certification_bodies'?); "
        "expected one of: certification_bodies"
    )
    assert err.detail.text("vi") == (
        "'certification_body' không phải là danh sách mục của đối tượng 'agency' (có phải là "
        "'certification_bodies'?); cần một trong: certification_bodies"
    )


@pytest.mark.parametrize("placeholder", ["{nonexistent}", "{year:%Y}", "{year!r}"])
def test_a_placeholder_that_would_crash_at_the_first_failure_is_refused_at_load(pack_copy, placeholder):
    path = pack_copy / "maintenance" / "internal-audit-yearly.yaml"
    _edit(path, 'en: "No internal audit was held in {year}."', f'en: "No internal audit was held in {placeholder}."')
    err = _load_error(pack_copy)
    assert (err.file, err.field, err.line) == (str(path), "message.en", 32)
    assert placeholder in err.detail.text("vi") and placeholder in err.detail.text("en")
