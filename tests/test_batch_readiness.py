"""A pre-announcement batch (issue 13 §5): READY / NOT READY per agency, the counts per level, in every format;
the JSON summary counts findings per rule and outcome."""

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
    readiness = doc["summary"]["readiness"]
    assert readiness["total"] == {"ready": 1, "not_ready": 2, "unchecked": 1}
    assert readiness["department"] == {"ready": 1, "not_ready": 0, "unchecked": 0}
    assert readiness["commune"] == {"ready": 0, "not_ready": 2, "unchecked": 0}
    by_rule = doc["summary"]["by_rule"]
    assert by_rule["announcement.internal-audit-before"]["fail"] == 1  # xã Thạch Hạ's planned announcement
    assert sum(sum(c.values()) for c in by_rule.values()) == sum(len(a["results"]) for a in doc["agencies"])


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
    assert "readiness" not in doc["summary"]
    assert all(a["readiness"] is None for a in doc["agencies"])
    assert "by_rule" in doc["summary"]
