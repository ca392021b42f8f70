"""Input-error messages of the law texts, citations, province overlays and ``isocheck impact``, in Vietnamese and
English. Kept beside :mod:`isocheck.text.problems`, whose catalogue includes them, so that each module stays small.
"""

from __future__ import annotations

LAW_MESSAGES: dict[str, dict[str, str]] = {
    # law/*.md (isocheck.law.texts)
    "law.front_matter": {
        "en": "a law file starts with a '---' block naming instrument, short, en, title and in_force",
        "vi": "tệp văn bản pháp luật phải mở đầu bằng khối '---' ghi instrument, short, en, title và in_force",
    },
    "law.anchor": {
        "en": 'article {number} must follow its anchor <a id="dieu-{number}"></a>',
        "vi": 'Điều {number} phải đứng sau mốc <a id="dieu-{number}"></a> của nó',
    },
    "law.duplicate_article": {"en": "article {number} appears twice", "vi": "Điều {number} xuất hiện hai lần"},
    "law.no_articles": {"en": "no article found ('## Điều N. …')", "vi": "không tìm thấy điều nào ('## Điều N. …')"},
    "law.indent": {
        "en": "article {number}: this line's indentation fits no clause or point",
        "vi": "Điều {number}: dòng này thụt lề không khớp với khoản hay điểm nào",
    },
    # citations (isocheck.law.citations)
    "citation.needs_quote": {
        "en": "a citation of a legal text needs quote_vi (its verbatim words)",
        "vi": "trích dẫn văn bản pháp luật phải có quote_vi (nguyên văn lời của văn bản)",
    },
    "citation.needs_article": {
        "en": "a clause or point needs its article",
        "vi": "đã ghi khoản hoặc điểm thì phải ghi cả điều",
    },
    "citation.clauses_not_standard": {
        "en": "'clauses' is for the standard {standard} only (write instrument: {standard})",
        "vi": "'clauses' chỉ dùng cho tiêu chuẩn {standard} (ghi instrument: {standard})",
    },
    "citation.standard_needs_clauses": {
        "en": "a citation of TCVN ISO 9001 needs clauses: {{2015: '…', 2008: '…'}}",
        "vi": "trích dẫn TCVN ISO 9001 phải có clauses: {{2015: '…', 2008: '…'}}",
    },
    "citation.standard_no_quote": {
        "en": "TCVN ISO 9001 is not a public text: cite its clauses only, without article, clause, point or quote_vi",
        "vi": "TCVN ISO 9001 không phải văn bản công khai: chỉ ghi số mục (clauses), không ghi article, clause, "
        "point hay quote_vi",
    },
    "citation.standard_name": {
        "en": "cite the standard as instrument: {standard} with clauses: {{2015: '…', 2008: '…'}} (the edition is "
        "picked per agency)",
        "vi": "ghi tiêu chuẩn là instrument: {standard} kèm clauses: {{2015: '…', 2008: '…'}} (phiên bản được chọn "
        "theo từng cơ quan)",
    },
    "citation.edition": {
        "en": "{value} is not an edition of TCVN ISO 9001 (2008 or 2015)",
        "vi": "{value} không phải phiên bản của TCVN ISO 9001 (2008 hoặc 2015)",
    },
    "citation.clause_number": {
        "en": "'{value}' is not a clause number (e.g. '9.2', '8.2.2')",
        "vi": "'{value}' không phải số mục của tiêu chuẩn (ví dụ '9.2', '8.2.2')",
    },
    "citation.unknown_clause": {
        "en": "TCVN ISO 9001:{edition} has no clause {clause} in law/tcvn-iso-9001.yaml",
        "vi": "TCVN ISO 9001:{edition} không có mục {clause} trong law/tcvn-iso-9001.yaml",
    },
    "citation.no_article": {
        "en": "{instrument} has no article {article}",
        "vi": "{instrument} không có Điều {article}",
    },
    "citation.no_clause": {
        "en": "article {article} has no clause {clause}",
        "vi": "Điều {article} không có khoản {clause}",
    },
    "citation.no_point": {
        "en": "article {article} has no point {point} there",
        "vi": "Điều {article} không có điểm {point} ở vị trí đã ghi",
    },
    "citation.quote_short": {
        "en": "the quote must carry at least {least} characters of the law's words",
        "vi": "trích dẫn phải có ít nhất {least} ký tự lời văn của văn bản",
    },
    "citation.quote_not_found": {
        "en": "the words “{piece}” are not in {where} (quote the text verbatim; mark cuts with “…”)",
        "vi": "cụm từ “{piece}” không có trong {where} (trích nguyên văn; đánh dấu đoạn lược bằng “…”)",
    },
    "citation.quote_mid_sentence": {
        "en": "the quote “{piece}” starts inside a sentence of {where}: mark the cut with “…” at its start",
        "vi": "trích dẫn “{piece}” bắt đầu giữa câu trong {where}: đánh dấu đoạn lược bằng “…” ở đầu",
    },
    "citation.quote_cut_unmarked": {
        "en": "the quote “{piece}” stops inside a sentence of {where}: mark the cut with “…”",
        "vi": "trích dẫn “{piece}” dừng giữa câu trong {where}: đánh dấu đoạn lược bằng “…”",
    },
    "citation.edition_missing": {
        "en": "the rule applies to TCVN ISO 9001:{edition} systems but this citation has no clause for that edition",
        "vi": "quy tắc áp dụng cho HTQLCL theo TCVN ISO 9001:{edition} nhưng trích dẫn này chưa ghi mục của "
        "phiên bản đó",
    },
    # province overlays (isocheck.law.overlay, isocheck.pack.tailoring)
    "overlay.unknown_decision": {
        "en": "no decision '{key}' under 'decisions'{hint}",
        "vi": "không có văn bản '{key}' trong mục 'decisions'{hint}",
    },
    "overlay.unknown_parameter": {
        "en": "no parameter '{name}' to set{hint}; the pack's parameters: {names}",
        "vi": "không có tham số '{name}'{hint}; các tham số của bộ quy tắc: {names}",
    },
    "overlay.parameter_type": {
        "en": "parameter '{name}' takes {kind}, found {found}",
        "vi": "tham số '{name}' nhận giá trị {kind}, nhưng tệp ghi {found}",
    },
    "overlay.rule_prefix": {
        "en": "a rule the overlay adds must be named '{prefix}.<name>', found '{id}'",
        "vi": "quy tắc do lớp bổ sung thêm phải có mã '{prefix}.<tên>', nhưng tệp ghi '{id}'",
    },
    "overlay.id_is_area": {
        "en": "overlay id '{id}' is an area of the national pack; choose the province's own name",
        "vi": "mã lớp bổ sung '{id}' trùng với một nhóm quy tắc của bộ quốc gia; hãy đặt tên riêng của tỉnh",
    },
    "overlay.twice": {
        "en": "rule '{rule}' is changed twice in the same list",
        "vi": "quy tắc '{rule}' bị thay đổi hai lần trong cùng một danh sách",
    },
    "overlay.skip_and_change": {
        "en": "rule '{rule}' is skipped and also has its severity changed",
        "vi": "quy tắc '{rule}' vừa bị bỏ qua vừa bị đổi mức độ",
    },
    "overlay.same_severity": {
        "en": "rule '{rule}' already has severity {severity}",
        "vi": "quy tắc '{rule}' đã có mức độ {severity}",
    },
    "overlay.rule_before_decision": {
        "en": "the rule would apply from {date}, before its decision takes effect on {decision}",
        "vi": "quy tắc áp dụng từ {date}, trước ngày văn bản làm căn cứ có hiệu lực ({decision})",
    },
    "overlay.pack_mismatch": {
        "en": "the overlay extends pack '{expected}', but the pack loaded is '{found}'",
        "vi": "lớp bổ sung dành cho bộ quy tắc '{expected}', nhưng bộ quy tắc đang dùng là '{found}'",
    },
    # isocheck impact (isocheck.workflows.impact)
    "impact.needs_scope": {
        "en": "name the TTHC the document touches: at least one field (lĩnh vực) or TTHC code",
        "vi": "cần ghi các TTHC mà văn bản tác động: ít nhất một lĩnh vực hoặc một mã TTHC",
    },
    "impact.no_deadline": {
        "en": "no build-in deadline (legal_update_max_months) is in force on {date}",
        "vi": "không có thời hạn cập nhật (legal_update_max_months) có hiệu lực vào ngày {date}",
    },
    "impact.options_and_file": {
        "en": "give the document either as a file (--document) or as options (--number, --effective-on …), not both",
        "vi": "ghi văn bản bằng một tệp (--document) hoặc bằng các tùy chọn (--number, --effective-on …), không "
        "dùng cả hai",
    },
    "impact.needs_document": {
        "en": "name the legal document: --document FILE, or --number and --effective-on",
        "vi": "cần ghi văn bản: --document TỆP, hoặc --number và --effective-on",
    },
}
