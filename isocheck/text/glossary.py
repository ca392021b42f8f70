"""The Vietnamese of the English problem texts of third-party parsers (PyYAML/libyaml, json, str.format).

:func:`isocheck.text.problems.glossed` looks a text up here (first match wins), so a YAML or JSON syntax
error reads in Vietnamese too; ``CLEARER`` rewords libyaml's English where it says too little.
"""

from __future__ import annotations

CLEARER = {  # libyaml's English where it says too little
    "but found another document": "the file holds more than one YAML document (a second '---'); one per file",
}
GLOSSARY: tuple[tuple[str, str], ...] = (
    (
        "mapping values are not allowed",
        "dấu ':' không được phép ở đây (thụt lề sai, hoặc giá trị chứa ': ' cần đặt trong dấu nháy)",
    ),
    ("could not find expected ':'", "thiếu dấu ':' sau tên khóa"),
    ("did not find expected key", "không tìm thấy khóa như mong đợi (thường do thụt lề không đều)"),
    ("expected <block end>", "không tìm thấy khóa như mong đợi (thường do thụt lề không đều)"),
    ("did not find expected ',' or ']'", "thiếu dấu ',' hoặc ']' (danh sách mở bằng '[' chưa được đóng)"),
    ("did not find expected ',' or '}'", "thiếu dấu ',' hoặc '}' (nhóm mở bằng '{' chưa được đóng)"),
    ("did not find expected '-' indicator", "thiếu dấu '-' của mục danh sách (thụt lề không đều?)"),
    ("did not find expected node content", "thiếu giá trị ở chỗ này"),
    ("did not find expected <document start>", "có nội dung thừa sau khi tài liệu đã kết thúc"),
    ("found unexpected end of stream", "tệp kết thúc đột ngột (dấu nháy hoặc ngoặc chưa được đóng?)"),
    (
        "found unknown escape character",
        "ký tự sau dấu '\\' trong chuỗi nháy kép không hợp lệ (dùng nháy đơn, hoặc viết '\\\\')",
    ),
    ("but found another document", "tệp chứa hơn một tài liệu YAML (có dấu '---' thứ hai); mỗi tệp chỉ một tài liệu"),
    ("found undefined alias", "tham chiếu '*' trỏ tới một neo '&' chưa được định nghĩa"),
    ("found duplicate anchor", "tên neo '&' bị trùng"),
    ("found a tab character", "không được dùng ký tự Tab để thụt lề; hãy dùng dấu cách"),
    ("found character '\\t'", "không được dùng ký tự Tab để thụt lề; hãy dùng dấu cách"),
    ("that cannot start any token", "có ký tự không được phép đứng đầu một giá trị (đặt giá trị trong dấu nháy)"),
    ("could not determine a constructor for the tag", "thẻ kiểu (tag) YAML này không được hỗ trợ"),
    ("block sequence entries are not allowed", "mục danh sách '- ' không được phép ở đây (thụt lề không đúng?)"),
    ("found unexpected ':'", "dấu ':' không đúng chỗ"),
    ("control characters are not allowed", "tệp chứa ký tự điều khiển không được phép"),
    ("expected a mapping", "kiểu dữ liệu không khớp với thẻ (tag) đã ghi"),
    ("expected a sequence", "kiểu dữ liệu không khớp với thẻ (tag) đã ghi"),
    ("expected a scalar", "kiểu dữ liệu không khớp với thẻ (tag) đã ghi"),
    ("directive", "chỉ thị '%' của YAML không hợp lệ"),
    ("expected alphabetic or numeric character", "tên neo '&' hoặc tham chiếu '*' không hợp lệ"),
    ("Expecting value", "thiếu giá trị, hoặc có ký tự không hợp lệ"),
    (
        "Expecting property name enclosed in double quotes",
        "tên khóa phải đặt trong dấu nháy kép (hoặc có dấu ',' thừa trước '}')",
    ),
    ("Expecting ',' delimiter", "thiếu dấu ','"),
    ("Expecting ':' delimiter", "thiếu dấu ':'"),
    ("Unterminated string", "chuỗi chưa được đóng bằng dấu nháy kép"),
    ("Invalid control character", "chuỗi chứa ký tự điều khiển (xuống dòng trong chuỗi phải viết là \\n)"),
    ("Extra data", "có nội dung thừa sau khi tài liệu JSON đã kết thúc"),
    ("Invalid \\escape", "ký tự sau dấu '\\' không hợp lệ"),
    ("Invalid \\u", "mã '\\uXXXX' không hợp lệ"),
    ("Illegal trailing comma", "có dấu ',' thừa ở cuối"),
    ("Single '}'", "dấu '}' đứng lẻ (viết '}}' để có một dấu '}')"),
    ("Single '{'", "dấu '{' đứng lẻ (viết '{{' để có một dấu '{')"),
    ("expected '}' before end of string", "thiếu dấu '}' trước khi hết chuỗi"),
)
