"""The province matrix's words (``isocheck batch``): its column headings, the marks in its cells and the
verdict of each agency, in Vietnamese and English. Part of the report words of :mod:`isocheck.text.ui`."""

from __future__ import annotations

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
    "batch.agencies.title": {"vi": "Điểm không phù hợp của từng cơ quan", "en": "Nonconformities of each agency"},
    "batch.agencies.note": {
        "vi": "Chỉ liệt kê các cơ quan có điểm không phù hợp; bấm tên cơ quan trong bảng để đến phần của cơ quan.",
        "en": "Only the agencies with nonconformities are listed; click an agency's name in the matrix to reach it.",
    },
    "batch.agencies.back": {"vi": "Về bảng tổng hợp", "en": "Back to the matrix"},
}
