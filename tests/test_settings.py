"""Defaults from ``ISOCHECK_LANG`` and ``isocheck.toml`` in the working folder: language, overlay, profile;
the command line wins over both, the environment over the file; a bad file or value is bad input."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import CASES

from isocheck.cli import cli
from isocheck.cli.settings import Settings, load_settings

BASE = str(CASES / "_base.yaml")
CHECK = ["check", BASE, "--as-of", "2021-11-16"]


def _run(args, env_lang=None):
    return CliRunner(env={"ISOCHECK_LANG": env_lang}).invoke(cli, args, catch_exceptions=False)


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_without_settings_everything_is_vietnamese(folder):
    assert load_settings(folder, {}) == Settings()
    assert "KẾT LUẬN: KHÔNG PHÁT HIỆN ĐIỂM KHÔNG PHÙ HỢP" in _run(CHECK).output


def test_the_file_the_environment_and_the_option_in_that_order(folder):
    (folder / "isocheck.toml").write_text('lang = "en"\n', encoding="utf-8")
    assert "VERDICT: NO NONCONFORMITY FOUND" in _run(CHECK).output
    assert "KẾT LUẬN: KHÔNG PHÁT HIỆN" in _run(CHECK, env_lang="vi").output
    assert "KẾT LUẬN: KHÔNG PHÁT HIỆN" in _run([*CHECK, "--lang", "vi"]).output
    assert "VERDICT: NO NONCONFORMITY" in _run([*CHECK, "--lang", "en"], env_lang="vi").output
    usage = _run(["check", BASE, "--as-of", "2021-13-01"])
    assert usage.exit_code == 2 and "does not match the format" in usage.stderr  # click's words follow the file


def test_the_file_sets_the_profile_and_the_overlay(folder):
    (folder / "isocheck.toml").write_text(
        'profile = "pre-announcement"\noverlay = "ha-tinh.example"\n', encoding="utf-8"
    )
    out = _run(CHECK).output
    assert "kiểm tra trước công bố" in out and "KẾT LUẬN: SẴN SÀNG CÔNG BỐ" in out
    assert "Hà Tĩnh" in _run(["rules", "list"]).output  # the overlay's origin column and header
    assert "kiểm tra trước công bố" not in _run([*CHECK, "--profile", "annual"]).output
    (folder / "isocheck.toml").unlink()
    assert "Hà Tĩnh" not in _run(["rules", "list"]).output


@pytest.mark.parametrize(
    ("content", "vi", "en"),
    [
        ('lang = "en\n', "isocheck.toml:1:", "not valid TOML"),
        ('lang = "fr"\n', "lang = 'fr'; cần một trong: vi, en", "lang = 'fr'; expected one of: vi, en"),
        ('language = "vi"\n', "không có thiết lập 'language'", "unknown setting 'language'"),
        ("profile = 3\n", "'profile' phải là một đoạn chữ", "'profile' must be a non-empty text"),
        ('profile = "yearly"\n', "profile = 'yearly'; cần một trong", "profile = 'yearly'; expected one of"),
        ("lang = en\n", "giá trị không hợp lệ", "Invalid value"),
    ],
)
def test_a_bad_settings_file_is_bad_input_in_the_chosen_language(folder, content, vi, en):
    (folder / "isocheck.toml").write_text(content, encoding="utf-8")
    result = _run(CHECK)
    assert result.exit_code == 2 and result.stderr.startswith("isocheck: lỗi: ") and vi in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    english = _run([*CHECK, "--lang", "en"])
    assert english.exit_code == 2 and english.stderr.startswith("isocheck: error: ") and en in english.stderr


def test_a_toml_syntax_error_names_line_and_column(folder):
    (folder / "isocheck.toml").write_text('profile = "annual"\nlang = \n', encoding="utf-8")
    result = _run(CHECK)
    assert result.exit_code == 2
    assert f"{folder / 'isocheck.toml'}:2:8: không đúng cú pháp TOML: " in result.stderr


def test_an_unknown_language_in_the_environment_is_bad_input(folder):
    result = _run(CHECK, env_lang="fr")
    assert result.exit_code == 2
    assert (
        result.stderr == "isocheck: lỗi: ISOCHECK_LANG: 'fr' không phải ngôn ngữ isocheck dùng; "
        "cần vi (tiếng Việt) hoặc en (tiếng Anh)\n"
    )
    assert _run([*CHECK, "--lang", "en"], env_lang="fr").stderr.startswith(
        "isocheck: error: ISOCHECK_LANG: 'fr' is not"
    )
    assert _run(CHECK, env_lang="EN").exit_code == 0  # any case


def test_help_shows_where_the_defaults_come_from(folder):
    help_text = _run(["check", "--help"], env_lang="en").output
    assert "ISOCHECK_LANG" in help_text and "isocheck.toml" in help_text
