"""Input-error messages of inspectors' judgements, yearly marks and the province's TTHC catalogue, in Vietnamese and
English. Kept beside :mod:`isocheck.text.problems`, whose catalogue includes them, so that each module stays small.
"""

from __future__ import annotations

EVIDENCE_MESSAGES: dict[str, dict[str, str]] = {
    # judgements (isocheck.facts.evidence)
    "judgement.unknown_criterion": {
        "en": "no criterion '{id}'{hint}; the criteria: {ids}",
        "vi": "không có tiêu chí '{id}'{hint}; các tiêu chí: {ids}",
    },
    "judgement.no_item": {
        "en": "criterion '{criterion}' judges the agency as a whole and takes no item, found {found}",
        "vi": "tiêu chí '{criterion}' đánh giá chung cả cơ quan, không ghi item, nhưng tệp ghi {found}",
    },
    "judgement.item_mandatory_procedure": {
        "en": "criterion '{criterion}' needs the item it judges: one of document_control, record_control, "
        "internal_audit, nonconforming_output, corrective_action, preventive_action; found {found}",
        "vi": "tiêu chí '{criterion}' cần ghi item là thủ tục được đánh giá: một trong document_control, "
        "record_control, internal_audit, nonconforming_output, corrective_action, preventive_action; nhưng tệp "
        "ghi {found}",
    },
    "judgement.item_tthc": {
        "en": "criterion '{criterion}' needs the item it judges: the code of a TTHC of the agency's list, in "
        "quotes ('1.001193'); found {found}",
        "vi": "tiêu chí '{criterion}' cần ghi item là mã một TTHC trong danh mục của cơ quan, đặt trong dấu nháy "
        "('1.001193'); nhưng tệp ghi {found}",
    },
    "judgement.item_tthc_field": {
        "en": "criterion '{criterion}' needs the item it judges: the name of a field of TTHC ('Đường thủy nội "
        "địa'); found {found}",
        "vi": "tiêu chí '{criterion}' cần ghi item là tên lĩnh vực TTHC ('Đường thủy nội địa'); nhưng tệp ghi {found}",
    },
    "judgement.item_audit": {
        "en": "criterion '{criterion}' needs the item it judges: the date (YYYY-MM-DD) of an internal audit "
        "on record; found {found}",
        "vi": "tiêu chí '{criterion}' cần ghi item là ngày (YYYY-MM-DD) của một cuộc đánh giá nội bộ có trong "
        "hồ sơ; nhưng tệp ghi {found}",
    },
    "judgement.item_review": {
        "en": "criterion '{criterion}' needs the item it judges: the date (YYYY-MM-DD) of a management review "
        "on record; found {found}",
        "vi": "tiêu chí '{criterion}' cần ghi item là ngày (YYYY-MM-DD) của một cuộc họp xem xét của lãnh đạo "
        "có trong hồ sơ; nhưng tệp ghi {found}",
    },
    "judgement.not_for_criterion": {
        "en": "criterion '{criterion}' takes the judgements {allowed}",
        "vi": "tiêu chí '{criterion}' chỉ nhận các nhận định {allowed}",
    },
    "judgement.aspects_not_here": {
        "en": "aspects (what differs from the TTHC decision) belong to criterion tthc.internal_procedure, "
        "not to '{criterion}'",
        "vi": "aspects (nội dung khác với Quyết định công bố TTHC) chỉ dùng cho tiêu chí tthc.internal_procedure, "
        "không dùng cho '{criterion}'",
    },
    "judgement.needs_note": {
        "en": "a judgement {judgement} of '{criterion}' needs its note: what the inspector saw",
        "vi": "nhận định {judgement} của tiêu chí '{criterion}' phải có note: người đánh giá đã thấy gì",
    },
    "judgement.twice": {
        "en": "'{criterion}' is judged twice for the same item (also judgement {other} of the list)",
        "vi": "tiêu chí '{criterion}' được nhận định hai lần cho cùng một đối tượng (trùng với mục thứ {other} "
        "của danh sách)",
    },
    "judgement.not_for_standard": {
        "en": "criterion '{criterion}' is judged on QMSs on TCVN ISO 9001:{editions}; this agency's is on {standard}",
        "vi": "tiêu chí '{criterion}' chỉ đánh giá HTQLCL theo TCVN ISO 9001:{editions}; HTQLCL của cơ quan theo "
        "phiên bản {standard}",
    },
    "judgement.item_elsewhere": {
        "en": "on a QMS on TCVN ISO 9001:{standard}, {item} is judged under criterion '{other}', not '{criterion}'",
        "vi": "với HTQLCL theo TCVN ISO 9001:{standard}, {item} được nhận định theo tiêu chí '{other}', không theo "
        "'{criterion}'",
    },
    "judgement.tthc_not_listed": {
        "en": "'{criterion}' judges TTHC {item}, which is not in the agency's list (procedures)",
        "vi": "tiêu chí '{criterion}' nhận định TTHC {item}, nhưng TTHC này không có trong danh mục của cơ quan "
        "(procedures)",
    },
    "judgement.audit_not_on_record": {
        "en": "'{criterion}' judges the internal audit of {item}, which is not in internal_audits",
        "vi": "tiêu chí '{criterion}' nhận định cuộc đánh giá nội bộ ngày {item}, nhưng cuộc đánh giá này không có "
        "trong internal_audits",
    },
    "judgement.review_not_on_record": {
        "en": "'{criterion}' judges the management review of {item}, which is not in management_reviews",
        "vi": "tiêu chí '{criterion}' nhận định cuộc họp xem xét của lãnh đạo ngày {item}, nhưng cuộc họp này "
        "không có trong management_reviews",
    },
    "event.judged": {
        "en": "a judgement cannot have been made in the future",
        "vi": "không thể ghi nhận một nhận định chưa thực hiện",
    },
    # yearly marks
    "marks.twice": {
        "en": "the marks of {year} are given twice (also entry {other} of the list)",
        "vi": "các dấu của năm {year} được ghi hai lần (trùng với mục thứ {other} của danh sách)",
    },
    "event.recorded": {
        "en": "a roster cannot have been drawn up in the future",
        "vi": "không thể ghi nhận một bảng tổng hợp chưa lập",
    },
    # the province's TTHC catalogue (isocheck.facts.catalogue)
    "catalogue.format": {
        "en": "a TTHC catalogue is a .csv or .xlsx file as exported from the public service portal, found '{suffix}'",
        "vi": "Danh mục TTHC phải là tệp .csv hoặc .xlsx xuất từ Cổng dịch vụ công, nhưng tệp có đuôi '{suffix}'",
    },
    "catalogue.unreadable": {
        "en": "cannot be read as a workbook: {detail}",
        "vi": "không đọc được tệp bảng tính: {detail}",
    },
    "catalogue.no_header": {
        "en": "no header row found in the first {rows} rows: expected columns such as {columns}",
        "vi": "không tìm thấy dòng tiêu đề trong {rows} dòng đầu: cần các cột như {columns}",
    },
    "catalogue.missing_column": {
        "en": "the header row (row {row}) has no column for {column}; its columns: {found}",
        "vi": "dòng tiêu đề (dòng {row}) không có cột {column}; các cột của dòng: {found}",
    },
    "catalogue.bad_code": {
        "en": "row {row}: '{code}' is not a TTHC code (expected a code such as 1.001193)",
        "vi": "dòng {row}: '{code}' không phải mã TTHC (cần dạng 1.001193)",
    },
    "catalogue.number_code": {
        "en": "row {row}: the code is stored as the number {value}, which cannot be read back as a TTHC code "
        "exactly; store the codes as text in the workbook",
        "vi": "dòng {row}: mã TTHC được lưu dạng số {value}, không khôi phục chính xác được; hãy lưu cột mã "
        "TTHC dạng văn bản trong bảng tính",
    },
    "catalogue.bad_date": {
        "en": "row {row}: '{value}' in column {column} is not a date (expected dd/mm/yyyy)",
        "vi": "dòng {row}: '{value}' ở cột {column} không phải ngày (cần dạng dd/mm/yyyy)",
    },
    "catalogue.bad_level": {
        "en": "row {row}: '{value}' is not a level (expected Cấp tỉnh, Cấp huyện or Cấp xã)",
        "vi": "dòng {row}: '{value}' không phải cấp thực hiện (cần Cấp tỉnh, Cấp huyện hoặc Cấp xã)",
    },
    "catalogue.empty_cell": {
        "en": "row {row}: column {column} is empty",
        "vi": "dòng {row}: cột {column} để trống",
    },
    "catalogue.duplicate": {
        "en": "row {row}: TTHC {code} is listed twice for the same agency (also row {other})",
        "vi": "dòng {row}: TTHC {code} được liệt kê hai lần cho cùng một cơ quan (trùng với dòng {other})",
    },
    "catalogue.empty": {
        "en": "no TTHC found below the header row (row {row})",
        "vi": "không có TTHC nào dưới dòng tiêu đề (dòng {row})",
    },
}
