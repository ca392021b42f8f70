"""The dated law data of ``law/administration/`` and who must apply a QMS on a date (QĐ 19/2014 Điều 2):
the province map across the 2025 merger, the levels and their duty, the lead units, and what a check says for a
commune that is not bound, one whose duty is unknown, and a district agency after 30/06/2025."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from isocheck.base.errors import InputError
from isocheck.cli import cli
from isocheck.law.applicability import check_applies, duty_on
from isocheck.law.lead_units import units
from isocheck.law.levels import load_levels
from isocheck.law.provinces import load_provinces, province_name_on, provinces_on, stem
from isocheck.workflows.check import check_agency
from tests.conftest import case_agency

ROOT = Path(__file__).resolve().parent.parent
SHARED_MAP = Path("/work/shared/domain/provinces-2025.csv")
BEFORE, AFTER = dt.date(2025, 6, 30), dt.date(2025, 7, 1)


# -- provinces ----------------------------------------------------------------------------------


def test_63_provinces_until_30_06_2025_and_34_from_01_07_2025():
    assert len(provinces_on(dt.date(2014, 5, 18))) == 63
    assert len(provinces_on(BEFORE)) == 63
    assert len(provinces_on(AFTER)) == 34
    assert len(provinces_on(dt.date(2026, 12, 1))) == 34


@pytest.mark.parametrize(
    "written, day, expected",
    [
        ("Quảng Bình", dt.date(2024, 6, 1), "Tỉnh Quảng Bình"),
        ("Quảng Bình", AFTER, "Tỉnh Quảng Trị"),
        ("tinh quang binh", dt.date(2026, 1, 1), "Tỉnh Quảng Trị"),
        ("Hà Tĩnh", dt.date(2026, 1, 1), "Tỉnh Hà Tĩnh"),
        ("Thừa Thiên Huế", dt.date(2024, 12, 31), "Tỉnh Thừa Thiên Huế"),
        ("Thừa Thiên Huế", dt.date(2025, 1, 1), "Thành phố Huế"),
        ("Huế", dt.date(2020, 1, 1), "Tỉnh Thừa Thiên Huế"),  # a later name, followed back through a rename
        ("TP. Hồ Chí Minh", dt.date(2026, 1, 1), "Thành phố Hồ Chí Minh"),
        ("Bình Dương", dt.date(2026, 1, 1), "Thành phố Hồ Chí Minh"),
        ("Hoà Bình", dt.date(2026, 1, 1), "Tỉnh Phú Thọ"),
        ("Nowhere", dt.date(2026, 1, 1), "Nowhere"),  # unknown: kept as written
    ],
)
def test_an_old_province_name_maps_to_the_province_of_the_day(written, day, expected):
    assert province_name_on(written, day) == expected


def test_every_row_of_the_shared_mapping_is_in_the_shipped_data():
    """The shipped file carries the project's reference mapping (shared/domain/provinces-2025.csv) row by row."""
    if not SHARED_MAP.exists():
        pytest.skip("the shared reference mapping is not on this machine")
    with SHARED_MAP.open(encoding="utf-8", newline="") as handle:
        shared = {(r["old_province"], r["new_province"], r["effective_from"]) for r in csv.DictReader(handle)}
    with (ROOT / "law" / "administration" / "provinces.csv").open(encoding="utf-8", newline="") as handle:
        shipped = {(r["old_province"], r["new_province"], r["effective_from"]) for r in csv.DictReader(handle)}
    assert shared <= shipped
    day = dt.date(2025, 7, 1)
    for old, new, _ in shared:
        assert province_name_on(old, day) == new


def test_stems_keep_the_provinces_of_a_day_apart():
    for day in (BEFORE, AFTER):
        stems = [p.stem for p in provinces_on(day)]
        assert len(stems) == len(set(stems))
    assert stem("Thành phố Hồ Chí Minh") == stem("TP. Hồ Chí Minh") == "ho chi minh"


def test_a_province_changed_twice_is_refused_naming_the_line(tmp_path):
    bad = tmp_path / "provinces.csv"
    bad.write_text(
        "old_province,new_province,effective_from,confidence,source\n"
        "Tỉnh A,Tỉnh B,2025-07-01,high,x\n"
        "Tỉnh A,Tỉnh C,2025-08-01,high,x\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as exc:
        load_provinces(bad)
    assert exc.value.line == 3


# -- levels and lead units ----------------------------------------------------------------------


def test_the_district_level_ends_on_30_06_2025_and_the_others_go_on():
    levels = load_levels()
    assert levels["district"].last_day == BEFORE
    assert levels["district"].abolished_on(AFTER) and not levels["district"].abolished_on(BEFORE)
    assert {name for name, lv in levels.items() if lv.last_day is not None} == {"district"}
    assert {name for name, lv in levels.items() if lv.duty == "encouraged"} == {
        "commune",
        "public_service_unit",
        "policy_bank",
        "mission_abroad",
    }


def test_the_lead_unit_follows_the_province_of_the_day():
    u = units()
    before, after = dt.date(2020, 3, 1), dt.date(2026, 3, 1)
    assert u.lead_unit("department", "Quảng Bình", before, "vi") == "Sở Khoa học và Công nghệ tỉnh Quảng Bình"
    assert u.lead_unit("department", "Quảng Bình", after, "vi") == "Sở Khoa học và Công nghệ tỉnh Quảng Trị"
    assert u.lead_unit("department", "Quảng Bình", after, "en").endswith("of Quảng Trị province")
    assert u.inspecting_unit("department", "Quảng Bình", before, "vi").startswith("Chi cục Tiêu chuẩn")
    assert "chưa xác nhận" in u.inspecting_unit("department", "Quảng Bình", after, "vi")
    assert "not confirmed" in u.inspecting_unit("department", "Quảng Bình", after, "en")
    assert u.lead_unit("ministry", "Hà Nội", after, "vi") == "đơn vị chủ trì do Bộ, ngành giao"


# -- who must apply a QMS ------------------------------------------------------------------------

COMMUNE = {"agency": {"name": "UBND xã Mẫu", "level": "commune", "province": "Hà Tĩnh"}}


def test_a_commune_that_is_not_bound_gets_one_not_applicable_reason_for_every_rule(pack):
    agency = case_agency({**COMMUNE, "announcements": []} | {"agency": {**COMMUNE["agency"], "qms_duty": None}})
    duty = duty_on(agency, dt.date(2021, 11, 16))
    assert duty.status == "not_bound"
    assert "khoản 2 Điều 2" in duty.reason["vi"] and "Art. 2, cl. 2" in duty.reason["en"]
    report = check_agency(agency, dt.date(2021, 11, 16), pack, "annual")
    outcomes = {f.outcome for f in report.findings}
    assert outcomes == {"not_applicable"}
    assert {f.reason["vi"] for f in report.findings if f.rule.origin.skipped is None} == {duty.reason["vi"]}


def test_a_mandated_commune_is_bound_from_the_day_the_decision_takes_effect(pack):
    duty = {"basis": "mandated", "decision": "25/KH-UBND", "issued_on": "2021-03-01", "issuer": "UBND tỉnh Hà Tĩnh"}
    agency = case_agency({"agency": {**COMMUNE["agency"], "qms_duty": duty}, "announcements": []})
    assert duty_on(agency, dt.date(2021, 3, 1)).status == "bound"
    later = duty_on(agency, dt.date(2021, 2, 28))
    assert later.status == "not_bound" and "25/KH-UBND" in later.reason["vi"] and "25/KH-UBND" in later.reason["en"]
    report = check_agency(agency, dt.date(2021, 11, 16), pack, "annual")
    assert "announcement.announced@agency" in {f.id for f in report.findings if f.outcome == "fail"}


def test_a_commune_whose_duty_is_unknown_is_not_evaluable_for_qms_duty(pack):
    agency = case_agency({"agency": COMMUNE["agency"], "announcements": []})
    report = check_agency(agency, dt.date(2021, 11, 16), pack, "annual")
    evaluated = [f for f in report.findings if f.outcome != "not_applicable"]
    assert evaluated and all(f.outcome == "not_evaluable" and f.missing == ["agency.qms_duty"] for f in evaluated)


def test_a_commune_that_announced_is_bound_whatever_qms_duty_says_left_out(pack):
    agency = case_agency({"agency": COMMUNE["agency"]})  # the base agency's announcement is kept
    assert duty_on(agency, dt.date(2021, 11, 16)).status == "bound"


def test_qms_duty_on_a_department_is_an_input_problem():
    agency = case_agency({"agency": {"qms_duty": {"basis": "voluntary"}}})
    with pytest.raises(InputError) as exc:
        check_applies(agency, dt.date(2021, 11, 16), "a.yaml")
    assert exc.value.field == "agency.qms_duty"


DISTRICT = ROOT / "fixtures" / "huyen-van-2008.yaml"


@pytest.mark.parametrize("lang, words", [("vi", "không còn tồn tại"), ("en", "no longer exists")])
def test_a_district_agency_after_30_06_2025_gets_one_clear_message_and_exit_2(lang, words):
    result = CliRunner().invoke(cli, ["check", str(DISTRICT), "--as-of", "2025-07-01", "--lang", lang])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert words in lines[0] and "agency.level" in lines[0] and "Traceback" not in result.output


def test_a_district_agency_on_30_06_2025_is_still_checked():
    result = CliRunner().invoke(cli, ["check", str(DISTRICT), "--as-of", "2025-06-30", "--lang", "en"])
    assert result.exit_code in (0, 1), result.output


# -- post-reform fixtures and a batch across the merger -----------------------------------------------

POST_REFORM = ROOT / "fixtures" / "post-reform-2026"
AS_OF_2026 = "2026-11-16"


def test_the_2026_department_fails_only_the_late_corrective_action_report(pack):
    from isocheck.api import check_file

    report = check_file(POST_REFORM / "so-xay-dung-quang-tri-2026.yaml", dt.date(2026, 11, 16), pack=pack)
    failed = sorted((f.rule_id, f.subject_id) for f in report.findings if f.outcome == "fail")
    assert failed == [("maintenance.inspection-corrective-report", "45/QĐ-SKHCN")]
    # a yearly file records no on-site judgement, and no province TTHC list is given: those rules alone are not
    # evaluable (issue 13); every other rule is evaluated
    unknown = [f for f in report.findings if f.outcome in ("pending", "not_evaluable", "error")]
    catalogue = {"scope.abolished-tthc-withdrawn", "scope.new-tthc-within-three-months"}
    assert [f.rule_id for f in unknown if not (f.rule.judgment or f.rule_id in catalogue)] == []
    assert {f.outcome for f in unknown} == {"not_evaluable"}
    late = next(f for f in report.findings if f.outcome == "fail")
    assert "12/07/2026" in late.message("vi") and "trễ 8 ngày" in late.message("vi")
    assert "2026-07-12" in late.message("en") and "8 days late" in late.message("en")


@pytest.mark.parametrize("lang, words", [("vi", "Không bắt buộc: UBND xã Tân Thành"), ("en", "Not bound: UBND xã Tân")])
def test_the_2026_commune_that_is_not_bound_reads_one_reason(lang, words):
    args = ["check", str(POST_REFORM / "xa-tan-thanh-2026.yaml"), "--as-of", AS_OF_2026, "--lang", lang]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.output.count(words) == 1
    assert ("nặng" not in result.output) if lang == "vi" else ("major" not in result.output)


def test_a_batch_across_the_merger_lists_old_and_new_names_under_the_new_province(tmp_path):
    import json
    import shutil

    for path in POST_REFORM.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    result = CliRunner().invoke(cli, ["batch", str(tmp_path), "--as-of", AS_OF_2026, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    provinces = {a["name"]: a["province"] for a in json.loads(result.stdout)["agencies"]}
    assert provinces == {"Sở Xây dựng tỉnh Quảng Trị": "Tỉnh Quảng Trị", "UBND xã Tân Thành": "Tỉnh Quảng Trị"}
    commune = str(tmp_path / "xa-tan-thanh-2026.yaml")
    before = CliRunner().invoke(cli, ["batch", commune, "--as-of", "2025-06-30", "--format", "json"])
    assert [a["province"] for a in json.loads(before.stdout)["agencies"]] == ["Tỉnh Quảng Bình"]


def test_a_dated_data_file_that_is_a_list_is_refused_in_each_language(tmp_path):
    from isocheck.law.dated_data import load_model
    from isocheck.law.levels import LevelFile

    path = tmp_path / "levels.yaml"
    path.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_model(path, LevelFile)
    assert (caught.value.detail.text("vi"), caught.value.detail.text("en"), caught.value.line) == (
        "đầu tệp dữ liệu phải là các mục dạng “khóa: giá trị”, nhưng tệp ghi một danh sách",
        "expected a mapping at the top of the data file, found a list",
        1,
    )
