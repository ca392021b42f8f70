"""The command line: exit codes, bad input, atomic output, rule listing, both languages."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import CASES, ROOT

from isocheck.cli import cli

BASE = str(CASES / "_base.yaml")


def run(*args):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result


def test_conforming_agency_exits_0_in_both_languages():
    for lang in ("en", "vi"):
        result = run("check", BASE, "--as-of", "2021-11-16", "--lang", lang)
        assert result.exit_code == 0, result.output
    assert "KẾT LUẬN: KHÔNG PHÁT HIỆN ĐIỂM KHÔNG PHÙ HỢP" in result.output


def test_nonconformity_exits_1_and_fail_on_gates_it(tmp_path):
    text = (CASES / "_base.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "late.yaml"
    bad.write_text(text.replace("built_in_on: 2021-04-20", "built_in_on: 2021-07-15"), encoding="utf-8")
    assert run("check", str(bad), "--as-of", "2021-11-16").exit_code == 1  # minor >= default minor
    assert run("check", str(bad), "--as-of", "2021-11-16", "--fail-on", "major").exit_code == 0
    assert run("check", str(bad), "--as-of", "2021-11-16", "--fail-on", "none").exit_code == 0
    out = run("check", str(bad), "--as-of", "2021-11-16").output
    assert "Minor nonconformities (1)" in out and "2021-06-03" in out  # deadline 3 Mar + 3 months


def test_json_has_the_documented_shape():
    result = run("check", BASE, "--as-of", "2021-11-16", "--format", "json")
    data = json.loads(result.output)
    assert list(data) == [
        "tool",
        "version",
        "agency",
        "as_of",
        "year",
        "profile",
        "rules_version",
        "overlay",
        "lang",
        "summary",
        "results",
    ]
    assert data["as_of"] == "2021-11-16" and data["profile"] == "all"
    first = data["results"][0]
    for key in (
        "rule_id",
        "outcome",
        "severity",
        "subject",
        "title",
        "message",
        "citation",
        "remediation",
        "evidence",
        "due_date",
    ):
        assert key in first
    assert sum(data["summary"]["outcomes"].values()) == len(data["results"])


def test_json_is_deterministic():
    a = run("check", BASE, "--as-of", "2021-11-16", "--format", "json").output
    b = run("check", BASE, "--as-of", "2021-11-16", "--format", "json").output
    assert a == b


def test_bad_input_is_one_line_exit_2_and_no_output_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        (CASES / "_base.yaml").read_text(encoding="utf-8").replace("standard: 2015\n", "standard: 2016\n", 1),
        encoding="utf-8",
    )
    out = tmp_path / "report.json"
    proc = subprocess.run(
        [sys.executable, "-m", "isocheck", "check", str(bad), "--as-of", "2021-11-16", "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"isocheck: error: {bad}:8:13: agency.standard: Input should be 2008 or 2015")
    assert not out.exists() and not list(tmp_path.glob(".report.json.*"))


def test_missing_file_and_bad_usage_exit_2(tmp_path):
    assert run("check", str(tmp_path / "nope.yaml")).exit_code == 2
    assert run("check", BASE, "--as-of", "16/11/2021").exit_code == 2
    assert run("check", BASE, "--profile", "weekly").exit_code == 2
    assert run("rules", "show", "no.such-rule").exit_code == 2


def test_output_file_is_written(tmp_path):
    out = tmp_path / "r.json"
    result = run("check", BASE, "--as-of", "2021-11-16", "--format", "json", "-o", str(out))
    assert result.exit_code == 0 and result.output == ""
    assert json.loads(out.read_text(encoding="utf-8"))["tool"] == "isocheck"


def test_rules_list_and_show(pack):
    listing = run("rules", "list").output
    for rule in pack.rules:
        assert rule.id in listing
    shown = run("rules", "show", "maintenance.legal-changes-within-three-months", "--lang", "vi").output
    assert "điểm a khoản 4 Điều 4 QĐ 19/2014/QĐ-TTg" in shown
    assert "chậm nhất là ba tháng" in shown
    data = json.loads(run("rules", "list", "--format", "json").output)
    assert len(data["rules"]) == len(pack.rules)


@pytest.mark.parametrize("profile", ["pre-announcement", "annual", "inspection", "all"])
def test_every_profile_runs(profile):
    result = run("check", BASE, "--as-of", "2021-11-16", "--profile", profile, "--format", "json")
    data = json.loads(result.output)
    assert data["profile"] == profile and data["results"]


def test_python_dash_m_works():
    proc = subprocess.run([sys.executable, "-m", "isocheck", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0 and "isocheck" in proc.stdout
