"""One meaning for every input, or one clear message: text in Unicode NFC whatever the keyboard, no
invisible character in a code or id, each TTHC listed once, strict types (``true`` is not 1, ``"yes"``
is not true, a whole number is not a date), no number too long to convert, no date outside
1900-2100, records that begin after the as-of date, impossible parameters — in fact files, waivers,
rubrics, baselines, rule files and the parameters file. Each message is checked word for word in
Vietnamese and English, and through the CLI (exit code 2, one line, no traceback, no output).

``{f}`` in an expected message stands for the path of the file given to the tool.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import FIXTURES, ROOT

from isocheck.api import check_file
from isocheck.base.errors import InputError
from isocheck.cli import cli
from isocheck.facts.parse import load_document
from isocheck.workflows.waivers import load_waivers

AS_OF = dt.date(2021, 11, 16)
GOOD = """agency:
  name: UBND xã Thử
  level: commune
  province: Hà Tĩnh
  standard: 2015
"""
GOOD_JSON = '{"agency": {"name": "X", "level": "commune", "province": "P", "standard": 2015}'
BIG = "9" * 5_000  # more digits than Python converts (4,300)
LONG_EN = "a number of 5,000 digits; no value in an input file has more than 1,000 digits"
LONG_VI = "một số có 5.000 chữ số; không giá trị nào trong tệp đầu vào có quá 1.000 chữ số"
INVISIBLE_EN = "codes, numbers and names are compared character by character, so type the value again without it"
INVISIBLE_VI = "mã, số hiệu và tên được so khớp từng ký tự, hãy gõ lại giá trị này và bỏ ký tự đó"

# name: (file name, content, English message, Vietnamese message)
FACT_CASES: dict[str, tuple[str, str, str, str]] = {
    "a zero-width space in a TTHC code": (
        "a.yaml",
        GOOD + "procedures:\n  - {code: '1.001\u200b193', name: Đăng ký khai sinh, field: Hộ tịch}\n",
        "{f}:7:12: procedures[0].code: '1.001\\u200b193' contains the invisible character U+200B (ZERO WIDTH "
        f"SPACE) (character 6); {INVISIBLE_EN}",
        "{f}:7:12: procedures[0].code: '1.001\\u200b193' chứa ký tự ẩn U+200B (ZERO WIDTH SPACE) (ký tự thứ 6); "
        + INVISIBLE_VI,
    ),
    "a word joiner in a decision number": (
        "a.yaml",
        GOOD + "announcements:\n  - {decision: '132\u2060/QĐ-UBND', date: 2020-08-20, standard: 2015}\n",
        "{f}:7:16: announcements[0].decision: '132\\u2060/QĐ-UBND' contains the invisible character U+2060 (WORD "
        f"JOINER) (character 4); {INVISIBLE_EN}",
        "{f}:7:16: announcements[0].decision: '132\\u2060/QĐ-UBND' chứa ký tự ẩn U+2060 (WORD JOINER) (ký tự thứ "
        f"4); {INVISIBLE_VI}",
    ),
    "a control character in a legal document number": (
        "a.yaml",
        GOOD + 'legal_documents:\n  - {number: "12/2020/NĐ-CP\\x07", effective_on: 2020-01-01}\n',
        "{f}:7:14: legal_documents[0].number: '12/2020/NĐ-CP\\x07' contains the invisible character U+0007 "
        f"(control character) (character 14); {INVISIBLE_EN}",
        "{f}:7:14: legal_documents[0].number: '12/2020/NĐ-CP\\x07' chứa ký tự ẩn U+0007 (ký tự điều khiển) (ký tự "
        f"thứ 14); {INVISIBLE_VI}",
    ),
    "a BOM inside a certificate number": (
        "a.json",
        GOOD_JSON + ', "consultants": [{"consultant": "Công ty X", "contract_date": "2020-01-01", '
        '"certificate": "GXN\\ufeff-12"}]}',
        "{f}:1:172: consultants[0].certificate: 'GXN\\ufeff-12' contains the invisible character U+FEFF (ZERO WIDTH "
        f"NO-BREAK SPACE) (character 4); {INVISIBLE_EN}",
        "{f}:1:172: consultants[0].certificate: 'GXN\\ufeff-12' chứa ký tự ẩn U+FEFF (ZERO WIDTH NO-BREAK SPACE) "
        f"(ký tự thứ 4); {INVISIBLE_VI}",
    ),
    "a TTHC code listed twice": (
        "a.yaml",
        GOOD + "procedures:\n"
        "  - {code: '1.001193', name: Đăng ký khai sinh, field: Hộ tịch}\n"
        "  - {code: '1.000894', name: Đăng ký kết hôn, field: Hộ tịch}\n"
        "  - {code: ' 1.001193', name: Đăng ký khai sinh, field: Hộ tịch}\n",
        "{f}:9:12: procedures[2].code: TTHC code '1.001193' is listed twice (first at line 7); each procedure is "
        "listed once",
        "{f}:9:12: procedures[2].code: mã TTHC '1.001193' bị liệt kê hai lần (lần đầu ở dòng 7); mỗi thủ tục chỉ "
        "được liệt kê một lần",
    ),
    "two TTHC codes listed twice": (
        "a.yaml",
        GOOD
        + "procedures:\n"
        + "".join(f"  - {{code: '1.00{n}', name: Thủ tục {n}, field: Hộ tịch}}\n" for n in (1, 2, 1, 2)),
        "{f}:9:12: procedures[2].code: TTHC code '1.001' is listed twice (first at line 7); each procedure is "
        "listed once (and 1 more problem)",
        "{f}:9:12: procedures[2].code: mã TTHC '1.001' bị liệt kê hai lần (lần đầu ở dòng 7); mỗi thủ tục chỉ "
        "được liệt kê một lần (và 1 lỗi khác)",
    ),
    "true is not a whole number": (
        "a.yaml",
        GOOD + "satisfaction_surveys:\n  - {year: true}\n",
        "{f}:7:12: satisfaction_surveys[0].year: Input should be a whole number, found true",
        "{f}:7:12: satisfaction_surveys[0].year: phải là số nguyên, nhưng tệp ghi true",
    ),
    "a decimal is not a count": (
        "a.yaml",
        GOOD + "internal_audits:\n  - date: 2021-05-01\n    findings: {major: 1.0}\n",
        "{f}:8:23: internal_audits[0].findings.major: Input should be a whole number, found 1.0",
        "{f}:8:23: internal_audits[0].findings.major: phải là số nguyên, nhưng tệp ghi 1.0",
    ),
    "2015.0 is not a standard": (
        "a.yaml",
        GOOD.replace("standard: 2015", "standard: 2015.0"),
        "{f}:5:13: agency.standard: Input should be 2008 or 2015, found 2015.0",
        "{f}:5:13: agency.standard: phải là 2008 hoặc 2015, nhưng tệp ghi 2015.0",
    ),
    "the text 'yes' is not true": (
        "a.yaml",
        GOOD + "  has_website: 'yes'\n",
        "{f}:6:16: agency.has_website: Input should be true or false, found 'yes'",
        "{f}:6:16: agency.has_website: phải là true (có) hoặc false (không), nhưng tệp ghi 'yes'",
    ),
    "the JSON text 'true' is not true": (
        "a.json",
        GOOD_JSON.replace("2015}", '2015, "has_website": "true"}') + "}",
        "{f}:1:96: agency.has_website: Input should be true or false, found 'true'",
        "{f}:1:96: agency.has_website: phải là true (có) hoặc false (không), nhưng tệp ghi 'true'",
    ),
    "a whole number is not a date": (
        "a.yaml",
        GOOD + "records_since: 0\n",
        "{f}:6:16: records_since: Input should be a date written YYYY-MM-DD, found 0",
        "{f}:6:16: records_since: phải là ngày viết dạng YYYY-MM-DD (ví dụ 2021-11-16), nhưng tệp ghi 0",
    ),
    "a JSON number of seconds is not a date": (
        "a.json",
        GOOD_JSON + ', "records_since": "1637020800"}',
        "{f}:1:99: records_since: Input should be a date written YYYY-MM-DD, found '1637020800'",
        "{f}:1:99: records_since: phải là ngày viết dạng YYYY-MM-DD (ví dụ 2021-11-16), nhưng tệp ghi '1637020800'",
    ),
    "a JSON integer of 5,000 digits": (
        "a.json",
        GOOD_JSON + ',\n "internal_audits": [{"date": "2021-05-01", "findings": {"major": ' + BIG + "}}]}",
        "{f}:2:67: " + LONG_EN,
        "{f}:2:67: " + LONG_VI,
    ),
    "a YAML integer of 5,000 digits": (
        "a.yaml",
        GOOD + "internal_audits:\n  - date: 2021-05-01\n    findings: {major: " + BIG + "}\n",
        "{f}:8:23: " + LONG_EN,
        "{f}:8:23: " + LONG_VI,
    ),
    "a legal document effective 9999-11-01": (
        "a.yaml",
        GOOD + "legal_documents:\n  - {number: 1/2021/NĐ-CP, effective_on: 9999-11-01}\n",
        "{f}:7:42: legal_documents[0].effective_on: 9999-11-01 is outside the dates isocheck accepts (1900-01-01 "
        "to 2100-12-31); is the year mistyped?",
        "{f}:7:42: legal_documents[0].effective_on: ngày 9999-11-01 nằm ngoài khoảng ngày isocheck chấp nhận (từ "
        "01/01/1900 đến 31/12/2100); có gõ nhầm năm không?",
    ),
    "records since after the as-of date": (
        "a.yaml",
        GOOD + "records_since: 2022-01-01\n",
        "{f}:6:16: records_since: 2022-01-01 is after the as-of date 2021-11-16: the records would begin after the "
        "day being checked, so nothing in the file could be judged (check --as-of and records_since)",
        "{f}:6:16: records_since: 01/01/2022 muộn hơn ngày đánh giá 16/11/2021: hồ sơ được ghi là chỉ đầy đủ từ "
        "sau ngày đánh giá nên không thể đánh giá nội dung nào của tệp (hãy kiểm tra lại --as-of và records_since)",
    ),
    "a count written with a leading zero": (
        "a.yaml",
        GOOD + "internal_audits:\n  - date: 2021-05-01\n    findings: {major: 010}\n",
        "{f}:8:23: internal_audits[0].findings.major: 010 begins with a zero, so YAML 1.1 reads it as the octal "
        "number 8 and YAML 1.2 as 10; write it without the leading zero (or in quotes to write it as text)",
        "{f}:8:23: internal_audits[0].findings.major: 010 bắt đầu bằng chữ số 0 nên YAML 1.1 đọc là số bát phân 8, "
        "còn YAML 1.2 đọc là 10; hãy viết số không có chữ số 0 ở đầu (hoặc đặt trong dấu nháy để ghi dạng văn bản)",
    ),
    "a time of day read as a base-60 number": (
        "a.yaml",
        GOOD + "internal_audits:\n  - {date: 2021-05-01, plan: 10:30}\n",
        "{f}:7:30: internal_audits[0].plan: 10:30 is read by YAML 1.1 as the base-60 number 630 and by YAML 1.2 "
        "as text; put it in quotes to write it as text",
        "{f}:7:30: internal_audits[0].plan: YAML 1.1 đọc 10:30 là số hệ 60 (630), còn YAML 1.2 đọc là văn bản; "
        "hãy đặt trong dấu nháy để ghi dạng văn bản",
    ),
}


def _messages(exc: InputError, path: Path) -> tuple[str, str]:
    return exc.text("en").replace(str(path), "{f}"), exc.text("vi").replace(str(path), "{f}")


@pytest.mark.parametrize("name", list(FACT_CASES))
def test_fact_file_messages(tmp_path, pack, name):
    file_name, content, en, vi = FACT_CASES[name]
    path = tmp_path / file_name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        check_file(path, AS_OF, pack=pack)
    assert _messages(info.value, path) == (en, vi)


@pytest.mark.parametrize(
    "name",
    [
        "a zero-width space in a TTHC code",
        "a TTHC code listed twice",
        "a JSON integer of 5,000 digits",
        "a legal document effective 9999-11-01",
        "records since after the as-of date",
    ],
)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_cli_prints_one_line_exits_2_and_writes_nothing(tmp_path, name, lang):
    file_name, content, en, vi = FACT_CASES[name]
    path = tmp_path / file_name
    path.write_text(content, encoding="utf-8")
    out = tmp_path / "report.json"
    result = CliRunner().invoke(cli, ["check", str(path), "--as-of", "2021-11-16", "--lang", lang, "-o", str(out)])
    assert result.exit_code == 2 and result.stdout == "" and "Traceback" not in result.stderr
    prefix = "isocheck: lỗi: " if lang == "vi" else "isocheck: error: "
    assert result.stderr == prefix + (vi if lang == "vi" else en).replace("{f}", str(path)) + "\n"
    assert not out.exists()


# -- NFC ---------------------------------------------------------------------------------------------

NOT_READY = FIXTURES / "xa-chua-san-sang-cong-bo.yaml"  # UBND xã Thạch Hạ, objectives not measurable


def _waiver_file(tmp_path: Path, agency: str) -> Path:
    path = tmp_path / "waivers.yaml"
    waiver = {
        "rule": "documents.quality-objectives-measurable",
        "agency": agency,
        "justification": "Mục tiêu đang được lượng hoá theo hướng dẫn của Sở.",
        "approved_by": "Chi cục TĐC Hà Tĩnh",
        "decision": "15/QĐ-TĐC",
        "expires_on": dt.date(2022, 6, 30),
    }
    path.write_text(yaml.safe_dump({"waivers": [waiver]}, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("fact_form, waiver_form", [("NFD", "NFC"), ("NFC", "NFD"), ("NFD", "NFD")])
def test_a_waiver_applies_whichever_unicode_form_each_file_was_typed_in(tmp_path, pack, fact_form, waiver_form):
    facts = tmp_path / "agency.yaml"
    facts.write_text(unicodedata.normalize(fact_form, NOT_READY.read_text(encoding="utf-8")), encoding="utf-8")
    waivers = load_waivers(_waiver_file(tmp_path, unicodedata.normalize(waiver_form, "UBND xã Thạch Hạ")))
    report = check_file(facts, AS_OF, "pre-announcement", pack=pack, waivers=waivers)
    waived = [f.id for f in report.findings if f.outcome == "waived"]
    assert waived == ["documents.quality-objectives-measurable@2021"]
    assert report.agency.agency.name == "UBND xã Thạch Hạ"  # NFC


def test_json_text_and_its_escapes_are_normalised_too(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(GOOD_JSON.replace('"X"', '"UBND xa\\u0301 Thu\\u031b\\u0309"') + "}", encoding="utf-8")
    data, _ = load_document(path)
    assert data["agency"]["name"] == "UBND xá Thử" and unicodedata.is_normalized("NFC", data["agency"]["name"])


def test_batch_counts_the_two_spellings_of_one_name_as_one_agency(tmp_path):
    folder = tmp_path / "facts"
    folder.mkdir()
    text = NOT_READY.read_text(encoding="utf-8")
    (folder / "a.yaml").write_text(unicodedata.normalize("NFC", text), encoding="utf-8")
    (folder / "b.yaml").write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    result = CliRunner().invoke(cli, ["batch", str(folder), "--as-of", "2021-11-16", "--format", "json"])
    names = {entry["name"] for entry in json.loads(result.stdout)["agencies"]}
    assert names == {"UBND xã Thạch Hạ"}


# -- waivers, rubrics, baselines ----------------------------------------------------------------------


def _run(*args: str):
    return CliRunner().invoke(cli, [*args, "--as-of", "2021-11-16", "--lang", "en"])


@pytest.mark.parametrize(
    "option, content, message",
    [
        (
            "--waivers",
            '{"waivers": [{"rule": "announcement.published-on-website", "agency": "*", "justification": "x", '
            '"approved_by": "y", "decision": "z", "expires_on": ' + BIG + "}]}",
            "{f}:1:148: " + LONG_EN,
        ),
        (
            "--rubric",
            '{"id": "x", "title": {"vi": "a", "en": "b"}, "note": {"vi": "a", "en": "b"}, "source": "s", "max": '
            + BIG
            + ', "criteria": []}',
            "{f}:1:100: " + LONG_EN,
        ),
        (
            "--waivers",
            '{"waivers": [{"rule": "announcement.published-\\u200bon-website", "agency": "*", "justification": "x",'
            ' "approved_by": "y", "decision": "z", "expires_on": "2022-06-30"}]}',
            "{f}:1:23: waivers[0].rule: 'announcement.published-\\u200bon-website' contains the invisible character "
            f"U+200B (ZERO WIDTH SPACE) (character 24); {INVISIBLE_EN}",
        ),
        (
            "--waivers",
            '{"waivers": [{"rule": "announcement.published-on-website", "agency": "*", "justification": "x", '
            '"approved_by": "y", "decision": "z", "expires_on": 20220630}]}',
            "{f}:1:148: waivers[0].expires_on: Input should be a date written YYYY-MM-DD, found 20220630",
        ),
        (
            "--rubric",
            "id: x\ntitle: {vi: a, en: b}\nnote: {vi: a, en: b}\nsource: s\nexample: 'yes'\nmax: 1\n"
            "criteria: [{id: c, title: {vi: a, en: b}, max: 1, rules: [announcement.announced]}]\n",
            "{f}:5:10: example: Input should be true or false, found 'yes'",
        ),
        (
            "--rubric",
            "id: x\ntitle: {vi: a, en: b}\nnote: {vi: a, en: b}\nsource: s\nmax: true\n"
            "criteria: [{id: c, title: {vi: a, en: b}, max: 1, rules: [announcement.announced]}]\n",
            "{f}:5:6: max: Input should be a number, found true",
        ),
    ],
)
def test_waiver_and_rubric_files(tmp_path, option, content, message):
    path = tmp_path / ("input.json" if content.startswith("{") else "input.yaml")
    path.write_text(content, encoding="utf-8")
    result = _run("check", str(NOT_READY), option, str(path))
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert result.stderr == "isocheck: error: " + message.replace("{f}", str(path)) + "\n"


def test_a_baseline_with_a_number_too_long_to_convert(tmp_path):
    path = tmp_path / "previous.json"
    path.write_text('{"agencies": [{"name": "X", "results": [{"id": "a", "outcome": "fail", "n": ' + BIG + "}]}]}")
    result = _run("batch", str(NOT_READY), "--baseline", str(path), "--format", "json")
    # the baseline reader (msgspec, typed) skips a field it does not use without converting it
    assert result.exit_code == 1 and result.stderr == "" and '"in_baseline"' in result.stdout
    path.write_text('{"agencies": [{"name": "X", "results": [{"id": ' + BIG + ', "outcome": "fail"}]}]}')
    result = _run("batch", str(NOT_READY), "--baseline", str(path), "--format", "json")
    assert result.exit_code == 2 and "Traceback" not in result.stderr and "agencies[0]" in result.stderr


# -- rule files and the parameters file ----------------------------------------------------------------

RULE = "maintenance/internal-audit-yearly.yaml"
# name: (file in the pack, (old, new) text replaced in it, English message, Vietnamese message)
PACK_CASES: dict[str, tuple[str, tuple[str, str], str, str]] = {
    "parameters: a negative number of months": (
        "parameters.yaml",
        ("  - value: 3", "  - value: -1"),
        "{f}:4:12: legal_update_max_months[0].value: -1 is not a possible value: legal_update_max_months is a "
        "number of months from 1 to 120",
        "{f}:4:12: legal_update_max_months[0].value: -1 không phải là giá trị hợp lệ: legal_update_max_months là "
        "số tháng, từ 1 đến 120",
    ),
    "parameters: zero months": (
        "parameters.yaml",
        ("  - value: 3", "  - value: 0"),
        "{f}:4:12: legal_update_max_months[0].value: 0 is not a possible value: legal_update_max_months is a "
        "number of months from 1 to 120",
        "{f}:4:12: legal_update_max_months[0].value: 0 không phải là giá trị hợp lệ: legal_update_max_months là "
        "số tháng, từ 1 đến 120",
    ),
    "parameters: true is not a number of months": (
        "parameters.yaml",
        ("  - value: 3", "  - value: true"),
        "{f}:4:12: legal_update_max_months[0].value: Input should be a whole number, found true",
        "{f}:4:12: legal_update_max_months[0].value: phải là số nguyên, nhưng tệp ghi true",
    ),
    "parameters: a date in year 9999": (
        "parameters.yaml",
        ("  - value: 2021-06-30", "  - value: 9999-06-30"),
        "{f}:25:12: standard_2015_transition_deadline[0].value: 9999-06-30 is outside the dates isocheck accepts "
        "(1900-01-01 to 2100-12-31); is the year mistyped?",
        "{f}:25:12: standard_2015_transition_deadline[0].value: ngày 9999-06-30 nằm ngoài khoảng ngày isocheck "
        "chấp nhận (từ 01/01/1900 đến 31/12/2100); có gõ nhầm năm không?",
    ),
    "rule: true is not a version": (
        RULE,
        ("id: maintenance.internal-audit-yearly", "id: maintenance.internal-audit-yearly\nversion: true"),
        "{f}:2:10: version: Input should be a whole number, found true",
        "{f}:2:10: version: phải là số nguyên, nhưng tệp ghi true",
    ),
    "rule: a whole number is not a date": (
        RULE,
        ("effective: {from: 2014-05-18}", "effective: {from: 20140518}"),
        "{f}:22:19: effective.from: Input should be a date written YYYY-MM-DD, found 20140518",
        "{f}:22:19: effective.from: phải là ngày viết dạng YYYY-MM-DD (ví dụ 2021-11-16), nhưng tệp ghi 20140518",
    ),
}


@pytest.mark.parametrize("name", list(PACK_CASES))
def test_rule_pack_messages_through_the_cli(tmp_path, name):
    file, (old, new), en, vi = PACK_CASES[name]
    root = tmp_path / "rules"
    (root / "maintenance").mkdir(parents=True)
    for part in ("pack.yaml", "parameters.yaml", RULE):
        shutil.copy(ROOT / "rules" / part, root / part)
    text = (root / file).read_text(encoding="utf-8")
    assert old in text, old
    (root / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    path = root / file
    for lang, expected, prefix in (("en", en, "isocheck: error: "), ("vi", vi, "isocheck: lỗi: ")):
        result = CliRunner().invoke(cli, ["rules", "list", "--rules", str(root), "--lang", lang])
        assert result.exit_code == 2 and result.stdout == "" and "Traceback" not in result.stderr
        assert result.stderr == prefix + expected.replace("{f}", str(path)) + "\n"


def test_identifiers_refuse_exactly_the_invisible_characters_in_python_and_in_pydantic_core():
    """An identifier is checked by pydantic-core's regular expression (Rust), its message worded from Python's:
    both refuse the same characters, at every range boundary and beyond: those of categories Cc, Cf, Zl and Zp
    (compared in the Basic Multilingual Plane; the planes above were assigned after Python's Unicode database)."""
    from pydantic import TypeAdapter, ValidationError

    from isocheck.facts import types

    ident = TypeAdapter(types.Ident)
    edges = {c for a, b in types._INVISIBLE_RANGES for c in (a - 1, a, b, b + 1) if c >= 0}
    for code in sorted(edges | set(range(0, 0x3000)) | set(range(0xFE00, 0x10000))):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        invisible = types._INVISIBLE.search(char) is not None
        if code < 0x10000:
            assert invisible is (unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp")), hex(code)
        try:
            ident.validate_python(f"1.00{char}1")
            refused = False
        except ValidationError:
            refused = True
        assert refused is invisible, hex(code)


def test_no_identifier_field_carries_a_pattern_of_its_own():
    """An Ident's invisible-character pattern and a field's own ``pattern`` cannot both hold (the field's would
    replace it, or it the field's): every model field that is an Ident has no other pattern."""
    import inspect

    from pydantic import BaseModel

    import isocheck
    from isocheck.facts import types

    models = set()
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("isocheck."):
            for _, value in inspect.getmembers(module, inspect.isclass):
                if issubclass(value, BaseModel) and value.__module__.startswith(isocheck.__name__):
                    models.add(value)
    assert len(models) > 20
    for model in models:
        for name, field in model.model_fields.items():
            patterns = [getattr(m, "pattern", None) for m in field.metadata if getattr(m, "pattern", None)]
            if types.VISIBLE_PATTERN in patterns:
                assert patterns == [types.VISIBLE_PATTERN], f"{model.__name__}.{name}: {patterns}"
