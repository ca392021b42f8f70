"""The words of the input errors that give every input one meaning, in Vietnamese and English: numbers YAML 1.1
and 1.2 read differently or too long to convert, invisible characters in codes and ids, dates outside the
calendar isocheck accepts, records that begin after the as-of date, a TTHC listed twice, impossible
parameters (:mod:`isocheck.facts.yaml_strict`, :mod:`isocheck.facts.limits`, :mod:`isocheck.facts.types`,
:mod:`isocheck.facts.uniqueness`, :mod:`isocheck.facts.plausibility`, :mod:`isocheck.law.parameters`).
Part of :data:`isocheck.text.problems.MESSAGES`.
"""

from __future__ import annotations

MEANING_MESSAGES: dict[str, dict[str, str]] = {
    "doc.long_number": {
        "en": "a number of {digits} digits; no value in an input file has more than {limit} digits",
        "vi": "một số có {digits} chữ số; không giá trị nào trong tệp đầu vào có quá {limit} chữ số",
    },
    "yaml.octal": {
        "en": "{value} begins with a zero, so YAML 1.1 reads it as the octal number {octal} and YAML 1.2 as "
        "{decimal}; write it without the leading zero (or in quotes to write it as text)",
        "vi": "{value} bắt đầu bằng chữ số 0 nên YAML 1.1 đọc là số bát phân {octal}, còn YAML 1.2 đọc là "
        "{decimal}; hãy viết số không có chữ số 0 ở đầu (hoặc đặt trong dấu nháy để ghi dạng văn bản)",
    },
    "yaml.base60": {
        "en": "{value} is read by YAML 1.1 as the base-60 number {number} and by YAML 1.2 as text; put it in "
        "quotes to write it as text",
        "vi": "YAML 1.1 đọc {value} là số hệ 60 ({number}), còn YAML 1.2 đọc là văn bản; hãy đặt trong dấu nháy "
        "để ghi dạng văn bản",
    },
    "text.invisible": {
        "en": "{found} contains the invisible character {char} (character {position}); codes, numbers and names "
        "are compared character by character, so type the value again without it",
        "vi": "{found} chứa ký tự ẩn {char} (ký tự thứ {position}); mã, số hiệu và tên được so khớp từng ký tự, "
        "hãy gõ lại giá trị này và bỏ ký tự đó",
    },
    "text.control_character": {"en": "control character", "vi": "ký tự điều khiển"},
    "date.out_of_range": {
        "en": "{value} is outside the dates isocheck accepts ({first} to {last}); is the year mistyped?",
        "vi": "ngày {value} nằm ngoài khoảng ngày isocheck chấp nhận (từ {first} đến {last}); có gõ nhầm năm không?",
    },
    "date.records_since_future": {
        "en": "{value} is after the as-of date {as_of}: the records would begin after the day being checked, "
        "so nothing in the file could be judged (check --as-of and records_since)",
        "vi": "{value} muộn hơn ngày đánh giá {as_of}: hồ sơ được ghi là chỉ đầy đủ từ sau ngày đánh giá nên "
        "không thể đánh giá nội dung nào của tệp (hãy kiểm tra lại --as-of và records_since)",
    },
    "procedures.duplicate_code": {
        "en": "TTHC code '{code}' is listed twice (first at {first}); each procedure is listed once",
        "vi": "mã TTHC '{code}' bị liệt kê hai lần (lần đầu ở {first}); mỗi thủ tục chỉ được liệt kê một lần",
    },
    "at.line": {"en": "line {line}", "vi": "dòng {line}"},
    "parameters.out_of_range": {
        "en": "{found} is not a possible value: {name} is a number of {unit} from {low} to {high}",
        "vi": "{found} không phải là giá trị hợp lệ: {name} là số {unit}, từ {low} đến {high}",
    },
    "unit.months": {"en": "months", "vi": "tháng"},
    "unit.dong": {"en": "đồng", "vi": "đồng"},
}
