"""The command line: exit codes, bad input, atomic output, rule listing, both languages."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import CASES, ROOT

from isocheck.cli import cli

BASE = str(CASES / "_base.yaml")


def run(*args):  # English unless a test asks for --lang vi
    result = CliRunner(env={"ISOCHECK_LANG": "en"}).invoke(cli, list(args), catch_exceptions=False)
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
        [sys.executable, "-m", "isocheck", "check", str(bad), "--as-of", "2021-11-16", "-o", str(out), "--lang", "en"],
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


def test_a_day_the_calendar_lacks_is_told_apart_from_a_wrong_format():
    no_such_day = run("check", BASE, "--as-of", "2021-11-31")
    assert no_such_day.exit_code == 2
    assert "'2021-11-31' is written as a date, but the calendar has no such day" in no_such_day.output
    assert "2022-02-29" in run("check", BASE, "--as-of", "2022-02-29").output  # not a leap year
    for wrong_format in ("31/11/2021", "2021-13-01"):  # a month 13 is a format error, not a missing day
        shown = run("check", BASE, "--as-of", wrong_format)
        assert shown.exit_code == 2 and "no such day" not in shown.output and "does not match" in shown.output
    vi = CliRunner(env={"ISOCHECK_LANG": "vi"}).invoke(cli, ["check", BASE, "--as-of", "2021-11-31"])
    assert "'2021-11-31' viết đúng dạng ngày nhưng không có ngày này trên lịch" in vi.output
    assert run("check", BASE, "--as-of", "2024-02-29").exit_code in (0, 1)  # a leap day is a day


def test_an_unknown_rule_id_is_echoed_without_its_control_characters():
    shown = run("rules", "show", "x=|\n\x1b]0;owned\x07evil")
    assert shown.exit_code == 2
    assert "no rule with id 'x=| ]0;ownedevil'." in shown.output  # the line break a space, ESC and BEL gone


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


def test_not_ready_for_missing_facts_alone_exits_1_the_verdict_and_the_exit_code_agree():
    """so-xay-dung-ha-tinh-2022 has no nonconformity on 18/11/2022, only conditions nobody can confirm."""
    fixture = str(ROOT / "fixtures" / "so-xay-dung-ha-tinh-2022.yaml")
    args = ("check", fixture, "--as-of", "2022-11-18", "--profile", "pre-announcement")
    result = run(*args, "--format", "json")
    doc = json.loads(result.stdout)
    assert doc["verdict"] == "not_ready" and doc["summary"]["nonconformities"] == 0
    assert result.exit_code == 1
    assert run(*args, "--fail-on", "major").exit_code == 1
    assert run(*args, "--fail-on", "none").exit_code == 0
    assert run("report", fixture, "--as-of", "2022-11-18", "--profile", "pre-announcement").exit_code == 1


def test_the_header_says_when_the_as_of_date_is_today_because_none_was_given():
    import datetime as dt

    today = dt.date.today()
    vi = run("check", BASE, "--lang", "vi").output
    assert f"Ngày đánh giá: {today:%d/%m/%Y} (hôm nay — không có --as-of)" in vi
    assert f"As of: {today.isoformat()} (today — no --as-of given)" in run("check", BASE).output
    assert "(today" not in run("check", BASE, "--as-of", today.isoformat()).output
    page = run("report", BASE, "--lang", "vi").output
    assert "(hôm nay — không có --as-of)" in page


def test_the_header_names_the_planned_announcement_date():
    args = ("check", BASE, "--as-of", "2021-11-16", "--profile", "pre-announcement", "--announce-on", "2021-12-31")
    assert "Ngày dự kiến công bố: 31/12/2021 · " in run(*args, "--lang", "vi").output
    assert "Planned announcement: 2021-12-31 · " in run(*args).output


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_batch_draws_a_progress_bar_on_a_terminal_only_and_not_with_quiet(monkeypatch):
    from isocheck.cli.options import _NoBar, progress

    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with progress(3, "Đang kiểm tra", quiet=False) as bar:
        for _ in range(3):
            bar.update(1)
    assert "Đang kiểm tra" in terminal.getvalue() and "3/3" in terminal.getvalue()
    with progress(3, "Đang kiểm tra", quiet=True) as bar:
        assert isinstance(bar, _NoBar)
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # a file or a pipe: nothing drawn
    with progress(3, "Đang kiểm tra", quiet=False) as bar:
        assert isinstance(bar, _NoBar)


def test_the_batch_title_says_when_the_as_of_date_is_today(folder):
    import datetime as dt

    out = CliRunner().invoke(cli, ["batch", str(folder), "--no-cache"]).output
    assert f"Ngày đánh giá: {dt.date.today():%d/%m/%Y} (hôm nay — không có --as-of) · " in out
    assert "(hôm nay" not in CliRunner().invoke(cli, ["batch", str(folder), "--as-of", "2021-11-16"]).output


def _import_on_a_terminal(out_dir, *options: str) -> tuple[int, str, str]:
    """``isocheck import`` of the Hà Tĩnh roster with its standard error on a pseudo-terminal: (exit code,
    standard output, what the terminal showed)."""
    import os
    import pty

    roster = ROOT / "fixtures" / "province-ha-tinh-2021" / "roster.csv"
    leader, follower = pty.openpty()
    command = [sys.executable, "-m", "isocheck", "import", str(roster), "-o", str(out_dir), *options]
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=follower)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal's other end closed: the command is done
            break
        if not chunk:
            break
        shown += chunk
    out, _ = proc.communicate()
    os.close(leader)
    return proc.returncode, out.decode("utf-8"), shown.decode("utf-8", "replace")


@pytest.mark.parametrize("lang, label, warning", [("vi", "Đang ghi tệp", "cảnh báo"), ("en", "Writing", "warning")])
def test_import_draws_a_progress_bar_on_a_terminal_then_its_warnings(tmp_path, lang, label, warning):
    code, out, shown = _import_on_a_terminal(tmp_path / "facts", "--lang", lang)
    assert code == 0 and len(out.splitlines()) == 33
    assert label in shown and "32/32" in shown
    assert shown.rindex("32/32") < shown.index(f"isocheck: {warning}:")  # the warnings come after the bar
    code, _, quiet = _import_on_a_terminal(tmp_path / "again", "--lang", lang, "--quiet")
    assert code == 0 and label not in quiet and f"isocheck: {warning}:" in quiet


def test_import_draws_no_bar_when_standard_error_is_not_a_terminal(tmp_path):
    roster = ROOT / "fixtures" / "province-ha-tinh-2021" / "roster.csv"
    result = CliRunner().invoke(cli, ["import", str(roster), "-o", str(tmp_path / "facts"), "--lang", "vi"])
    assert result.exit_code == 0
    assert "Đang ghi tệp" not in result.stderr
    # only the summary of what was left out (its first line names the warning) and the commune of unknown duty
    # (Thạch Trung, row 24), no bar
    assert result.stderr.startswith("isocheck: cảnh báo: ") and result.stderr.count("isocheck:") == 2
    assert "(dòng 24; tổng cộng 1)" in result.stderr.splitlines()[-1]


def test_init_takes_the_level_as_the_fact_file_spells_it_and_says_so():
    written = run("init", "--level", "sub_department")
    assert written.exit_code == 0 and "\n  level: sub_department" in written.output
    for lang, refused, said in (
        ("en", "'sub-department' is not one of 'commune', 'district', 'department', 'sub_department'", "spelt as"),
        (
            "vi",
            "'sub-department' không thuộc các giá trị cho phép: 'commune', 'district', 'department', 'sub_department'",
            "viết như trường 'level:'",
        ),
    ):
        result = run("init", "--level", "sub-department", "--lang", lang)
        assert result.exit_code == 2 and refused in result.stderr
        assert said in " ".join(run("init", "--help", "--lang", lang).output.split())


def test_the_benchmark_generator_has_a_command_line_with_help(tmp_path):
    script = str(ROOT / "benchmarks" / "generate.py")
    shown = subprocess.run([sys.executable, script, "--help"], capture_output=True, text=True, check=True).stdout
    assert "--agencies" in shown and "--seed" in shown and "folder" in shown
    done = subprocess.run(
        [sys.executable, script, str(tmp_path / "bench"), "--agencies", "3"], capture_output=True, text=True, check=True
    )
    assert done.stdout == f"3 fact files written to {tmp_path / 'bench'}\n"
    assert sorted(p.name for p in (tmp_path / "bench").iterdir()) == [f"agency-{i:05d}.yaml" for i in range(3)]
