"""Inspectors' judgements as facts (issue 13 §1, §6): the criteria catalogue agrees with the rules that read it,
the on-site inspection fixture gives exactly the outcomes its header expects, explain shows the inspector's note
as the evidence, and a judgement that does not fit is a clear input error."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, ROOT

from isocheck.api import check_file, load_pack
from isocheck.cli import cli
from isocheck.facts.criteria import criteria
from isocheck.subjects.fields import KINDS

INSPECTION = FIXTURES / "kiem-tra-tai-cho" / "facts" / "xa-son-kim-1-2023.yaml"
CATALOGUE = FIXTURES / "catalogue" / "danh-muc-tthc-cap-xa-2023.xlsx"
AS_OF = dt.date(2023, 10, 20)

# The outcomes the fixture's header lists (written before the tool was run on it): rule, subject, severity.
EXPECTED = {
    "fail": [
        ("documents.document-control-2015", "agency", "minor"),
        ("documents.framework-model", "agency", "minor"),
        ("documents.mandatory-procedures-as-written", "nonconforming_output", "observation"),
        ("maintenance.internal-audit-records", "2023-08-22", "observation"),
        ("maintenance.management-review-inputs-outputs", "2023-09-12", "minor"),
        ("maintenance.satisfaction-survey-method", "agency", "minor"),
        ("scope.internal-procedures-match-tthc-decisions", "1.001776", "minor"),
        ("scope.internal-procedures-match-tthc-decisions", "1.004873", "major"),
        ("scope.internal-procedures-match-tthc-decisions", "2.000884", "minor"),
    ],
    "pending": [
        ("maintenance.inspection-corrective-report", "210/QĐ-SKHCN", "minor"),
        ("scope.abolished-tthc-withdrawn", "procedures", "minor"),
        ("scope.new-tthc-within-three-months", "procedures", "minor"),
    ],
    "not_evaluable": [
        ("maintenance.legal-changes-within-three-months", "agency", "minor"),
        ("maintenance.yearly-report-on-time", "2023", "minor"),
    ],
}


def _run(*args: str):
    import os

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)
    finally:
        os.chdir(cwd)


# -- the catalogue of criteria and the rules ------------------------------------------------------------------


@pytest.mark.parametrize("cid", list(criteria()))
def test_each_criterion_is_read_by_its_rule_through_its_field_and_cites_one_of_its_citations(pack, cid):
    found = criteria()[cid]
    rule = pack.by_id[found.rule]
    kind, field = found.reads.split(".", 1)
    assert rule.subject == kind, (cid, rule.subject)
    assert field in KINDS[kind].fields, (cid, field)
    assert field in rule.referenced_fields, (cid, rule.referenced_fields)
    # the judgement rules are marked; the TTHC-field criterion only narrows the scope rule's list
    assert rule.judgment or found.item == "tthc_field", cid
    cited = {(c.instrument, c.article, c.clause, c.point) for c in rule.citations}
    where = found.citation
    assert (where["instrument"], where["article"], where.get("clause"), where.get("point")) in cited, cid


def test_every_rule_marked_judgment_reads_a_criterion(pack):
    read = {c.rule for c in criteria().values()}
    marked = [r.id for r in pack.rules if r.judgment]
    assert marked and set(marked) <= read, sorted(set(marked) - read)


# -- the on-site inspection fixture ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def inspection_pack():
    return load_pack(catalogue=CATALOGUE)


@pytest.mark.parametrize("evaluator", ["durable", "reference"])
def test_the_inspection_fixture_gives_exactly_the_outcomes_its_header_expects(inspection_pack, evaluator):
    report = check_file(INSPECTION, AS_OF, "inspection", pack=inspection_pack, evaluator=evaluator)
    got = defaultdict(list)
    for f in report.findings:
        if f.outcome in EXPECTED:
            got[f.outcome].append((f.rule_id, f.subject_id, f.severity))
    assert {o: sorted(v) for o, v in got.items()} == {o: sorted(v) for o, v in EXPECTED.items()}
    header = INSPECTION.read_text(encoding="utf-8").split("\nagency:")[0]
    for rule_id, _subject, _ in EXPECTED["fail"] + EXPECTED["pending"]:
        assert rule_id in header, rule_id  # the header named each before the tool was run


def test_a_field_stated_not_applicable_is_never_a_finding_and_is_said(inspection_pack):
    report = check_file(INSPECTION, AS_OF, "inspection", pack=inspection_pack)
    waterway = [f for f in report.findings if f.outcome == "fail" and "Đường thủy" in f.message("vi")]
    assert waterway == []
    covers = [f for f in report.findings if f.rule_id == "scope.covers-every-tthc"]
    assert [f.outcome for f in covers] == ["pass"]
    assert "Đường thủy nội địa, gồm 3 TTHC, không áp dụng" in covers[0].message("vi")
    assert "the field Đường thủy nội địa, 3 TTHC, does not concern the agency" in covers[0].message("en")
    assert "danh-muc-tthc-cap-xa-2023.xlsx, 53 TTHC cấp xã của cơ quan;" in covers[0].message("vi")  # the level words
    assert "danh-muc-tthc-cap-xa-2023.xlsx, 53 commune TTHC of the agency;" in covers[0].message("en")


def test_preventive_action_not_triggered_is_not_a_finding_and_says_why(inspection_pack):
    report = check_file(INSPECTION, AS_OF, "inspection", pack=inspection_pack)
    (preventive,) = [f for f in report.findings if f.subject_id == "preventive_action"]
    assert preventive.outcome == "not_applicable"
    assert "chưa có tình huống cần hành động phòng ngừa" in preventive.message("vi")
    assert "nothing has called for it yet" in preventive.message("en")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_explain_shows_the_inspectors_note_as_the_evidence(lang):
    result = _run(
        "explain", str(INSPECTION.relative_to(ROOT)), "--as-of", "2023-10-20", "--catalogue",
        str(CATALOGUE.relative_to(ROOT)), "--rule", "scope.internal-procedures-match-tthc-decisions",
        "--format", "json", "--lang", lang,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    explained = {e["subject"]["id"]: e for e in json.loads(result.output)["explanations"]}
    late = explained["1.004873"]
    (judged,) = late["judgements"]
    assert judged["criterion"] == "tthc.internal_procedure"
    assert judged["note"].startswith("Quy trình ghi thời hạn 05 ngày làm việc")
    assert judged["judged_by"] == "Trần Minh Đức" and judged["judged_on"] == "2023-10-19"
    assert judged["differs"] == (
        "thời hạn giải quyết, thành phần hồ sơ" if lang == "vi" else "time limit, dossier components"
    )
    text = _run(
        "explain", str(INSPECTION.relative_to(ROOT)), "--as-of", "2023-10-20", "--rule", "documents.framework-model",
        "--lang", lang,
    ).output  # fmt: skip
    heading = (
        "Nhận định của người đánh giá (bằng chứng)" if lang == "vi" else "The inspector's judgement (the evidence)"
    )
    assert heading in text
    assert "vẫn theo cấu trúc TCVN ISO 9001:2008" in text
    assert ("Ngày đánh giá: 19/10/2023" if lang == "vi" else "Judged on: 2023-10-19") in text


def test_without_any_judgement_the_judgement_rules_are_one_row_of_what_to_judge_on_site():
    result = _run("check", "fixtures/huyen-van-2008.yaml", "--as-of", "2021-11-16", "--lang", "vi")
    assert "Nhận định tại chỗ (9 quy tắc)" in result.output
    assert "quality_manual.framework_model" in result.output
    assert result.output.count("documents.framework-model") == 0  # folded, not one row per rule


# -- a judgement that does not fit is an input error --------------------------------------------------------------


def _with_judgement(tmp_path, judgement: str):
    text = INSPECTION.read_text(encoding="utf-8") + judgement
    path = tmp_path / "kiem-tra.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("judgement", "vi", "en"),
    [
        (
            "  - {criterion: quality_manual.framework_modle, judgement: conforms}\n",
            "quality_manual.framework_model",
            "quality_manual.framework_model",
        ),
        ("  - {criterion: improvement.activities, judgement: conforms}\n", "improvement.activities", "improvement"),
        ("  - {criterion: tthc.internal_procedure, item: '9.999999', judgement: conforms}\n", "9.999999", "9.999999"),
        ("  - {criterion: document_control.as_written, judgement: partly}\n", "document_control", "document_control"),
    ],
    ids=["misspelt criterion", "judged twice", "TTHC not listed", "partly without a note"],
)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_judgement_that_does_not_fit_is_one_clear_message(tmp_path, judgement, vi, en, lang):
    path = _with_judgement(tmp_path, judgement)
    result = _run("check", str(path), "--as-of", "2023-10-20", "--lang", lang)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert str(path) in result.output
    assert re.search(r"\.yaml:\d+", result.output), result.output  # the line
    assert (vi if lang == "vi" else en) in result.output
