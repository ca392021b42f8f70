"""Roster import of spreadsheets as provinces keep them: title rows, merged two-row headers (XLSX and a CSV export),
an STT column, a numbering row, heading rows between groups, --skip-rows, one name under two parents, a version
"đang chuyển đổi", marks in any column ("Đạt", "Ko có Bc"), and the one summary of what was left out (vi and en)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from isocheck.base.errors import InputError
from isocheck.cli import cli
from isocheck.workflows.roster import read_roster_file

TITLE = ["BẢNG TỔNG HỢP KẾT QUẢ ÁP DỤNG HTQLCL THEO TCVN ISO 9001 NĂM 2025", "", "", "", "", "", "", "", ""]
SUBTITLE = ["(Kèm theo Báo cáo số 12/BC-SKHCN của Sở Khoa học và Công nghệ)", "", "", "", "", "", "", "", ""]
UPPER = ["STT", "Tên đơn vị", "Cấp", "Đơn vị chủ quản", "Tỉnh", "Phiên bản", "Đánh giá nội bộ", "", "Báo cáo năm"]
LOWER = ["", "", "", "", "", "", "Ngày", "Điểm không phù hợp", ""]
NUMBERS = ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)"]
BODY = [
    ["I", "CẤP TỈNH", "", "", "", "", "", "", ""],
    ["1", "Văn phòng", "Sở", "Sở Y tế", "Hà Tĩnh", "2015", "Đạt", "", "x"],
    ["2", "Văn phòng", "Sở", "Sở Tài chính", "Hà Tĩnh", "TCVN ISO 9001:2015", "12/05/2025", "0", "Ko có Bc"],
    ["II", "CẤP XÃ", "", "", "", "", "", "", ""],
    ["3", "UBND xã Thạch Hà", "Xã", "UBND tỉnh Hà Tĩnh", "Hà Tĩnh", "đang chuyển đổi", "x", "", "x"],
    ["4", "UBND phường Thành Sen", "Phường", "UBND tỉnh Hà Tĩnh", "Hà Tĩnh", "2015", "không", "", "Ko có Bc"],
]
SHEET = [TITLE, SUBTITLE, UPPER, LOWER, NUMBERS, *BODY]


def _csv(path: Path, records: list[list[str]]) -> Path:
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(records)
    path.write_text("\ufeff" + out.getvalue(), encoding="utf-8")
    return path


def _xlsx(path: Path, records: list[list[str]]) -> Path:
    """The sheet as a province saves it: the title merged across, the one-row headers merged over two rows, the
    internal audit merged over its two sub-columns."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for record in records:
        sheet.append([cell or None for cell in record])
    sheet.merge_cells("A1:I1")
    sheet.merge_cells("A2:I2")
    for column in "ABCDEFI":
        sheet.merge_cells(f"{column}3:{column}4")
    sheet.merge_cells("G3:H3")
    book.save(path)
    return path


def _import(path: Path, out: Path, *args: str):
    return CliRunner().invoke(cli, ["import", str(path), "-o", str(out), *args])


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_provincial_sheet_imports_with_its_title_headers_stt_and_headings(tmp_path, kind):
    path = (_csv if kind == "csv" else _xlsx)(tmp_path / f"tong-hop.{kind}", SHEET)
    roster = read_roster_file(path)
    assert roster.year == 2025 and roster.year_from_title == 1
    assert [(r.line, r.cells["name"], r.cells["parent"]) for r in roster.rows] == [
        (7, "Văn phòng", "Sở Y tế"),
        (8, "Văn phòng", "Sở Tài chính"),
        (10, "UBND xã Thạch Hà", "UBND tỉnh Hà Tĩnh"),
        (11, "UBND phường Thành Sen", "UBND tỉnh Hà Tĩnh"),
    ]
    assert roster.rows[0].headers["internal_audits"] == "Đánh giá nội bộ / Ngày"
    assert roster.rows[0].headers["nonconformities"] == "Đánh giá nội bộ / Điểm không phù hợp"
    assert [(d.line, d.reason) for d in roster.dropped] == [(6, "drop.group_row"), (9, "drop.group_row")]
    result = _import(path, tmp_path / "facts", "--lang", "en")
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in (tmp_path / "facts").iterdir())
    assert files == ["ubnd-phuong-thanh-sen.yaml", "van-phong--so-tai-chinh.yaml", "van-phong--so-y-te.yaml"]
    health = yaml.safe_load((tmp_path / "facts" / "van-phong--so-y-te.yaml").read_text(encoding="utf-8"))
    assert health["agency"]["parent"] == "Sở Y tế" and "internal_audits" not in health
    assert health["marks"] == [
        {"year": 2025, "source": f"bảng tổng hợp {path.name}, dòng 7", "internal_audit": True, "report_received": True}
    ]
    finance = yaml.safe_load((tmp_path / "facts" / "van-phong--so-tai-chinh.yaml").read_text(encoding="utf-8"))
    assert finance["internal_audits"][0]["findings"] == {"major": 0, "minor": 0}
    assert finance["marks"][0]["report_received"] is False and "internal_audit" not in finance["marks"][0]
    ward = yaml.safe_load((tmp_path / "facts" / "ubnd-phuong-thanh-sen.yaml").read_text(encoding="utf-8"))
    assert ward["internal_audits"] == [] and ward["marks"][0] == {
        "year": 2025,
        "source": f"bảng tổng hợp {path.name}, dòng 11",
        "report_received": False,
    }
    *summary, duty = result.stderr.splitlines()  # the last: the communes not announced, of unknown duty
    assert duty.startswith(f"isocheck: warning: {path}: agencies of a level QĐ 19 Điều 2 khoản 2 only encourages")
    assert summary == [
        f"isocheck: warning: {path}: the roster's year 2025 is taken from its title row 1",
        f"isocheck: warning: {path}: 3 rows not imported; 4 cells written as marks without dates:",
        "  - a heading row between agencies (no level, province or version), not an agency — 2 rows (rows 6, 9)",
        "  - Đánh giá nội bộ / Ngày: a mark without a date: written as a mark of the roster year (date unknown) — "
        "1 cell (row 7)",
        "  - Báo cáo năm: a mark without a date: written as a mark of the roster year (date unknown) — 1 cell (row 7)",
        "  - Báo cáo năm: marked not received: written as a mark of the roster year (date unknown) — 2 cells "
        "(rows 8, 11)",
        "  - the TCVN ISO 9001 version is not known ('đang chuyển đổi'): no fact file written for the row; write "
        "2008 or 2015 once it is known — 1 row (row 10)",
    ]
    assert result.stdout.splitlines()[-1].startswith("3 agencies imported from")


def test_the_summary_is_vietnamese_by_default(tmp_path):
    path = _csv(tmp_path / "tong-hop.csv", SHEET)
    result = _import(path, tmp_path / "facts")
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[0] == f"isocheck: cảnh báo: {path}: năm của bảng tổng hợp (2025) lấy theo dòng tiêu đề bảng 1"
    assert lines[1] == f"isocheck: cảnh báo: {path}: 3 dòng không được nhập; 4 ô được ghi thành dấu không rõ ngày:"
    assert (
        "  - Báo cáo năm: đánh dấu chưa nhận báo cáo: ghi thành dấu của năm (không rõ ngày) — 2 ô (các dòng 8, 11)"
        in lines
    )
    assert result.stdout.splitlines()[-1].endswith(
        "3 tệp ghi mới, 0 tệp ghi đè, 0 tệp không đổi; 3 ô hoặc dòng bị bỏ qua."
    )


def test_skip_rows_names_the_header_row(tmp_path):
    path = _csv(tmp_path / "r.csv", SHEET)
    assert [r.line for r in read_roster_file(path, skip_rows=2).rows] == [7, 8, 10, 11]
    with pytest.raises(InputError) as info:
        read_roster_file(path, skip_rows=1)  # the subtitle is no header
    assert info.value.text("vi").startswith(f"{path}:2: (Kèm theo Báo cáo số 12/BC-SKHCN")
    with pytest.raises(InputError) as info:
        read_roster_file(path, skip_rows=40)
    assert info.value.text("en") == f"{path}: --skip-rows 40 skips every row of the roster (11 rows)"


def test_a_sheet_without_a_header_row_says_so_in_both_languages(tmp_path):
    path = _csv(tmp_path / "r.csv", [TITLE, ["1", "UBND xã A", "Xã"]])
    with pytest.raises(InputError) as info:
        read_roster_file(path)
    assert "pass --skip-rows N" in info.value.text("en")
    assert "dùng --skip-rows N" in info.value.text("vi")


def test_one_name_twice_under_one_parent_is_an_error(tmp_path):
    body = [r[:] for r in BODY]
    body[2][3] = "Sở Y tế"
    with pytest.raises(InputError) as info:
        read_roster_file(_csv(tmp_path / "r.csv", [TITLE, SUBTITLE, UPPER, LOWER, NUMBERS, *body]))
    assert info.value.text("vi").endswith(
        "Tên đơn vị: cơ quan 'Văn phòng' thuộc 'Sở Y tế' có hai dòng (dòng 7 và dòng 8); mỗi cơ quan chỉ ghi một dòng"
    )


def test_a_notes_column_is_not_read_and_the_summary_says_so(tmp_path):
    records = [["Tên đơn vị", "Cấp", "Tỉnh", "Phiên bản", "Ghi chú"], ["UBND xã A", "Xã", "Hà Tĩnh", "2015", "mới"]]
    result = _import(_csv(tmp_path / "r.csv", records), tmp_path / "facts", "--year", "2025", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "  - Ghi chú: a column that holds no fact, not read — 1 cell (row 2)" in result.stderr


def test_an_agency_row_with_a_blank_name_under_the_header_is_no_sub_header(tmp_path):
    records = [
        ["Tên đơn vị", "Cấp", "Tỉnh", "Phiên bản"],
        ["", "Xã", "Hà Tĩnh", "2015"],
        ["UBND xã B", "Xã", "Hà Tĩnh", "2015"],
    ]
    path = _csv(tmp_path / "r.csv", records)
    assert [r.line for r in read_roster_file(path, 2025).rows] == [2, 3]
    result = _import(path, tmp_path / "facts", "--year", "2025", "--lang", "en")
    assert result.exit_code == 2 and not (tmp_path / "facts").exists()
    assert result.stderr == f"isocheck: error: {path}:2: Tên đơn vị: this column must be filled for every agency\n"
