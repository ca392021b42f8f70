"""The words of the problems met writing an output file (``-o``, ``import``), in Vietnamese and English:
part of the input-problem catalogue of :mod:`isocheck.text.problems` (see :mod:`isocheck.base.output`)."""

from __future__ import annotations

OUTPUT_MESSAGES: dict[str, dict[str, str]] = {
    "output.is_input": {
        "en": "is also an input of this command ({input}); choose another output file, nothing was written",
        "vi": "đây cũng là tệp đầu vào của lệnh ({input}); hãy chọn tệp kết quả khác, chưa ghi gì",
    },
    "output.no_folder": {
        "en": "cannot be written: its folder does not exist",
        "vi": "không ghi được: thư mục chứa tệp không tồn tại",
    },
    "output.not_a_folder": {
        "en": "cannot be written: a part of the path is a file, not a folder",
        "vi": "không ghi được: một phần của đường dẫn là tệp, không phải thư mục",
    },
    "output.no_permission": {
        "en": "cannot be written: no permission to write in its folder (or the folder is read-only)",
        "vi": "không ghi được: không có quyền ghi vào thư mục (hoặc thư mục chỉ cho phép đọc)",
    },
    "output.disk_full": {
        "en": "cannot be written: the disk is full (or the file size limit was reached); nothing was written "
        "and an existing file was kept",
        "vi": "không ghi được: ổ đĩa đã đầy (hoặc vượt giới hạn dung lượng tệp); chưa ghi gì, tệp cũ (nếu có) "
        "được giữ nguyên",
    },
    "output.is_folder": {
        "en": "is a folder; give the name of a file to write",
        "vi": "đây là một thư mục; hãy ghi tên tệp cần ghi ra",
    },
    "output.failed": {
        "en": "cannot be written: {reason}; nothing was written",
        "vi": "không ghi được: {reason}; chưa ghi gì",
    },
}
