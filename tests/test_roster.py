"""Roster import: the committed Hà Tĩnh roster reproduces its fact folder byte for byte (CSV and XLSX);
bad input is one exact message and nothing is written; marks read alike however spelled; the CLI."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st

from isocheck.base.errors import InputError
from isocheck.cli import cli
from isocheck.facts.model import load_agency
from isocheck.workflows.roster import NO, YES, RosterRow, fold, read_roster
from isocheck.workflows.roster.cells import roster_to_facts
from isocheck.workflows.roster.write import slug, write_fact_files

FOLDER = FIXTURES / "province-ha-tinh-2021"
ROSTER = FOLDER / "roster.csv"
FACTS = FOLDER / "facts"
EXPECTED_WARNINGS = [  # what the import leaves out or writes as a mark (Dropped.text("en"))
    f"{ROSTER}:5: Thông báo Sở KH&CN: a mark without a date",
    f"{ROSTER}:25: Đánh giá nội bộ: a mark without a date",
]
MINIMAL = {"Tên đơn vị": "UBND xã Thử", "Cấp": "Xã", "Tỉnh": "Hà Tĩnh", "Phiên bản TCVN ISO 9001": "2015"}


def _import(path: Path, out: Path, **options) -> list[str]:
    dropped: list = []
    write_fact_files(read_roster(path, options.pop("year", None)), out, warn=dropped.append, **options)
    return [d.text("en") for d in dropped]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _csv_rows() -> list[list[str]]:
    return list(csv.reader(io.StringIO(ROSTER.read_text(encoding="utf-8-sig")), delimiter=";"))


def _write_csv(path: Path, rows: list[dict], headers: list[str] | None = None, delimiter: str = ",") -> Path:
    headers = headers or list(dict.fromkeys(h for r in rows for h in r))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(headers)
    for r in rows:
        writer.writerow([r.get(h, "") for h in headers])
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def _facts(cells: dict, warnings: list | None = None) -> dict:
    row = RosterRow("r.csv", 2, 2021, {**_keys(MINIMAL), **_keys(cells)}, {})
    dropped: list = []
    facts = roster_to_facts(row, dropped.append)
    if warnings is not None:
        warnings.extend(d.text("en") for d in dropped if not d.kept)
    assert facts is not None
    return facts


def _keys(cells: dict) -> dict:
    from isocheck.workflows.roster import _column_of

    return {_column_of(header)[0].key: value for header, value in cells.items()}


# -- the committed fixture ---------------------------------------------------------------------------


def test_committed_roster_reproduces_the_fact_folder_byte_for_byte(tmp_path):
    assert _import(ROSTER, tmp_path / "facts") == EXPECTED_WARNINGS
    assert _files(tmp_path / "facts") == _files(FACTS)


def test_the_generator_reproduces_the_committed_roster(tmp_path):
    out = tmp_path / "roster.csv"
    subprocess.run([sys.executable, str(FOLDER / "generate_roster.py"), str(out)], check=True, capture_output=True)
    assert out.read_bytes() == ROSTER.read_bytes()


def test_every_fact_file_validates_and_names_its_row():
    files = sorted(FACTS.glob("*.yaml"))
    levels: dict[str, int] = {}
    for _number, path in enumerate(files):
        agency = load_agency(path)
        levels[agency.agency.level] = levels.get(agency.agency.level, 0) + 1
        assert path.stem == slug(agency.agency.name)
        assert re.match(
            r"# Tạo tự động bằng lệnh `isocheck import` từ bảng tổng hợp roster\.csv, dòng \d+\.\n",
            path.read_text(encoding="utf-8"),
        )
    assert levels == {"department": 8, "sub_department": 6, "district": 6, "commune": 12}
    assert "UBND xã Thạch Đài" in (FACTS / "ubnd-xa-thach-dai.yaml").read_text(encoding="utf-8")  # not escaped


def test_an_xlsx_roster_imports_to_the_same_files(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for r, values in enumerate(_csv_rows()):
        row = []
        for value in values:
            if r and re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", value):  # a date cell, as Excel stores it
                day, month, year = map(int, value.split("/"))
                row.append(dt.datetime(year, month, day))
            elif r and value.isdigit():
                row.append(int(value))
            else:
                row.append(value or None)
        sheet.append(row)
    book.create_sheet("Ghi chú").append(["second sheet: ignored"])
    book.save(tmp_path / "roster.xlsx")
    warnings = _import(tmp_path / "roster.xlsx", tmp_path / "facts")
    assert warnings == [w.replace(str(ROSTER), str(tmp_path / "roster.xlsx")) for w in EXPECTED_WARNINGS]
    produced = {name: text.replace(b"roster.xlsx", b"roster.csv") for name, text in _files(tmp_path / "facts").items()}
    assert produced == _files(FACTS)


def test_a_comma_separated_roster_without_bom_imports_to_the_same_files(tmp_path):
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(_csv_rows())
    (tmp_path / "roster.csv").write_text(out.getvalue(), encoding="utf-8")
    _import(tmp_path / "roster.csv", tmp_path / "facts")
    assert _files(tmp_path / "facts") == _files(FACTS)


def test_the_designed_mix_gives_the_designed_findings():
    """Each agency's nonconformities as of 2021-12-20 (fixtures/province-ha-tinh-2021/README.md)."""
    designed = {
        "so-tai-chinh-tinh-ha-tinh": {"maintenance.yearly-report-on-time"},
        "so-y-te-tinh-ha-tinh": {"maintenance.audit-nonconformities-closed"},
        "so-ke-hoach-va-dau-tu-tinh-ha-tinh": {"maintenance.yearly-report-submitted"},
        "chi-cuc-kiem-lam-tinh-ha-tinh": {"maintenance.transition-to-iso-9001-2015"},
        "chi-cuc-chan-nuoi-va-thu-y-tinh-ha-tinh": {"maintenance.yearly-report-submitted"},
        "chi-cuc-an-toan-ve-sinh-thuc-pham-tinh-ha-tinh": {"announcement.notified-dost"},
        "chi-cuc-dan-so-ke-hoach-hoa-gia-dinh-tinh-ha-tinh": {"announcement.announced"},
        "ubnd-huyen-thach-ha": {"maintenance.audit-nonconformities-closed"},
        "ubnd-huyen-cam-xuyen": {"maintenance.transition-to-iso-9001-2015"},
        "ubnd-huyen-huong-son": {"maintenance.yearly-report-submitted"},
        # ubnd-xa-thach-trung: a commune that announced nothing, and the roster does not say whether a provincial
        # decision binds it (QĐ19 Điều 2 khoản 2 only encourages communes): every rule is not evaluable
        "ubnd-thi-tran-thach-ha": {"announcement.internal-audit-before", "announcement.management-review-before"},
        "ubnd-xa-thach-dai": {"maintenance.transition-to-iso-9001-2015"},
        "ubnd-thi-tran-cam-xuyen": {"maintenance.yearly-report-submitted"},
    }
    for path in sorted(FACTS.glob("*.yaml")):
        result = CliRunner().invoke(cli, ["check", str(path), "--as-of", "2021-12-20", "--format", "json"])
        fails = {r["rule_id"] for r in json.loads(result.stdout)["results"] if r["outcome"] in ("fail", "error")}
        assert fails == designed.get(path.stem, set()), path.name


# -- reading cells -----------------------------------------------------------------------------------


def test_blank_cells_are_left_out_and_no_marks_are_known_none():
    facts = _facts(
        {
            "Đánh giá nội bộ": "",
            "Xem xét của lãnh đạo": "không",
            "Quyết định công bố": "Chưa",
            "Chính sách chất lượng": "không",
            "Mục tiêu chất lượng": "0",
            "Có trang thông tin điện tử": "",
        }
    )
    assert "internal_audits" not in facts and "has_website" not in facts["agency"]
    assert facts["management_reviews"] == [] and facts["announcements"] == []
    assert facts["qms"] == {"quality_policy": None, "quality_objectives": []}
    assert facts["records_since"] == dt.date(2021, 1, 1)


def test_references_dates_and_the_announcement_standard():
    facts = _facts(
        {
            "Chính sách chất lượng": "Quyết định số 27/QĐ-UBND ngày 9/1/2021",
            "Ban chỉ đạo ISO": "x",
            "Kế hoạch duy trì": "15/KH-UBND, 2021-02-18",
            "Quyết định công bố": "45/QĐ-UBND ngày 12/06/2017 (TCVN ISO 9001:2008)",
            "Xác nhận hiệu lực": "ngày 12/06/2017",
            "Thông báo Sở KH&CN": "không",
            "Niêm yết tại trụ sở": "✓",
            "Công khai trên trang thông tin điện tử": "KHÔNG",
        }
    )
    assert facts["qms"]["quality_policy"] == {"number": "27/QĐ-UBND", "issued_on": dt.date(2021, 1, 9)}
    assert facts["qms"]["steering_committee"] == {}
    assert facts["qms"]["maintenance_plans"] == [
        {"year": 2021, "number": "15/KH-UBND", "issued_on": dt.date(2021, 2, 18)}
    ]
    assert facts["announcements"] == [
        {
            "decision": "45/QĐ-UBND",
            "date": dt.date(2017, 6, 12),
            "standard": 2008,
            "head_confirmed_on": dt.date(2017, 6, 12),
            "notified_dost_on": None,
            "posted_at_premises": True,
            "published_on_website": False,
        }
    ]


def test_nonconformities_attach_to_the_latest_audit_and_blank_means_still_open():
    facts = _facts({"Đánh giá nội bộ": "20/10/2021; 12/05/2021", "Điểm không phù hợp": "1 nặng, 1 nhẹ"})
    assert [a["date"] for a in facts["internal_audits"]] == [dt.date(2021, 5, 12), dt.date(2021, 10, 20)]
    latest = facts["internal_audits"][1]
    assert latest["findings"] == {"major": 1, "minor": 1}
    assert latest["corrective_actions"] == [
        {"finding": "Điểm không phù hợp 1/2", "severity": "major", "closed_on": None},
        {"finding": "Điểm không phù hợp 2/2", "severity": "minor", "closed_on": None},
    ]
    closed = _facts({"Đánh giá nội bộ": "2021-10-20", "Điểm không phù hợp": "2", "Khắc phục xong": "05/11/2021"})
    assert {c["closed_on"] for c in closed["internal_audits"][0]["corrective_actions"]} == {dt.date(2021, 11, 5)}
    none = _facts({"Đánh giá nội bộ": "20/10/2021", "Điểm không phù hợp": "không"})
    assert none["internal_audits"][0]["corrective_actions"] == []


def test_the_yearly_report_blank_means_not_sent_only_when_requested():
    request = {"Công văn yêu cầu báo cáo": "1425/SKHCN-TĐC ngày 22/10/2021", "Hạn báo cáo": "30/11/2021"}
    assert _facts(request)["reports"] == [
        {
            "year": 2021,
            "requested_by": "1425/SKHCN-TĐC",
            "requested_on": dt.date(2021, 10, 22),
            "due_on": dt.date(2021, 11, 30),
            "submitted_on": None,
        }
    ]
    sent = _facts({**request, "Báo cáo năm": "338/BC-SYT ngày 25/11/2021"})["reports"][0]
    assert sent["submitted_on"] == dt.date(2021, 11, 25) and sent["reference"] == "338/BC-SYT"
    assert "reports" not in _facts({})
    assert _facts({"Công văn yêu cầu báo cáo": "không"})["reports"] == []


@pytest.mark.parametrize(
    "cells, warning",
    [
        ({"Quyết định công bố": "có"}, "Quyết định công bố: a mark without the decision's number and date"),
        ({"Quyết định công bố": "132/QĐ-UBND"}, "Quyết định công bố: the decision's number or date missing"),
        (
            {"Xác nhận hiệu lực": "20/05/2020"},
            "Xác nhận hiệu lực: no announcement (column 'Quyết định công bố') to attach it to",
        ),
        (
            {"Điểm không phù hợp": "2"},
            "Điểm không phù hợp: nonconformities without an internal audit date to attach them to",
        ),
        (
            {"Đánh giá nội bộ": "17/09/2021", "Điểm không phù hợp": "1", "Khắc phục xong": "x"},
            "Khắc phục xong: a mark without a date",
        ),
        (
            {"Công văn yêu cầu báo cáo": "1425/SKHCN-TĐC ngày 22/10/2021", "Báo cáo năm": "338/BC-SYT"},
            "Báo cáo năm: a number without a date",
        ),
    ],
)
def test_a_mark_where_a_date_is_needed_is_left_out_with_a_warning(cells, warning):
    warnings: list[str] = []
    facts = _facts(cells, warnings)
    assert warnings == [f"r.csv:2: {warning}"]
    assert "reports" not in facts and "announcements" not in facts
    assert "corrective_actions" not in str(facts)


@pytest.mark.parametrize(
    "word, level",
    [
        ("Sở, ban, ngành", "department"),
        ("so ban nganh", "department"),
        ("Chi cục / đơn vị trực thuộc", "sub_department"),
        ("chi cuc/don vi truc thuoc", "sub_department"),
        ("Huyện", "district"),
        ("UBND huyện", "district"),
        ("Xã", "commune"),
        ("phường", "commune"),
        ("THỊ TRẤN", "commune"),
        ("thi tran", "commune"),
        ("sub_department", "sub_department"),
        ("commune", "commune"),
    ],
)
def test_level_words(word, level):
    assert _facts({"Cấp": word})["agency"]["level"] == level


@pytest.mark.parametrize("text", ["07/09/2021", "7/9/2021", "2021-09-07", "ngày 7/9/2021"])
def test_date_formats(text):
    assert _facts({"Đánh giá nội bộ": text})["internal_audits"] == [{"date": dt.date(2021, 9, 7)}]


def test_headers_match_without_case_or_diacritics_and_in_english(tmp_path):
    rows = [
        {
            "TEN DON VI": "UBND xã Thử",
            "level": "Xã",
            "tinh": "Hà Tĩnh",
            "Phien ban TCVN ISO 9001": "2015",
            "internal_audits": "17/09/2021",
            "Mục tiêu chất lượng năm 2021": "x",
        }
    ]
    [row] = read_roster(_write_csv(tmp_path / "r.csv", rows))
    assert row.year == 2021 and roster_to_facts(row)["internal_audits"] == [{"date": dt.date(2021, 9, 17)}]


@st.composite
def _spelling(draw, word: str) -> str:
    """The same mark as a clerk may type it: any case, with or without diacritics, NFC or NFD, padded."""
    text = fold(word) if draw(st.booleans()) else word
    text = "".join(c.upper() if draw(st.booleans()) else c for c in text)
    text = unicodedata.normalize("NFD", text) if draw(st.booleans()) else text
    return draw(st.sampled_from(["", " ", "  "])) + text + draw(st.sampled_from(["", " ", "\xa0"]))


MARK_COLUMNS = [
    "Có trang thông tin điện tử",
    "Niêm yết tại trụ sở",
    "Công khai trên trang thông tin điện tử",
    "Chính sách chất lượng",
    "Phê duyệt tài liệu",
    "Mục tiêu chất lượng",
    "Kế hoạch duy trì",
    "Đánh giá nội bộ",
    "Xem xét của lãnh đạo",
    "Xác nhận hiệu lực",
    "Báo cáo năm",
]
BASE = {
    "Quyết định công bố": "132/QĐ-UBND ngày 20/05/2020",
    "Công văn yêu cầu báo cáo": "1425/SKHCN-TĐC ngày 22/10/2021",
}


@settings(max_examples=300, deadline=None)
@given(column=st.sampled_from(MARK_COLUMNS), word=st.sampled_from(YES + NO), data=st.data())
def test_any_spelling_of_a_mark_gives_the_same_facts(tmp_path_factory, column, word, data):
    variant = data.draw(_spelling(word))
    folder = tmp_path_factory.mktemp("marks")
    rows = [{**MINIMAL, **BASE, column: value} for value in (word, variant)]
    rows[1]["Tên đơn vị"] = "UBND xã Khác"
    path = _write_csv(folder / "r.csv", rows)
    first, second = (roster_to_facts(r, lambda _: None) for r in read_roster(path, 2021))
    second["agency"]["name"] = first["agency"]["name"]
    for mark in second.get("marks", []):  # the marks name their row
        mark["source"] = mark["source"].replace("dòng 3", "dòng 2")
    assert second == first


# -- bad input ---------------------------------------------------------------------------------------

BAD = [
    (
        "unknown column",
        [{**MINIMAL, "Đánh giá nội bộ lần 1": "17/09/2021"}],
        {},
        "{f}:1: Đánh giá nội bộ lần 1: unknown column 'Đánh giá nội bộ lần 1' (did you mean 'Đánh giá nội bộ'?)",
    ),
    (
        "unknown column, nothing close",
        [{**MINIMAL, "Số điện thoại": "abc"}],
        {},
        "{f}:1: Số điện thoại: unknown column 'Số điện thoại'; the columns are listed in docs/roster.md",
    ),
    (
        "missing required column",
        [{k: v for k, v in MINIMAL.items() if k != "Cấp"}],
        {},
        "{f}:1: required column 'Cấp' (level) is missing",
    ),
    (
        "column twice",
        [{**MINIMAL, "name": "UBND xã Thử"}],
        {},
        "{f}:1: name: column 'name' repeats column 'Tên đơn vị'",
    ),
    (
        "impossible date",
        [{**MINIMAL, "Đánh giá nội bộ": "30/02/2021"}],
        {},
        "{f}:2: Đánh giá nội bộ: '30/02/2021' is not a real date; write dd/mm/yyyy or yyyy-mm-dd",
    ),
    (
        "impossible date in a reference",
        [{**MINIMAL, "Quyết định công bố": "132/QĐ-UBND ngày 31/04/2020"}],
        {},
        "{f}:2: Quyết định công bố: '31/04/2020' is not a real date; write dd/mm/yyyy or yyyy-mm-dd",
    ),
    (
        "not a date",
        [{**MINIMAL, "Xem xét của lãnh đạo": "tháng 9/2021"}],
        {},
        "{f}:2: Xem xét của lãnh đạo: 'tháng 9/2021' is not a date; write dd/mm/yyyy or yyyy-mm-dd",
    ),
    (
        "unknown level",
        [{**MINIMAL, "Cấp": "Tỉnh"}],
        {},
        "{f}:2: Cấp: unknown level 'Tỉnh'; expected Sở, ban, ngành | Chi cục / đơn vị trực thuộc | Huyện | "
        "Xã / phường / thị trấn (or department | sub_department | district | commune)",
    ),
    (
        "unknown standard",
        [{**MINIMAL, "Phiên bản TCVN ISO 9001": "2016"}],
        {},
        "{f}:2: Phiên bản TCVN ISO 9001: '2016' is not a TCVN ISO 9001 version; expected 2008 or 2015",
    ),
    ("blank required cell", [{**MINIMAL, "Tỉnh": ""}], {}, "{f}:2: Tỉnh: this column must be filled for every agency"),
    (
        "not a mark",
        [{**MINIMAL, "Niêm yết tại trụ sở": "có lẽ"}],
        {},
        "{f}:2: Niêm yết tại trụ sở: 'có lẽ' is not a yes/no mark; write x / có or không (blank = unknown)",
    ),
    (
        "not a count",
        [{**MINIMAL, "Đánh giá nội bộ": "17/09/2021", "Điểm không phù hợp": "vài điểm"}],
        {},
        "{f}:2: Điểm không phù hợp: 'vài điểm' is not a count; write a number or e.g. '1 nặng, 2 nhẹ'",
    ),
    (
        "duplicate agency",
        [MINIMAL, {**MINIMAL, "Tên đơn vị": "UBND xã Khác"}, {**MINIMAL, "Tên đơn vị": "UBND  XÃ thử"}],
        {},
        "{f}:4: Tên đơn vị: agency 'UBND  XÃ thử' is listed twice (rows 2 and 4); give each agency one row",
    ),
    (
        "no year",
        [MINIMAL],
        {"year": None},
        "{f}:1: cannot tell which year the roster covers: put it in a header (e.g. 'Mục tiêu chất lượng 2021') "
        "or pass --year",
    ),
    (
        "year disagrees",
        [{**MINIMAL, "Kế hoạch duy trì 2020": "x"}],
        {"year": 2021},
        "{f}:1: Kế hoạch duy trì 2020: the header names 2020 but --year is 2021",
    ),
    ("header only", [], {}, "{f}: the roster has no agency rows below its header row"),
]


def _bad_input(tmp_path, rows, options, name="r.csv", raw: bytes | None = None) -> InputError:
    path = tmp_path / name
    if raw is not None:
        path.write_bytes(raw)
    else:
        _write_csv(path, rows, headers=None if rows else list(MINIMAL))
    out = tmp_path / "facts"
    with pytest.raises(InputError) as info:
        _import(path, out, year=options.get("year", 2021))
    assert not out.exists(), "nothing may be written"
    return info.value


@pytest.mark.parametrize("case, rows, options, message", BAD, ids=[b[0] for b in BAD])
def test_bad_input_is_one_exact_message_and_nothing_is_written(tmp_path, case, rows, options, message):
    assert _bad_input(tmp_path, rows, options).message == message.format(f=tmp_path / "r.csv")


@pytest.mark.parametrize(
    "name, raw, message",
    [
        (
            "r.csv",
            "Tên,Tỉnh\n".encode("latin-1", "replace"),
            "{f}: not UTF-8 text (byte 1); save the roster as CSV UTF-8",
        ),
        ("r.csv", b"", "{f}: the roster is empty; expected a header row and one row per agency"),
        ("r.csv", "\ufeff \n\n".encode(), "{f}: the roster is empty; expected a header row and one row per agency"),
        (
            "r.xls",
            b"\xd0\xcf\x11\xe0",
            "{f}: not a CSV or XLSX roster ('.xls'); save the spreadsheet as .xlsx or as CSV UTF-8",
        ),
        (
            "r.xlsx",
            b"Ten don vi,Cap\n",
            "{f}: not a readable XLSX workbook; save it from the spreadsheet program as an Excel workbook (.xlsx)",
        ),
    ],
)
def test_unreadable_files(tmp_path, name, raw, message):
    assert _bad_input(tmp_path, [], {}, name, raw).message == message.format(f=tmp_path / name)


def test_a_bad_row_after_good_rows_writes_nothing(tmp_path):
    rows = [MINIMAL, {**MINIMAL, "Tên đơn vị": "UBND xã Hai"}, {**MINIMAL, "Tên đơn vị": "UBND xã Ba", "Cấp": "?"}]
    path = _write_csv(tmp_path / "r.csv", rows)
    (tmp_path / "facts").mkdir()
    with pytest.raises(InputError):
        _import(path, tmp_path / "facts", year=2021)
    assert list((tmp_path / "facts").iterdir()) == []


def test_slugs_are_ascii_and_unique(tmp_path):
    assert slug("UBND xã Thạch Hà") == "ubnd-xa-thach-ha"
    assert slug("Sở Lao động - Thương binh và Xã hội") == "so-lao-dong-thuong-binh-va-xa-hoi"
    rows = [{**MINIMAL, "Tên đơn vị": "UBND xã Thạch Hà"}, {**MINIMAL, "Tên đơn vị": "UBND xã Thạch Hạ"}]
    _import(_write_csv(tmp_path / "r.csv", rows), tmp_path / "facts", year=2021)
    assert sorted(p.name for p in (tmp_path / "facts").iterdir()) == [
        "ubnd-xa-thach-ha-2.yaml",
        "ubnd-xa-thach-ha.yaml",
    ]


# -- the command -------------------------------------------------------------------------------------


def _cli(*args):
    return CliRunner().invoke(cli, ["import", *map(str, args), "--lang", "en"])


def test_cli_imports_and_exits_0(tmp_path):
    result = _cli(ROSTER, "-o", tmp_path / "facts")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert (
        len(lines) == 33
        and lines[0]
        == f"written: {tmp_path / 'facts' / 'so-tu-phap-tinh-ha-tinh.yaml'} (row 2: Sở Tư pháp tỉnh Hà Tĩnh)"
    )
    assert lines[-1] == (
        f"32 agencies imported from {ROSTER} (year 2021) into {tmp_path / 'facts'}: 32 written, "
        "0 overwritten, 0 unchanged; 1 cell or row left out."
    )
    assert result.stderr.splitlines() == [
        f"isocheck: warning: {ROSTER}: 1 cell left out (unknown); 1 cell written as marks without dates:",
        "  - Thông báo Sở KH&CN: a mark without a date — 1 cell (row 5)",
        "  - Đánh giá nội bộ: a mark without a date: written as a mark of the roster year (date unknown) — 1 cell "
        "(row 25)",
        f"isocheck: warning: {ROSTER}: agencies of a level QĐ 19 Điều 2 khoản 2 only encourages that have not "
        "announced and whose duty to apply a QMS is not known (rows 24; 1 in all): every rule of theirs will be not "
        "evaluable. If a provincial decision requires them to apply one, import again with --mandated-by, "
        "--mandated-on and --mandated-issuer",
    ]
    assert _files(tmp_path / "facts") == _files(FACTS)
    again = _cli(ROSTER, "-o", tmp_path / "facts")
    assert again.exit_code == 0 and "32 unchanged" in again.stdout


def test_cli_refuses_to_overwrite_a_different_file_unless_forced(tmp_path):
    out = tmp_path / "facts"
    out.mkdir()
    edited = out / "ubnd-xa-thach-dai.yaml"
    edited.write_text("# sửa tay\n", encoding="utf-8")
    result = _cli(ROSTER, "-o", out)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"isocheck: error: {edited}: exists with other content; nothing was written (use --force to overwrite)"
    )
    assert [p.name for p in out.iterdir()] == ["ubnd-xa-thach-dai.yaml"]
    forced = _cli(ROSTER, "-o", out, "--force")
    assert forced.exit_code == 0 and f"overwritten: {edited}" in forced.stdout
    assert _files(out) == _files(FACTS)


def test_cli_bad_input_exits_2_with_one_line(tmp_path):
    path = _write_csv(tmp_path / "r.csv", [{**MINIMAL, "Cấp": "Tỉnh"}])
    result = _cli(path, "-o", tmp_path / "facts", "--year", "2021")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"isocheck: error: {path}:2: Cấp: unknown level 'Tỉnh'")
    assert result.stderr.count("\n") == 1 and not (tmp_path / "facts").exists()
    assert _cli(ROSTER, "-o", tmp_path / "f", "--year", "2022").exit_code == 2  # the headers say 2021
    assert _cli(ROSTER).exit_code == 2  # -o is required
