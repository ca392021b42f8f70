"""The marks-only Hà Tĩnh roster of 2025 (fixtures/roster-ha-tinh-2025-marks): its generator reproduces it, it imports
as its README says (101 of 103 units, year from the title, one summary), and a batch of it gives exactly the
outcomes its README states."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict

from click.testing import CliRunner
from conftest import FIXTURES

from isocheck.cli import cli
from isocheck.workflows.roster import read_roster_file
from isocheck.workflows.roster.write import write_fact_files

# the province's decision binding its communes (QĐ 19 Điều 2 khoản 2), as the README imports the roster with it
MANDATE = ("--mandated-by", "01/KH-UBND", "--mandated-on", "2025-01-02", "--mandated-issuer", "UBND tỉnh Hà Tĩnh")
FOLDER = FIXTURES / "roster-ha-tinh-2025-marks"
ROSTER = FOLDER / "roster.csv"
FAILS = {  # README.md, "Expected outcomes"
    "maintenance.internal-audit-yearly": {
        "Sở Tư pháp tỉnh Hà Tĩnh",
        "Chi cục Thủy sản",
        "UBND xã Sơn Tây",
        "UBND xã Đức Đồng",
        "UBND xã Kỳ Lạc",
    },
    "maintenance.management-review-yearly": {
        "Thanh tra tỉnh Hà Tĩnh",
        "UBND phường Hoành Sơn",
        "UBND xã Đức Đồng",
        "UBND xã Hương Xuân",
    },
    "documents.quality-objectives-yearly": {"UBND xã Mai Phụ", "UBND xã Đan Hải", "UBND xã Kỳ Lạc"},
}
NOT_RECEIVED = {
    "Sở Công Thương tỉnh Hà Tĩnh",
    "Chi cục Quản lý đất đai",
    "UBND phường Sông Trí",
    "UBND xã Sơn Kim 1",
    "UBND xã Tứ Mỹ",
    "UBND xã Hương Bình",
    "UBND xã Kỳ Lạc",
}
AUDIT_UNKNOWN = {"UBND xã Thạch Xuân", "UBND xã Cẩm Trung"}


def test_the_generator_reproduces_the_committed_roster(tmp_path):
    script = FOLDER / "generate_roster.py"
    subprocess.run([sys.executable, str(script), str(tmp_path / "roster.csv")], check=True)
    assert (tmp_path / "roster.csv").read_bytes() == ROSTER.read_bytes()


def test_it_imports_as_its_readme_says(tmp_path):
    roster = read_roster_file(ROSTER)
    assert roster.year == 2025 and roster.year_from_title == 1
    assert len(roster.rows) == 103
    dropped: list = []
    results = write_fact_files(roster.rows, tmp_path / "facts", warn=dropped.append)
    assert len(results) == 101
    not_imported = {d.line for d in dropped if d.reason == "drop.standard_unknown"}
    assert {r.cells["name"] for r in roster.rows if r.line in not_imported} == {
        "UBND xã Sơn Kim 2",
        "Chi cục Quản lý thị trường",
    }
    assert [d.line for d in roster.dropped if d.reason == "drop.group_row"] == [6, 41]
    assert sum(1 for d in roster.dropped if d.reason == "drop.ignored_column") == 7
    assert len([p for p in (tmp_path / "facts").iterdir() if p.name.startswith("van-phong--so-")]) == 10


def test_a_batch_of_it_gives_the_expected_outcomes(tmp_path):
    result = CliRunner().invoke(cli, ["import", str(ROSTER), "-o", str(tmp_path / "facts"), *MANDATE, "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.stderr.count("\n") == 9  # the year, then one summary (8 lines), not a warning per cell
    out = tmp_path / "batch.json"
    args = ["batch", str(tmp_path / "facts"), "--as-of", "2026-01-15", "--year", "2025", "--profile", "annual"]
    batch = CliRunner().invoke(cli, [*args, "--format", "json", "-o", str(out), "--no-cache", "--workers", "1"])
    assert batch.exit_code == 1, batch.output
    data = json.loads(out.read_text(encoding="utf-8"))
    outcomes: dict[tuple[str, str], list[str]] = defaultdict(list)  # a list: the 10 "Văn phòng" are 10 agencies
    for agency in data["agencies"]:
        for r in agency["results"]:
            outcomes[(r["rule_id"], r["outcome"])].append(agency["name"])
    fails = {rule: set(names) for (rule, outcome), names in outcomes.items() if outcome == "fail"}
    assert fails == FAILS and sum(map(len, fails.values())) == 12
    assert set(outcomes[("maintenance.internal-audit-yearly", "not_evaluable")]) == AUDIT_UNKNOWN
    assert len(outcomes[("maintenance.internal-audit-yearly", "pass")]) == 94
    assert len(outcomes[("maintenance.management-review-yearly", "pass")]) == 97
    assert len(outcomes[("documents.quality-objectives-yearly", "pass")]) == 98
    assert sorted(outcomes[("maintenance.yearly-report-submitted", "not_evaluable")]) == sorted(NOT_RECEIVED)
    assert len(outcomes[("maintenance.yearly-report-submitted", "pass")]) == 94
    assert len(outcomes[("maintenance.yearly-maintenance-plan", "pass")]) == 101
    total = data["summary"]["by_level"]["total"]
    assert total["agencies"] == 101 and total["reports"] == {"dated": 0, "marked": 94, "not_held": 7, "unknown": 0}
    assert total["verdicts"]["does_not_conform"] == 10 and total["verdicts"]["incomplete"] == 91
    assert total["nonconformities"] == {"major": 12, "minor": 0, "observation": 0}


def test_a_batch_without_year_says_which_year_it_checked(tmp_path):
    CliRunner().invoke(cli, ["import", str(ROSTER), "-o", str(tmp_path / "facts"), *MANDATE])
    args = ["batch", str(tmp_path / "facts"), "--as-of", "2026-01-15", "--profile", "annual", "--no-cache"]
    result = CliRunner().invoke(cli, [*args, "--workers", "1", "--format", "json", "-o", str(tmp_path / "b.json")])
    assert (
        "isocheck: cảnh báo: 101 tệp thông tin ghi dấu của bảng tổng hợp năm 2025, nhưng lần chạy này đánh giá năm "
        "2026 (năm của ngày đánh giá 15/01/2026); muốn đánh giá năm 2025, hãy chạy lại với --year 2025"
    ) in result.stderr
    assert "Văn phòng" not in result.stderr  # ten agencies named "Văn phòng" under ten parents: no repeated name
    with_year = CliRunner().invoke(cli, [*args, "--year", "2025", "--workers", "1", "--lang", "en"])
    assert "roster" not in with_year.stderr
