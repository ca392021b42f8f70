"""The HTML inspection report (``isocheck report``, ``check --format html``).

Structural tests read the page as text (self-contained, language, every nonconformity present, one card
per rule, escaping, determinism, atomic output, the planned announcement date, the signature block). The
``browser`` tests open the page in headless Chromium, check what it renders and print every bundled
fixture's report to PDF to count its A4 pages; they are skipped only when /usr/bin/chromium is absent
(CI installs it).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest
from browser import CHROMIUM, Printer, pdf_pages, run
from click.testing import CliRunner
from conftest import CASES, FIXTURES, ROOT
from golden import FIXTURES as GOLDEN_FIXTURES
from markupsafe import escape

from isocheck.api import check_file
from isocheck.cli import cli
from isocheck.report import FORMATS
from isocheck.report.html import render
from isocheck.report.table import verdict_lines

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
        assert escape(f.message(lang)) in page, (f.rule_id, f.subject_id)
        assert escape(f.subject_label.get(lang, f.subject_id)) in page
        for c in f.rule.citations:
            assert escape(c.format(lang, f.standard)) in page  # TCVN clauses in the agency's edition
    # one card per rule with its explanation open (so printing shows it); the legal basis once per card
    rules = {f.rule_id for f in fails}
    assert page.count('<article class="finding ') == len(rules)
    assert page.count("<details open>") == len(rules)
    for rule_id in rules:
        first = next(f for f in fails if f.rule_id == rule_id)
        quote = first.rule.citations[0].quote(lang, first.standard)
        assert page.count(f"“{escape(quote)}”") == 1, rule_id  # quoted once; the whole clause may hold it too
    for outcome in ("pending", "not_evaluable", "error"):
        for f in (f for f in report.findings if f.outcome == outcome):
            if _unjudged(f):  # folded into one row that names the criteria still to judge on site
                assert all(_criteria_of(m) <= set(re.findall(r"[a-z_]+\.[a-z_]+", page)) for m in f.missing)
            else:
                assert f.rule_id in page
    for line in verdict_lines(report, lang):
        assert escape(line) in page
    assert '<section class="signature">' in page


def _uncovered(tmp_path: Path, count: int | None = None) -> Path:
    """The commune of xa-chua-san-sang-cong-bo with every TTHC (or the first ``count``) uncovered."""
    text = (FIXTURES / "xa-chua-san-sang-cong-bo.yaml").read_text(encoding="utf-8")
    path = tmp_path / "xa-30-tthc.yaml"
    path.write_text(
        text.replace("internal_procedure: true, matches_one_stop: true", "internal_procedure: false", count or -1),
        encoding="utf-8",
    )
    return path


def test_thirty_uncovered_tthc_are_one_card_with_one_table(tmp_path):
    report = check_file(_uncovered(tmp_path), dt.date(2021, 11, 16))
    uncovered = [f for f in report.findings if f.rule_id == "scope.covers-every-tthc" and f.outcome == "fail"]
    assert len(uncovered) == 30
    page = render(report, "vi")
    card = page[page.index("<code>scope.covers-every-tthc</code>") :]
    card = card[: card.index("</article>")]
    assert "30 trường hợp" in card
    assert card.count('<td class="no">') == 30  # one row per TTHC, numbered 1..30
    assert '<td class="no">30</td>' in card
    for f in uncovered:
        assert f"<code>{f.item['source']}</code>" in card  # where each TTHC is in the fact file
    # the legal basis, requirement and remedy once; the remedy that only names the TTHC is not repeated
    assert card.count("“Phạm vi áp dụng bao gồm toàn bộ hoạt động") == 1  # quoted once (the folded clause holds it too)
    assert card.count("Để đạt yêu cầu") == 1 and "(từng trường hợp trong bảng)" in card
    # rows run by the field of procedures (lĩnh vực), then by code
    fields = [(f.item or {}).get("field") for f in uncovered]
    order = [
        card.index(f"<code>{f.item['source']}</code>")
        for f in sorted(uncovered, key=lambda f: (f.item["field"], f.subject_id))
    ]
    assert order == sorted(order) and len(set(fields)) > 1
    _parse(page)


def test_announce_on_shows_the_planned_date_and_what_falls_due():
    report = check_file(
        FIXTURES / "xa-chua-san-sang-cong-bo.yaml",
        dt.date(2021, 11, 16),
        "pre-announcement",
        announce_on=dt.date(2021, 12, 31),
    )
    page = render(report, "vi")
    assert "<dt>Ngày dự kiến công bố</dt><dd>31/12/2021</dd>" in page
    assert "<p>Ngày dự kiến công bố: 31/12/2021</p>" in page
    assert "KẾT LUẬN: CHƯA ĐỦ ĐIỀU KIỆN CÔNG BỐ HTQLCL PHÙ HỢP TCVN ISO 9001" in page
    section = page[page.index('<section class="falls-due">') :]
    section = section[: section.index("</section>")]
    assert "Các nghĩa vụ đến hạn từ 16/11/2021 đến ngày dự kiến công bố 31/12/2021</h2>" in section
    assert "maintenance.customer-satisfaction-survey" in section and "31/12/2021" in section
    english = render(report, "en")
    assert "<dt>Planned announcement date</dt><dd>2021-12-31</dd>" in english
    assert "Falling due between 2021-11-16 and the planned announcement on 2021-12-31</h2>" in english
    # the blocking findings are worded as of the planned date, not the as-of date
    assert "đến ngày dự kiến công bố 31/12/2021." in page and "đến ngày công bố 16/11/2021" not in page
    assert "Dự kiến công bố ngày 31/12/2021" in page and "Dự kiến công bố ngày 16/11/2021" not in page
    assert "the planned announcement date 2021-12-31." in english and "announcement date 2021-11-16" not in english
    without = render(
        check_file(FIXTURES / "xa-chua-san-sang-cong-bo.yaml", dt.date(2021, 11, 16), "pre-announcement"), "vi"
    )
    assert "Ngày dự kiến công bố" not in without and '<section class="falls-due">' not in without


def test_signature_block_names_both_sides_in_each_language():
    report = _report("so-cap-nhat-van-ban-tre.yaml")
    page = render(report, "vi")
    block = page[page.index('<section class="signature">') :]
    assert "Đại diện cơ quan được kiểm tra" in block and "Người kiểm tra" in block
    assert "(Ký, ghi rõ họ tên, đóng dấu)" in block and "ngày …… tháng …… năm ……" in block
    english = render(report, "en")
    assert "For the inspected agency" in english and "(signature and full name)" in english


def test_explanation_shows_basis_conditions_facts_and_remedy():
    report = _report("so-cap-nhat-van-ban-tre.yaml")
    page = render(report, "vi")
    # Vietnamese quote of the legal text, the condition table, the fact-file paths, what would make it pass
    assert "chậm nhất là ba tháng kể từ khi văn bản quy phạm pháp luật có hiệu lực thi hành" in page
    assert "<code>days_after_deadline</code>" in page and "trễ 107 ngày" in page
    # two late documents of one rule: one card, two cases, the differing condition rows numbered
    assert page.count("</h3> <code>maintenance.legal-changes-within-three-months</code>") == 1
    assert "2 trường hợp" in page and '<table class="checks numbered">' in page
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


def _unjudged(f) -> bool:
    """A judgement rule with no judgement recorded: the report folds these into one row (isocheck.report.unjudged)."""
    return f.rule.judgment and bool(f.missing) and all(m.startswith("judgements") for m in f.missing)


def _criteria_of(missing: str) -> set[str]:
    return set(missing[len("judgements") :].strip(" ()").split(", "))


def test_not_evaluable_items_name_the_missing_facts():
    report = _report("xa-thieu-thong-tin.yaml")
    page = render(report, "en")
    assert "On-site judgements (9 rules)" in page and "9 criteria to judge on site" in page
    for f in report.findings:
        if f.outcome == "not_evaluable":
            for missing in f.missing:
                if _unjudged(f):  # one row; each criterion named in its (screen-only) list
                    assert all(f"<code>{cid}</code>" in page for cid in _criteria_of(missing)), missing
                else:
                    assert f"<code>{escape(missing)}</code>" in page


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
    """Hostile text in the fact file (markup, ampersands, both quotes, a newline) is printed as text."""
    text = BASE.read_text(encoding="utf-8")
    evil = tmp_path / "evil.yaml"
    name = "Sở <script>alert(1)</script> & 'Mẫu' \"x\"\ndòng 2 <b onmouseover=x>"
    evil.write_text(
        text.replace("name: Sở Mẫu tỉnh Hà Tĩnh", f"name: {json.dumps(name, ensure_ascii=False)}", 1), encoding="utf-8"
    )
    report = check_file(evil, dt.date(2021, 11, 16))
    assert report.agency.agency.name == name
    for lang in ("vi", "en"):
        page = render(report, lang)
        assert "<script" not in page and "<b " not in page
        assert str(escape(name)) in page
        assert "Sở &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;Mẫu&#39; &#34;x&#34;" in page
        checker = _parse(page)
        assert name in "".join(checker.text)  # the browser shows the name as it was written
        assert [t for t, _ in checker.tags].count("b") == 0


def test_hostile_finding_texts_are_escaped_in_cards(tmp_path):
    """A TTHC name with markup reaches a card's table through the rule's message: escaped there too."""
    path = _uncovered(tmp_path, 2)
    text = path.read_text(encoding="utf-8").replace(
        'name: "Thủ tục đăng ký khai sinh"', 'name: "Khai sinh <img src=x onerror=alert(1)> & \\"mẹ\\""', 1
    )
    path.write_text(text, encoding="utf-8")
    page = render(check_file(path, dt.date(2021, 11, 16)), "vi")
    assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt; &amp; &#34;mẹ&#34;" in page
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
    assert '<html lang="vi">' in result.output  # Vietnamese by default, like every command


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
    return run(tmp_path / f"profile-{name}", *args)  # a fresh profile for every run


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
    assert len(re.findall(r'<article class="finding ', rendered)) == 5  # 8 findings of 5 rules
    assert rendered.count("<details open") == 5
    assert "4 trường hợp" in rendered and "ĐẠI DIỆN CƠ QUAN ĐƯỢC KIỂM TRA" not in rendered  # CSS capitalises

    shot = tmp_path / "report.png"
    result = _chromium(tmp_path, "shot", f"--screenshot={shot}", "--window-size=1280,2400", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.exists()
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == 1280 and int.from_bytes(data[20:24], "big") == 2400
    assert len(data) > 20_000


def _pages(tmp_path: Path, pages: dict[str, str]) -> dict[str, int]:
    """Print each named page in one headless Chromium; the A4 page count of each."""
    counts = {}
    with Printer(tmp_path / "profile-print") as printer:
        for name, text in pages.items():
            path = tmp_path / f"{name}.html"
            path.write_text(text, encoding="utf-8")
            counts[name] = pdf_pages(printer.pdf(path))
    return counts


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed (apt-get install chromium)")
def test_every_fixture_report_prints_on_at_most_three_a4_pages(tmp_path):
    pages = {}
    for fixture in sorted(GOLDEN_FIXTURES):
        report = _report(fixture)
        for lang in ("vi", "en"):
            pages[f"{Path(fixture).stem}-{lang}"] = render(report, lang)
    pre = check_file(
        FIXTURES / "xa-chua-san-sang-cong-bo.yaml",
        dt.date(2021, 11, 16),
        "pre-announcement",
        announce_on=dt.date(2021, 12, 31),
    )
    for lang in ("vi", "en"):
        pages[f"xa-pre-announcement-{lang}"] = render(pre, lang)
    counts = _pages(tmp_path, pages)
    assert all(1 <= n <= 3 for n in counts.values()), sorted(counts.items(), key=lambda kv: -kv[1])[:4]
    assert counts["xa-chua-san-sang-cong-bo-vi"] >= 2  # the report did print its cards, not an empty page


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed (apt-get install chromium)")
def test_thirty_uncovered_tthc_print_as_one_table_not_thirty_pages(tmp_path):
    report = check_file(_uncovered(tmp_path), dt.date(2021, 11, 16))
    assert sum(1 for f in report.findings if f.outcome == "fail") == 34  # 30 TTHC and 4 other findings
    counts = _pages(tmp_path, {lang: render(report, lang) for lang in ("vi", "en")})
    assert all(n <= 4 for n in counts.values()), counts


def test_each_cited_clause_of_the_law_is_shown_whole_on_screen_and_the_overlay_named(tmp_path):
    # issue 12 part 1: the report can show the whole clause a finding cites (folded on screen, not printed);
    # part 6: a report says which rules an overlay changed, and on which provincial decision
    from isocheck.api import load_pack

    pack = load_pack(overlay="ha-tinh.example", as_of=dt.date(2022, 11, 16))
    report = check_file(FIXTURES / "xa-chua-san-sang-cong-bo.yaml", dt.date(2022, 11, 16), pack=pack)
    page = render(report, "vi")
    fails = [f for f in report.findings if f.outcome == "fail"]
    for f in fails:
        for record in f.citation_records("vi"):
            if "law" in record:
                assert escape(record["law"]["text"]).replace("\n", "\n") in page, record["text"]
    assert page.count('<details class="clause">') >= len({f.rule_id for f in fails})
    assert "Thay đổi của lớp bổ sung so với bộ quy tắc quốc gia" in page
    assert escape(pack.tailoring.title("vi")) in page
    for change in pack.tailoring.changes:
        assert escape(change.decision.format("vi")) in page
