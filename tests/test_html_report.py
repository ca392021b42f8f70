"""The HTML inspection report (``isocheck report``, ``check --format html``).

Structural tests read the page as text (self-contained, language, every nonconformity present,
escaping, determinism, atomic output). The ``browser`` test opens the page in headless Chromium and
checks what it renders; it is skipped only when /usr/bin/chromium is absent (CI installs it).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner
from conftest import CASES, FIXTURES, ROOT
from golden import FIXTURES as GOLDEN_FIXTURES

from isocheck.api import check_file
from isocheck.cli import cli
from isocheck.report import FORMATS
from isocheck.report.html import render
from isocheck.report.table import verdict_lines

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BASE = CASES / "_base.yaml"


def _report(fixture: str):
    return check_file(FIXTURES / fixture, dt.date.fromisoformat(GOLDEN_FIXTURES[fixture]))


class _Checker(HTMLParser):
    """Collects tags and checks that every non-void element is closed in order."""

    VOID: ClassVar[set[str]] = {
        "meta",
        "br",
        "hr",
        "img",
        "input",
        "link",
        "col",
        "wbr",
        "source",
        "area",
        "base",
        "embed",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.problems: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def _parse(page: str) -> _Checker:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert not checker.problems, checker.problems[:5]
    assert not checker.stack, f"unclosed: {checker.stack}"
    return checker


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("fixture", sorted(GOLDEN_FIXTURES))
def test_page_is_self_contained_and_lists_every_nonconformity(fixture, lang):
    report = _report(fixture)
    page = render(report, lang)
    assert page.startswith("<!DOCTYPE html>\n")
    assert f'<html lang="{lang}">' in page
    assert '<meta charset="utf-8">' in page
    lowered = page.lower()
    for forbidden in ("http://", "https://", "src=", "<link", "<script", "url(", "@import", "//cdn"):
        assert forbidden not in lowered, forbidden
    checker = _parse(page)
    assert [t for t, _ in checker.tags].count("html") == 1
    assert checker.tags[0][0] == "html"
    fails = [f for f in report.findings if f.outcome == "fail"]
    for f in fails:
        assert f.rule_id in page
        assert html.escape(f.message(lang)) in page, (f.rule_id, f.subject_id)
        assert html.escape(f.rule.citation_text(lang)) in page
    # every nonconformity is one block with its explanation open (so printing shows it)
    assert page.count('<article class="finding ') == len(fails)
    assert page.count("<details open>") == len(fails)
    for outcome in ("pending", "not_evaluable", "error"):
        for f in (f for f in report.findings if f.outcome == outcome):
            assert f.rule_id in page
    for line in verdict_lines(report, lang):
        assert html.escape(line) in page


def test_explanation_shows_basis_conditions_facts_and_remedy():
    report = _report("so-cap-nhat-van-ban-tre.yaml")
    page = render(report, "vi")
    # Vietnamese quote of the legal text, the condition table, the fact-file paths, what would make it pass
    assert "chậm nhất là ba tháng kể từ khi văn bản quy phạm pháp luật có hiệu lực thi hành" in page
    assert "<code>days_after_deadline</code>" in page and "trễ 107 ngày" in page
    assert "legal_documents[2].effective_on, legal_documents[2].built_in_on" in page
    assert "cập nhật văn bản 01/2021/TT-BKHĐT vào quy trình chậm nhất ngày 01/08/2021" in page
    assert "Danh mục văn bản QPPL áp dụng" in page
    # the pending item with its due date; the header
    assert "80/2021/NĐ-CP" in page and "15/01/2022" in page
    for text in (
        "Sở Kế hoạch và Đầu tư tỉnh Quảng Trị",
        "TCVN ISO 9001:2015",
        "16/11/2021",
        f"isocheck {report.tool_version}",
        report.pack.version,
    ):
        assert text in page
    english = render(report, "en")
    assert "2022-01-15" in english and "What would make it pass" in english and "Evidence to ask for" in english


def test_not_evaluable_items_name_the_missing_facts():
    report = _report("xa-thieu-thong-tin.yaml")
    page = render(report, "en")
    for f in report.findings:
        if f.outcome == "not_evaluable":
            for missing in f.missing:
                assert f"<code>{html.escape(missing)}</code>" in page


def test_rule_errors_are_listed_and_flag_the_verdict():
    report = _report("so-cap-nhat-van-ban-tre.yaml")
    broken = next(f for f in report.findings if f.outcome == "pass")
    report.findings[report.findings.index(broken)] = dataclasses.replace(
        broken, outcome="error", error="engine <boom> & co"
    )
    page = render(report, "en")
    assert '<section class="verdict error">' in page
    assert "WARNING: RULE ERRORS: 1" in page
    assert '<section class="error">' in page and broken.rule_id in page
    assert "engine &lt;boom&gt; &amp; co" in page
    _parse(page)


def test_text_is_escaped(tmp_path):
    text = BASE.read_text(encoding="utf-8")
    evil = tmp_path / "evil.yaml"
    name = "name: \"Sở <script>alert(1)</script> & 'Mẫu'\""
    evil.write_text(text.replace("name: Sở Mẫu tỉnh Hà Tĩnh", name, 1), encoding="utf-8")
    report = check_file(evil, dt.date(2021, 11, 16))
    assert "<script>" in report.agency.agency.name
    for lang in ("vi", "en"):
        page = render(report, lang)
        assert "<script" not in page
        assert "Sở &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#x27;Mẫu&#x27;" in page
        _parse(page)


def test_output_is_deterministic():
    report = _report("xa-chua-san-sang-cong-bo.yaml")
    assert render(report, "vi") == render(report, "vi")
    again = _report("xa-chua-san-sang-cong-bo.yaml")
    assert render(report, "en") == render(again, "en")


def test_check_offers_the_html_format():
    assert "html" in FORMATS
    result = CliRunner().invoke(
        cli, ["check", str(BASE), "--as-of", "2021-11-16", "--format", "html"], catch_exceptions=False
    )
    assert result.exit_code == 0
    assert '<html lang="en">' in result.output  # check keeps its English default


def test_report_command_defaults_to_vietnamese_and_gates_exit_code(tmp_path):
    fixture = str(FIXTURES / "xa-chua-san-sang-cong-bo.yaml")
    result = CliRunner().invoke(cli, ["report", fixture, "--as-of", "2021-11-16"], catch_exceptions=False)
    assert result.exit_code == 1  # 7 major, 1 minor >= default --fail-on minor
    assert '<html lang="vi">' in result.output and "KẾT LUẬN: CÓ 8 ĐIỂM KHÔNG PHÙ HỢP" in result.output
    result = CliRunner().invoke(
        cli, ["report", fixture, "--as-of", "2021-11-16", "--lang", "en", "--fail-on", "none"], catch_exceptions=False
    )
    assert result.exit_code == 0 and '<html lang="en">' in result.output
    conforming = CliRunner().invoke(cli, ["report", str(BASE), "--as-of", "2021-11-16"], catch_exceptions=False)
    assert conforming.exit_code == 0
    assert CliRunner().invoke(cli, ["report", fixture, "--as-of", "2021-11-16", "--year", "2022"]).exit_code == 2


def test_report_writes_atomically_and_bad_input_writes_nothing(tmp_path):
    out = tmp_path / "report.html"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "isocheck",
            "report",
            "fixtures/xa-chua-san-sang-cong-bo.yaml",
            "--as-of",
            "2021-11-16",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 1 and proc.stdout == "" and proc.stderr == ""
    page = out.read_text(encoding="utf-8")
    assert page == render(_report("xa-chua-san-sang-cong-bo.yaml"), "vi").replace(
        str(FIXTURES / "xa-chua-san-sang-cong-bo.yaml"), "fixtures/xa-chua-san-sang-cong-bo.yaml"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]  # no temporary file left

    bad = tmp_path / "bad.yaml"
    bad.write_text(
        BASE.read_text(encoding="utf-8").replace("standard: 2015\n", "standard: 2016\n", 1), encoding="utf-8"
    )
    target = tmp_path / "bad.html"
    proc = subprocess.run(
        [sys.executable, "-m", "isocheck", "report", str(bad), "--as-of", "2021-11-16", "-o", str(target)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert "agency.standard" in proc.stderr
    assert not target.exists() and not list(tmp_path.glob(".bad.html.*"))
    missing = subprocess.run(
        [
            sys.executable,
            "-m",
            "isocheck",
            "report",
            str(tmp_path / "nope.yaml"),
            "--as-of",
            "2021-11-16",
            "-o",
            str(target),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert missing.returncode == 2 and not target.exists()


def _chromium(tmp_path: Path, name: str, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{name}"  # a fresh profile for every run
    return subprocess.run(
        [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "LANG": "C.UTF-8"},
    )


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed (apt-get install chromium)")
def test_chromium_renders_the_report(tmp_path):
    page = tmp_path / "report.html"
    report = check_file(FIXTURES / "xa-chua-san-sang-cong-bo.yaml", dt.date(2021, 11, 16))
    page.write_text(render(report, "vi"), encoding="utf-8")

    dom = _chromium(tmp_path, "dom", "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    rendered = dom.stdout
    assert '<html lang="vi">' in rendered
    assert "scope.covers-every-tthc" in rendered and "1.001449" in rendered
    assert "UBND xã Thạch Hạ" in rendered
    assert "KẾT LUẬN: CÓ 8 ĐIỂM KHÔNG PHÙ HỢP (7 nặng, 1 nhẹ, 0 lưu ý)" in rendered
    assert len(re.findall(r'<article class="finding ', rendered)) == 8
    assert rendered.count("<details open") == 8

    shot = tmp_path / "report.png"
    result = _chromium(tmp_path, "shot", f"--screenshot={shot}", "--window-size=1280,2400", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.exists()
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == 1280 and int.from_bytes(data[20:24], "big") == 2400
    assert len(data) > 20_000
