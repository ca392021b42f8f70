"""Bad input gets one clear message naming file, line and field — and exit code 2 from the CLI."""

from __future__ import annotations

import pytest

from isocheck.base.errors import InputError
from isocheck.facts.model import load_agency

GOOD = """agency:
  name: UBND xã Thử
  level: commune
  province: Hà Tĩnh
  standard: 2015
"""


def _write(tmp_path, text, name="a.yaml", raw=None):
    path = tmp_path / name
    if raw is not None:
        path.write_bytes(raw)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _error(tmp_path, text, **kw) -> InputError:
    path = _write(tmp_path, text, **kw)
    with pytest.raises(InputError) as info:
        load_agency(path)
    return info.value


def test_a_minimal_file_loads(tmp_path):
    assert load_agency(_write(tmp_path, GOOD)).agency.name == "UBND xã Thử"


def test_unknown_field_names_line_and_suggests(tmp_path):
    err = _error(tmp_path, GOOD + "internal_audit:\n  - {date: 2021-01-01}\n")
    assert err.message == (
        f"{tmp_path / 'a.yaml'}:6: internal_audit: unknown field 'internal_audit' "
        "(did you mean 'internal_audits'?); expected one of: agency, records_since, qms, "
        "procedures, legal_documents, internal_audits, management_reviews, announcements, "
        "scope_changes, consultants, certification_bodies, satisfaction_surveys, reports, inspections, "
        "auditor_training, budgets, judgements, marks"
    )


def test_nested_unknown_field(tmp_path):
    err = _error(
        tmp_path,
        GOOD + "announcements:\n  - {decision: 1/QĐ, date: 2021-01-01, standard: 2015, notified_on: 2021-01-02}\n",
    )
    assert err.field == "announcements[0].notified_on"
    assert err.line == 7
    assert "did you mean 'notified_dost_on'" in err.problem


def test_wrong_type(tmp_path):
    err = _error(tmp_path, GOOD.replace("standard: 2015", "standard: 2016"))
    assert err.field == "agency.standard" and err.line == 5
    assert "Input should be 2008 or 2015, found 2016" in err.problem


def test_impossible_date(tmp_path):
    err = _error(tmp_path, GOOD + "records_since: 2021-02-30\n")
    assert err.field == "records_since" and err.line == 6
    assert "2021-02-30" in err.problem


def test_duplicate_key(tmp_path):
    err = _error(tmp_path, GOOD + "records_since: 2021-01-01\nrecords_since: 2021-02-01\n")
    assert err.line == 7 and "duplicate key 'records_since'" in err.problem


def test_not_yaml(tmp_path):
    err = _error(tmp_path, "agency: [unclosed\n")
    assert "not valid YAML" in err.problem and err.line is not None


def test_not_utf8(tmp_path):
    err = _error(tmp_path, "", raw="agency:\n  name: UBND x\xe3\n".encode("latin-1"))
    assert "not UTF-8" in err.problem


def test_empty_file(tmp_path):
    assert "empty" in _error(tmp_path, "  \n").problem


def test_not_a_mapping(tmp_path):
    assert "expected a mapping" in _error(tmp_path, "- 1\n- 2\n").problem


def test_negative_count(tmp_path):
    err = _error(tmp_path, GOOD + "internal_audits:\n  - date: 2021-05-01\n    findings: {major: -1}\n")
    assert err.field == "internal_audits[0].findings.major"
    assert "greater than or equal to 0" in err.problem


def test_missing_required_field(tmp_path):
    err = _error(tmp_path, GOOD.replace("  province: Hà Tĩnh\n", ""))
    assert err.field == "agency.province" and err.problem == "required field is missing"


def test_json_input_and_json_duplicates(tmp_path):
    ok = _write(
        tmp_path, '{"agency": {"name": "X", "level": "commune", "province": "P", "standard": 2015}}', name="a.json"
    )
    assert load_agency(ok).agency.level == "commune"
    err = _error(tmp_path, '{"agency": {}, "agency": {}}', name="b.json")
    assert "duplicate key 'agency'" in err.problem


def test_explicit_null_is_known_none_and_omission_is_unknown(tmp_path):
    from isocheck.facts.model import is_known

    agency = load_agency(_write(tmp_path, GOOD + "qms:\n  quality_policy: null\n"))
    assert is_known(agency.qms, "quality_policy") and agency.qms.quality_policy is None
    assert not is_known(agency.qms, "steering_committee")
