"""The command line's own words in Vietnamese and English: settings problems (``isocheck.toml``,
``ISOCHECK_LANG``), usage errors raised by isocheck's options, and the lines ``init`` and ``import`` print.

``CLI_PROBLEMS`` is part of the input-problem catalogue of :mod:`isocheck.text.problems`; ``CLI_UI`` part
of the interface words of :mod:`isocheck.text.ui`.
"""

from __future__ import annotations

CLI_PROBLEMS: dict[str, dict[str, str]] = {
    "settings.env_lang": {
        "en": "'{value}' is not a language isocheck speaks; expected vi or en",
        "vi": "'{value}' không phải ngôn ngữ isocheck dùng; cần vi (tiếng Việt) hoặc en (tiếng Anh)",
    },
    "settings.toml": {
        "en": "not valid TOML: {reason}",
        "vi": "không đúng cú pháp TOML: {reason}",
    },
    "settings.unreadable": {
        "en": "cannot be read: {reason}",
        "vi": "không đọc được tệp: {reason}",
    },
    "settings.unknown_key": {
        "en": "unknown setting '{key}'; the settings are {keys}",
        "vi": "không có thiết lập '{key}'; các thiết lập là {keys}",
    },
    "settings.not_text": {
        "en": "'{key}' must be a non-empty text in double quotes",
        "vi": "'{key}' phải là một đoạn chữ không rỗng, đặt trong dấu ngoặc kép",
    },
    "settings.choice": {
        "en": "{key} = '{value}'; expected one of: {choices}",
        "vi": "{key} = '{value}'; cần một trong: {choices}",
    },
    "init.exists": {
        "en": "already exists; choose another file or add --force to overwrite it",
        "vi": "tệp đã có; hãy chọn tệp khác hoặc thêm --force để ghi đè",
    },
    "init.no_folder": {
        "en": "the folder does not exist; create it first",
        "vi": "thư mục chứa tệp không tồn tại; hãy tạo thư mục trước",
    },
}

CLI_UI: dict[str, dict[str, str]] = {
    "batch.subject.planned": {"vi": "lần công bố dự kiến", "en": "the planned announcement"},
    "progress.batch": {"vi": "Đang kiểm tra", "en": "Checking"},
    "progress.import": {"vi": "Đang ghi tệp", "en": "Writing"},
    "report.as_of_today": {"vi": "(hôm nay — không có --as-of)", "en": "(today — no --as-of given)"},
    "report.announce_on": {"vi": "Ngày dự kiến công bố", "en": "Planned announcement"},
    "error": {"vi": "lỗi", "en": "error"},
    "usage.year_after": {
        "vi": "năm {year} sau năm của ngày đánh giá ({as_of_year})",
        "en": "{year} is after the as-of year {as_of_year}",
    },
    "usage.announce_profile": {
        "vi": "chỉ dùng cùng --profile pre-announcement",
        "en": "only with --profile pre-announcement",
    },
    "usage.announce_before": {
        "vi": "ngày dự kiến công bố {announce_on} trước ngày đánh giá {as_of}",
        "en": "{announce_on} is before the as-of date {as_of}",
    },
    "usage.no_rule": {"vi": "không có quy tắc mã '{rule}'.", "en": "no rule with id '{rule}'."},
    "usage.did_you_mean": {"vi": " Có phải ý bạn là: {close}?", "en": " Did you mean: {close}?"},
    "usage.see_rules": {"vi": " Xem danh sách: `isocheck rules list`.", "en": " See `isocheck rules list`."},
    "usage.binary_needs_output": {
        "vi": "--format {format} ghi ra một tệp nhị phân: hãy thêm -o TỆP (ví dụ -o tong-hop.xlsx)",
        "en": "--format {format} writes a binary file: add -o FILE (for example -o summary.xlsx)",
    },
    "usage.empty": {"vi": "không được để trống", "en": "must not be empty"},
    "usage.mandate_all_three": {
        "vi": "--mandated-by, --mandated-on và --mandated-issuer phải dùng cùng nhau (số, ngày và cơ quan ban hành "
        "quyết định bắt buộc áp dụng HTQLCL)",
        "en": "--mandated-by, --mandated-on and --mandated-issuer go together (the number, date and issuer of the "
        "decision that requires a QMS)",
    },
    "init.wrote": {
        "vi": "đã ghi {output}; hãy điền thông tin rồi chạy: isocheck check {output}",
        "en": "wrote {output}; fill it in, then run: isocheck check {output}",
    },
    "import.status.written": {"vi": "đã ghi", "en": "written"},
    "import.status.overwritten": {"vi": "đã ghi đè", "en": "overwritten"},
    "import.status.unchanged": {"vi": "không đổi", "en": "unchanged"},
    "import.line": {"vi": "{status}: {path} (dòng {line}: {name})", "en": "{status}: {path} (row {line}: {name})"},
    "import.summary": {
        "vi": "Đã nhập {count} cơ quan từ {roster} (năm {year}) vào {out_dir}: {written} tệp ghi mới, "
        "{overwritten} tệp ghi đè, {unchanged} tệp không đổi; {warnings}.",
        "en": "{count} agencies imported from {roster} (year {year}) into {out_dir}: {written} written, "
        "{overwritten} overwritten, {unchanged} unchanged; {warnings}.",
    },
    "import.warnings.one": {"vi": "1 ô hoặc dòng bị bỏ qua", "en": "1 cell or row left out"},
    "import.warnings.many": {"vi": "{count} ô hoặc dòng bị bỏ qua", "en": "{count} cells or rows left out"},
}


# tomllib's English problem texts (the start of each) and their Vietnamese.
TOML_VI: tuple[tuple[str, str], ...] = (
    ("Expected '=' after a key", "thiếu dấu = sau tên thiết lập"),
    ("Invalid value", "giá trị không hợp lệ (một đoạn chữ phải đặt trong dấu ngoặc kép)"),
    ("Illegal character", "có ký tự không được phép"),
    ("Unterminated string", "đoạn chữ chưa đóng dấu ngoặc kép"),
    ("Cannot overwrite a value", "một thiết lập được khai báo hai lần"),
    ("Cannot declare", "một bảng được khai báo hai lần"),
    ("Invalid statement", 'dòng không phải là một thiết lập dạng tên = "giá trị"'),
)
TOML_VI_OTHER = "sai cú pháp ở vị trí đã nêu"
