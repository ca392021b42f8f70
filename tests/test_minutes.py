"""The inspection minutes (``isocheck minutes``, TT26 Điều 37 khoản 2 điểm b, Mẫu 21. BBKT).

The document is read back with python-docx: page and type (A4, the margins of Nghị định 30/2020,
Times New Roman), the national heading, the legal grounds, the participants, the contents of TT26
Điều 36 with their results, the nonconformities grouped by rule (one table for many cases), the
conclusion, the requests with the corrective-action deadline two months from signing, and the
signature blocks; blanks where the inspection file gives nothing. Bad inspection files and -o onto an
input fail with exit code 2 and write nothing. The rendering test converts the minutes with
LibreOffice to PDF and PNG (skipped when LibreOffice is not installed; CI installs it).
"""

from __future__ import annotations

import datetime as dt
import errno
import io
import json
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
import yaml
from click.testing import CliRunner
from conftest import FIXTURES

from isocheck.api import check_file
from isocheck.cli import cli
from isocheck.report.minutes import render_minutes
from isocheck.report.minutes.content import long_date
from isocheck.report.minutes.inspection import Inspection, load_inspection
from isocheck.report.minutes.layout import clean

XA = FIXTURES / "xa-chua-san-sang-cong-bo.yaml"
XA_INSPECTION = FIXTURES / "inspection" / "xa-chua-san-sang-cong-bo.yaml"
AS_OF = dt.date(2021, 11, 16)
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
POPPLER = all(shutil.which(tool) for tool in ("pdfinfo", "pdffonts", "pdftotext", "pdftoppm"))


def _doc(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def _text(document) -> str:
    """Every paragraph and table cell, in order, one per line."""
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines += [cell.text for cell in row.cells]
    return "\n".join(lines)


def _minutes(fact: Path = XA, inspection: Inspection | None = None, lang: str = "vi", **check) -> bytes:
    report = check_file(fact, AS_OF, check.pop("profile", "inspection"), **check)
    return render_minutes(report, inspection, lang)


def _table_with(document, header: str):
    return next(t for t in document.tables if t.rows[0].cells[-1].text == header or header in t.rows[0].cells[1].text)


def test_page_and_type_follow_decree_30():
    document = _doc(_minutes())
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.top_margin.mm) == 20 and round(section.bottom_margin.mm) == 20
    assert round(section.left_margin.mm) == 30 and round(section.right_margin.mm) == 15
    normal = document.styles["Normal"].font
    assert normal.name == "Times New Roman" and normal.size.pt == 13
    assert section.different_first_page_header_footer  # page numbers from page 2 on
    assert 'w:instr="PAGE"' in section.header._element.xml


def test_filled_minutes_hold_every_part_of_the_form():
    inspection = load_inspection(XA_INSPECTION, AS_OF)
    document = _doc(_minutes(inspection=inspection))
    text = _text(document)
    heading = document.tables[0].rows[0].cells
    assert [p.text for p in heading[0].paragraphs if p.text] == [
        "CHI CỤC TIÊU CHUẨN ĐO LƯỜNG CHẤT LƯỢNG TỈNH HÀ TĨNH",
        "ĐOÀN KIỂM TRA",
        "Số: 15/BB-ĐKT",
    ]
    assert [p.text for p in heading[1].paragraphs if p.text] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hà Tĩnh, ngày 16 tháng 11 năm 2021",
    ]
    paragraphs = [p.text for p in document.paragraphs]
    title = paragraphs.index("BIÊN BẢN KIỂM TRA")
    assert paragraphs[title + 1].endswith("theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015 tại UBND xã Thạch Hạ")
    # legal grounds: QĐ 19/2014, TT 26/2014, the plan and the decision establishing the team
    assert any(p.startswith("Căn cứ Quyết định số 19/2014/QĐ-TTg ngày 05/3/2014") for p in paragraphs)
    assert any(p.startswith("Căn cứ Thông tư số 26/2014/TT-BKHCN ngày 10/10/2014") for p in paragraphs)
    assert (
        "Căn cứ Kế hoạch kiểm tra số 10/KH-SKHCN ngày 15/01/2021 của Sở Khoa học và Công nghệ tỉnh Hà Tĩnh;"
        in paragraphs
    )
    assert (
        "Căn cứ Quyết định số 45/QĐ-TĐC ngày 01/11/2021 của Chi cục Tiêu chuẩn Đo lường Chất lượng tỉnh Hà Tĩnh "
        "về việc thành lập Đoàn kiểm tra" in text
    )
    assert "Hôm nay, ngày 16 tháng 11 năm 2021, tại trụ sở UBND xã Thạch Hạ, Đoàn kiểm tra" in text
    # participants
    assert "- Nguyễn Văn An, Phó Chi cục trưởng – Trưởng đoàn;" in paragraphs
    assert "- Trần Minh Đức, Chuyên viên – Thư ký đoàn;" in paragraphs
    assert "- Trần Thị Mai, Công chức Văn phòng - Thống kê, thư ký ISO;" in paragraphs
    for section in ("I. THÀNH PHẦN", "II. NỘI DUNG KIỂM TRA", "III. KẾT QUẢ KIỂM TRA", "IV. KẾT LUẬN", "V. YÊU CẦU"):
        assert section in paragraphs
    assert (
        paragraphs.index("I. THÀNH PHẦN") < paragraphs.index("II. NỘI DUNG KIỂM TRA") < paragraphs.index("V. YÊU CẦU")
    )
    # the corrective-action deadline: two months from signing (16/11/2021 -> 16/01/2022)
    deadline = next(p for p in paragraphs if "không quá 02 (hai) tháng kể từ ngày ký Biên bản kiểm tra" in p)
    assert "tức là chậm nhất ngày 16/01/2022 (điểm c khoản 2 Điều 37 Thông tư số 26/2014/TT-BKHCN)" in deadline
    assert "về Chi cục Tiêu chuẩn Đo lường Chất lượng tỉnh Hà Tĩnh" in deadline
    # signature blocks: the agency left, the head of the team right, names under the space to sign
    signature = document.tables[-1]
    assert signature.rows[0].cells[0].paragraphs[0].text == "ĐẠI DIỆN CƠ QUAN ĐƯỢC KIỂM TRA"
    assert signature.rows[0].cells[1].paragraphs[0].text == "TRƯỞNG ĐOÀN KIỂM TRA"
    assert signature.rows[1].cells[0].paragraphs[-1].text == "Phan Văn Bình"
    assert signature.rows[1].cells[1].paragraphs[-1].text == "Nguyễn Văn An"
    assert "Biên bản được lập thành 02 (hai) bản có giá trị pháp lý như nhau" in text


def test_contents_follow_article_36_with_their_results():
    document = _doc(_minutes())
    table = document.tables[1]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["TT", "Nội dung kiểm tra", "Kết quả"]
    numbers = [r[0] for r in rows[1:]]
    assert numbers == ["1", "a)", "b)", "c)", "d)", "đ)", "e)", "g)", "2", "a)", "b)", "c)", "d)", "đ)", "e)", "3"]
    by_text = {r[1]: r[2] for r in rows[1:]}
    scope = next(v for k, v in by_text.items() if k.startswith("Phạm vi áp dụng bao gồm toàn bộ hoạt động"))
    assert scope == "Không phù hợp: 4 điểm (mục III.2.4)"
    announce = next(v for k, v in by_text.items() if k.startswith("Việc công bố Hệ thống quản lý chất lượng"))
    assert announce == "Không phù hợp: 1 điểm (mục III.2.1)"
    complaints = next(v for k, v in by_text.items() if k.startswith("Hoạt động xử lý các khiếu nại"))
    # maintenance.complaints-handled reads the inspectors' judgement, which this fixture does not record
    assert complaints == "Chưa đủ thông tin để kết luận"
    # the TTHC lists' updates are checked against the province's TTHC catalogue, not given here
    assert (
        by_text[next(k for k in by_text if k.startswith("Việc cập nhật các thay đổi"))]
        == "Chưa đủ thông tin để kết luận"
    )


def test_thirty_uncovered_tthc_read_as_one_item_with_a_table(tmp_path):
    text = XA.read_text(encoding="utf-8").replace(
        "internal_procedure: true, matches_one_stop: true", "internal_procedure: false"
    )
    fact = tmp_path / "xa-30.yaml"
    fact.write_text(text, encoding="utf-8")
    document = _doc(_minutes(fact))
    paragraphs = [p.text for p in document.paragraphs]
    items = [p for p in paragraphs if p.startswith("2.4. Phạm vi HTQLCL bao gồm toàn bộ thủ tục hành chính")]
    assert len(items) == 1
    assert "Có 30 trường hợp:" in paragraphs
    assert sum("chưa có quy trình nội bộ trong HTQLCL" in p for p in paragraphs) == 0  # in the table, not paragraphs
    cases = next(t for t in document.tables if t.rows[0].cells[1].text == "Đối tượng" and len(t.rows) == 31)
    assert [row.cells[0].text for row in cases.rows[1:]] == [str(n) for n in range(1, 31)]
    assert all("chưa có quy trình nội bộ trong HTQLCL" in row.cells[2].text for row in cases.rows[1:])
    request = [p for p in paragraphs if "(mục III.2.4)" in p]
    assert len(request) == 1  # one request for the 30 cases


def test_without_an_inspection_file_the_minutes_leave_dotted_blanks():
    document = _doc(_minutes())
    text = _text(document)
    paragraphs = [p.text for p in document.paragraphs]
    heading = document.tables[0].rows[0].cells
    assert heading[0].paragraphs[0].text.startswith("……") and "Số: ………/BB-ĐKT" in heading[0].text
    assert heading[1].paragraphs[-1].text == "………, ngày ……… tháng ……… năm ………"
    assert "- Ông (bà): …………………… Chức vụ: …………………… – Trưởng đoàn;" in paragraphs
    assert "Hôm nay, ngày ……… tháng ……… năm ………, tại trụ sở UBND xã Thạch Hạ" in text
    assert "tức là chậm nhất ngày ………/………/………" in text
    signature = document.tables[-1]
    assert signature.rows[1].cells[0].paragraphs[-1].text == "" and signature.rows[1].cells[1].paragraphs[-1].text == ""
    assert "Nguyễn" not in text  # no invented name


def test_english_minutes():
    inspection = load_inspection(XA_INSPECTION, AS_OF)
    document = _doc(_minutes(inspection=inspection, lang="en"))
    paragraphs = [p.text for p in document.paragraphs]
    assert "INSPECTION MINUTES" in paragraphs and "III. RESULTS" in paragraphs
    assert document.tables[0].rows[0].cells[1].paragraphs[0].text == "SOCIALIST REPUBLIC OF VIETNAM"
    assert document.tables[0].rows[0].cells[1].paragraphs[-1].text == "Hà Tĩnh, 16 November 2021"
    assert any("that is by 2022-01-16 at the latest" in p for p in paragraphs)
    assert not any("Căn cứ" in p or "KẾT LUẬN" in p for p in paragraphs)


@pytest.mark.parametrize(
    ("signed", "due"),
    [("2021-11-16", "16/01/2022"), ("2021-12-31", "28/02/2022"), ("2023-12-30", "29/02/2024")],
)
def test_the_deadline_is_two_calendar_months_from_signing(tmp_path, signed, due):
    path = tmp_path / "kt.yaml"
    path.write_text(f"signed_on: {signed}\n", encoding="utf-8")
    text = _text(_doc(_minutes(inspection=load_inspection(path, AS_OF))))
    assert f"tức là chậm nhất ngày {due}" in text


def test_dates_follow_decree_30():
    assert long_date(dt.date(2022, 1, 5), "vi") == "ngày 05 tháng 01 năm 2022"
    assert long_date(dt.date(2021, 11, 16), "vi") == "ngày 16 tháng 11 năm 2021"
    assert long_date(dt.date(2021, 3, 9), "vi") == "ngày 09 tháng 3 năm 2021"
    assert long_date(dt.date(2022, 1, 5), "en") == "5 January 2022"


def test_every_fixture_gives_minutes_in_both_languages():
    for fixture in sorted(FIXTURES.glob("*.yaml")):
        report = check_file(fixture, dt.date(2022, 11, 18) if "2022" in fixture.name else AS_OF, "inspection")
        for lang in ("vi", "en"):
            document = _doc(render_minutes(report, None, lang))
            text = _text(document)
            assert report.agency.agency.name in text
            fails = [f for f in report.findings if f.outcome == "fail"]
            for f in fails:
                assert clean(f.message(lang)) in text, (fixture.name, f.id)
            assert ("02 (hai) tháng" in text or "2 (two) months" in text) == bool(fails)


def test_hostile_text_is_kept_as_text(tmp_path):
    text = (FIXTURES / "so-cap-nhat-van-ban-tre.yaml").read_text(encoding="utf-8")
    name = "Sở <w:p>&amp; \"A\" \x07\x00 'B'\nC"
    fact = tmp_path / "evil.json"
    data = yaml.safe_load(text)
    data["agency"]["name"] = name
    fact.write_text(json.dumps(data, default=str, ensure_ascii=False), encoding="utf-8")
    inspection = Inspection(inspecting_body="Chi cục <b>&", team=[{"name": "A\x0bB", "position": "x", "role": "head"}])
    document = _doc(_minutes(fact, inspection=inspection))
    text = _text(document)
    assert "Sở <w:p>&amp; \"A\"  'B' C" in text  # markup as text, control characters gone, the line break a space
    assert "CHI CỤC <B>&" in text and "- A B, x – Trưởng đoàn;" in text


def _run(*args: str, cwd: Path | None = None):
    return CliRunner().invoke(cli, ["minutes", *args], catch_exceptions=False)


def test_cli_writes_the_file_atomically_and_gates_the_exit_code(tmp_path):
    out = tmp_path / "bien-ban.docx"
    result = _run(str(XA), "--as-of", "2021-11-16", "--inspection", str(XA_INSPECTION), "-o", str(out))
    assert result.exit_code == 1 and result.output == ""  # nonconformities found, like `report`
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bien-ban.docx"]
    assert "BIÊN BẢN KIỂM TRA" in _text(_doc(out.read_bytes()))
    result = _run(str(XA), "--as-of", "2021-11-16", "--fail-on", "none", "--lang", "en", "-o", str(out))
    assert result.exit_code == 0 and "INSPECTION MINUTES" in _text(_doc(out.read_bytes()))


@pytest.mark.parametrize(
    ("content", "expected_vi", "expected_en"),
    [
        ("team:\n  - {name: A, position: B, rol: head}\n", ":2:", "unknown field 'rol'"),
        ("signed_on: 2021-02-30\n", "signed_on", "signed_on"),
        (
            "team:\n  - {name: A, position: B, role: head}\n  - {name: C, position: D, role: head}\n",
            "đoàn kiểm tra phải có đúng một người có role: head (trưởng đoàn), tệp ghi 2",
            "the team needs exactly one member with role: head, found 2",
        ),
        (
            "decision: {number: 1/QĐ, issued_on: 2021-11-20}\nsigned_on: 2021-11-18\n",
            "ngày ký biên bản 18/11/2021 sớm hơn ngày của quyết định thành lập đoàn kiểm tra (20/11/2021)",
            "the minutes are signed on 2021-11-18, before the decision establishing the team (2021-11-20)",
        ),
        (
            "signed_on: 2021-11-01\n",
            "ngày ký biên bản 01/11/2021 sớm hơn ngày đánh giá 16/11/2021; hãy ghi --as-of là ngày kiểm tra",
            "the minutes are signed on 2021-11-01, before the as-of date 2021-11-16 the facts are judged on; give "
            "--as-of the inspection date",
        ),
        ("- a\n- b\n", "thông tin cuộc kiểm tra", "inspection file"),
    ],
)
def test_bad_inspection_files_fail_with_one_bilingual_message(tmp_path, content, expected_vi, expected_en):
    bad = tmp_path / "kt.yaml"
    bad.write_text(content, encoding="utf-8")
    out = tmp_path / "bb.docx"
    for lang, expected in (("vi", expected_vi), ("en", expected_en)):
        result = CliRunner().invoke(
            cli, ["minutes", str(XA), "--as-of", "2021-11-16", "--inspection", str(bad), "--lang", lang, "-o", str(out)]
        )
        assert result.exit_code == 2, result.output
        assert expected in result.output and "Traceback" not in result.output
        assert result.output.count("\n") == 1 and str(bad) in result.output
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["kt.yaml"]


def test_output_onto_an_input_is_refused(tmp_path):
    fact = tmp_path / "xa.yaml"
    fact.write_bytes(XA.read_bytes())
    inspection = tmp_path / "kt.yaml"
    inspection.write_bytes(XA_INSPECTION.read_bytes())
    for target in (fact, inspection):
        before = target.read_bytes()
        result = CliRunner().invoke(
            cli, ["minutes", str(fact), "--as-of", "2021-11-16", "--inspection", str(inspection), "-o", str(target)]
        )
        assert result.exit_code == 2 and "là một tệp đầu vào" in result.output
        assert target.read_bytes() == before
    english = CliRunner().invoke(
        cli, ["minutes", str(fact), "--as-of", "2021-11-16", "--lang", "en", "-o", str(fact), "--fail-on", "none"]
    )
    assert english.exit_code == 2
    assert english.output == (
        f"isocheck: error: {fact}: is one of the input files; choose another name for the minutes (-o bien-ban.docx)\n"
    )
    vietnamese = CliRunner().invoke(cli, ["minutes", str(fact), "--as-of", "2021-11-16", "-o", str(fact)])
    assert vietnamese.output == (
        f"isocheck: lỗi: {fact}: là một tệp đầu vào; hãy đặt tên khác cho biên bản (-o bien-ban.docx)\n"
    )
    missing = CliRunner().invoke(
        cli, ["minutes", str(tmp_path / "nope.yaml"), "--as-of", "2021-11-16", "-o", str(tmp_path / "o.docx")]
    )
    assert missing.exit_code == 2 and not (tmp_path / "o.docx").exists()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("vi", "lỗi: {out}: không ghi được tệp: No space left on device"),
        ("en", "error: {out}: cannot be written: No space left on device"),
    ],
)
def test_minutes_that_cannot_be_written_say_why(tmp_path, monkeypatch, lang, expected):
    def full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("isocheck.cli.minutes.write_atomic", full)
    out = tmp_path / "bb.docx"
    result = CliRunner().invoke(cli, ["minutes", str(XA), "--as-of", "2021-11-16", "--lang", lang, "-o", str(out)])
    assert result.exit_code == 2 and result.output == f"isocheck: {expected.format(out=out)}\n"


@pytest.mark.skipif(
    SOFFICE is None or not POPPLER,
    reason="LibreOffice or poppler is not installed (apt-get install libreoffice-writer-nogui poppler-utils)",
)
def test_libreoffice_renders_the_minutes_to_pdf_and_png(tmp_path):
    source = tmp_path / "bien-ban.docx"
    source.write_bytes(_minutes(inspection=load_inspection(XA_INSPECTION, AS_OF)))
    convert = subprocess.run(
        [
            SOFFICE,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    pdf = tmp_path / "bien-ban.pdf"
    assert convert.returncode == 0 and pdf.exists(), convert.stderr[-2000:]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "A4" in info
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert 3 <= pages <= 8
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "LiberationSerif" in fonts or "TimesNewRoman" in fonts  # Times New Roman or its metric twin
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "BIÊN BẢN KIỂM TRA",
        "16/01/2022",
        "Nguyễn Văn An",
    ):
        assert expected in text, expected
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True)
    png = (tmp_path / "page-1.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000
