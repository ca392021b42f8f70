"""The exact message of every kind of bad input, in Vietnamese and English: fact files, rule files,
the parameters file; and through the CLI (exit code 2, one line on stderr, no traceback, no output file).

``{f}`` in an expected message stands for the path of the file given to the tool.
"""

from __future__ import annotations

import datetime as dt
import pickle
import re
import shutil
import string
import typing
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT
from pydantic import BaseModel

from isocheck.api import check_file
from isocheck.base.errors import InputError
from isocheck.cli import cli
from isocheck.facts import limits
from isocheck.facts import parse as yamlio
from isocheck.facts.model import Agency, load_agency
from isocheck.facts.plausibility import EVENTS, MAY_BE_LATER, NOT_AFTER_AS_OF
from isocheck.text.problems import MESSAGES, Problem

AS_OF = dt.date(2021, 11, 16)
GOOD = """agency:
  name: UBND xã Thử
  level: commune
  province: Hà Tĩnh
  standard: 2015
"""
FIELDS = (
    "agency, records_since, qms, procedures, legal_documents, internal_audits, management_reviews, "
    "announcements, scope_changes, consultants, certification_bodies, satisfaction_surveys, reports, inspections, "
    "auditor_training, budgets, judgements, marks"
)
UTF8_EN = "the file seems to use another encoding (Windows-1258, TCVN3, Latin-1…); save it again as UTF-8"
UTF8_VI = "có lẽ tệp được lưu với bảng mã khác (Windows-1258, TCVN3, Latin-1…); hãy lưu lại tệp với bảng mã UTF-8"

# name: (file name, content, English message, Vietnamese message)
FACT_CASES: dict[str, tuple[str, bytes, str, str]] = {
    "not YAML": (
        "a.yaml",
        b"agency: [unclosed\n",
        "{f}:2:1: not valid YAML: did not find expected ',' or ']'",
        "{f}:2:1: không phải YAML hợp lệ: thiếu dấu ',' hoặc ']' (danh sách mở bằng '[' chưa được đóng)",
    ),
    "not JSON": (
        "a.json",
        b'{"agency": {"name": "X",}}',
        "{f}:1:25: not valid JSON: Expecting property name enclosed in double quotes",
        "{f}:1:25: không phải JSON hợp lệ: tên khóa phải đặt trong dấu nháy kép (hoặc có dấu ',' thừa trước '}')",
    ),
    "tab indentation": (
        "a.yaml",
        GOOD.replace("  level", "\tlevel").encode(),
        "{f}:3:1: not valid YAML: a tab character cannot indent YAML; use spaces",
        "{f}:3:1: không phải YAML hợp lệ: không được dùng ký tự Tab để thụt lề YAML; hãy dùng dấu cách",
    ),
    "Latin-1 bytes": (
        "a.yaml",
        "agency:\n  name: UBND xã\n".encode("latin-1"),
        f"{{f}}:2:15: not UTF-8 text: byte 0xE3 (offset 22) cannot be decoded; {UTF8_EN}",
        f"{{f}}:2:15: không phải văn bản UTF-8: byte 0xE3 (vị trí 22) không giải mã được; {UTF8_VI}",
    ),
    "UTF-16 with BOM": (
        "a.yaml",
        GOOD.encode("utf-16"),
        "{f}: the file is saved as UTF-16 text, not UTF-8; save it again as UTF-8",
        "{f}: tệp được lưu với bảng mã UTF-16, không phải UTF-8; hãy lưu lại tệp với bảng mã UTF-8",
    ),
    "UTF-16 without BOM": (
        "a.yaml",
        GOOD.encode("utf-16-le"),
        "{f}:1:2: contains a NUL character: a binary file or UTF-16 text, not UTF-8 text (if it is text, save it "
        "again as UTF-8)",
        "{f}:1:2: tệp chứa ký tự NUL: đây là tệp nhị phân hoặc văn bản UTF-16, không phải văn bản UTF-8 (nếu là "
        "văn bản, hãy lưu lại tệp với bảng mã UTF-8)",
    ),
    "duplicate key": (
        "a.yaml",
        (GOOD + "records_since: 2021-01-01\nrecords_since: 2021-02-01\n").encode(),
        "{f}:7:1: records_since: duplicate key 'records_since' (first at line 6; each key may appear once)",
        "{f}:7:1: records_since: khóa 'records_since' bị lặp (đã có ở dòng 6); mỗi khóa chỉ được xuất hiện một lần",
    ),
    "duplicate key in JSON": (
        "a.json",
        b'{"agency": {},\n "agency": {}}',
        "{f}:2:2: agency: duplicate key 'agency' (first at line 1; each key may appear once)",
        "{f}:2:2: agency: khóa 'agency' bị lặp (đã có ở dòng 1); mỗi khóa chỉ được xuất hiện một lần",
    ),
    "unknown field": (
        "a.yaml",
        (GOOD + "internal_audit:\n  - {date: 2021-01-01}\n").encode(),
        f"{{f}}:6:1: internal_audit: unknown field 'internal_audit' (did you mean 'internal_audits'?); "
        f"expected one of: {FIELDS}",
        f"{{f}}:6:1: internal_audit: trường 'internal_audit' không hợp lệ (có phải là 'internal_audits'?); "
        f"các trường được dùng ở đây: {FIELDS}",
    ),
    "wrong type": (
        "a.yaml",
        GOOD.replace("standard: 2015", "standard: 2016").encode(),
        "{f}:5:13: agency.standard: Input should be 2008 or 2015, found 2016",
        "{f}:5:13: agency.standard: phải là 2008 hoặc 2015, nhưng tệp ghi 2016",
    ),
    "wrong type in JSON": (
        "a.json",
        b'{"agency": {"name": "X", "level": "commune", "province": "P",\n "standard": "2015"}}',
        "{f}:2:14: agency.standard: Input should be 2008 or 2015, found '2015'",
        "{f}:2:14: agency.standard: phải là 2008 hoặc 2015, nhưng tệp ghi '2015'",
    ),
    "a date written dd/mm/yyyy": (
        "a.yaml",
        (GOOD + "records_since: 16/11/2021\n").encode(),
        "{f}:6:16: records_since: Input should be a date written YYYY-MM-DD, found '16/11/2021'",
        "{f}:6:16: records_since: phải là ngày viết dạng YYYY-MM-DD (ví dụ 2021-11-16), nhưng tệp ghi '16/11/2021'",
    ),
    "impossible date": (
        "a.yaml",
        (GOOD + "records_since: 2021-02-30\n").encode(),
        "{f}:6:16: records_since: 2021-02-30 is not a real date: February 2021 has only 28 days",
        "{f}:6:16: records_since: 2021-02-30 không phải là ngày có thật: tháng 2/2021 chỉ có 28 ngày",
    ),
    "impossible date in JSON": (
        "a.json",
        b'{"agency": {"name": "X", "level": "commune", "province": "P", "standard": 2015},\n'
        b' "records_since": "2021-13-01"}',
        "{f}:2:19: records_since: 2021-13-01 is not a real date: there is no month 13",
        "{f}:2:19: records_since: 2021-13-01 không phải là ngày có thật: không có tháng 13",
    ),
    "negative count": (
        "a.yaml",
        (GOOD + "internal_audits:\n  - date: 2021-05-01\n    findings: {major: -1}\n").encode(),
        "{f}:8:23: internal_audits[0].findings.major: Input should be greater than or equal to 0 "
        "(a count cannot be negative), found -1",
        "{f}:8:23: internal_audits[0].findings.major: không được là số âm, nhưng tệp ghi -1",
    ),
    "value not in the allowed set": (
        "a.yaml",
        GOOD.replace("level: commune", "level: ward").encode(),
        "{f}:3:10: agency.level: Input should be 'department', 'sub_department', 'district', 'commune', 'mini"
        "stry', 'provincial_committee', 'public_service_unit', 'policy_bank' or 'mission_abroad', found 'ward'",
        "{f}:3:10: agency.level: phải là 'department', 'sub_department', 'district', 'commune', 'mini"
        "stry', 'provincial_committee', 'public_service_unit', 'policy_bank' hoặc 'mission_abroad', "
        "nhưng tệp ghi 'ward'",
    ),
    "missing required field": (
        "a.yaml",
        GOOD.replace("  province: Hà Tĩnh\n", "").encode(),
        "{f}:1:1: agency.province: required field is missing",
        "{f}:1:1: agency.province: thiếu trường bắt buộc",
    ),
    "misspelt field reported once": (
        "a.yaml",
        (GOOD + "internal_audits:\n  - dat: 2021-05-01\n").encode(),
        "{f}:7:5: internal_audits[0].dat: unknown field 'dat' (did you mean 'date'?); expected one of: date, plan, "
        "report, findings, corrective_actions",
        "{f}:7:5: internal_audits[0].dat: trường 'dat' không hợp lệ (có phải là 'date'?); các trường được dùng ở "
        "đây: date, plan, report, findings, corrective_actions",
    ),
    "two problems": (
        "a.yaml",
        GOOD.replace("standard: 2015", "standard: 2016").replace("level: commune", "level: 3").encode(),
        "{f}:3:10: agency.level: Input should be 'department', 'sub_department', 'district', 'commune', 'mini"
        "stry', 'provincial_committee', 'public_service_unit', 'policy_bank' or 'mission_abroad', found 3 "
        "(and 1 more problem)",
        "{f}:3:10: agency.level: phải là 'department', 'sub_department', 'district', 'commune', 'mini"
        "stry', 'provincial_committee', 'public_service_unit', 'policy_bank' hoặc 'mission_abroad', "
        "nhưng tệp ghi 3 (và 1 lỗi khác)",
    ),
    "empty file": (
        "a.yaml",
        b"  \n",
        "{f}: the file is empty, expected a YAML or JSON mapping",
        "{f}: tệp rỗng; cần nội dung YAML hoặc JSON gồm các mục dạng “khóa: giá trị”",
    ),
    "only comments": (
        "a.yaml",
        b"# nothing yet\n",
        "{f}: the file is empty, expected a YAML or JSON mapping",
        "{f}: tệp rỗng; cần nội dung YAML hoặc JSON gồm các mục dạng “khóa: giá trị”",
    ),
    "top-level list": (
        "a.yaml",
        b"- 1\n- 2\n",
        "{f}:1:1: expected a mapping with an 'agency' section at the top, found a list",
        "{f}:1:1: đầu tệp phải là các mục dạng “khóa: giá trị”, bắt đầu bằng mục 'agency', nhưng tệp ghi một danh sách",
    ),
    "nested too deep": (
        "a.yaml",
        ("a: " + "[" * 200 + "]" * 200 + "\n").encode(),
        "{f}:1:103: nested more than 100 levels deep; no input file is that deep (a structure that contains itself?)",
        "{f}:1:103: lồng nhau quá 100 cấp; không tệp đầu vào nào sâu như vậy (có cấu trúc tự chứa chính nó?)",
    ),
    "nested deeper than libyaml's C stack": (
        "a.yaml",
        ("a: " + "[" * 100_000 + "]" * 100_000 + "\n").encode(),
        "{f}:1:103: nested more than 100 levels deep; no input file is that deep (a structure that contains itself?)",
        "{f}:1:103: lồng nhau quá 100 cấp; không tệp đầu vào nào sâu như vậy (có cấu trúc tự chứa chính nó?)",
    ),
    "nested too deep in JSON": (
        "a.json",
        ("[" * 100_000 + "]" * 100_000).encode(),
        "{f}:1:101: nested more than 100 levels deep; no input file is that deep (a structure that contains itself?)",
        "{f}:1:101: lồng nhau quá 100 cấp; không tệp đầu vào nào sâu như vậy (có cấu trúc tự chứa chính nó?)",
    ),
    "a structure that contains itself": (
        "a.yaml",
        b"agency: &a [*a]\n",
        "{f}:1:9: nested more than 100 levels deep; no input file is that deep (a structure that contains itself?)",
        "{f}:1:9: lồng nhau quá 100 cấp; không tệp đầu vào nào sâu như vậy (có cấu trúc tự chứa chính nó?)",
    ),
}
FUTURE = GOOD + "internal_audits:\n  - date: 2021-12-05\n"
FUTURE_EN = (
    "{f}:7:11: internal_audits[0].date: 2021-12-05 is after the as-of date 2021-11-16; an audit cannot "
    "have been held in the future (use --as-of, or remove it until it happens)"
)
FUTURE_VI = (
    "{f}:7:11: internal_audits[0].date: 05/12/2021 muộn hơn ngày đánh giá 16/11/2021; không thể ghi nhận "
    "một cuộc đánh giá nội bộ chưa diễn ra (hãy kiểm tra lại --as-of, hoặc chỉ ghi mục này khi việc đã "
    "diễn ra)"
)


def _messages(exc: InputError, path: Path) -> tuple[str, str]:
    return exc.text("en").replace(str(path), "{f}"), exc.text("vi").replace(str(path), "{f}")


def _error(path: Path, load=None) -> InputError:
    with pytest.raises(InputError) as info:
        (load or (lambda p: check_file(p, AS_OF)))(path)
    return info.value


@pytest.mark.parametrize("name", list(FACT_CASES))
def test_fact_file_messages(tmp_path, pack, name):
    file_name, content, en, vi = FACT_CASES[name]
    path = tmp_path / file_name
    path.write_bytes(content)
    assert _messages(_error(path, lambda p: check_file(p, AS_OF, pack=pack)), path) == (en, vi)


def test_future_event_date(tmp_path, pack):
    path = tmp_path / "a.yaml"
    path.write_text(FUTURE, encoding="utf-8")
    assert _messages(_error(path, lambda p: check_file(p, AS_OF, pack=pack)), path) == (FUTURE_EN, FUTURE_VI)


def test_future_dates_name_the_first_in_the_file_and_count_the_others(tmp_path, pack):
    path = tmp_path / "a.yaml"
    path.write_text(
        GOOD + "management_reviews:\n  - {date: 2022-01-10}\n"
        "legal_documents:\n  - {number: 1/2021/NĐ-CP, effective_on: 2022-01-01, built_in_on: 2021-12-01}\n"
        "reports:\n  - {year: 2021, due_on: 2021-12-15, submitted_on: 2021-12-01}\n",
        encoding="utf-8",
    )
    en, vi = _messages(_error(path, lambda p: check_file(p, AS_OF, pack=pack)), path)
    assert en == (
        "{f}:7:12: management_reviews[0].date: 2022-01-10 is after the as-of date 2021-11-16; a management "
        "review cannot have been held in the future (use --as-of, or remove it until it happens) "
        "(and 2 more problems)"
    )
    assert vi.endswith(
        "không thể ghi nhận một cuộc họp xem xét của lãnh đạo chưa diễn ra (hãy kiểm tra lại --as-of, "
        "hoặc chỉ ghi mục này khi việc đã diễn ra) (và 2 lỗi khác)"
    )


def test_planned_dates_may_lie_after_the_as_of_date(tmp_path, pack):
    path = tmp_path / "a.yaml"
    path.write_text(
        GOOD + "legal_documents:\n  - {number: 1/2021/NĐ-CP, effective_on: 2022-01-01, built_in_on: null}\n"
        "satisfaction_surveys:\n  - {year: 2021, held_on: null, planned_on: 2021-12-10}\n"
        "reports:\n  - {year: 2021, requested_on: 2021-10-01, due_on: 2021-12-15}\n",
        encoding="utf-8",
    )
    assert check_file(path, AS_OF, pack=pack).findings


def test_every_date_of_the_fact_model_is_an_event_or_may_be_later():
    """A new date field must be classified in isocheck/plausibility.py."""
    classified = [pattern for pattern, _ in EVENTS] + list(NOT_AFTER_AS_OF) + list(MAY_BE_LATER)
    assert sorted(_date_fields(Agency)) == sorted(classified)


def _date_fields(model: type[BaseModel], prefix: str = "") -> list[str]:
    found = []
    for name, field in model.model_fields.items():
        annotation, path = field.annotation, f"{prefix}{name}"
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        while typing.get_origin(annotation) in (typing.Union, list, typing.Annotated) or (
            type(annotation).__name__ == "UnionType"
        ):
            if typing.get_origin(annotation) is list:
                path += "[]"
            annotation = args[0]
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if annotation is dt.date:
            found.append(path)
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            found.extend(_date_fields(annotation, path + "."))
    return found


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(yamlio, "MAX_FILE_BYTES", 1024)
    path = tmp_path / "a.yaml"
    path.write_text(GOOD + "#" * (3 * 1024 - len(GOOD.encode()) - 1) + "\n", encoding="utf-8")
    assert _messages(_error(path, load_agency), path) == (
        "{f}: the file is 3.0 KB, more than the 1.0 KB an input file may have; is it the right file?",
        "{f}: tệp có dung lượng 3,0 KB, vượt giới hạn 1,0 KB của một tệp đầu vào; hãy kiểm tra xem có đúng tệp không",
    )


def test_aliases_that_expand_exponentially_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_VALUES", 20_000)  # the real limit, a million, takes seconds to reach
    text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 9)
    )
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    en, vi = _messages(_error(path, load_agency), path)
    assert en == "{f}:1:34: the document expands to more than 20,000 values (YAML aliases '*' repeated?)"
    assert vi == "{f}:1:34: tài liệu mở rộng thành hơn 20.000 giá trị (tham chiếu '*' của YAML bị lặp quá nhiều?)"


# -- rule files and the parameters file ------------------------------------------------------------

RULE = "maintenance/internal-audit-yearly.yaml"
RULE_FIELDS = (
    "id, version, title, requirement, severity, citations, applies_to, effective, profiles, subject, "
    "not_applicable_when, not_applicable_reason, fail_when, pending_when, requires, findings_per, "
    "judgment, graded, message, pending_message, due_date_field, pass_message, remediation, evidence"
)
YEAR_DISPLAY = (
    "year, year_end, audit_dates, review_dates, objectives, maintenance_plan, survey_planned_on, survey_method_vi, "
    "survey_method_en, report_due_on, report_submitted_on, report_request, report_reference, budget_estimate, "
    "maintenance_spent_vi, maintenance_spent_en, maintenance_cap_vi, maintenance_cap_en"
)
YEAR_PLACEHOLDERS = (  # the fields of a year subject, then its display values
    "year_over, audit_count, review_count, has_objectives, objectives_measurable, objectives_have_plan, "
    f"has_maintenance_plan, survey_held, report_requested, report_submitted, report_due_passed, report_days_late, "
    f"qms_budget_estimated, maintenance_overspent_vnd, "
    f"{YEAR_DISPLAY}"
)
# name: (file in the pack, (old, new) text replaced in it, English message, Vietnamese message)
PACK_CASES: dict[str, tuple[str, tuple[str, str], str, str]] = {
    "rule: unknown field": (
        RULE,
        ("severity: major", "severty: major"),
        f"{{f}}:8:1: severty: unknown field 'severty' (did you mean 'severity'?); expected one of: {RULE_FIELDS}",
        f"{{f}}:8:1: severty: trường 'severty' không hợp lệ (có phải là 'severity'?); các trường được dùng ở đây: "
        f"{RULE_FIELDS}",
    ),
    "rule: value not in the allowed set": (
        RULE,
        ("severity: major", "severity: grave"),
        "{f}:8:11: severity: Input should be 'major', 'minor' or 'observation', found 'grave'",
        "{f}:8:11: severity: phải là 'major', 'minor' hoặc 'observation', nhưng tệp ghi 'grave'",
    ),
    "rule: not YAML": (
        RULE,
        ("subject: year", "subject: [year"),
        "{f}:25:10: not valid YAML: did not find expected ',' or ']'",
        "{f}:25:10: không phải YAML hợp lệ: thiếu dấu ',' hoặc ']' (danh sách mở bằng '[' chưa được đóng)",
    ),
    "rule: impossible date": (
        RULE,
        ("effective: {from: 2014-05-18}", "effective: {from: 2014-02-29}"),
        "{f}:22:19: effective.from: 2014-02-29 is not a real date: February 2014 has only 28 days",
        "{f}:22:19: effective.from: 2014-02-29 không phải là ngày có thật: tháng 2/2014 chỉ có 28 ngày",
    ),
    "rule: id does not match the path": (
        RULE,
        ("id: maintenance.internal-audit-yearly", "id: maintenance.internal-audit"),
        "{f}:1:5: id: rule id 'maintenance.internal-audit' does not match its path; "
        "expected 'maintenance.internal-audit-yearly'",
        "{f}:1:5: id: mã quy tắc 'maintenance.internal-audit' không khớp với đường dẫn của tệp; "
        "cần là 'maintenance.internal-audit-yearly'",
    ),
    "rule: unknown field in requires": (
        RULE,
        ("subject: year", "subject: year\nrequires: [audit_cont]"),
        "{f}:25:12: requires[0]: 'audit_cont' is not a field of subject 'year' (did you mean 'audit_count'?)",
        "{f}:25:12: requires[0]: 'audit_cont' không phải là trường của đối tượng 'year' (có phải là 'audit_count'?)",
    ),
    "rule: bad placeholder": (
        RULE,
        ('vi: "Năm {year} không có', 'vi: "Năm {year không có'),
        "{f}:31:7: message.vi: bad placeholder: expected '}' before end of string",
        "{f}:31:7: message.vi: chỗ điền giá trị {…} sai cú pháp: thiếu dấu '}' trước khi hết chuỗi",
    ),
    "rule: placeholder naming no value of the subject": (
        RULE,
        ('en: "No internal audit was held in {year}."', 'en: "No internal audit was held in {nonexistent}."'),
        "{f}:32:7: message.en: the placeholder {nonexistent} is not a value of subject 'year'; "
        f"the values this text may use: {YEAR_PLACEHOLDERS}",
        "{f}:32:7: message.en: chỗ điền giá trị {nonexistent} không ứng với giá trị nào của đối tượng 'year'; "
        f"các giá trị được dùng ở đây: {YEAR_PLACEHOLDERS}",
    ),
    "rule: misspelt placeholder": (
        RULE,
        ("hạn chót {year_end}.", "hạn chót {year_ned}."),
        "{f}:34:7: pending_message.vi: the placeholder {year_ned} is not a value of subject 'year' (did you mean "
        f"'year_end'?); the values this text may use: {YEAR_PLACEHOLDERS}",
        "{f}:34:7: pending_message.vi: chỗ điền giá trị {year_ned} không ứng với giá trị nào của đối tượng 'year' "
        f"(có phải là 'year_end'?); các giá trị được dùng ở đây: {YEAR_PLACEHOLDERS}",
    ),
    "rule: placeholder with a format": (
        RULE,
        ("internal audit(s) held in {year}:", "internal audit(s) held in {year:%Y}:"),
        "{f}:38:7: pass_message.en: the placeholder {year:%Y} has a format; write {year}: isocheck writes each value "
        "the way the report's language reads it (dates dd/mm/yyyy in Vietnamese, YYYY-MM-DD in English)",
        "{f}:38:7: pass_message.en: chỗ điền giá trị {year:%Y} có kèm định dạng; hãy viết {year}: isocheck tự trình "
        "bày giá trị theo ngôn ngữ của báo cáo (ngày dạng dd/mm/yyyy trong tiếng Việt, YYYY-MM-DD trong tiếng Anh)",
    ),
    "rule: findings_per on a subject without item lists": (
        RULE,
        ("subject: year", "subject: year\nfindings_per: audits"),
        "{f}:25:15: findings_per: 'audits': subject 'year' has no item list to give one finding per item",
        "{f}:25:15: findings_per: 'audits': đối tượng 'year' không có danh sách mục nào để nêu thành từng phát hiện",
    ),
    "rule: due_date_field naming no value": (
        RULE,
        ("subject: year", "subject: year\ndue_date_field: year_ending"),
        "{f}:25:17: due_date_field: 'year_ending' is not a value of subject 'year' (did you mean 'year_end'?); "
        f"expected one of: {YEAR_DISPLAY}",
        "{f}:25:17: due_date_field: 'year_ending' không ứng với giá trị nào của đối tượng 'year' (có phải là "
        f"'year_end'?); cần một trong: {YEAR_DISPLAY}",
    ),
    "rule: top-level list": (
        RULE,
        (None, "- id: x\n"),
        "{f}:1:1: expected a mapping describing one rule, found a list",
        "{f}:1:1: tệp quy tắc phải là các mục dạng “khóa: giá trị” mô tả một quy tắc, nhưng tệp ghi một danh sách",
    ),
    "rule: empty file": (
        RULE,
        (None, ""),
        "{f}: the file is empty, expected a YAML or JSON mapping",
        "{f}: tệp rỗng; cần nội dung YAML hoặc JSON gồm các mục dạng “khóa: giá trị”",
    ),
    "pack.yaml: wrong type": (
        "pack.yaml",
        ("version: 2.2.1", "version: 2.2"),
        "{f}:3:10: version: Input should be text, found 2.2 (put it in quotes to write it as text)",
        "{f}:3:10: version: phải là văn bản, nhưng tệp ghi 2.2 (đặt trong dấu nháy để ghi dạng văn bản)",
    ),
    "parameters: wrong type": (
        "parameters.yaml",
        ("  - value: 3", "  - value: three"),
        "{f}:4:12: legal_update_max_months[0].value: Input should be a whole number, found 'three'",
        "{f}:4:12: legal_update_max_months[0].value: phải là số nguyên, nhưng tệp ghi 'three'",
    ),
    "parameters: a date where a number is needed": (
        "parameters.yaml",
        ("  - value: 3", "  - value: 2021-01-01"),
        "{f}:4:12: legal_update_max_months[0].value: Input should be a whole number, found 2021-01-01",
        "{f}:4:12: legal_update_max_months[0].value: phải là số nguyên, nhưng tệp ghi 2021-01-01",
    ),
    "parameters: misspelt parameter": (
        "parameters.yaml",
        ("legal_update_max_months:", "legal_update_max_month:"),
        "{f}:3:1: legal_update_max_month: parameter 'legal_update_max_months' is missing (misspelt as "
        "'legal_update_max_month'?); the tool needs: legal_update_max_months, certification_bodies_forbidden_from, "
        "standard_2015_transition_deadline, inspection_corrective_max_months, maintenance_spending_cap_vnd",
        "{f}:3:1: legal_update_max_month: thiếu tham số 'legal_update_max_months' (có phải viết nhầm thành "
        "'legal_update_max_month'?); công cụ cần các tham số: legal_update_max_months, "
        "certification_bodies_forbidden_from, standard_2015_transition_deadline, inspection_corrective_max_months, "
        "maintenance_spending_cap_vnd",
    ),
    "parameters: unknown field": (
        "parameters.yaml",
        (
            "    valid_from: 2014-05-18\n    citation:\n      instrument: Quyết định 19/2014/QĐ-TTg\n"
            "      article: 4\n      clause: 4",
            "    valid_fom: 2014-05-18\n    citation:\n      instrument: Quyết định 19/2014/QĐ-TTg\n"
            "      article: 4\n      clause: 4",
        ),
        "{f}:5:5: legal_update_max_months[0].valid_fom: unknown field 'valid_fom' (did you mean 'valid_from'?); "
        "expected one of: value, valid_from, valid_until, citation",
        "{f}:5:5: legal_update_max_months[0].valid_fom: trường 'valid_fom' không hợp lệ (có phải là 'valid_from'?); "
        "các trường được dùng ở đây: value, valid_from, valid_until, citation",
    ),
    "parameters: duplicate key": (
        "parameters.yaml",
        (
            "    valid_from: 2014-05-18\n    citation:\n      instrument: Quyết định 19/2014/QĐ-TTg\n"
            "      article: 4\n      clause: 4",
            "    valid_from: 2014-05-18\n    valid_from: 2014-05-19\n    citation:\n"
            "      instrument: Quyết định 19/2014/QĐ-TTg\n      article: 4\n      clause: 4",
        ),
        "{f}:6:5: legal_update_max_months[0].valid_from: duplicate key 'valid_from' (first at line 5; each key may "
        "appear once)",
        "{f}:6:5: legal_update_max_months[0].valid_from: khóa 'valid_from' bị lặp (đã có ở dòng 5); mỗi khóa chỉ "
        "được xuất hiện một lần",
    ),
    "parameters: top-level list": (
        "parameters.yaml",
        (None, "- 1\n"),
        "{f}:1:1: Input should be a mapping of 'key: value' entries, found a list",
        "{f}:1:1: phải là một nhóm mục dạng “khóa: giá trị”, nhưng tệp ghi một danh sách",
    ),
    "parameters: Latin-1 bytes": (
        "parameters.yaml",
        ("Quyết định", "Quy\udce9t"),
        f"{{f}}:7:22: not UTF-8 text: byte 0xE9 (offset 277) cannot be decoded; {UTF8_EN}",
        f"{{f}}:7:22: không phải văn bản UTF-8: byte 0xE9 (vị trí 277) không giải mã được; {UTF8_VI}",
    ),
}


def _pack_with(tmp_path: Path, name: str) -> tuple[Path, Path]:
    """A small rule pack (pack.yaml, parameters.yaml, one rule) with one file broken as PACK_CASES says."""
    file, (old, new), _, _ = PACK_CASES[name]
    root = tmp_path / "rules"
    (root / "maintenance").mkdir(parents=True)
    for part in ("pack.yaml", "parameters.yaml", RULE):
        shutil.copy(ROOT / "rules" / part, root / part)
    text = (root / file).read_text(encoding="utf-8")
    assert old is None or old in text, old
    broken = new if old is None else text.replace(old, new, 1)
    (root / file).write_bytes(broken.encode("utf-8", "surrogateescape"))
    return root, root / file


@pytest.mark.parametrize("name", list(PACK_CASES))
def test_rule_pack_messages_through_the_cli(tmp_path, name):
    root, path = _pack_with(tmp_path, name)
    _, _, en, vi = PACK_CASES[name]
    for lang, expected, prefix in (("en", en, "isocheck: error: "), ("vi", vi, "isocheck: lỗi: ")):
        result = CliRunner().invoke(cli, ["rules", "list", "--rules", str(root), "--lang", lang])
        assert result.exit_code == 2, result.output
        assert result.stdout == "" and "Traceback" not in result.stderr
        assert result.stderr == prefix + expected.replace("{f}", str(path)) + "\n"


# -- the CLI ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize(
    "name",
    [
        "not YAML",
        "Latin-1 bytes",
        "duplicate key",
        "unknown field",
        "wrong type",
        "impossible date",
        "negative count",
        "empty file",
        "top-level list",
        "nested deeper than libyaml's C stack",
        "future event",
    ],
)
def test_cli_prints_one_line_in_the_chosen_language_exits_2_and_writes_nothing(tmp_path, name, lang):
    if name == "future event":
        file_name, content, en, vi = "a.yaml", FUTURE.encode(), FUTURE_EN, FUTURE_VI
    else:
        file_name, content, en, vi = FACT_CASES[name]
    path = tmp_path / file_name
    path.write_bytes(content)
    out = tmp_path / "report.json"
    result = CliRunner().invoke(cli, ["check", str(path), "--as-of", "2021-11-16", "--lang", lang, "-o", str(out)])
    assert result.exit_code == 2
    assert result.stdout == "" and "Traceback" not in result.stderr
    prefix = "isocheck: lỗi: " if lang == "vi" else "isocheck: error: "
    assert result.stderr == prefix + (vi if lang == "vi" else en).replace("{f}", str(path)) + "\n"
    assert not out.exists() and not list(tmp_path.glob(".report.json*"))


def test_every_command_defaults_to_vietnamese_and_the_environment_changes_it(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(GOOD.replace("  province: Hà Tĩnh\n", ""), encoding="utf-8")
    for command in ("report", "check", "explain"):
        result = CliRunner().invoke(cli, [command, str(path), "--as-of", "2021-11-16"])
        assert result.exit_code == 2
        assert result.stderr == f"isocheck: lỗi: {path}:1:1: agency.province: thiếu trường bắt buộc\n"
    check = CliRunner(env={"ISOCHECK_LANG": "en"}).invoke(cli, ["check", str(path), "--as-of", "2021-11-16"])
    assert check.stderr == f"isocheck: error: {path}:1:1: agency.province: required field is missing\n"


# -- the InputError API and the catalogue ----------------------------------------------------------


def test_input_error_keeps_its_plain_english_constructor():
    exc = InputError("a.yaml", "something is wrong", "x.y", 3)
    assert exc.message == exc.text("en") == exc.text("vi") == "a.yaml:3: x.y: something is wrong"
    assert exc.problem == "something is wrong" and str(exc) == exc.message


def test_input_error_of_a_message_key_with_line_and_column():
    exc = InputError.of("a.yaml", "key.duplicate", {"key": "id", "first": 2}, field="id", line=5, column=1)
    assert exc.text("en") == "a.yaml:5:1: id: duplicate key 'id' (first at line 2; each key may appear once)"
    assert exc.text("vi") == "a.yaml:5:1: id: khóa 'id' bị lặp (đã có ở dòng 2); mỗi khóa chỉ được xuất hiện một lần"
    assert exc.message == "a.yaml:5: id: duplicate key 'id' (first at line 2; each key may appear once)"  # as before
    assert InputError("a.yaml", Problem("field.missing"), "x").text("vi") == "a.yaml: x: thiếu trường bắt buộc"
    assert pickle.loads(pickle.dumps(exc)).text("vi") == exc.text("vi")


def test_a_message_is_always_one_line():
    exc = InputError("a\nb.yaml", "two\nlines\u2028here", "k\re")
    assert len(exc.text("vi").splitlines()) == 1 and "\\n" in exc.text("en")


def test_a_validator_can_raise_a_translated_problem():
    from pydantic import ValidationError, field_validator

    from isocheck.facts.validation import validation_error

    class Model(BaseModel):
        x: int

        @field_validator("x")
        @classmethod
        def _even(cls, value):
            if value % 2:
                raise ValueError(Problem("field.missing"))
            return value

    with pytest.raises(ValidationError) as info:
        Model.model_validate({"x": 3})
    exc = validation_error(info.value, "m.yaml", {}, Model)
    assert exc.text("vi") == "m.yaml: x: giá trị không hợp lệ: thiếu trường bắt buộc"


def test_the_catalogue_has_both_languages_with_the_same_placeholders():
    for key, texts in MESSAGES.items():
        assert set(texts) == {"vi", "en"}, key
        names = {lang: sorted(f for _, f, _, _ in string.Formatter().parse(text) if f) for lang, text in texts.items()}
        assert names["vi"] == names["en"], key
        assert texts["vi"] != texts["en"] or not re.search("[a-z]{3}", texts["en"]), key


def test_an_unknown_message_key_or_a_missing_parameter_fails_where_the_error_is_raised():
    with pytest.raises(KeyError):
        Problem("no.such.key")
    with pytest.raises(KeyError, match="first"):
        InputError.of("a.yaml", "key.duplicate", {"key": "id"})


# -- every problem of a file in one run --------------------------------------------------------------


def test_every_problem_of_a_file_is_listed_with_its_line_and_column(tmp_path):
    path = tmp_path / "a.yaml"
    text = GOOD.replace("standard: 2015", "standard: 2016").replace("level: commune", "level: 3")
    path.write_text(text + "internal_audits:\n  - dat: 2021-05-01\n", encoding="utf-8")
    error = _error(path)
    assert [e.field for e in (error, *error.others)] == ["agency.level", "agency.standard", "internal_audits[0].dat"]
    lines = error.lines("vi")
    expected = (
        "phải là 'department', 'sub_department', 'district', 'commune', 'ministry', 'provincial_committee', "
        "'public_service_unit', 'policy_bank' hoặc 'mission_abroad', nhưng tệp ghi 3"
    )
    assert lines[0] == f"{path}:3:10: agency.level: {expected}"
    assert lines[1] == f"{path}:5:13: agency.standard: phải là 2008 hoặc 2015, nhưng tệp ghi 2016"
    assert lines[2].startswith(f"{path}:7:5: internal_audits[0].dat: trường 'dat' không hợp lệ (có phải là 'date'?)")
    assert error.text("en").endswith("found 3 (and 2 more problems)")  # one line where one line is all there is
    copy = pickle.loads(pickle.dumps(error))  # as a batch worker sends it
    assert copy.lines("en") == error.lines("en") and copy.text("vi") == error.text("vi")
    result = CliRunner().invoke(cli, ["check", str(path), "--as-of", "2021-11-16"])
    assert result.exit_code == 2
    assert result.stderr == "".join(f"isocheck: lỗi: {line}\n" for line in lines)


def test_more_than_twenty_problems_list_twenty_and_count_the_rest(tmp_path):
    path = tmp_path / "a.yaml"
    audits = "".join(f"  - {{date: 2021-05-{day:02d}, oops: {day}}}\n" for day in range(1, 27))
    path.write_text(GOOD + "internal_audits:\n" + audits, encoding="utf-8")
    error = _error(path)
    assert len(error.others) == 19 and error.hidden == 6
    lines = error.lines("vi")
    assert len(lines) == 21 and lines[-1] == f"{path}: và 6 lỗi khác nữa"
    assert [line.split(":")[1] for line in lines[:20]] == [str(7 + i) for i in range(20)]  # file order
    assert error.lines("en")[-1] == f"{path}: and 6 more problems"
    assert error.text("vi").endswith("(và 25 lỗi khác)")


def test_dates_in_error_texts_are_written_dd_mm_yyyy_in_vietnamese_and_iso_in_english():
    problem = Problem("impact.no_deadline", date=dt.date(2013, 5, 31))
    assert problem.text("vi") == "không có thời hạn cập nhật (legal_update_max_months) có hiệu lực vào ngày 31/05/2013"
    assert problem.text("en") == "no build-in deadline (legal_update_max_months) is in force on 2013-05-31"
    future = Problem(
        "date.future", value=dt.date(2021, 12, 5), as_of=dt.date(2021, 11, 16), event=Problem("event.audit")
    )
    assert future.text("vi").startswith("05/12/2021 muộn hơn ngày đánh giá 16/11/2021;")
    assert not re.search(r"\d{4}-\d\d-\d\d", future.text("vi"))
