"""Input-error messages of the dated law data (parameters, ``law/administration/``) and of who must apply a QMS on a
date (an abolished level, a body's basis for applying one), in Vietnamese and English. Kept beside
:mod:`isocheck.text.problems`, whose catalogue includes them.
"""

from __future__ import annotations

DATED_MESSAGES: dict[str, dict[str, str]] = {
    # dated versions (isocheck.law.periods)
    "period.ends_before_start": {
        "en": "valid_until {end} is before valid_from {start}",
        "vi": "valid_until {end} trước valid_from {start}",
    },
    "period.overlap": {
        "en": "this version starts on {start} while the version from {previous} is still in force: dated versions "
        "must not overlap (end the earlier one the day before, or leave its valid_until out)",
        "vi": "phiên bản này bắt đầu từ {start} trong khi phiên bản từ {previous} vẫn còn hiệu lực: các phiên bản "
        "theo thời gian không được chồng lên nhau (cho phiên bản trước kết thúc trước đó một ngày, hoặc bỏ trống "
        "valid_until của nó)",
    },
    "period.gap": {
        "en": "this version starts on {start} but the previous one ended on {end}: dated versions must follow one "
        "another without a gap",
        "vi": "phiên bản này bắt đầu từ {start} nhưng phiên bản trước đã kết thúc ngày {end}: các phiên bản phải "
        "nối tiếp nhau, không để khoảng trống",
    },
    # law/administration/ (isocheck.law.levels, provinces, lead_units)
    "admin.levels_mismatch": {
        "en": "the levels of this file ({found}) must be exactly the levels of the fact model ({expected})",
        "vi": "các cấp trong tệp này ({found}) phải đúng bằng các cấp của mô hình dữ liệu ({expected})",
    },
    "admin.csv_header": {
        "en": "the first line must be the header {expected}",
        "vi": "dòng đầu phải là dòng tiêu đề {expected}",
    },
    "admin.csv_row": {
        "en": "expected {count} values (old_province, new_province, effective_from, confidence, source), found {found}",
        "vi": "cần {count} giá trị (old_province, new_province, effective_from, confidence, source), tệp ghi {found}",
    },
    "admin.confidence": {
        "en": "confidence must be high, medium, low or unconfirmed, found {found}",
        "vi": "confidence phải là high, medium, low hoặc unconfirmed, tệp ghi {found}",
    },
    "admin.province_twice": {
        "en": "{name} already has a successor from {date}",
        "vi": "{name} đã có đơn vị kế thừa từ ngày {date}",
    },
    "admin.province_name": {
        "en": "'{name}' must start with 'Tỉnh' or 'Thành phố'",
        "vi": "'{name}' phải bắt đầu bằng 'Tỉnh' hoặc 'Thành phố'",
    },
    "admin.province_key": {
        "en": "'{name}' and '{other}' read the same once the type word and the diacritics are dropped, yet they are "
        "two provinces on {date}",
        "vi": "'{name}' và '{other}' giống nhau khi bỏ chữ chỉ loại đơn vị và dấu, nhưng là hai tỉnh khác nhau vào "
        "ngày {date}",
    },
    "admin.unknown_province": {
        "en": "'{name}' is not the official name of a province in provinces.csv (e.g. 'Tỉnh Quảng Trị')",
        "vi": "'{name}' không phải tên chính thức của một tỉnh, thành phố trong provinces.csv (ví dụ 'Tỉnh Quảng Trị')",
    },
    # who must apply a QMS on the as-of date (isocheck.law.applicability)
    "reform.level_abolished": {
        "en": "level '{level}' ({name}) no longer exists on {as_of}: it ended on {last_day} ({basis}); check the "
        "agency as of {last_day} at the latest, or describe the body that took over its procedures (a commune, "
        "a provincial department) in a fact file of its own",
        "vi": "cấp '{level}' ({name}) không còn tồn tại vào ngày {as_of}: đã kết thúc hoạt động ngày {last_day} "
        "({basis}); hãy kiểm tra cơ quan theo ngày đánh giá chậm nhất là {last_day}, hoặc lập tệp dữ liệu riêng cho "
        "cơ quan tiếp nhận thủ tục hành chính của nó (cấp xã, sở, ngành cấp tỉnh)",
    },
    "duty.not_encouraged": {
        "en": "qms_duty is for the bodies QĐ 19/2014/QĐ-TTg Article 2 clause 2 only encourages (communes, public "
        "service units, the two policy banks, missions abroad); a body of level '{level}' must apply a QMS "
        "(Article 2 clause 1): leave qms_duty out",
        "vi": "qms_duty chỉ dành cho cơ quan, đơn vị mà khoản 2 Điều 2 QĐ 19/2014/QĐ-TTg khuyến khích áp dụng (cấp "
        "xã, đơn vị sự nghiệp công lập, hai ngân hàng chính sách, cơ quan đại diện ở nước ngoài); cơ quan cấp "
        "'{level}' phải áp dụng HTQLCL (khoản 1 Điều 2): hãy bỏ mục qms_duty",
    },
    "duty.none_but_announced": {
        "en": "qms_duty says basis: none, but the agency announced its QMS ({decision}, {date}): a body that announced "
        "a QMS applies one; write basis: voluntary, or mandated with the decision that requires it",
        "vi": "qms_duty ghi basis: none nhưng cơ quan đã công bố HTQLCL ({decision}, ngày {date}): cơ quan đã công bố "
        "là đang áp dụng HTQLCL; hãy ghi basis: voluntary, hoặc mandated kèm văn bản yêu cầu áp dụng",
    },
    "duty.needs": {
        "en": "basis '{basis}' needs {fields}",
        "vi": "basis '{basis}' cần ghi {fields}",
    },
    "duty.forbids": {
        "en": "basis '{basis}' takes no {fields}",
        "vi": "basis '{basis}' không ghi {fields}",
    },
    # events of the records added for the obligations on dated records (isocheck.facts.plausibility)
    "event.inspection": {
        "en": "an inspection cannot have been held in the future",
        "vi": "không thể ghi nhận một cuộc kiểm tra chưa diễn ra",
    },
    "event.signed": {
        "en": "minutes cannot have been signed in the future",
        "vi": "không thể ghi nhận một biên bản chưa ký",
    },
    "event.provided": {
        "en": "a document cannot have been provided in the future",
        "vi": "không thể ghi nhận việc cung cấp tài liệu chưa thực hiện",
    },
    "event.training": {
        "en": "a course cannot have been completed in the future",
        "vi": "không thể ghi nhận một khóa đào tạo chưa kết thúc",
    },
    "event.estimate": {
        "en": "an estimate cannot have been made in the future",
        "vi": "không thể ghi nhận một dự toán chưa lập",
    },
    "event.contract_end": {
        "en": "an engagement cannot have ended in the future (write null while it goes on)",
        "vi": "không thể ghi nhận việc tư vấn đã kết thúc khi chưa kết thúc (ghi null khi còn đang tư vấn)",
    },
    "event.check": {
        "en": "a check cannot have been made in the future",
        "vi": "không thể ghi nhận một lần kiểm tra chưa thực hiện",
    },
    "event.noted": {
        "en": "a departure from the plan cannot have been recorded in the future",
        "vi": "không thể ghi nhận việc sai lệch kế hoạch tư vấn khi chưa xảy ra",
    },
}
