"""``isocheck impact``: which agencies a new legal document puts on the three-month clock (QĐ19 Điều 4 khoản 4
điểm a, through the dated parameter legal_update_max_months), with each deadline, as a table and as JSON."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import ROOT, base_facts, merge, without_stale_judgements

from isocheck.cli import cli
from isocheck.pack.rules import load_pack
from isocheck.workflows.impact import LegalChange, assess

DOCUMENT = ROOT / "fixtures" / "legal-changes" / "tt-04-2020-tt-btp.yaml"
HO_TICH = {"code": "1.001193", "name": "Thủ tục đăng ký khai sinh", "field": "Hộ tịch", "internal_procedure": True}
CHUNG_THUC = {"code": "2.000815", "name": "Chứng thực bản sao từ bản chính", "field": "Chứng thực"}


def _agency(tmp: Path, file: str, name: str, **facts) -> Path:
    data = without_stale_judgements(merge(base_facts(), {"agency": {"name": name, "level": "commune"}, **facts}))
    for key in [k for k, v in facts.items() if v is None]:
        data.pop(key)
    path = tmp / file
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    built = {"number": "04/2020/TT-BTP", "effective_on": dt.date(2020, 7, 16), "built_in_on": dt.date(2020, 10, 16)}
    late = {**built, "built_in_on": dt.date(2020, 10, 17)}
    _agency(tmp_path, "a.yaml", "UBND xã A", procedures=[HO_TICH, CHUNG_THUC])
    _agency(tmp_path, "b.yaml", "UBND xã B", procedures=[{**CHUNG_THUC, "code": "1.000001"}])  # touched by code
    _agency(tmp_path, "c.yaml", "UBND xã C", procedures=[CHUNG_THUC])
    _agency(tmp_path, "d.yaml", "UBND xã D", procedures=None)  # no list of procedures: cannot tell
    _agency(tmp_path, "e.yaml", "UBND xã E", procedures=[HO_TICH], legal_documents=[built])
    _agency(tmp_path, "f.yaml", "UBND xã F", procedures=[HO_TICH], legal_documents=[late])
    (tmp_path / "g.yaml").write_text("agency: [broken\n", encoding="utf-8")
    return tmp_path


def _change(**values) -> LegalChange:
    data = {
        "number": "04/2020/TT-BTP",
        "effective_on": dt.date(2020, 7, 16),
        "fields": ["hộ  TỊCH"],
        "codes": ["1.000001"],
    }
    return LegalChange.model_validate({**data, **values})


def test_agencies_are_sorted_by_what_the_document_means_for_them(folder):
    impact = assess(_change(), sorted(folder.glob("*.yaml")), load_pack().parameters, dt.date(2020, 9, 1))
    assert impact.months == 3 and impact.deadline == dt.date(2020, 10, 16)
    assert [t.ident.name for t in impact.touched] == ["UBND xã A", "UBND xã B", "UBND xã E", "UBND xã F"]
    assert [t.procedures[0][0] for t in impact.touched] == ["1.001193", "1.000001", "1.001193", "1.001193"]
    assert [a.agency.name for _, a in impact.untouched] == ["UBND xã C"]
    assert [a.agency.name for _, a in impact.unknown] == ["UBND xã D"]
    assert [Path(f).name for f, _ in impact.unreadable] == ["g.yaml"]
    # a build-in recorded after the as-of date has not happened yet on that date
    assert [t.built_in_on for t in impact.touched] == [None, None, None, None]


def test_the_deadline_is_three_calendar_months_clamped_to_the_month_end():
    params = load_pack().parameters
    impact = assess(_change(effective_on=dt.date(2021, 11, 30)), [], params, dt.date(2022, 1, 1))
    assert impact.deadline == dt.date(2022, 2, 28)
    assert assess(_change(effective_on=dt.date(2023, 11, 30)), [], params, dt.date(2024, 1, 1)).deadline == dt.date(
        2024, 2, 29
    )


def _json(*args: str) -> tuple[int, dict]:
    result = CliRunner().invoke(cli, ["impact", *args, "--format", "json"])
    return result.exit_code, json.loads(result.output)


def test_json_gives_each_touched_agency_its_deadline_and_status(folder):
    files = [str(folder / f"{x}.yaml") for x in "abcdef"]
    both = CliRunner().invoke(cli, ["impact", *files, "--document", str(DOCUMENT), "--code", "1.000001"])
    assert both.exit_code == 2 and both.stdout == ""  # a document file and options at once
    code, doc = _json(*files, "--number", "04/2020/TT-BTP", "--effective-on", "2020-07-16", "--field", "Hộ tịch",
                      "--code", "1.000001", "--as-of", "2021-11-16")  # fmt: skip
    assert code == 0
    assert doc["deadline"] == "2020-10-16" and doc["months"] == 3
    assert doc["basis"]["article"] == 4 and doc["basis"]["clause"] == 4 and doc["basis"]["point"] == "a"
    status = {t["name"]: (t["status"], t["days_late"]) for t in doc["touched"]}
    assert status == {
        "UBND xã A": ("overdue", 396),
        "UBND xã B": ("overdue", 396),
        "UBND xã E": ("built_on_time", 0),
        "UBND xã F": ("built_late", 1),
    }
    assert doc["summary"] == {
        "touched": 4, "built_in": 2, "open": 0, "overdue": 2, "untouched": 1, "unknown": 1, "unreadable": 0,
    }  # fmt: skip
    _, due_today = _json(*files, "--document", str(DOCUMENT), "--as-of", "2020-10-16")
    assert {t["name"]: t["status"] for t in due_today["touched"] if t["name"] in ("UBND xã A", "UBND xã E")} == {
        "UBND xã A": "due_today",
        "UBND xã E": "built_on_time",  # built in on the last day
    }
    _, early = _json(*files, "--document", str(DOCUMENT), "--as-of", "2020-10-15")
    assert [t["days_late"] for t in early["touched"] if t["name"] == "UBND xã A"] == [-1]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_table_reads_in_each_language(folder, lang):
    result = CliRunner().invoke(
        cli, ["impact", str(folder), "--document", str(DOCUMENT), "--as-of", "2020-09-01", "--lang", lang]
    )
    assert result.exit_code == 1  # g.yaml cannot be read: listed with its error, never dropped
    out = result.output
    if lang == "vi":
        assert "KẾT LUẬN: 3 cơ quan phải cập nhật văn bản vào HTQLCL" in out
        assert "Hạn cập nhật vào HTQLCL: 16/10/2020" in out and "điểm a khoản 4 Điều 4 QĐ 19/2014/QĐ-TTg" in out
        assert "còn 45 ngày" in out and "Không xác định được" in out and "Không đọc được hồ sơ (1)" in out
    else:
        assert "VERDICT: 3 agencies must build the document into their QMS" in out
        assert "2020-10-16" in out and "QĐ 19/2014/QĐ-TTg, Art. 4, cl. 4, pt. a" in out and "45 days left" in out
    assert "UBND xã C" in out and "g.yaml" in out


BAD = {
    "no effective date": (
        "number: 1/2025/NĐ-CP\nfields: [Hộ tịch]\n",
        "effective_on: required field is missing",
        "effective_on: thiếu trường bắt buộc",
    ),
    "no TTHC named": (
        "number: 1/2025/NĐ-CP\neffective_on: 2025-07-01\n",
        "at least one field (lĩnh vực) or TTHC code",
        "ít nhất một lĩnh vực hoặc một mã TTHC",
    ),
    "before QĐ19": (
        "number: 1/2013/NĐ-CP\neffective_on: 2013-07-01\nfields: [Hộ tịch]\n",
        "no build-in deadline (legal_update_max_months) is in force on 2013-07-01",
        "không có thời hạn cập nhật (legal_update_max_months) có hiệu lực vào ngày 01/07/2013",
    ),
    "misspelt key": (
        "number: 1/2025/NĐ-CP\neffective_on: 2025-07-01\nfield: [Hộ tịch]\n",
        "field: unknown field 'field' (did you mean 'fields'?)",
        "field: trường 'field' không hợp lệ (có phải là 'fields'?)",
    ),
}


@pytest.mark.parametrize("name", list(BAD))
def test_a_bad_document_gets_one_message_and_exit_2(tmp_path, folder, name):
    text, en, vi = BAD[name]
    document = tmp_path / "doc.yaml"
    document.write_text(text, encoding="utf-8")
    out = tmp_path / "out.txt"
    for lang, expected in (("en", en), ("vi", vi)):
        args = ["impact", str(folder / "a.yaml"), "--document", str(document), "--lang", lang, "-o", str(out)]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 2 and result.stdout == "" and not out.exists()
        assert expected in result.stderr and result.stderr.count("\n") == 1, result.stderr
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args, expected",
    [
        ([], "--number, --effective-on"),
        (["--number", "1/2025/NĐ-CP"], "--number, --effective-on"),
        (["--number", "1/2025/NĐ-CP", "--effective-on", "2025-07-01"], "at least one field"),
        (["--document", "doc.yaml", "--field", "Hộ tịch"], "not both"),
    ],
)
def test_bad_options_get_one_message_and_exit_2(folder, args, expected):
    result = CliRunner(env={"ISOCHECK_LANG": "en"}).invoke(cli, ["impact", str(folder / "a.yaml"), *args])
    assert result.exit_code == 2 and expected in result.stderr, result.stderr


def test_no_fact_files_is_bad_input(tmp_path):
    result = CliRunner().invoke(cli, ["impact", str(tmp_path), "--document", str(DOCUMENT), "--lang", "vi"])
    assert result.exit_code == 2 and "không tìm thấy tệp dữ liệu nào" in result.stderr


def test_a_document_file_that_is_a_list_is_refused_in_each_language(tmp_path):
    from isocheck.base.errors import InputError
    from isocheck.workflows.impact import load_change

    path = tmp_path / "vb.yaml"
    path.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_change(path)
    assert (caught.value.detail.text("vi"), caught.value.detail.text("en"), caught.value.line) == (
        "đầu tệp văn bản pháp luật phải là các mục dạng “khóa: giá trị”, nhưng tệp ghi một danh sách",
        "expected a mapping at the top of the legal document, found a list",
        1,
    )
