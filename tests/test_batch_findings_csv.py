"""The CSV findings file beside the matrix (``batch --format csv -o out.csv`` → ``out.findings.csv``): one row per
agency and result to act on, the matrix's separator and byte-order mark, every cell safe from formulas, both files
written or neither; and the workers send only those results (``BatchConfig.non_pass_only``)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import SCENARIOS

from isocheck.cli import cli
from isocheck.report.batch.csv_format import CsvFormat
from isocheck.workflows.batch import TO_ACT_ON, BatchConfig, collect_files, run_batch

ROOT = Path(__file__).resolve().parent.parent
FACT = ROOT / "fixtures" / "xa-thieu-thong-tin.yaml"


def _run(*args: str, catch: bool = False):
    return CliRunner().invoke(cli, ["batch", *args, "--no-cache"], catch_exceptions=catch)


def _read(path: Path, delimiter: str = ";") -> list[list[str]]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=delimiter))


def test_the_findings_file_has_one_row_per_agency_and_result_to_act_on(folder, tmp_path):
    out = tmp_path / "tong-hop.csv"
    result = _run(str(folder), "--as-of", "2021-11-16", "--format", "csv", "-o", str(out), "--lang", "vi")
    assert result.exit_code == 1 and result.stdout == ""
    findings = tmp_path / "tong-hop.findings.csv"
    assert f"đã ghi các điểm cần xử lý: {findings}" in result.stderr
    rows = _read(findings)
    assert rows[0] == ["Tên đơn vị", "Đơn vị chủ quản", "Cấp", "Tệp dữ liệu", "Quy tắc", "Kết quả", "Mức độ", "Căn cứ",
                       "Nội dung", "Bằng chứng", "Cách khắc phục"]  # fmt: skip
    doc = json.loads(_run(str(folder), "--as-of", "2021-11-16", "--format", "json", "--lang", "vi").stdout)
    expected = [
        (a["name"], r["rule_id"], r["message"])
        for a in doc["agencies"]
        for r in a["results"]
        if r["outcome"] in TO_ACT_ON
    ]
    assert [(r[0], r[4], r[8]) for r in rows[1:]] == expected
    assert {r[5] for r in rows[1:]} <= {
        "Không phù hợp",
        "Không đánh giá được",
        "Lỗi quy tắc",
        "Chưa đến hạn",
        "Được miễn",
    }
    thieu = [r for r in rows[1:] if r[0] == "UBND xã Cẩm Bình" and r[5] == "Không đánh giá được"]
    assert thieu and all(r[9].startswith("Thiếu thông tin: ") for r in thieu)
    fails = [r for r in rows[1:] if r[5] == "Không phù hợp"]
    assert fails and all(r[10] for r in fails)  # how to fix, for each nonconformity
    assert len(_read(out)) == 1 + len(doc["agencies"])  # the matrix itself unchanged


def test_same_separator_as_the_matrix(folder, tmp_path):
    out = tmp_path / "kq.csv"
    _run(str(folder), "--as-of", "2021-11-16", "--format", "csv", "-o", str(out), "--csv-delimiter", ",", "--quiet")
    comma = _read(tmp_path / "kq.findings.csv", ",")
    _run(str(folder), "--as-of", "2021-11-16", "--format", "csv", "-o", str(out), "--quiet")
    assert comma == _read(tmp_path / "kq.findings.csv", ";") and len(comma) > 10


def test_no_findings_file_without_an_output_file(folder, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = _run(str(folder), "--as-of", "2021-11-16", "--format", "csv")
    assert result.stdout.startswith("\ufeff") and [p.name for p in tmp_path.iterdir()] == ["province"]


def test_every_findings_cell_is_safe_from_formulas(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    data = yaml.safe_load(FACT.read_text(encoding="utf-8"))
    for n, name in enumerate(['=HYPERLINK("http://evil.example","x")', "+SUM(A1)", "-2+3", "@cmd", "\tUBND", "\rUBND"]):
        data["agency"]["name"], data["agency"]["parent"] = name, name
        (folder / f"{n}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "kq.csv"
    _run(str(folder), "--as-of", "2021-11-16", "--format", "csv", "-o", str(out))
    rows = _read(tmp_path / "kq.findings.csv")
    assert {'\'=HYPERLINK("http://evil.example","x")', "'+SUM(A1)", "'-2+3", "'@cmd"} <= {r[0] for r in rows[1:]}
    assert all(cell[:1] not in "=+-@\t\r" or re.fullmatch(r"-?\d+", cell) for row in rows for cell in row if cell)
    assert {r[0] for r in rows[1:]} == {r[1] for r in rows[1:]}  # the parent escaped as the name


def test_both_files_are_written_or_neither(folder, tmp_path, monkeypatch):
    def broken(self, entry):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(CsvFormat, "agency", broken)
    out = tmp_path / "kq.csv"
    result = _run(str(folder), "--as-of", "2021-11-16", "--format", "csv", "-o", str(out), catch=True)
    assert result.exit_code != 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["province"]  # no matrix, no findings, no temporary file


def test_the_help_names_the_findings_file_in_both_languages():
    for lang, words in (("vi", "KQ.findings.csv"), ("en", "OUT.findings.csv")):
        text = " ".join(CliRunner().invoke(cli, ["batch", "--help", "--lang", lang]).output.split())
        assert words in text


@pytest.mark.parametrize("non_pass_only", [False, True])
def test_workers_send_only_the_results_to_act_on_when_asked(pack, non_pass_only):
    files, _ = collect_files([str(p) for p in SCENARIOS])
    config = BatchConfig(as_of=dt.date(2021, 11, 16), results=True, non_pass_only=non_pass_only)
    entries = list(run_batch(files, config, pack, workers=1))
    outcomes = {r["outcome"] for e in entries for r in e["results"]}
    if non_pass_only:
        assert outcomes <= TO_ACT_ON and "fail" in outcomes and "not_evaluable" in outcomes
    else:
        assert "pass" in outcomes and "not_applicable" in outcomes  # the JSON format: every result


def test_the_matrix_names_each_agencys_parent_so_units_of_the_same_name_are_told_apart(tmp_path):
    folder = tmp_path / "facts"
    folder.mkdir()
    data = yaml.safe_load(FACT.read_text(encoding="utf-8"))
    for parent, stem in (("Sở Tư pháp tỉnh Hà Tĩnh", "vp-stp"), ("Sở Tài chính tỉnh Hà Tĩnh", "vp-stc")):
        data["agency"].update(name="Văn phòng", parent=parent, level="sub_department")
        (folder / f"{stem}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "ma-tran.csv"
    result = _run(str(folder), "--as-of", "2021-11-16", "--format", "csv", "-o", str(out), "--lang", "vi")
    assert result.exit_code in (0, 1), result.output
    rows = _read(out)
    assert rows[0][:4] == ["Cấp", "Tên đơn vị", "Đơn vị chủ quản", "Tệp dữ liệu"]
    assert sorted((r[1], r[2]) for r in rows[1:]) == [
        ("Văn phòng", "Sở Tài chính tỉnh Hà Tĩnh"),
        ("Văn phòng", "Sở Tư pháp tỉnh Hà Tĩnh"),
    ]
