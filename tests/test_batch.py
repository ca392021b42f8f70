"""``isocheck batch`` on the bundled fixtures: isolation of bad files and dead workers, baselines,
every export format, and byte-identical output on a second run."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SCENARIOS

from isocheck.cli import cli
from isocheck.engine.durable import Engine
from isocheck.workflows.batch import BatchConfig, collect_files, run_batch

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
PROVINCE = FIXTURES / "province-ha-tinh-2021" / "facts"


def _run(*args: str):  # these tests read the English messages
    return CliRunner(env={"ISOCHECK_LANG": "en"}).invoke(cli, list(args), catch_exceptions=False)


def _json(*args: str) -> dict:
    result = _run("batch", *args, "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_one_entry_per_agency_with_verdicts(folder):
    doc = _json(str(folder), "--as-of", "2021-11-16", "--workers", "2")
    verdicts = {Path(a["file"]).name: a["verdict"] for a in doc["agencies"]}
    assert verdicts == {
        "bql-kcn-ninh-thuan-2021.yaml": "does_not_conform",
        "chi-cuc-thay-doi-pham-vi.yaml": "does_not_conform",
        "huyen-van-2008.yaml": "does_not_conform",
        "phuong-duc-thuan-2021.yaml": "conforms",
        "so-cap-nhat-van-ban-tre.yaml": "does_not_conform",
        "xa-chua-san-sang-cong-bo.yaml": "does_not_conform",
        "xa-thieu-thong-tin.yaml": "incomplete",
    }
    total = doc["summary"]["by_level"]["total"]
    assert total["agencies"] == 7 and total["announced"] == 6 and total["on_2015"] == 6


def test_a_bad_file_is_reported_for_its_agency_and_the_rest_completes(folder):
    (folder / "zz-hong.yaml").write_text("agency:\n  name: UBND xã Hỏng\n  level: village\n", encoding="utf-8")
    result = _run("batch", str(folder), "--as-of", "2021-11-16", "--format", "json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    bad = [a for a in doc["agencies"] if a["status"] != "checked"]
    assert [(Path(a["file"]).name, a["status"], a["verdict"]) for a in bad] == [
        ("zz-hong.yaml", "input_error", "input_error")
    ]
    assert "agency.level" in bad[0]["error"]
    assert sum(1 for a in doc["agencies"] if a["status"] == "checked") == 7
    assert doc["summary"]["by_level"]["total"]["verdicts"]["input_error"] == 1


def test_strict_stops_at_the_first_bad_file_with_exit_2(folder, tmp_path):
    (folder / "aa-hong.yaml").write_text("agency: [1, 2\n", encoding="utf-8")
    out = tmp_path / "out.json"
    result = _run("batch", str(folder), "--as-of", "2021-11-16", "--strict", "-o", str(out))
    assert result.exit_code == 2
    assert "aa-hong.yaml" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


def test_a_worker_that_dies_is_reported_against_its_agency_and_the_batch_goes_on(monkeypatch, pack):
    """A rule action that kills its process while judging Thạch Hạ's planned announcement (the only
    agency without one): that agency is reported as crashed, every other agency is checked."""
    real_init = Engine.__init__

    def killer(action, rule, outcome):
        def run(c):
            if c.m["subject"] == "planned":
                os._exit(9)
            action(c)

        return run

    monkeypatch.setattr(Engine, "__init__", lambda self, rules, action_wrapper=None: real_init(self, rules, killer))
    files, _ = collect_files([str(p) for p in SCENARIOS])
    entries = list(run_batch(files, BatchConfig(as_of=__import__("datetime").date(2021, 11, 16)), pack, workers=2))
    status = {Path(e["file"]).name: e["status"] for e in entries}
    assert status.pop("xa-chua-san-sang-cong-bo.yaml") == "crashed"
    assert set(status.values()) == {"checked"}
    crashed = next(e for e in entries if e["status"] == "crashed")
    assert crashed["verdict"] == "error" and "exit code 9" in crashed["error"]


def test_baseline_shows_new_resolved_and_remaining(folder, tmp_path):
    before = tmp_path / "before.json"
    before.write_text(_run("batch", str(folder), "--as-of", "2021-11-16", "--format", "json").stdout, encoding="utf-8")
    # Thạch Hạ builds internal procedures for two of its four uncovered TTHC; Văn gets a new problem
    text = (folder / "xa-chua-san-sang-cong-bo.yaml").read_text(encoding="utf-8")
    for code in ("2.000960", "2.009273"):
        line = next(row for row in text.splitlines() if f'code: "{code}"' in row)
        text = text.replace(
            line, line.replace("internal_procedure: false", "internal_procedure: true, matches_one_stop: true")
        )
    (folder / "xa-chua-san-sang-cong-bo.yaml").write_text(text, encoding="utf-8")
    doc = _json(str(folder), "--as-of", "2021-11-16", "--baseline", str(before))
    thach_ha = next(a for a in doc["agencies"] if a["name"] == "UBND xã Thạch Hạ")["changes"]
    assert thach_ha["new"] == []
    assert thach_ha["resolved"] == ["scope.covers-every-tthc@2.000960", "scope.covers-every-tthc@2.009273"]
    assert "scope.covers-every-tthc@1.001449" in thach_ha["remaining"]
    assert doc["summary"]["baseline"]["resolved"] == 2 and doc["summary"]["baseline"]["new"] == 0
    others = [a["changes"] for a in doc["agencies"] if a["name"] != "UBND xã Thạch Hạ"]
    assert all(c["new"] == [] and c["resolved"] == [] for c in others)


def test_a_baseline_that_is_not_a_batch_result_is_an_input_error(folder, tmp_path):
    bad = tmp_path / "b.json"
    bad.write_text('{"results": []}', encoding="utf-8")
    result = _run("batch", str(folder), "--as-of", "2021-11-16", "--baseline", str(bad))
    assert result.exit_code == 2
    assert "b.json: agencies: expected the JSON written by 'isocheck batch --format json'" in result.stderr


@pytest.mark.parametrize("fmt", ["table", "md", "csv", "json", "html"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_format_renders_and_is_byte_identical_twice(folder, fmt, lang):
    args = ("batch", str(folder), "--as-of", "2021-11-16", "--format", fmt, "--lang", lang)
    first, second = _run(*args), _run(*args)
    assert first.exit_code == 1 and first.stdout == second.stdout
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(first.stdout.lstrip("\ufeff"))))
        assert len(rows) == 8
    if fmt == "html":
        assert first.stdout.startswith("<!DOCTYPE html>") and "UBND xã Thạch Hạ" in first.stdout


def test_no_fact_files_is_an_input_error(tmp_path):
    result = _run("batch", str(tmp_path), "--as-of", "2021-11-16")
    assert result.exit_code == 2 and "no fact files found" in result.stderr


# -- the generated Hà Tĩnh province (32 agencies imported from its roster) ---------------------------

PROVINCE_VERDICTS = {
    "conforms": {
        "Sở Giao thông vận tải tỉnh Hà Tĩnh",
        "Sở Lao động - Thương binh và Xã hội tỉnh Hà Tĩnh",
        "Sở Tư pháp tỉnh Hà Tĩnh",
        "Chi cục Thủy lợi tỉnh Hà Tĩnh",
        "UBND huyện Can Lộc",
        "UBND thành phố Hà Tĩnh",
        "UBND thị xã Hồng Lĩnh",
        "UBND phường Bắc Hà",
        "UBND phường Nam Hồng",
        "UBND phường Trần Phú",
        "UBND thị trấn Nghèn",
        "UBND xã Cẩm Vịnh",
    },
    "does_not_conform": {
        "Sở Tài chính tỉnh Hà Tĩnh",  # report sent late
        "Sở Y tế tỉnh Hà Tĩnh",  # open audit nonconformities
        "Chi cục An toàn vệ sinh thực phẩm tỉnh Hà Tĩnh",  # Sở KH&CN not notified
        "Chi cục Dân số - Kế hoạch hóa gia đình tỉnh Hà Tĩnh",  # not announced
        "Chi cục Kiểm lâm tỉnh Hà Tĩnh",
        "UBND huyện Cẩm Xuyên",  # still on 2008
        "UBND huyện Thạch Hà",  # open audit nonconformities
        "UBND thị trấn Thạch Hà",  # announced before any audit or review
        "UBND xã Thạch Đài",
    },  # announcement in force is 2008
    "no_report": {
        "Sở Kế hoạch và Đầu tư tỉnh Hà Tĩnh",
        "Chi cục Chăn nuôi và Thú y tỉnh Hà Tĩnh",
        "UBND huyện Hương Sơn",
        "UBND thị trấn Cẩm Xuyên",
    },
    "incomplete": {  # blank roster cells in a matrix column
        # a commune that has announced nothing, and the roster does not say whether a provincial decision binds it
        # (QĐ19 Điều 2 khoản 2 only encourages communes): every rule is not evaluable for agency.qms_duty
        "UBND xã Thạch Trung",
        "Ban Quản lý Khu kinh tế tỉnh Hà Tĩnh",
        "Sở Xây dựng tỉnh Hà Tĩnh",
        "Chi cục Trồng trọt và Bảo vệ thực vật tỉnh Hà Tĩnh",
        "UBND phường Bắc Hồng",
        "UBND thị trấn Phố Châu",
        "UBND xã Thiên Lộc",
    },
}

PROVINCE_SUMMARY = {  # level: (agencies, announced, conforming, on 2015, no report, major, minor)
    "department": (8, 8, 3, 8, 1, 1, 2),
    "sub_department": (6, 5, 1, 5, 1, 3, 1),
    "district": (6, 6, 3, 5, 1, 2, 1),
    # UBND xã Thạch Trung (not announced, and the roster does not say whether a decision binds it) is incomplete:
    # not a "no report" any more, and its three major nonconformities are not evaluable
    # UBND xã Thạch Đài: a QMS on 2015, its announcement in force still on 2008 — not counted on 2015 (the
    # transition rule fails it, as for the two other agencies still on 2008)
    "commune": (12, 11, 5, 11, 1, 4, 0),
    "total": (32, 30, 12, 29, 4, 10, 4),
}


@pytest.fixture(scope="module")
def province() -> dict:
    result = CliRunner().invoke(
        cli,
        ["batch", str(PROVINCE), "--as-of", "2021-12-20", "--year", "2021", "--format", "json", "--lang", "vi"],
        catch_exceptions=False,
    )
    assert result.exit_code == 1
    return json.loads(result.stdout)


def test_province_verdict_of_every_agency(province):
    got: dict[str, set] = {}
    for a in province["agencies"]:
        got.setdefault(a["verdict"], set()).add(a["name"])
    assert got == PROVINCE_VERDICTS


def test_province_summary_by_level(province):
    got = {
        level: (
            s["agencies"],
            s["announced"],
            s["conforming"],
            s["on_2015"],
            s["verdicts"]["no_report"],
            s["nonconformities"]["major"],
            s["nonconformities"]["minor"],
        )
        for level, s in province["summary"]["by_level"].items()
        if s["agencies"] or level == "total"  # the levels of the roster (the others hold no agency)
    }
    assert got == PROVINCE_SUMMARY


def test_province_matrix_rows_for_a_few_agencies(province):
    rows = {a["name"]: a["matrix"] for a in province["agencies"]}
    assert rows["Sở Y tế tỉnh Hà Tĩnh"]["corrective_actions"] == "no"
    # a commune that announced nothing, with no word on whether a decision binds it (QĐ19 Điều 2 khoản 2)
    assert set(rows["UBND xã Thạch Trung"].values()) == {"unknown"}
    assert rows["UBND thị trấn Cẩm Xuyên"]["report"] == "no"
    assert rows["Chi cục Kiểm lâm tỉnh Hà Tĩnh"]["standard"] == "no"


@pytest.mark.parametrize(
    "lang, heading, total",
    [
        ("vi", "Tổng hợp theo cấp", "│ Tổng cộng               │ 32           │ 30           │ 12             │"),
        ("en", "Summary by level", "│ Total                 │ 32         │ 30          │ 12                   │"),
    ],
)
def test_province_table_in_both_languages(lang, heading, total):
    out = _run("batch", str(PROVINCE), "--as-of", "2021-12-20", "--year", "2021", "--lang", lang).stdout
    assert heading in out
    assert any(line.startswith(total) for line in out.splitlines()), out[:3000]


@pytest.mark.parametrize("lang, words", [("vi", "không còn tồn tại"), ("en", "no longer exists")])
def test_an_agency_of_an_abolished_level_is_an_input_error_in_the_chosen_language(tmp_path, lang, words):
    """A district agency checked after 30/06/2025 cannot be checked (its level no longer exists): in a batch it
    is that file's input error, worded like every other in the chosen language, and ``--strict`` stops on it."""
    folder = tmp_path / "province"
    folder.mkdir()
    for name in ("huyen-van-2008.yaml", "phuong-duc-thuan-2021.yaml"):
        shutil.copy(FIXTURES / name, folder / name)
    result = CliRunner().invoke(
        cli, ["batch", str(folder), "--as-of", "2025-07-01", "--format", "json", "--lang", lang, "--no-cache"]
    )
    assert result.exit_code in (0, 1), result.stderr
    entries = {Path(a["file"]).name: a for a in json.loads(result.stdout)["agencies"]}
    district = entries["huyen-van-2008.yaml"]
    assert (district["status"], district["verdict"]) == ("input_error", "input_error")
    assert words in district["error"] and "agency.level" in district["error"] and "InputError" not in district["error"]
    assert entries["phuong-duc-thuan-2021.yaml"]["status"] == "checked"
    strict = CliRunner().invoke(cli, ["batch", str(folder), "--as-of", "2025-07-01", "--strict", "--no-cache"])
    assert strict.exit_code == 2 and "huyen-van-2008.yaml" in strict.stderr
