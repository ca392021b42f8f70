"""Explanations: content on the fixtures, both languages, JSON = text data, and remedies that work."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES as FIXTURE_DIR
from golden import FIXTURES
from hypothesis import HealthCheck, given, settings
from strategies import agencies, as_of_dates

from isocheck.api import check_agency, check_file, evaluator_for
from isocheck.cli import cli
from isocheck.engine.evaluate import evaluate
from isocheck.explain.explanation import explain, render_text, select
from isocheck.explain.remedies import remedy_for
from isocheck.facts.model import load_agency, validate_agency

LATE = "fixtures/so-cap-nhat-van-ban-tre.yaml"


def _run(*args):
    import os

    from conftest import ROOT

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        # English unless a test asks for --lang vi
        return CliRunner(env={"ISOCHECK_LANG": "en"}).invoke(cli, list(args), catch_exceptions=False)
    finally:
        os.chdir(cwd)


def test_a_late_legal_document_is_explained_with_its_arithmetic_and_sources():
    result = _run("explain", LATE, "--as-of", "2021-11-16", "--format", "json")
    data = json.loads(result.output)
    late = next(e for e in data["explanations"] if e["subject"]["id"] == "31/2021/NĐ-CP")
    assert late["rule"]["id"] == "maintenance.legal-changes-within-three-months"
    assert late["rule"]["citations"][0]["article"] == 4 and late["rule"]["citations"][0]["point"] == "a"
    assert late["rule"]["effective"] == {"from": "2014-05-18", "until": None}
    row = next(r for r in late["conditions"] if r["field"] == "days_after_deadline")
    assert row["actual"] == "44" and row["test"] == "> 0" and row["holds"] is True
    assert row["how"] == (
        "effective 2021-03-26 + 3 calendar months = deadline 2021-06-26; built in on 2021-08-09: 44 days late"
    )
    fact = next(f for f in late["facts"] if f["field"] == "days_after_deadline")
    assert fact["file"] == LATE and fact["paths"] == [
        "legal_documents[1].effective_on",
        "legal_documents[1].built_in_on",
    ]
    assert late["to_pass"] == {
        "text": "build 31/2021/NĐ-CP into the procedures on or before 2021-06-26",
        "change": True,
    }
    assert late["evidence"] and late["remediation"]


def test_a_law_in_force_before_qd19_counts_from_the_day_the_obligation_began(tmp_path, pack):
    """Issue 10 §5: its deadline is 3 months after 18/05/2014, the first valid_from of legal_update_max_months."""
    path = tmp_path / "old-law.yaml"
    path.write_text(
        "agency: {name: Sở Tư pháp tỉnh Thử, level: department, province: Hà Tĩnh, standard: 2015}\n"
        "legal_documents:\n  - {number: 05/2013/TT-BTP, effective_on: 2013-07-01, built_in_on: 2014-09-02}\n",
        encoding="utf-8",
    )
    found = {}
    for lang in ("vi", "en"):
        result = _run("explain", str(path), "--as-of", "2014-12-01", "--format", "json", "--lang", lang)
        [e] = [e for e in json.loads(result.output)["explanations"] if e["subject"]["id"] == "05/2013/TT-BTP"]
        found[lang] = (next(r for r in e["conditions"] if r["field"] == "days_after_deadline"), e["to_pass"])
    row, to_pass = found["en"]
    assert row["actual"] == "15" and row["holds"] is True
    assert row["how"] == (
        "effective 2013-07-01, before Quyết định 19/2014/QĐ-TTg took effect; counted from 2014-05-18 + 3 calendar "
        "months = deadline 2014-08-18; built in on 2014-09-02: 15 days late"
    )
    assert to_pass["text"] == "build 05/2013/TT-BTP into the procedures on or before 2014-08-18"
    row, to_pass = found["vi"]
    assert row["how"] == (
        "hiệu lực 01/07/2013, trước khi Quyết định 19/2014/QĐ-TTg có hiệu lực; tính từ ngày 18/05/2014 + 3 tháng "
        "dương lịch = hạn 18/08/2014; cập nhật ngày 02/09/2014: trễ 15 ngày"
    )
    assert to_pass["text"] == "cập nhật văn bản 05/2013/TT-BTP vào quy trình chậm nhất ngày 18/08/2014"


def test_the_start_of_the_obligation_is_read_from_the_parameters(tmp_path, pack):
    """Not a literal: move the first valid_from of legal_update_max_months and the deadline moves with it."""
    from conftest import ROOT

    from isocheck.law.parameters import load_parameters
    from isocheck.subjects.derive import derive_subjects

    text = (ROOT / "rules" / "parameters.yaml").read_text(encoding="utf-8")
    moved = tmp_path / "parameters.yaml"
    moved.write_text(
        text.replace("  - value: 3\n    valid_from: 2014-05-18", "  - value: 3\n    valid_from: 2014-06-30")
    )
    agency = validate_agency(
        {
            "agency": {"name": "X", "level": "commune", "province": "Y", "standard": 2015},
            "legal_documents": [{"number": "A", "effective_on": "2014-01-01", "built_in_on": None}],
        },
        "<test>",
    )
    as_of = dt.date(2014, 12, 1)
    for parameters, deadline in (
        (pack.parameters, dt.date(2014, 8, 18)),
        (load_parameters(moved), dt.date(2014, 9, 30)),
    ):
        [doc] = [s for s in derive_subjects(agency, as_of, parameters) if s.kind == "legal_document"]
        assert doc.display["deadline"] == deadline


def test_explaining_one_rule_covers_every_subject_in_vietnamese():
    result = _run(
        "explain",
        LATE,
        "--as-of",
        "2021-11-16",
        "--rule",
        "maintenance.legal-changes-within-three-months",
        "--lang",
        "vi",
    )
    text = result.output
    assert text.count("═" * 100) == 4  # four legal documents: pass, fail, fail, pending
    assert "Để đạt yêu cầu: không cần làm gì thêm, quy tắc đã đạt." in text
    assert "Để đạt yêu cầu: cập nhật văn bản 80/2021/NĐ-CP" in text
    outcomes = sorted(line.split(" · ")[0] for line in text.splitlines() if line.startswith("Kết quả: "))
    # a severity is shown where something would weigh (the two fails, the pending duty), not on the pass
    assert outcomes == [
        "Kết quả: CHƯA ĐẾN HẠN (nhẹ)",
        "Kết quả: KHÔNG PHÙ HỢP (nhẹ)",
        "Kết quả: KHÔNG PHÙ HỢP (nhẹ)",
        "Kết quả: ĐẠT",
    ]
    assert "hiệu lực 26/03/2021 + 3 tháng dương lịch" in text and "= hạn 26/06/2021" in text


def test_not_evaluable_names_the_missing_facts():
    result = _run(
        "explain",
        "fixtures/xa-thieu-thong-tin.yaml",
        "--as-of",
        "2021-11-16",
        "--rule",
        "maintenance.management-review-yearly",
        "--format",
        "json",
    )
    e = json.loads(result.output)["explanations"][0]
    assert e["outcome"] == "not_evaluable" and e["missing"] == ["management_reviews"]
    assert e["to_pass"]["text"] == "Provide: Management reviews held (management_reviews), then check again."


def test_unknown_rule_is_a_usage_error():
    assert _run("explain", LATE, "--rule", "no.such").exit_code == 2


@pytest.mark.parametrize("fixture", sorted(FIXTURES))
def test_every_failed_rule_of_every_fixture_is_explained_in_both_languages(pack, fixture):
    as_of = dt.date.fromisoformat(FIXTURES[fixture])
    report = check_file(FIXTURE_DIR / fixture, as_of, pack=pack)
    chosen = select(report.findings, None)
    for lang in ("vi", "en"):
        explanations = [explain(f, fixture, as_of, lang) for f in chosen]
        text = render_text(explanations, lang)
        for f, e in zip(chosen, explanations, strict=False):
            assert e["message"] in text and e["rule"]["id"] in text
            assert e["conditions"] and e["facts"]
            assert e["to_pass"]["change"], f"no remedy for {f.rule_id} / {f.subject_id}"


# -- remedies really make the rule pass ---------------------------------------------------------


def _fixed(pack, agency, as_of, finding, year=None):
    remedy = remedy_for(finding.rule, finding.subject, finding.outcome, as_of, finding.item)
    assert remedy is not None, f"no remedy for {finding.rule_id} / {finding.subject_id}"
    doc = agency.model_dump(mode="python", exclude_unset=True)
    remedy.apply(doc)
    patched = validate_agency(doc, "<patched>")
    after = evaluate(patched, as_of, pack, [finding.rule], evaluator_for(pack, "all", "reference"), year)
    if finding.item is not None:  # one finding per item: that item no longer fails
        return finding.subject_id not in {f.subject_id for f in after if f.outcome == "fail"}
    return [f.outcome for f in after if f.subject_id == finding.subject_id] == ["pass"]


@pytest.mark.parametrize("fixture", sorted(FIXTURES))
def test_remedies_of_every_fixture_finding_make_it_pass(pack, fixture):
    as_of = dt.date.fromisoformat(FIXTURES[fixture])
    agency = load_agency(FIXTURE_DIR / fixture)
    report = check_agency(agency, as_of, pack)
    for finding in report.findings:
        if finding.outcome in ("fail", "pending"):
            assert _fixed(pack, agency, as_of, finding), (finding.rule_id, finding.subject_id)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(agencies(), as_of_dates)
def test_remedies_make_the_rule_pass_on_generated_agencies(pack, doc, as_of):
    agency = validate_agency(doc, "<generated>")
    findings = evaluate(agency, as_of, pack, pack.rules, evaluator_for(pack, "all", "reference"))
    for finding in findings:
        if finding.outcome not in ("fail", "pending"):
            continue
        remedy = remedy_for(finding.rule, finding.subject, finding.outcome, as_of, finding.item)
        if remedy is None:
            continue
        assert _fixed(pack, agency, as_of, finding), (finding.rule_id, finding.subject_id, finding.outcome)


def test_every_rule_explains_in_both_languages(pack):
    """`explain --rule` on every rule, every subject and outcome, in Vietnamese and English."""
    import datetime as _dt

    from isocheck.api import check_file as _check
    from isocheck.explain.explanation import explain as _explain
    from isocheck.explain.explanation import render_text, select

    path = Path(__file__).resolve().parent.parent / "fixtures" / "phuong-duc-thuan-2021.yaml"
    report = _check(path, _dt.date(2021, 11, 16), "all", pack)
    for rule_id in sorted(pack.by_id):
        for lang in ("vi", "en"):
            texts = [_explain(f, str(path), report.as_of, lang) for f in select(report.findings, rule_id)]
            assert texts and render_text(texts, lang).strip(), rule_id
