"""The web page's own words, in Vietnamese and English (the field texts come from the model)."""

from __future__ import annotations

from typing import Any

WORDS: dict[str, tuple[str, str]] = {
    "yes": ("Có", "Yes"),
    "no": ("Không", "No"),
    "tagline": (
        "Kiểm tra HTQLCL theo TCVN ISO 9001 (QĐ 19/2014/QĐ-TTg, TT 26/2014/TT-BKHCN)",
        "QMS check against TCVN ISO 9001 (QĐ 19/2014/QĐ-TTg, TT 26/2014/TT-BKHCN)",
    ),
    "language": ("Ngôn ngữ", "Language"),
    "home_title": ("Tệp thông tin HTQLCL của cơ quan", "Agency QMS fact files"),
    "home_intro": (
        "Chọn tệp thông tin của cơ quan để xem và sửa, hoặc tạo tệp mới. Khi nhập, kết quả kiểm tra hiện ngay "
        "bên phải; chỉ khi bấm Lưu, tệp mới được ghi.",
        "Choose an agency's fact file to view and edit it, or create a new one. The check appears on the right "
        "as you type; the file is written only when you press Save.",
    ),
    "folder": ("Thư mục đang mở", "Folder"),
    "open_file": ("Mở tệp có sẵn", "Open a file"),
    "no_files": ("Thư mục chưa có tệp .yaml nào.", "The folder has no .yaml file yet."),
    "new_file": ("Tạo tệp mới", "Create a new file"),
    "new_file_name": ("Tên tệp", "File name"),
    "create": ("Tạo", "Create"),
    "new_file_help": (
        "Tên tệp kết thúc bằng .yaml, ví dụ ubnd-xa-thach-long.yaml. Tệp chỉ được ghi khi bấm Lưu.",
        "A name ending in .yaml, e.g. ubnd-xa-thach-long.yaml. The file is written only when you press Save.",
    ),
    "refused_title": ("Không mở được", "Cannot open"),
    "back_home": ("← Về danh sách tệp", "← Back to the files"),
    "kept": (
        "Tệp ghi ở đây một giá trị biểu mẫu không hiển thị được; giữ nguyên khi lưu:",
        "The file holds a value here that the form cannot show; it is kept as it is:",
    ),
    "choose": ("— chọn —", "— choose —"),
    "unknown": ("— chưa rõ —", "— unknown —"),
    "example_short": ("VD:", "e.g."),
    "example": ("Ví dụ", "Example"),
    "required": ("bắt buộc", "required"),
    "only_2008": ("chỉ dành cho HTQLCL theo TCVN ISO 9001:2008", "for TCVN ISO 9001:2008 systems only"),
    "remove": ("Xóa dòng", "Remove row"),
    "add_row": ("Thêm dòng", "Add a row"),
    "edit_title": ("Thông tin HTQLCL —", "QMS facts —"),
    "edit_intro_existing": (
        "Sửa thông tin trong biểu mẫu; kết quả kiểm tra bên phải cập nhật ngay khi nhập. Bấm Lưu để ghi tệp.",
        "Edit the facts in the form; the check on the right follows as you type. Press Save to write the file.",
    ),
    "edit_intro_new": (
        "Tệp mới: điền thông tin của cơ quan; kết quả kiểm tra bên phải cập nhật ngay khi nhập. Bấm Lưu để tạo tệp.",
        "A new file: fill in the agency's facts; the check on the right follows as you type. Press Save to create it.",
    ),
    "saved": ("Đã lưu tệp.", "The file is saved."),
    "file_problem": ("Tệp hiện có lỗi:", "The file as it is has a problem:"),
    "conventions": (
        'Để trống một ô = chưa rõ (quy tắc cần thông tin đó cho kết quả "không đánh giá được"). Đánh dấu '
        '"Không có" = biết chắc là không có. Ngày viết dd/mm/yyyy, ví dụ 16/11/2021.',
        'A blank input = unknown (rules that need it give "not evaluable"). Tick "None" = known to be none. '
        "Dates are written dd/mm/yyyy, e.g. 16/11/2021.",
    ),
    "as_of": ("Ngày đánh giá", "Check as of"),
    "profile": ("Phạm vi kiểm tra", "Rules to run"),
    "catalogue_loaded": (
        "Đã nạp danh mục TTHC của tỉnh; trong bảng Thủ tục hành chính, gõ mã hoặc tên để chọn, tên và lĩnh vực "
        "tự điền. Danh mục:",
        "The province's TTHC catalogue is loaded; in the TTHC table, type a code or a name to choose one, and "
        "the name and field fill in. Catalogue:",
    ),
    "save": ("Lưu", "Save"),
    "save_draft": ("Lưu bản nháp (kể cả khi còn lỗi)", "Save a draft (even with problems)"),
    "draft_confirm": (
        "Lưu cả những ô còn lỗi? Tệp nháp sẽ chưa kiểm tra được bằng isocheck cho đến khi sửa hết lỗi.",
        "Save with the problems left? isocheck cannot check the draft until every problem is fixed.",
    ),
    "download_report": ("Tải báo cáo (HTML)", "Download the report (HTML)"),
    "download_minutes": ("Tải biên bản kiểm tra (Word)", "Download the minutes (Word)"),
    "save_help": (
        "Lưu chỉ ghi tệp khi không còn lỗi. Báo cáo và biên bản lập theo thông tin đang nhập, không cần lưu trước.",
        "Save writes the file only when nothing is wrong. The report and minutes are made from the form as it "
        "stands, without saving.",
    ),
    "checking": ("Đang kiểm tra…", "Checking…"),
    "problems_title": ("Cần sửa", "To fix"),
    "problems_help": ("Mỗi lỗi cũng hiện ngay dưới ô nhập tương ứng.", "Each problem is also shown under its input."),
    "start_here": (
        "Điền các ô có dấu * (tên cơ quan, cấp, tỉnh, phiên bản TCVN ISO 9001) để bắt đầu kiểm tra.",
        "Fill in the inputs marked * (the agency's name, level, province, TCVN ISO 9001 version) to start the check.",
    ),
    "partial": (
        "Kết quả tạm: chưa tính các dòng và ô còn lỗi ở trên.",
        "Provisional: the rows and values with problems above are left out of this check.",
    ),
    "no_check_yet": ("Sửa các lỗi trên để xem kết quả kiểm tra.", "Fix the problems above to see the check."),
    "nonconformities": ("Điểm không phù hợp", "Nonconformities"),
    "outcome_not_evaluable": ("Chưa đánh giá được do thiếu thông tin", "Not evaluable for want of facts"),
    "outcome_passed": ("Đạt yêu cầu", "Passed"),
    "outcome_not_applicable": ("Không áp dụng", "Not applicable"),
    "due": ("Hạn", "Due"),
    "to_pass": ("Để đạt yêu cầu", "What would make it pass"),
    "remediation": ("Khắc phục", "Remediation"),
    "basis": ("Căn cứ", "Legal basis"),
    "requirement": ("Yêu cầu", "Requirement"),
    "fix_here": ("Sửa tại", "Fix at"),
    "changed_outside": (
        "Chưa lưu: tệp đã được sửa ở nơi khác sau khi mở trang này, nên không ghi đè. Hãy tải lại trang để xem "
        "tệp hiện tại rồi nhập lại phần thay đổi.",
        "Not saved: the file was changed elsewhere after this page was opened, so it is not overwritten. Reload "
        "the page to see the file as it is now, then make your changes again.",
    ),
    "not_saved": (
        "Chưa lưu: còn lỗi (xem dưới đây và dưới từng ô). Sửa hết lỗi rồi bấm Lưu, hoặc bấm Lưu bản nháp.",
        "Not saved: there are problems (listed below and under each input). Fix them and press Save, or save a draft.",
    ),
}


def word(key: str, lang: str, **values: Any) -> str:
    """The text ``key`` in ``lang`` (``vi`` or ``en``), with ``values`` filled in."""
    vi, en = WORDS[key]
    text = vi if lang == "vi" else en
    return text.format(**values) if values else text
