"""``isocheck import --mandated-by/--mandated-on/--mandated-issuer``: the province's decision binding the bodies QĐ 19
Điều 2 khoản 2 only encourages is written as their ``agency.qms_duty``; the others are left as they are."""

from __future__ import annotations

import yaml
from click.testing import CliRunner
from conftest import FIXTURES

from isocheck.cli import cli

ROSTER = FIXTURES / "roster-ha-tinh-2025-marks" / "roster.csv"
MANDATE = ["--mandated-by", "01/KH-UBND", "--mandated-on", "2025-01-02", "--mandated-issuer", "UBND tỉnh Hà Tĩnh"]


def test_the_decision_binds_the_communes_and_leaves_the_departments(tmp_path):
    result = CliRunner().invoke(cli, ["import", str(ROSTER), "-o", str(tmp_path), *MANDATE, "--quiet"])
    assert result.exit_code == 0, result.output
    agencies = [yaml.safe_load(p.read_text(encoding="utf-8"))["agency"] for p in sorted(tmp_path.glob("*.yaml"))]
    communes = [a for a in agencies if a["level"] == "commune"]
    others = [a for a in agencies if a["level"] != "commune"]
    assert communes and others
    duty = {"basis": "mandated", "decision": "01/KH-UBND", "issued_on": "2025-01-02", "issuer": "UBND tỉnh Hà Tĩnh"}
    assert all({k: str(v) for k, v in a["qms_duty"].items()} == duty for a in communes)
    assert not any("qms_duty" in a for a in others)


def test_without_the_options_no_duty_is_written(tmp_path):
    assert CliRunner().invoke(cli, ["import", str(ROSTER), "-o", str(tmp_path), "--quiet"]).exit_code == 0
    assert not any("qms_duty:" in p.read_text(encoding="utf-8") for p in tmp_path.glob("*.yaml"))


def test_one_option_alone_is_a_usage_error_in_both_languages(tmp_path):
    for lang, words in (("vi", "phải dùng cùng nhau"), ("en", "go together")):
        args = ["import", str(ROSTER), "-o", str(tmp_path / lang), "--mandated-by", "01/KH-UBND", "--lang", lang]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 2 and words in result.stderr and "Traceback" not in result.stderr
        assert not (tmp_path / lang).exists()


def test_without_the_options_the_unannounced_communes_are_named_in_a_warning(tmp_path):
    province = FIXTURES / "province-ha-tinh-2021" / "roster.csv"  # Thạch Trung (row 24): a commune, not announced
    for lang, words in (
        (
            "vi",
            "chưa công bố và chưa rõ có nghĩa vụ áp dụng HTQLCL (dòng 24; tổng cộng 1)",
        ),
        ("en", "have not announced and whose duty to apply a QMS is not known (rows 24; 1 in all)"),
    ):
        result = CliRunner().invoke(cli, ["import", str(province), "-o", str(tmp_path / lang), "--lang", lang, "-q"])
        assert result.exit_code == 0, result.output
        assert words in result.stderr and "--mandated-by" in result.stderr
    mandated = CliRunner().invoke(cli, ["import", str(province), "-o", str(tmp_path / "bound"), *MANDATE, "-q"])
    assert mandated.exit_code == 0 and "khoản 2 Điều 2" not in mandated.stderr
