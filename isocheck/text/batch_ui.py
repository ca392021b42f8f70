"""The province matrix's words (``isocheck batch``): its column headings, the marks in its cells and the
verdict of each agency, in Vietnamese and English. Part of the report words of :mod:`isocheck.text.ui`."""

from __future__ import annotations

# the areas of the rule pack (rules/<area>/): the headings of docs/rules.md, the folds of the batch HTML's missing facts
AREAS: dict[str, tuple[str, str]] = {
    "announcement": ("Công bố HTQLCL", "Announcement"),
    "contracting": ("Thuê tư vấn, tổ chức chứng nhận", "Consultants and certification bodies"),
    "documents": ("Tài liệu của HTQLCL", "QMS documents"),
    "maintenance": ("Duy trì, cải tiến HTQLCL", "Maintaining and improving the QMS"),
    "organisation": ("Tổ chức thực hiện", "Organisation"),
    "scope": ("Phạm vi áp dụng", "Scope"),
}

BATCH_UI: dict[str, dict[str, str]] = {
    "batch.col.no": {"vi": "TT", "en": "No."},
    "batch.col.agency": {"vi": "Tên đơn vị", "en": "Agency"},
    "batch.col.file": {"vi": "Tệp dữ liệu", "en": "Fact file"},
    "batch.col.error": {"vi": "Lỗi", "en": "Error"},
    "batch.col.report": {"vi": "Báo cáo", "en": "Report sent"},
    "batch.col.announced": {"vi": "Công bố", "en": "Announced"},
    "batch.col.policy_objectives": {"vi": "CSCL, MTCL", "en": "Policy, objectives"},
    "batch.col.plan": {"vi": "KH duy trì", "en": "Plan"},
    "batch.col.internal_audit": {"vi": "ĐGNB", "en": "Internal audit"},
    "batch.col.corrective_actions": {"vi": "Khắc phục", "en": "Corrective actions"},
    "batch.col.review": {"vi": "XXLĐ", "en": "Mgmt review"},
    "batch.col.standard": {"vi": "Phiên bản", "en": "Standard"},
    "batch.col.verdict": {"vi": "Kết luận", "en": "Verdict"},
    "batch.col.findings": {"vi": "KPH nặng/nhẹ/lưu ý", "en": "Major/minor/obs."},
    "batch.mark.yes": {"vi": "có", "en": "yes"},
    "batch.mark.no": {"vi": "không", "en": "no"},
    "batch.mark.pending": {"vi": "chưa đến hạn", "en": "pending"},
    "batch.mark.unknown": {"vi": "không rõ", "en": "unknown"},
    "batch.mark.error": {"vi": "lỗi", "en": "error"},
    "batch.mark.n/a": {"vi": "không áp dụng", "en": "n/a"},
    "batch.mark.waived": {"vi": "được miễn", "en": "waived"},
    "batch.verdict.conforms": {"vi": "Phù hợp", "en": "Conforms"},
    "batch.verdict.does_not_conform": {"vi": "Không phù hợp", "en": "Does not conform"},
    "batch.verdict.no_report": {"vi": "Không báo cáo", "en": "No report"},
    "batch.verdict.incomplete": {"vi": "Thiếu thông tin", "en": "Incomplete facts"},
    "batch.verdict.error": {"vi": "Lỗi kiểm tra", "en": "Check failed"},
    "batch.verdict.input_error": {"vi": "Lỗi dữ liệu", "en": "Bad fact file"},
    "batch.chart.title": {"vi": "Kết luận theo cấp", "en": "Verdicts by level"},
    "batch.chart.label": {"vi": "Biểu đồ kết luận theo cấp", "en": "Chart of the verdicts by level"},
    "batch.rule_chart.title": {
        "vi": "Số cơ quan có điểm không phù hợp theo từng quy tắc",
        "en": "Agencies with a nonconformity, by rule",
    },
    "batch.rule_chart.label": {
        "vi": "Biểu đồ số cơ quan có điểm không phù hợp theo quy tắc",
        "en": "Chart of the agencies with a nonconformity by rule",
    },
    "batch.rule_chart.agencies": {"vi": "Số cơ quan", "en": "Agencies"},
    "batch.agencies.title": {"vi": "Các điểm cần xử lý của từng cơ quan", "en": "What each agency has to act on"},
    "batch.agencies.note": {
        "vi": "Chỉ liệt kê các cơ quan có điểm không phù hợp hoặc còn thiếu thông tin để đánh giá; bấm tên cơ quan "
        "trong bảng để đến phần của cơ quan.",
        "en": "Only the agencies with nonconformities or facts missing for a judgement are listed; click an agency's "
        "name in the matrix to reach it.",
    },
    "batch.agencies.missing": {
        "vi": "Thiếu thông tin, chưa đánh giá được {count} quy tắc:",
        "en": "Facts missing: {count} rules could not be judged:",
    },
    "batch.col.area": {"vi": "Lĩnh vực", "en": "Area"},
    "batch.rules_count": {"vi": "{count} quy tắc", "en": "{count} rules"},
    "batch.col.rules": {"vi": "Quy tắc chưa đánh giá được", "en": "Rules not judged"},
    "batch.agencies.back": {"vi": "Về bảng tổng hợp", "en": "Back to the matrix"},
    # the provincial layout (report/batch/province.py): the levels of government, the "x/N" totals
    "batch.section.province": {"vi": "Cấp tỉnh", "en": "Provincial level"},
    "batch.section.district": {"vi": "Cấp huyện", "en": "District level"},
    "batch.section.commune": {"vi": "Cấp xã", "en": "Commune level"},
    "batch.totals.section": {"vi": "Cộng {name}", "en": "Total, {name}"},
    "batch.totals.all": {"vi": "Tổng cộng", "en": "Grand total"},
    "batch.totals.title": {"vi": "Kết quả theo từng cột", "en": "Results by column"},
    "batch.totals.column": {"vi": "Cột của bảng tổng hợp", "en": "Matrix column"},
    "batch.totals.note": {
        "vi": "x/N: x cơ quan đạt (có) trên N cơ quan mà cột áp dụng; cột Phiên bản: số cơ quan áp dụng "
        "TCVN ISO 9001:2015. Đơn vị trực thuộc (chi cục, đơn vị sự nghiệp) ghi ngay dưới cơ quan chủ quản.",
        "en": 'x/N: x agencies with "yes" of the N the column applies to; Standard column: the agencies on '
        "TCVN ISO 9001:2015. Units (sub-departments, public service units) are listed right under their parent.",
    },
    # the CSV findings file beside the matrix (report/batch/csv_format.py)
    "batch.col.parent": {"vi": "Đơn vị chủ quản", "en": "Parent body"},
    "batch.col.evidence": {"vi": "Bằng chứng", "en": "Evidence"},
    "batch.col.fix": {"vi": "Cách khắc phục", "en": "How to fix"},
    "batch.findings_written": {"vi": "đã ghi các điểm cần xử lý: {path}", "en": "findings written: {path}"},
}
