"""A pre-announcement batch (issue 13 §5): READY / NOT READY per agency, the counts per level, in every format;
and what the files record about the year's report, counted apart from deadlines (§2)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CASES, FIXTURES

from isocheck.cli import cli


@pytest.fixture
def folder(tmp_path) -> Path:
    """A conforming department (the rule cases' base), a commune not ready (xã Thạch Hạ: not announced, no audit
    or review since approval, TTHC without procedure) and one whose preconditions cannot be confirmed (Đức Thuận:
    the records start in 2021, after its announcements), and a broken file."""
    target = tmp_path / "province"
    target.mkdir()
    shutil.copy(CASES / "_base.yaml", target / "so-mau.yaml")
    shutil.copy(FIXTURES / "xa-chua-san-sang-cong-bo.yaml", target / "xa-thach-ha.yaml")
    shutil.copy(FIXTURES / "phuong-duc-thuan-2021.yaml", target / "phuong-duc-thuan.yaml")
    (target / "zz-hong.yaml").write_text("agency:\n  name: UBND xã Hỏng\n  level: village\n", encoding="utf-8")
    return target


def _batch(folder: Path, *args: str):
    return CliRunner().invoke(
        cli, ["batch", str(folder), "--as-of", "2021-11-16", "--profile", "pre-announcement", *args]
    )


def test_each_agency_gets_ready_or_not_ready_and_the_counts_add_up(folder):
    doc = json.loads(_batch(folder, "--format", "json").stdout)
    got = {Path(a["file"]).name: (a["readiness"] or {}).get("verdict") for a in doc["agencies"]}
    assert got == {
        "so-mau.yaml": "ready",
        "xa-thach-ha.yaml": "not_ready",
        "phuong-duc-thuan.yaml": "not_ready",
        "zz-hong.yaml": None,
    }
    thach_ha = next(a for a in doc["agencies"] if a["file"].endswith("xa-thach-ha.yaml"))
    assert "announcement.internal-audit-before@planned" in thach_ha["readiness"]["blocking"]
    levels = doc["summary"]["by_level"]
    assert levels["total"]["readiness"] == {"ready": 1, "not_ready": 2}  # and the broken file: neither
    assert levels["total"]["agencies"] == 4
    assert levels["department"]["readiness"] == {"ready": 1, "not_ready": 0}
    assert levels["commune"]["readiness"] == {"ready": 0, "not_ready": 2}


@pytest.mark.parametrize(
    ("lang", "ready", "not_ready", "line"),
    [
        (
            "vi",
            "SẴN SÀNG",
            "CHƯA SẴN SÀNG",
            "Sẵn sàng công bố: 1/4 cơ quan · chưa sẵn sàng: 2 · không kiểm tra được: 1",
        ),
        ("en", "READY", "NOT READY", "Ready to announce: 1 of 4 agencies · not ready: 2 · could not be checked: 1"),
    ],
)
@pytest.mark.parametrize("fmt", ["table", "md", "html", "csv"])
def test_every_format_shows_the_verdicts_and_the_count(folder, lang, ready, not_ready, line, fmt):
    text = _batch(folder, "--format", fmt, "--lang", lang).stdout
    assert ready in text and not_ready in text
    if fmt != "csv":
        assert line in text
        assert "1/1" in text and "0/2" in text  # ready per level: department, commune


def test_other_profiles_keep_their_verdicts(folder):
    doc = json.loads(
        CliRunner().invoke(cli, ["batch", str(folder), "--as-of", "2021-11-16", "--format", "json"]).stdout
    )
    assert doc["summary"]["by_level"]["total"]["readiness"] == {"ready": 0, "not_ready": 0}
    assert all(a["readiness"] is None for a in doc["agencies"])
    text = CliRunner().invoke(cli, ["batch", str(folder), "--as-of", "2021-11-16"]).stdout
    assert "Ready to announce" not in text and "READY" not in text


MARKS = "\nreports: []\nmarks:\n"


def test_reports_are_counted_as_recorded_apart_from_deadlines(tmp_path):
    # issue 13 §2: a roster's mark counts as received (date unknown) or as no report; a request without a deadline
    # not answered yet is "no report received", whatever the deadline (unknown: never an invented 31/12)
    base = (CASES / "_base.yaml").read_text(encoding="utf-8").split("\nreports:")[0]
    tail = "\n" + (CASES / "_base.yaml").read_text(encoding="utf-8").split("\njudgements:", 1)[1]
    files = {
        "dated.yaml": "\nreports:\n  - {year: 2021, requested_on: 2021-10-20, submitted_on: 2021-11-05}\n",
        "marked.yaml": f"{MARKS}  - {{year: 2021, source: 'Bảng tổng hợp, dòng 3', report_received: true}}\n",
        "ko-co-bc.yaml": f"{MARKS}  - {{year: 2021, source: 'dòng 4 (Ko có Bc)', report_received: false}}\n",
        "chua-gui.yaml": "\nreports:\n  - {year: 2021, requested_by: 1243/SKH-CN-TĐC, requested_on: 2021-10-20}\n",
        "khong-ro.yaml": "\nreports: []\n",
    }
    folder = tmp_path / "roster"
    folder.mkdir()
    for name, reports in files.items():
        (folder / name).write_text(base + reports + "judgements:" + tail, encoding="utf-8")
    result = CliRunner().invoke(cli, ["batch", str(folder), "--as-of", "2021-11-16", "--format", "json"])
    doc = json.loads(result.stdout)
    assert doc["summary"]["by_level"]["total"]["reports"] == {"dated": 1, "marked": 1, "not_held": 2, "unknown": 1}
    levels = {Path(a["file"]).name: a["recorded"]["report_received"] for a in doc["agencies"]}
    assert levels == {
        "dated.yaml": "dated",
        "marked.yaml": "marked",
        "ko-co-bc.yaml": "not_held",
        "chua-gui.yaml": "not_held",
        "khong-ro.yaml": "unknown",
    }
    for lang, line in (
        ("vi", "đã nhận, có ngày: 1 · đã nhận, không rõ ngày: 1 · không có báo cáo: 2 · chưa rõ: 1"),
        ("en", "received, dated: 1 · received, date unknown: 1 · no report received: 2 · unknown: 1"),
    ):
        text = CliRunner().invoke(cli, ["batch", str(folder), "--as-of", "2021-11-16", "--lang", lang]).stdout
        assert line in text
        assert "31/12" not in text and "12-31" not in text


def test_audits_and_reviews_held_before_announcing_show_as_held(folder):
    doc = json.loads(_batch(folder, "--format", "json").stdout)
    matrix = {Path(a["file"]).name: a["matrix"] for a in doc["agencies"] if a["matrix"] is not None}
    assert {k: matrix["so-mau.yaml"][k] for k in ("internal_audit", "corrective_actions", "review")} == {
        "internal_audit": "yes",
        "corrective_actions": "yes",
        "review": "yes",
    }
    assert matrix["xa-thach-ha.yaml"]["internal_audit"] == "no" and matrix["xa-thach-ha.yaml"]["review"] == "no"
    assert matrix["phuong-duc-thuan.yaml"]["internal_audit"] == "unknown"  # records start after its announcement
    table = _batch(folder, "--lang", "vi").stdout
    cells = next(line for line in table.splitlines() if "Sở Mẫu" in line).split("│")
    assert [c.strip() for c in cells[7:10]] == ["✓", "✓", "✓"]  # ĐGNB, Khắc phục, XXLĐ: held, not "–"


def test_the_json_summary_counts_each_rules_outcomes(folder):
    doc = json.loads(_batch(folder, "--format", "json").stdout)
    by_rule = doc["summary"]["by_rule"]
    assert list(by_rule) == sorted(by_rule)
    expected: dict[str, dict[str, int]] = {}
    for agency in doc["agencies"]:
        for r in agency["results"]:
            expected.setdefault(r["rule_id"], {}).setdefault(r["outcome"], 0)
            expected[r["rule_id"]][r["outcome"]] += 1
    assert {rule: {k: v for k, v in counts.items() if v} for rule, counts in by_rule.items()} == expected
    assert by_rule["announcement.internal-audit-before"]["fail"] == 1  # xã Thạch Hạ
