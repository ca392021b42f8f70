"""The words of input errors in Vietnamese and English: a catalogue of message keys, and :class:`Problem`.

A :class:`Problem` is a catalogue key with its parameters (or a plain text); ``problem.text(lang)``
fills the template of that language. A parameter may itself have a ``text(lang)`` method (a nested
Problem, a :class:`Found` value, a :class:`Size`), so a message can be built from parts.
Values taken from the input file are shown as the file writes them (dates ``2021-11-16``;
:mod:`isocheck.text.values`); third-party parser texts get their Vietnamese from :mod:`isocheck.text.glossary`.
"""

from __future__ import annotations

import functools
import string
from typing import Any

from isocheck.text.cli_messages import CLI_PROBLEMS
from isocheck.text.dated_messages import DATED_MESSAGES
from isocheck.text.evidence_messages import EVIDENCE_MESSAGES
from isocheck.text.glossary import CLEARER, GLOSSARY
from isocheck.text.law_messages import LAW_MESSAGES
from isocheck.text.meaning_messages import MEANING_MESSAGES
from isocheck.text.output_messages import OUTPUT_MESSAGES
from isocheck.text.roster_messages import ROSTER_MESSAGES
from isocheck.text.values import Alternatives, Count, Found, Size, impossible_date, param_text

__all__ = ["LANGS", "MESSAGES", "Alternatives", "Count", "Found", "Problem", "Size", "glossed", "impossible_date"]

LANGS = ("vi", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # reading the file
    "file.not_found": {"en": "file not found", "vi": "không tìm thấy tệp"},
    "file.is_directory": {
        "en": "is a folder, expected a YAML or JSON file",
        "vi": "đây là một thư mục, cần một tệp YAML hoặc JSON",
    },
    "file.no_permission": {"en": "cannot be read: permission denied", "vi": "không có quyền đọc tệp"},
    "file.unreadable": {"en": "cannot be read: {reason}", "vi": "không đọc được tệp: {reason}"},
    "file.too_large": {
        "en": "the file is {size}, more than the {limit} an input file may have; is it the right file?",
        "vi": "tệp có dung lượng {size}, vượt giới hạn {limit} của một tệp đầu vào; hãy kiểm tra xem có đúng tệp không",
    },
    "file.utf16": {
        "en": "the file is saved as {encoding} text, not UTF-8; save it again as UTF-8",
        "vi": "tệp được lưu với bảng mã {encoding}, không phải UTF-8; hãy lưu lại tệp với bảng mã UTF-8",
    },
    "file.not_utf8": {
        "en": "not UTF-8 text: byte 0x{byte} (offset {offset}) cannot be decoded; the file seems to use "
        "another encoding (Windows-1258, TCVN3, Latin-1…); save it again as UTF-8",
        "vi": "không phải văn bản UTF-8: byte 0x{byte} (vị trí {offset}) không giải mã được; có lẽ tệp "
        "được lưu với bảng mã khác (Windows-1258, TCVN3, Latin-1…); hãy lưu lại tệp với bảng mã "
        "UTF-8",
    },
    "file.nul": {
        "en": "contains a NUL character: a binary file or UTF-16 text, not UTF-8 text (if it is text, save "
        "it again as UTF-8)",
        "vi": "tệp chứa ký tự NUL: đây là tệp nhị phân hoặc văn bản UTF-16, không phải văn bản UTF-8 (nếu là "
        "văn bản, hãy lưu lại tệp với bảng mã UTF-8)",
    },
    "file.empty": {
        "en": "the file is empty, expected a YAML or JSON mapping",
        "vi": "tệp rỗng; cần nội dung YAML hoặc JSON gồm các mục dạng “khóa: giá trị”",
    },
    # parsing
    "yaml.invalid": {"en": "not valid YAML: {detail}", "vi": "không phải YAML hợp lệ: {detail}"},
    "yaml.tab": {
        "en": "a tab character cannot indent YAML; use spaces",
        "vi": "không được dùng ký tự Tab để thụt lề YAML; hãy dùng dấu cách",
    },
    "json.invalid": {"en": "not valid JSON: {detail}", "vi": "không phải JSON hợp lệ: {detail}"},
    "doc.too_deep": {
        "en": "nested more than {limit} levels deep; no input file is that deep (a structure that contains itself?)",
        "vi": "lồng nhau quá {limit} cấp; không tệp đầu vào nào sâu như vậy (có cấu trúc tự chứa chính nó?)",
    },
    "doc.too_many_values": {
        "en": "the document expands to more than {limit} values (YAML aliases '*' repeated?)",
        "vi": "tài liệu mở rộng thành hơn {limit} giá trị (tham chiếu '*' của YAML bị lặp quá nhiều?)",
    },
    "key.not_text": {
        "en": "mapping keys must be text, found {found}",
        "vi": "tên khóa phải là văn bản, nhưng tệp ghi {found}",
    },
    "key.duplicate": {
        "en": "duplicate key '{key}' (first at line {first}; each key may appear once)",
        "vi": "khóa '{key}' bị lặp (đã có ở dòng {first}); mỗi khóa chỉ được xuất hiện một lần",
    },
    "key.duplicate_unlocated": {
        "en": "duplicate key '{key}' (each key may appear once)",
        "vi": "khóa '{key}' bị lặp; mỗi khóa chỉ được xuất hiện một lần",
    },
    "value.invalid": {
        "en": "{value} is not a valid value ({detail})",
        "vi": "{value} không phải là giá trị hợp lệ ({detail})",
    },
    "value.impossible_date": {
        "en": "{value} is not a real date: {reason}",
        "vi": "{value} không phải là ngày có thật: {reason}",
    },
    "date.no_year": {"en": "there is no year 0", "vi": "không có năm 0"},
    "date.no_month": {"en": "there is no month {month}", "vi": "không có tháng {month}"},
    "date.no_day": {"en": "there is no day 0", "vi": "không có ngày 0"},
    "date.month_days": {"en": "{month} {year} has only {days} days", "vi": "tháng {month}/{year} chỉ có {days} ngày"},
    # the shape of the document (fact files, rules, parameters)
    "facts.not_mapping": {
        "en": "expected a mapping with an 'agency' section at the top, found {found}",
        "vi": "đầu tệp phải là các mục dạng “khóa: giá trị”, bắt đầu bằng mục 'agency', nhưng tệp ghi {found}",
    },
    "doc.not_mapping": {
        "en": "expected a mapping at the top of the {what}, found {found}",
        "vi": "đầu tệp {what} phải là các mục dạng “khóa: giá trị”, nhưng tệp ghi {found}",
    },
    "field.unknown": {
        "en": "unknown field '{name}'{hint}{allowed}",
        "vi": "trường '{name}' không hợp lệ{hint}{allowed}",
    },
    "field.did_you_mean": {"en": " (did you mean '{close}'?)", "vi": " (có phải là '{close}'?)"},
    "field.allowed": {"en": "; expected one of: {fields}", "vi": "; các trường được dùng ở đây: {fields}"},
    "field.missing": {"en": "required field is missing", "vi": "thiếu trường bắt buộc"},
    "more.one": {"en": "{problem} (and 1 more problem)", "vi": "{problem} (và 1 lỗi khác)"},
    "more.many": {"en": "{problem} (and {count} more problems)", "vi": "{problem} (và {count} lỗi khác)"},
    "more.hidden_one": {"en": "and 1 more problem", "vi": "và 1 lỗi khác nữa"},
    "more.hidden_many": {"en": "and {count} more problems", "vi": "và {count} lỗi khác nữa"},
    # pydantic's error types (isocheck.validation_text)
    "type.date": {
        "en": "Input should be a date written YYYY-MM-DD, found {found}",
        "vi": "phải là ngày viết dạng YYYY-MM-DD (ví dụ 2021-11-16), nhưng tệp ghi {found}",
    },
    "type.date_exact": {
        "en": "Input should be a date without a time of day, found {found}",
        "vi": "phải là ngày (không kèm giờ), nhưng tệp ghi {found}",
    },
    "type.int": {
        "en": "Input should be a whole number, found {found}",
        "vi": "phải là số nguyên, nhưng tệp ghi {found}",
    },
    "type.float": {"en": "Input should be a number, found {found}", "vi": "phải là một số, nhưng tệp ghi {found}"},
    "type.bool": {
        "en": "Input should be true or false, found {found}",
        "vi": "phải là true (có) hoặc false (không), nhưng tệp ghi {found}",
    },
    "type.str": {
        "en": "Input should be text, found {found} (put it in quotes to write it as text)",
        "vi": "phải là văn bản, nhưng tệp ghi {found} (đặt trong dấu nháy để ghi dạng văn bản)",
    },
    "type.list": {
        "en": "Input should be a list ('- ' items), found {found}",
        "vi": "phải là một danh sách (mỗi mục một dòng bắt đầu bằng '- '), nhưng tệp ghi {found}",
    },
    "type.mapping": {
        "en": "Input should be a mapping of 'key: value' entries, found {found}",
        "vi": "phải là một nhóm mục dạng “khóa: giá trị”, nhưng tệp ghi {found}",
    },
    "type.literal": {
        "en": "Input should be {expected}, found {found}",
        "vi": "phải là {expected}, nhưng tệp ghi {found}",
    },
    "type.not_negative": {
        "en": "Input should be greater than or equal to 0 (a count cannot be negative), found {found}",
        "vi": "không được là số âm, nhưng tệp ghi {found}",
    },
    "type.ge": {
        "en": "Input should be greater than or equal to {limit}, found {found}",
        "vi": "phải lớn hơn hoặc bằng {limit}, nhưng tệp ghi {found}",
    },
    "type.gt": {
        "en": "Input should be greater than {limit}, found {found}",
        "vi": "phải lớn hơn {limit}, nhưng tệp ghi {found}",
    },
    "type.le": {
        "en": "Input should be less than or equal to {limit}, found {found}",
        "vi": "phải nhỏ hơn hoặc bằng {limit}, nhưng tệp ghi {found}",
    },
    "type.lt": {
        "en": "Input should be less than {limit}, found {found}",
        "vi": "phải nhỏ hơn {limit}, nhưng tệp ghi {found}",
    },
    "type.not_empty": {"en": "Input should not be empty", "vi": "không được để trống"},
    "type.min_chars": {
        "en": "Input should have at least {limit} characters, found {found}",
        "vi": "phải có ít nhất {limit} ký tự, nhưng tệp ghi {found}",
    },
    "type.min_items": {
        "en": "Input should have at least {limit} item(s), found {count}",
        "vi": "phải có ít nhất {limit} mục, nhưng danh sách có {count} mục",
    },
    "type.pattern": {
        "en": "Input should match the pattern {pattern}, found {found}",
        "vi": "phải khớp mẫu {pattern}, nhưng tệp ghi {found}",
    },
    "type.value": {"en": "Value error, {detail}", "vi": "giá trị không hợp lệ: {detail}"},
    # found values that are not shown as written
    "found.list": {"en": "a list", "vi": "một danh sách"},
    "found.mapping": {"en": "a mapping", "vi": "một nhóm mục “khóa: giá trị”"},
    "found.binary": {"en": "binary data", "vi": "dữ liệu nhị phân"},
    "found.object": {"en": "a value of type {name}", "vi": "một giá trị kiểu {name}"},
    # dates after the as-of date (isocheck.plausibility)
    "date.future": {
        "en": "{value} is after the as-of date {as_of}; {event} (use --as-of, or remove it until it happens)",
        "vi": "{value} muộn hơn ngày đánh giá {as_of}; {event} (hãy kiểm tra lại --as-of, hoặc chỉ ghi "
        "mục này khi việc đã diễn ra)",
    },
    "event.audit": {
        "en": "an audit cannot have been held in the future",
        "vi": "không thể ghi nhận một cuộc đánh giá nội bộ chưa diễn ra",
    },
    "event.review": {
        "en": "a management review cannot have been held in the future",
        "vi": "không thể ghi nhận một cuộc họp xem xét của lãnh đạo chưa diễn ra",
    },
    "event.announcement": {
        "en": "an announcement cannot have been made in the future",
        "vi": "không thể ghi nhận việc công bố chưa diễn ra",
    },
    "event.confirmed": {
        "en": "the head cannot have confirmed it in the future",
        "vi": "không thể ghi nhận việc người đứng đầu xác nhận khi chưa xác nhận",
    },
    "event.letter": {
        "en": "a letter cannot have been sent in the future",
        "vi": "không thể ghi nhận một công văn chưa gửi",
    },
    "event.built_in": {
        "en": "a legal change cannot have been built into the procedures in the future",
        "vi": "không thể ghi nhận việc cập nhật văn bản vào quy trình khi chưa thực hiện",
    },
    "event.closed": {
        "en": "a corrective action cannot have been closed in the future",
        "vi": "không thể ghi nhận hành động khắc phục đã hoàn thành khi chưa hoàn thành",
    },
    "event.survey": {
        "en": "a survey cannot have been held in the future",
        "vi": "không thể ghi nhận một cuộc khảo sát chưa thực hiện",
    },
    "event.report": {
        "en": "a report cannot have been sent in the future",
        "vi": "không thể ghi nhận một báo cáo chưa gửi",
    },
    "event.issued": {
        "en": "a document cannot have been issued in the future",
        "vi": "không thể ghi nhận một văn bản chưa ban hành",
    },
    "event.appointed": {
        "en": "an appointment cannot have been made in the future",
        "vi": "không thể ghi nhận một việc phân công chưa thực hiện",
    },
    "event.scope_change": {
        "en": "a scope change cannot have been made in the future",
        "vi": "không thể ghi nhận một thay đổi phạm vi chưa diễn ra",
    },
    "event.contract": {
        "en": "a contract cannot have been signed in the future",
        "vi": "không thể ghi nhận một hợp đồng chưa ký",
    },
    # rule pack (isocheck.rulepack, isocheck.parameters)
    "parameters.missing": {
        "en": "parameter '{name}' is missing{hint}; the tool needs: {names}",
        "vi": "thiếu tham số '{name}'{hint}; công cụ cần các tham số: {names}",
    },
    "parameters.misspelt": {"en": " (misspelt as '{close}'?)", "vi": " (có phải viết nhầm thành '{close}'?)"},
    "rules.none": {
        "en": "no rule files found (expected rules/<area>/<requirement>.yaml)",
        "vi": "không tìm thấy tệp quy tắc nào (cần có dạng rules/<lĩnh vực>/<yêu cầu>.yaml)",
    },
    "rule.not_mapping": {
        "en": "expected a mapping describing one rule, found {found}",
        "vi": "tệp quy tắc phải là các mục dạng “khóa: giá trị” mô tả một quy tắc, nhưng tệp ghi {found}",
    },
    "rule.duplicate_id": {
        "en": "duplicate rule id '{id}' (also in {other})",
        "vi": "mã quy tắc '{id}' bị trùng (đã có trong {other})",
    },
    "rule.id_mismatch": {
        "en": "rule id '{id}' does not match its path; expected '{expected}'",
        "vi": "mã quy tắc '{id}' không khớp với đường dẫn của tệp; cần là '{expected}'",
    },
    "rule.condition": {"en": "{detail}", "vi": "điều kiện không hợp lệ: {detail}"},
    "rule.requires_unknown": {
        "en": "'{name}' is not a field of subject '{subject}'{hint}",
        "vi": "'{name}' không phải là trường của đối tượng '{subject}'{hint}",
    },
    "rule.needs_na_reason": {
        "en": "a rule with not_applicable_when needs a not_applicable_reason {{vi, en}}",
        "vi": "quy tắc có not_applicable_when phải có not_applicable_reason {{vi, en}}",
    },
    "rule.needs_pending_message": {
        "en": "a rule with pending_when needs a pending_message {{vi, en}}",
        "vi": "quy tắc có pending_when phải có pending_message {{vi, en}}",
    },
    "rule.bad_placeholder": {"en": "bad placeholder: {detail}", "vi": "chỗ điền giá trị {{…}} sai cú pháp: {detail}"},
    "rule.placeholder_not_name": {
        "en": "placeholder '{{{name}}}' must be a plain name",
        "vi": "chỗ điền giá trị '{{{name}}}' phải là một tên đơn giản",
    },  # waivers, rubrics, batch inputs
    "rule.unknown_id": {"en": "no rule with id '{rule}'{hint}", "vi": "không có quy tắc nào mang mã '{rule}'{hint}"},
    "rubric.maxima": {
        "en": "the criteria maxima add up to {total}, not to max {max}",
        "vi": "tổng điểm tối đa của các tiêu chí là {total}, không bằng max {max}",
    },
    "rubric.duplicate_ids": {"en": "criterion ids must be unique", "vi": "mã tiêu chí không được trùng nhau"},
    "baseline.not_batch": {
        "en": "expected the JSON written by 'isocheck batch --format json' (an 'agencies' list)",
        "vi": "cần tệp JSON do 'isocheck batch --format json' ghi ra (có danh sách 'agencies')",
    },
    "baseline.bad_entry": {
        "en": "expected an agency entry with a 'results' list of objects with 'id' and 'outcome'",
        "vi": "mỗi cơ quan phải có danh sách 'results' gồm các mục có 'id' và 'outcome'",
    },
    "batch.no_such_path": {"en": "no such file or folder", "vi": "không có tệp hoặc thư mục này"},
    "batch.no_files": {
        "en": "no fact files found (looked for {suffixes})",
        "vi": "không tìm thấy tệp dữ liệu nào (tìm các tệp {suffixes})",
    },
    # names in a rule that its subject does not have, found when the pack loads (isocheck.pack.names)
    "rule.placeholder_unknown": {
        "en": "the placeholder {{{name}}} is not a value of subject '{subject}'{hint}; "
        "the values this text may use: {names}",
        "vi": "chỗ điền giá trị {{{name}}} không ứng với giá trị nào của đối tượng '{subject}'{hint}; "
        "các giá trị được dùng ở đây: {names}",
    },
    "rule.placeholder_format": {
        "en": "the placeholder {{{written}}} has a format; write {{{name}}}: isocheck writes each value the way the "
        "report's language reads it (dates dd/mm/yyyy in Vietnamese, YYYY-MM-DD in English)",
        "vi": "chỗ điền giá trị {{{written}}} có kèm định dạng; hãy viết {{{name}}}: isocheck tự trình bày giá trị "
        "theo ngôn ngữ của báo cáo (ngày dạng dd/mm/yyyy trong tiếng Việt, YYYY-MM-DD trong tiếng Anh)",
    },
    "rule.findings_per_unknown": {
        "en": "'{name}' is not an item list of subject '{subject}'{hint}; expected one of: {names}",
        "vi": "'{name}' không phải là danh sách mục của đối tượng '{subject}'{hint}; cần một trong: {names}",
    },
    "rule.findings_per_none": {
        "en": "'{name}': subject '{subject}' has no item list to give one finding per item",
        "vi": "'{name}': đối tượng '{subject}' không có danh sách mục nào để nêu thành từng phát hiện",
    },
    "rule.due_date_unknown": {
        "en": "'{name}' is not a value of subject '{subject}'{hint}; expected one of: {names}",
        "vi": "'{name}' không ứng với giá trị nào của đối tượng '{subject}'{hint}; cần một trong: {names}",
    },
    **MEANING_MESSAGES,  # one meaning for every input: numbers, invisible characters, dates, duplicates
    **OUTPUT_MESSAGES,  # writing output files (-o, import)
    **LAW_MESSAGES,  # law texts, citations, overlays, impact
    **DATED_MESSAGES,  # dated law data, who must apply a QMS on a date
    **CLI_PROBLEMS,  # isocheck.toml, ISOCHECK_LANG, init
    **EVIDENCE_MESSAGES,  # judgements, yearly marks, the province's TTHC catalogue
    **ROSTER_MESSAGES,  # isocheck import: a province roster
}


class Problem:
    """A catalogue message (``key`` and its parameters) or a plain text; ``text(lang)`` renders it."""

    __slots__ = ("_plain", "key", "params")
    key: str | None  # None for a plain text
    params: dict[str, Any]
    _plain: dict[str, str] | None  # {"en": …, "vi": …} of a plain text

    def __init__(self, key: str, /, **params: Any):
        if key not in MESSAGES:
            raise KeyError(f"no input-error message {key!r}")
        missing = _placeholders(key) - set(params)
        if missing:  # fail where the error is raised, not later when it is printed
            raise KeyError(f"input-error message {key!r} needs {', '.join(sorted(missing))}")
        self.key, self.params, self._plain = key, params, None

    @classmethod
    def plain(cls, en: str, vi: str | None = None) -> Problem:
        """A text outside the catalogue: English, and Vietnamese when known (else the English)."""
        problem = cls.__new__(cls)
        problem.key, problem.params, problem._plain = None, {}, {"en": en, "vi": vi if vi is not None else en}
        return problem

    def text(self, lang: str = "en") -> str:
        lang = lang if lang in LANGS else "en"
        if self._plain is not None:
            return self._plain[lang]
        if self.key is None:
            raise ValueError("a Problem is either a catalogue message or a plain text")
        values = {name: param_text(value, lang) for name, value in self.params.items()}
        return MESSAGES[self.key][lang].format(**values)

    def __str__(self) -> str:
        return self.text("en")

    def __repr__(self) -> str:
        return f"Problem({self.key if self.key is not None else self.text('en')!r})"


@functools.cache
def _placeholders(key: str) -> set[str]:
    return {name for text in MESSAGES[key].values() for _, name, _, _ in string.Formatter().parse(text) if name}


def glossed(english: str) -> Problem:
    """A third-party English problem text (YAML, JSON, str.format) with its Vietnamese when known."""
    for needle, vi in GLOSSARY:
        if needle in english:
            return Problem.plain(CLEARER.get(english, english), vi)
    return Problem.plain(english)
