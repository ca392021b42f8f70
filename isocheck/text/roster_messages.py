"""The words of ``isocheck import`` (a province roster → fact files): its input errors, what it leaves out, and the
one summary of what was left out, in Vietnamese and English."""

from __future__ import annotations

_DATE_HINT = {"en": "write dd/mm/yyyy or yyyy-mm-dd", "vi": "hãy ghi dd/mm/yyyy hoặc yyyy-mm-dd"}

ROSTER_MESSAGES: dict[str, dict[str, str]] = {
    # the file
    "roster.not_roster": {
        "en": "not a CSV or XLSX roster ('{suffix}'); save the spreadsheet as .xlsx or as CSV UTF-8",
        "vi": "không phải bảng tổng hợp CSV hoặc XLSX ('{suffix}'); hãy lưu bảng tính dưới dạng .xlsx hoặc CSV UTF-8",
    },
    "roster.is_folder": {
        "en": "is a folder, expected a CSV or XLSX roster",
        "vi": "đây là một thư mục, cần một bảng tổng hợp CSV hoặc XLSX",
    },
    "roster.not_utf8": {
        "en": "not UTF-8 text (byte {byte}); save the roster as CSV UTF-8",
        "vi": "không phải văn bản UTF-8 (byte {byte}); hãy lưu bảng tổng hợp dưới dạng CSV UTF-8",
    },
    "roster.csv_unreadable": {
        "en": "not a readable CSV file ({reason})",
        "vi": "không đọc được tệp CSV ({reason})",
    },
    "roster.xlsx_unreadable": {
        "en": "not a readable XLSX workbook; save it from the spreadsheet program as an Excel workbook (.xlsx)",
        "vi": "không đọc được sổ tính XLSX; hãy mở bằng chương trình bảng tính rồi lưu lại dưới dạng Excel (.xlsx)",
    },
    "roster.empty": {
        "en": "the roster is empty; expected a header row and one row per agency",
        "vi": "bảng tổng hợp trống; cần một dòng tiêu đề cột và mỗi cơ quan một dòng",
    },
    "roster.no_rows": {
        "en": "the roster has no agency rows below its header row",
        "vi": "bảng tổng hợp không có dòng cơ quan nào dưới dòng tiêu đề cột",
    },
    "roster.no_header": {
        "en": "no header row in the first {rows} rows names the columns 'Tên đơn vị' and 'Cấp' or 'Tỉnh'; "
        "check the headers, or pass --skip-rows N to say how many title rows come before them",
        "vi": "trong {rows} dòng đầu không có dòng tiêu đề cột nào ghi cột 'Tên đơn vị' và cột 'Cấp' hoặc 'Tỉnh'; "
        "hãy kiểm tra tiêu đề cột, hoặc dùng --skip-rows N để nêu số dòng tiêu đề bảng đứng trước",
    },
    "roster.skip_too_many": {
        "en": "--skip-rows {skip} skips every row of the roster ({rows} rows)",
        "vi": "--skip-rows {skip} bỏ qua mọi dòng của bảng tổng hợp (bảng có {rows} dòng)",
    },
    "roster.twice": {
        "en": "agency '{name}' is listed twice (rows {first} and {line}); give each agency one row",
        "vi": "cơ quan '{name}' có hai dòng (dòng {first} và dòng {line}); mỗi cơ quan chỉ ghi một dòng",
    },
    "roster.twice_under": {
        "en": "agency '{name}' under '{parent}' is listed twice (rows {first} and {line}); give each agency one row",
        "vi": "cơ quan '{name}' thuộc '{parent}' có hai dòng (dòng {first} và dòng {line}); "
        "mỗi cơ quan chỉ ghi một dòng",
    },
    # the output folder
    "output.import_not_folder": {
        "en": "is a file, expected the folder to write the fact files into",
        "vi": "đây là một tệp, cần thư mục để ghi các tệp dữ liệu vào",
    },
    "output.import_not_file": {
        "en": "exists and is not a file; nothing was written",
        "vi": "đã có và không phải là tệp; không tệp nào được ghi",
    },
    "output.import_differs": {
        "en": "exists with other content; nothing was written (use --force to overwrite)",
        "vi": "đã có với nội dung khác; không tệp nào được ghi (dùng --force để ghi đè)",
    },
    # the headers
    "roster.column_no_header": {
        "en": "column {index} holds data but has no header",
        "vi": "cột thứ {index} có dữ liệu nhưng không có tiêu đề",
    },
    "roster.unknown_column": {
        "en": "unknown column '{header}' (did you mean '{close}'?)",
        "vi": "cột không xác định '{header}' (có phải là '{close}'?)",
    },
    "roster.unknown_column_docs": {
        "en": "unknown column '{header}'; the columns are listed in docs/roster.md",
        "vi": "cột không xác định '{header}'; danh sách các cột có trong docs/roster.md",
    },
    "roster.column_repeats": {
        "en": "column '{header}' repeats column '{other}'",
        "vi": "cột '{header}' trùng với cột '{other}'",
    },
    "roster.two_years": {
        "en": "the headers name two years ({other} in '{other_header}', {year} here); a roster covers one year",
        "vi": "tiêu đề nêu hai năm ({other} ở '{other_header}', {year} ở đây); một bảng tổng hợp chỉ cho một năm",
    },
    "roster.year_disagrees": {
        "en": "the header names {found} but --year is {year}",
        "vi": "tiêu đề ghi năm {found} nhưng --year là {year}",
    },
    "roster.required_missing": {
        "en": "required column '{vi}' ({key}) is missing",
        "vi": "thiếu cột bắt buộc '{vi}' ({key})",
    },
    "roster.no_year": {
        "en": "cannot tell which year the roster covers: put it in a header (e.g. 'Mục tiêu chất lượng 2021') "
        "or pass --year",
        "vi": "không xác định được bảng tổng hợp là của năm nào: hãy ghi năm vào tiêu đề (ví dụ "
        "'Mục tiêu chất lượng 2021') hoặc dùng --year",
    },
    # the cells
    "roster.required_blank": {
        "en": "this column must be filled for every agency",
        "vi": "cột này phải ghi cho mọi cơ quan",
    },
    "roster.not_mark": {
        "en": "'{value}' is not a yes/no mark; write x / có or không (blank = unknown)",
        "vi": "'{value}' không phải dấu có/không; hãy ghi x / có hoặc không (để trống = chưa biết)",
    },
    "roster.not_date": {
        "en": "'{value}' is not a date; " + _DATE_HINT["en"],
        "vi": "'{value}' không phải ngày; " + _DATE_HINT["vi"],
    },
    "roster.not_real_date": {
        "en": "'{value}' is not a real date; " + _DATE_HINT["en"],
        "vi": "'{value}' không phải ngày có thật; " + _DATE_HINT["vi"],
    },
    "roster.not_reference": {
        "en": "'{value}' is not 'number ngày dd/mm/yyyy'",
        "vi": "'{value}' không đúng dạng 'số ngày dd/mm/yyyy'",
    },
    "roster.unknown_level": {
        "en": "unknown level '{value}'; expected Sở, ban, ngành | Chi cục / đơn vị trực thuộc | Huyện | "
        "Xã / phường / thị trấn (or department | sub_department | district | commune)",
        "vi": "cấp không xác định '{value}'; cần một trong: Sở, ban, ngành | Chi cục / đơn vị trực thuộc | Huyện | "
        "Xã / phường / thị trấn (hoặc department | sub_department | district | commune)",
    },
    "roster.unknown_standard": {
        "en": "'{value}' is not a TCVN ISO 9001 version; expected 2008 or 2015",
        "vi": "'{value}' không phải phiên bản TCVN ISO 9001; cần 2008 hoặc 2015",
    },
    "roster.not_count": {
        "en": "'{value}' is not a count; write a number or e.g. '1 nặng, 2 nhẹ'",
        "vi": "'{value}' không phải số lượng; hãy ghi một số hoặc ví dụ '1 nặng, 2 nhẹ'",
    },
    # what is left out (one summary for the whole roster: drop.* are its lines)
    "drop.no_date": {"en": "a mark without a date", "vi": "đánh dấu nhưng không ghi ngày"},
    "drop.reference_no_date": {"en": "a number without a date", "vi": "có số văn bản nhưng không ghi ngày"},
    "drop.announcement_mark": {
        "en": "a mark without the decision's number and date",
        "vi": "đánh dấu nhưng không ghi số và ngày của quyết định",
    },
    "drop.announcement_incomplete": {
        "en": "the decision's number or date missing",
        "vi": "thiếu số hoặc ngày của quyết định",
    },
    "drop.no_announcement": {
        "en": "no announcement (column 'Quyết định công bố') to attach it to",
        "vi": "không có quyết định công bố (cột 'Quyết định công bố') để gắn vào",
    },
    "drop.count_unknown": {
        "en": "the number of nonconformities is unknown",
        "vi": "không rõ số điểm không phù hợp",
    },
    "drop.no_audit": {
        "en": "nonconformities without an internal audit date to attach them to",
        "vi": "có điểm không phù hợp nhưng không có ngày đánh giá nội bộ để gắn vào",
    },
    "drop.nothing_to_close": {
        "en": "the audit found no nonconformity to close",
        "vi": "cuộc đánh giá không có điểm không phù hợp nào cần khắc phục",
    },
    "drop.no_request": {
        "en": "no report was requested (column 'Công văn yêu cầu báo cáo')",
        "vi": "không có yêu cầu báo cáo (cột 'Công văn yêu cầu báo cáo')",
    },
    "drop.standard_unknown": {
        "en": "the TCVN ISO 9001 version is not known ('{value}'): no fact file written for the row; "
        "write 2008 or 2015 once it is known",
        "vi": "chưa rõ phiên bản TCVN ISO 9001 ('{value}'): dòng này không được ghi thành tệp dữ liệu; "
        "hãy ghi 2008 hoặc 2015 khi đã rõ",
    },
    "drop.group_row": {
        "en": "a heading row between agencies (no level, province or version), not an agency",
        "vi": "dòng tiêu đề nhóm giữa các cơ quan (không có cấp, tỉnh, phiên bản), không phải một cơ quan",
    },
    "drop.kept_as_mark": {
        "en": "{reason}: written as a mark of the roster year (date unknown)",
        "vi": "{reason}: ghi thành dấu của năm (không rõ ngày)",
    },
    "drop.not_received": {"en": "marked not received", "vi": "đánh dấu chưa nhận báo cáo"},
    "drop.ignored_column": {"en": "a column that holds no fact, not read", "vi": "cột không chứa dữ kiện, không đọc"},
    "drop.summary_cells": {"en": "{cells} left out (unknown)", "vi": "{cells} bị bỏ qua (coi là chưa biết)"},
    "drop.summary_rows": {"en": "{rows} not imported", "vi": "{rows} không được nhập"},
    "drop.summary_marks": {
        "en": "{marks} written as marks without dates",
        "vi": "{marks} được ghi thành dấu không rõ ngày",
    },
    "drop.cells_one": {"en": "1 cell", "vi": "1 ô"},
    "drop.cells_many": {"en": "{count} cells", "vi": "{count} ô"},
    "drop.rows_one": {"en": "1 row", "vi": "1 dòng"},
    "drop.rows_many": {"en": "{count} rows", "vi": "{count} dòng"},
    "drop.where_one": {"en": "row {lines}", "vi": "dòng {lines}"},
    "drop.where_many": {"en": "rows {lines}", "vi": "các dòng {lines}"},
    "drop.where_more": {"en": "rows {lines} and {more} more", "vi": "các dòng {lines} và {more} dòng khác"},
    "import.year_from_title": {
        "en": "the roster's year {year} is taken from its title row {line}",
        "vi": "năm của bảng tổng hợp ({year}) lấy theo dòng tiêu đề bảng {line}",
    },
}
