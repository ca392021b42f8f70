"""Vietnamese for click's own words: usage errors, help headings, the version line.

click marks its messages with gettext (``_()`` and ``ngettext()`` in each of its modules) but ships no
catalogue; :mod:`isocheck.cli.language` hands these translations to click under ``--lang vi``. Keys are
click's exact English message ids (click 8.1–8.x); a message missing here stays English and the test of
English leaks (tests/test_vietnamese.py) names it. Some translations leave out a placeholder whose value
click fills in English (``{number_type}``, a path's ``{name}``) or in a form an inspector does not read
(``{format}`` = ``'%Y-%m-%d'``: every date option of isocheck takes that one format).
"""

from __future__ import annotations

GETTEXT_VI: dict[str, str] = {
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Positional arguments": "Tham số",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "Show the version and exit.": "Hiện phiên bản rồi thoát.",
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Xem hướng dẫn: '{command} {option}'.",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ ở {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Missing argument": "Thiếu tham số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Missing {param_type}": "Thiếu tham số",
    "Missing command.": "Thiếu tên lệnh.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Invalid start character for option ({option})": "Ký tự mở đầu không hợp lệ cho tùy chọn ({option})",
    "Argument {name!r} takes {nargs} values.": "Tham số {name!r} nhận {nargs} giá trị.",
    "Value must be an iterable.": "Giá trị phải là một danh sách.",
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng cho phép {range}.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải là một số hợp lệ.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} không phải giá trị có/không hợp lệ. Các giá trị được nhận: {states}"
    ),
    "{value!r} is not a valid UUID.": "{value!r} không phải là một UUID hợp lệ.",
    "{name} {filename!r} does not exist.": "Không tìm thấy {filename!r}.",
    "{name} {filename!r} is a file.": "{filename!r} là một tệp, cần một thư mục.",
    "{name} {filename!r} is a directory.": "{filename!r} là một thư mục, cần một tệp.",
    "{name} {filename!r} is not readable.": "Không có quyền đọc {filename!r}.",
    "{name} {filename!r} is not writable.": "Không có quyền ghi {filename!r}.",
    "{name} {filename!r} is not executable.": "Không có quyền chạy {filename!r}.",
    "Could not open file {filename!r}: {message}": "Không mở được tệp {filename!r}: {message}",
    "Aborted!": "Đã dừng.",
    "unknown error": "lỗi không xác định",
    "default: {default}": "mặc định: {default}",
    "required": "bắt buộc",
    "env var: {var}": "biến môi trường: {var}",
    "(dynamic)": "(tùy cấu hình)",
    "deprecated": "không còn dùng",
    "Do you want to continue?": "Tiếp tục?",
    "Confirm the action without prompting.": "Xác nhận mà không hỏi lại.",
    "Repeat for confirmation": "Nhập lại để xác nhận",
    "Error: The two entered values do not match.": "Lỗi: hai giá trị đã nhập không khớp nhau.",
    "Error: invalid input": "Lỗi: giá trị nhập không hợp lệ",
    "Press any key to continue...": "Nhấn phím bất kỳ để tiếp tục...",
}

# ngettext: (singular, plural) → Vietnamese, which has one form for both.
NGETTEXT_VI: dict[tuple[str, str], str] = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "Thừa tham số không dùng đến: '{args}'"
    ),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."): (
        "Cần {nargs} giá trị nhưng chỉ có {len}."
    ),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): ("Có phải ý bạn là: {possibilities}?"),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "{value!r} không thuộc các giá trị cho phép: {choices}."
    ),
    ("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."): (
        "{value!r} không phải là một ngày viết theo dạng năm-tháng-ngày (ví dụ 2021-12-31)."
    ),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "Tùy chọn {name!r} cần có giá trị."
    ),
    (
        "{len_type} values are required, but {len_value} was given.",
        "{len_type} values are required, but {len_value} were given.",
    ): "Cần {len_type} giá trị nhưng có {len_value}.",
}

# The usage line's words ("isocheck check [OPTIONS] FACT_FILE"): click builds them from metavars.
USAGE_VI: dict[str, str] = {
    "[OPTIONS]": "[TÙY_CHỌN]",
    "COMMAND [ARGS]...": "LỆNH [THAM_SỐ]...",
    "FACT_FILE": "TỆP_THÔNG_TIN",
    "PATHS...": "ĐƯỜNG_DẪN...",
    "[PATHS]...": "[ĐƯỜNG_DẪN]...",
    "ROSTER": "DANH_SÁCH",
    "RULE_ID": "MÃ_QUY_TẮC",
    "FOLDER": "THƯ_MỤC",
    "[FOLDER]": "[THƯ_MỤC]",
}
