"""Province overlays: a province's own file beside the national pack skips rules, changes severities, sets
parameters and adds criteria, each with its decision; every report says which rule came from where."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, case_agency

from isocheck.api import evaluator_for, load_pack
from isocheck.base.errors import InputError
from isocheck.cli import cli
from isocheck.engine.evaluate import evaluate
from isocheck.law.overlay import load_overlay

EXAMPLE = ROOT / "overlays" / "ha-tinh.example.yaml"
AFTER = dt.date(2022, 11, 18)  # every decision of the example in force
BEFORE = dt.date(2021, 11, 16)  # the 2022 decisions not yet in force; 3396/QĐ-UBND (11/10/2021) is


def _run(pack, facts: dict, as_of: dt.date, rule_id: str, year: int | None = None) -> dict[str, list[str]]:
    """subject ids per outcome of one rule, by both evaluators (which must agree)."""
    agency = case_agency(facts)
    results = []
    for kind in ("durable", "reference"):
        found: dict[str, list[str]] = {}
        rules = [r for r in pack.rules if r.id == rule_id]
        for f in evaluate(agency, as_of, pack, rules, evaluator_for(pack, "all", kind), year):
            found.setdefault(f.outcome, []).append(f.subject_id)
        results.append(found)
    assert results[0] == results[1]
    return results[0]


def _findings(pack, facts: dict, as_of: dt.date, rule_id: str):
    rules = [r for r in pack.rules if r.id == rule_id]
    return evaluate(case_agency(facts), as_of, pack, rules, evaluator_for(pack, "all", "reference"))


def test_the_example_is_beside_the_pack_not_a_copy_of_it():
    overlay = load_overlay(EXAMPLE).overlay
    national = load_pack()
    assert overlay.example and overlay.extends == national.info.name
    assert all(r.rule["id"].startswith("ha-tinh.") for r in overlay.rules)
    assert len(overlay.rules) < len(national.rules) / 10
    # every real decision is one a seed report cites; every other is a marked placeholder
    for key, decision in overlay.decisions.items():
        assert decision.placeholder or decision.seen_in, key
        assert decision.placeholder == key.startswith("vi-du-"), key


def test_a_shipped_overlay_is_found_by_name():
    assert Path(load_overlay("ha-tinh.example").file).resolve() == EXAMPLE.resolve()


def test_a_skipped_rule_is_not_applicable_with_its_decision():
    tailored = load_pack(overlay=EXAMPLE, as_of=AFTER)
    facts = {"qms": {"iso_secretary": None}}
    assert _run(load_pack(), facts, AFTER, "organisation.iso-secretary") == {"fail": ["agency"]}
    assert _run(tailored, facts, AFTER, "organisation.iso-secretary") == {"not_applicable": ["agency"]}
    (finding,) = _findings(tailored, facts, AFTER, "organisation.iso-secretary")
    assert "…/SKHCN-TĐC" in finding.message("vi") and "tỉnh Hà Tĩnh" in finding.message("vi")
    assert "ví dụ" in finding.message("vi") and "example" in finding.message("en")


def test_a_severity_change_takes_effect_from_its_decision():
    facts = {"qms": {"maintenance_plans": []}}
    national = load_pack()
    assert national.by_id["maintenance.yearly-maintenance-plan"].severity == "observation"
    after = load_pack(overlay=EXAMPLE, as_of=AFTER)
    rule = after.by_id["maintenance.yearly-maintenance-plan"]
    assert rule.severity == "minor" and "44/KH-SKHCN" in rule.citation_text("vi")
    assert _run(after, facts, AFTER, "maintenance.yearly-maintenance-plan", 2022) == {"fail": ["2022"]}
    before = load_pack(overlay=EXAMPLE, as_of=BEFORE)  # Kế hoạch 44/KH-SKHCN is dated 14/01/2022
    assert before.by_id["maintenance.yearly-maintenance-plan"].severity == "observation"
    change = before.by_id["maintenance.yearly-maintenance-plan"].origin.changes[0]
    assert not change.in_force and "chưa có hiệu lực" in change.describe("vi")


def test_a_parameter_the_overlay_sets_is_used_when_the_request_names_no_deadline():
    report = {"year": 2022, "requested_by": "1/SKHCN", "requested_on": dt.date(2022, 10, 1), "due_on": None}
    facts = {"reports": [{**report, "submitted_on": dt.date(2022, 11, 18)}]}
    rule = "maintenance.yearly-report-on-time"
    # without a deadline, the deadline is unknown (never an invented 31 December)
    assert _run(load_pack(), facts, AFTER, rule, 2022) == {"not_evaluable": ["2022"]}
    tailored = load_pack(overlay=EXAMPLE, as_of=AFTER)
    assert _run(tailored, facts, AFTER, rule, 2022) == {"fail": ["2022"]}  # the overlay's 15/11
    early = {"reports": [{**report, "submitted_on": dt.date(2022, 11, 15)}]}
    assert _run(tailored, early, AFTER, rule, 2022) == {"pass": ["2022"]}  # on the day itself
    (finding,) = _findings(tailored, facts, AFTER, rule)
    assert "15/11/2022" in finding.message("vi") and "…/QĐ-UBND" in finding.citation_text("vi")
    assert finding.render("en")["origin"]["changes"][0]["target"] == "yearly_report_due"


def test_the_survey_method_the_overlay_sets_is_in_the_remediation():
    facts = {"satisfaction_surveys": []}
    rule = "maintenance.customer-satisfaction-survey"
    (national,) = _findings(load_pack(), facts, dt.date(2023, 1, 5), rule)
    (tailored,) = _findings(load_pack(overlay=EXAMPLE, as_of=AFTER), facts, dt.date(2023, 1, 5), rule)
    assert "thang đánh giá 5 mức" not in national.render("vi")["remediation"]
    assert "thang đánh giá 5 mức" in tailored.render("vi")["remediation"]
    assert "five-level scale" in tailored.render("en")["remediation"]


def test_a_criterion_the_overlay_adds_names_its_failing_subjects():
    tailored = load_pack(overlay=EXAMPLE, as_of=AFTER)
    rule = "ha-tinh.corrective-actions-done-by-self-scoring"
    assert rule in tailored.by_id and rule not in load_pack().by_id
    assert tailored.by_id[rule].origin.source == "overlay"
    open_action = {"finding": "Thiếu phiếu", "severity": "minor", "due_on": dt.date(2022, 12, 31), "closed_on": None}
    audits = [
        {"date": dt.date(2022, 9, 20), "findings": {"minor": 1}, "corrective_actions": [open_action]},
        {"date": dt.date(2022, 3, 2), "findings": {"minor": 0}, "corrective_actions": []},
    ]
    result = _run(tailored, {"internal_audits": audits}, AFTER, rule)
    assert result == {"fail": ["2022-09-20"], "pass": ["2022-03-02"]}
    before = _run(tailored, {"internal_audits": audits}, dt.date(2021, 10, 10), rule)
    assert set(before) == {"not_applicable"}  # the criterion starts with its decision, 11/10/2021


def _overlay_copy(tmp_path: Path, old: str | None, new: str) -> Path:
    path = tmp_path / "tinh.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    assert old is None or old in text, old
    path.write_text(new if old is None else text.replace(old, new, 1), encoding="utf-8")
    return path


BAD = {
    "unknown rule": (
        "  - rule: maintenance.yearly-maintenance-plan\n",
        "  - rule: maintenance.yearly-maintenance-plans\n",
        "severity[0].rule: no rule with id 'maintenance.yearly-maintenance-plans' (did you mean "
        "'maintenance.yearly-maintenance-plan'?)",
        "severity[0].rule: không có quy tắc nào mang mã 'maintenance.yearly-maintenance-plans' (có phải là "
        "'maintenance.yearly-maintenance-plan'?)",
    ),
    "unknown decision": (
        "    decision: kh-44-skhcn-2022\n",
        "    decision: kh-44-skhcn-2021\n",
        "severity[0].decision: no decision 'kh-44-skhcn-2021' under 'decisions' (did you mean 'kh-44-skhcn-2022'?)",
        "severity[0].decision: không có văn bản 'kh-44-skhcn-2021' trong mục 'decisions' (có phải là "
        "'kh-44-skhcn-2022'?)",
    ),
    "unknown parameter": (
        "  - name: yearly_report_due ",
        "  - name: yearly_report_date ",
        "parameters[0].name: no parameter 'yearly_report_date' to set (did you mean 'yearly_report_due'?)",
        "parameters[0].name: không có tham số 'yearly_report_date' (có phải là 'yearly_report_due'?)",
    ),
    "impossible day": (
        'value: "11-15"',
        'value: "11-31"',
        "parameters[0].value: parameter 'yearly_report_due' takes a day of the year MM-DD, found '11-31'",
        "parameters[0].value: tham số 'yearly_report_due' nhận giá trị ngày trong năm MM-DD, nhưng tệp ghi '11-31'",
    ),
    "added rule without the province's prefix": (
        "      id: ha-tinh.corrective-actions-done-by-self-scoring",
        "      id: maintenance.corrective-actions-done",
        "rules[0].rule.id: a rule the overlay adds must be named 'ha-tinh.<name>', found "
        "'maintenance.corrective-actions-done'",
        "rules[0].rule.id: quy tắc do lớp bổ sung thêm phải có mã 'ha-tinh.<tên>', nhưng tệp ghi "
        "'maintenance.corrective-actions-done'",
    ),
    "added rule misspelt field": (
        "      severity: observation\n",
        "      severty: observation\n",
        "rules[0].rule.severty: unknown field 'severty' (did you mean 'severity'?)",
        "rules[0].rule.severty: trường 'severty' không hợp lệ (có phải là 'severity'?)",
    ),
    "added rule with a misquote": (
        'quote_vi: "Thực hiện đánh giá nội bộ, khắc phục các điểm không phù hợp;"',
        'quote_vi: "Thực hiện đánh giá nội bộ và khắc phục các điểm không phù hợp;"',
        "rules[0].rule.citations[0].quote_vi: the words “Thực hiện đánh giá nội bộ và khắc phục các điểm không phù "
        "hợ…” are not in QĐ 19/2014/QĐ-TTg, Art. 4, cl. 2, pt. b",
        "rules[0].rule.citations[0].quote_vi: cụm từ “Thực hiện đánh giá nội bộ và khắc phục các điểm không phù "
        "hợ…” không có trong điểm b khoản 2 Điều 4 QĐ 19/2014/QĐ-TTg",
    ),
    "added rule before its decision": (
        "      effective: {from: 2021-10-11}",
        "      effective: {from: 2021-01-01}",
        "rules[0].rule.effective.from: the rule would apply from 2021-01-01, before its decision takes effect on "
        "2021-10-11",
        "rules[0].rule.effective.from: quy tắc áp dụng từ 2021-01-01, trước ngày văn bản làm căn cứ có hiệu lực "
        "(2021-10-11)",
    ),
    "another pack": (
        "extends: isocheck-qd19-2014",
        "extends: isocheck-other",
        "extends: the overlay extends pack 'isocheck-other', but the pack loaded is 'isocheck-qd19-2014'",
        "extends: lớp bổ sung dành cho bộ quy tắc 'isocheck-other', nhưng bộ quy tắc đang dùng là 'isocheck-qd19-2014'",
    ),
    "id of a national area": (
        "overlay: ha-tinh",
        "overlay: maintenance",
        "overlay: overlay id 'maintenance' is an area of the national pack",
        "overlay: mã lớp bổ sung 'maintenance' trùng với một nhóm quy tắc của bộ quốc gia",
    ),
    "severity unchanged": (
        "    to: minor",
        "    to: observation",
        "severity[0].to: rule 'maintenance.yearly-maintenance-plan' already has severity observation",
        "severity[0].to: quy tắc 'maintenance.yearly-maintenance-plan' đã có mức độ observation",
    ),
    "skipped and changed": (
        "  - rule: organisation.iso-secretary",
        "  - rule: maintenance.yearly-maintenance-plan",
        "severity[0].rule: rule 'maintenance.yearly-maintenance-plan' is skipped and also has its severity changed",
        "severity[0].rule: quy tắc 'maintenance.yearly-maintenance-plan' vừa bị bỏ qua vừa bị đổi mức độ",
    ),
    "a list, not an overlay": (
        None,
        "- skip: x\n",
        "expected a mapping at the top of the province overlay, found a list",
        "đầu tệp lớp bổ sung của tỉnh phải là các mục dạng “khóa: giá trị”, nhưng tệp ghi một danh sách",
    ),
}


@pytest.mark.parametrize("name", list(BAD))
def test_a_bad_overlay_gets_one_clear_message_in_each_language(tmp_path, name):
    old, new, en, vi = BAD[name]
    path = _overlay_copy(tmp_path, old, new)
    with pytest.raises(InputError) as raised:
        load_pack(overlay=path, as_of=AFTER)
    assert raised.value.file == str(path) and raised.value.line is not None
    for lang, expected, prefix in (("en", en, "isocheck: error: "), ("vi", vi, "isocheck: lỗi: ")):
        out = tmp_path / "out.txt"
        args = ["check", str(ROOT / "fixtures/so-xay-dung-ha-tinh-2022.yaml"), "--overlay", str(path)]
        result = CliRunner().invoke(cli, [*args, "--lang", lang, "-o", str(out)])
        assert result.exit_code == 2 and result.stdout == "" and not out.exists()
        assert result.stderr.startswith(prefix + str(path) + ":"), result.stderr
        assert expected in result.stderr, result.stderr
        assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1


FIXTURE = str(ROOT / "fixtures" / "so-xay-dung-ha-tinh-2022.yaml")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_report_says_which_rules_came_from_where(tmp_path, lang):
    run = CliRunner()
    common = ["--overlay", "ha-tinh.example", "--lang", lang]
    table = run.invoke(cli, ["check", FIXTURE, "--as-of", "2022-11-18", *common]).output
    assert ("Áp dụng lớp bổ sung" if lang == "vi" else "Overlay applied") in table
    assert "ha-tinh.corrective-actions-" in table and "44/KH-SKHCN" in table
    doc = json.loads(run.invoke(cli, ["check", FIXTURE, "--as-of", "2022-11-18", "--format", "json", *common]).output)
    assert doc["overlay"]["id"] == "ha-tinh" and doc["overlay"]["example"] is True
    origins = {r["rule_id"]: r["origin"]["source"] for r in doc["results"] if "origin" in r}
    assert origins["ha-tinh.corrective-actions-done-by-self-scoring"] == "overlay"
    assert origins["maintenance.yearly-maintenance-plan"] == "national"
    assert all("origin" not in r for r in doc["results"] if r["rule_id"] == "scope.covers-every-tthc")
    listed = json.loads(run.invoke(cli, ["rules", "list", "--format", "json", *common]).output)
    assert listed["overlay"]["changes"] and any(r.get("origin", {}).get("source") == "overlay" for r in listed["rules"])
    shown = run.invoke(cli, ["rules", "show", "maintenance.yearly-maintenance-plan", *common]).output
    assert "44/KH-SKHCN" in shown and ("Nguồn" if lang == "vi" else "Origin") in shown
    explained = run.invoke(
        cli, ["explain", FIXTURE, "--as-of", "2022-11-18", "--rule", "maintenance.yearly-report-on-time", *common]
    ).output
    assert "yearly_report_due" in explained
    html = run.invoke(cli, ["report", FIXTURE, "--as-of", "2022-11-18", *common])  # the lead wires the overlay in
    assert html.exit_code in (0, 1) and "<html" in html.output and "…/QĐ-UBND" in html.output
    folder = tmp_path / "facts"
    folder.mkdir()
    shutil.copy(FIXTURE, folder)
    batch = run.invoke(
        cli, ["batch", str(folder), "--as-of", "2022-11-18", "--format", "json", "--workers", "1", *common]
    )
    assert json.loads(batch.output)["overlay"]["id"] == "ha-tinh"


def test_without_an_overlay_nothing_changes():
    doc = json.loads(CliRunner().invoke(cli, ["check", FIXTURE, "--as-of", "2022-11-18", "--format", "json"]).output)
    assert doc["overlay"] is None and all("origin" not in r for r in doc["results"])
