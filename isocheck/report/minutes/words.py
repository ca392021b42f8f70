"""The words of the inspection minutes in Vietnamese and English, and the inspection contents of TT26 Điều 36.

Kept beside the minutes (the pattern of :func:`isocheck.text.ui.pick`): ``(vi, en)`` pairs with
``{name}`` placeholders filled by :func:`isocheck.text.ui.fill`. ``BLANK`` is the dotted line printed
forms leave for a hand-written entry; the minutes print it wherever the inspection file gives nothing.
"""

from __future__ import annotations

from typing import Any

from isocheck.text.ui import fill, pick

BLANK = "……………………"
SHORT_BLANK = "………"

WORDS: dict[str, tuple[str, str]] = {
    "nation": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM"),
    "motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "team": ("ĐOÀN KIỂM TRA", "INSPECTION TEAM"),
    "number": ("Số: {number}", "No.: {number}"),
    "number_blank": ("Số: {blank}/BB-ĐKT", "No.: {blank}/BB-ĐKT"),
    "title": ("BIÊN BẢN KIỂM TRA", "INSPECTION MINUTES"),
    "subtitle": (
        "Việc xây dựng, áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia "
        "TCVN ISO 9001:{standard} tại {agency}",
        "Building, applying, maintaining and improving the quality management system under TCVN ISO "
        "9001:{standard} at {agency}",
    ),
    # legal grounds
    "ground.qd19": (
        "Căn cứ Quyết định số 19/2014/QĐ-TTg ngày 05/3/2014 của Thủ tướng Chính phủ về việc áp dụng Hệ thống "
        "quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2008 vào hoạt động của các cơ quan, tổ chức "
        "thuộc hệ thống hành chính nhà nước;",
        "Having regard to Decision 19/2014/QĐ-TTg of 2014-03-05 of the Prime Minister on applying the quality "
        "management system under TCVN ISO 9001:2008 in the agencies and organisations of the state "
        "administration;",
    ),
    "ground.tt26": (
        "Căn cứ Thông tư số 26/2014/TT-BKHCN ngày 10/10/2014 của Bộ Khoa học và Công nghệ quy định chi tiết "
        "thi hành Quyết định số 19/2014/QĐ-TTg;",
        "Having regard to Circular 26/2014/TT-BKHCN of 2014-10-10 of the Ministry of Science and Technology "
        "detailing Decision 19/2014/QĐ-TTg;",
    ),
    "ground.plan": (
        "Căn cứ Kế hoạch kiểm tra số {number} ngày {date} của {issuer};",
        "Having regard to inspection plan {number} of {date} of {issuer};",
    ),
    "ground.decision": (
        "Căn cứ Quyết định số {number} ngày {date} của {issuer} về việc thành lập Đoàn kiểm tra việc xây "
        "dựng, áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng.",
        "Having regard to Decision {number} of {date} of {issuer} establishing the team that inspects the "
        "building, application, maintenance and improvement of the quality management system.",
    ),
    "opening": (
        "Hôm nay, {date}, tại {venue}, Đoàn kiểm tra tiến hành kiểm tra tại trụ sở cơ quan việc xây dựng, "
        "áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng của {agency} (khoản 2 Điều 37 Thông tư số "
        "26/2014/TT-BKHCN).",
        "Today, {date}, at {venue}, the inspection team inspects on site how {agency} builds, applies, "
        "maintains and improves its quality management system (Circular 26/2014/TT-BKHCN, Art. 37, cl. 2).",
    ),
    # I. composition
    "s.members": ("I. THÀNH PHẦN", "I. PARTICIPANTS"),
    "s.team": ("1. Đoàn kiểm tra:", "1. The inspection team:"),
    "s.agency": ("2. Đại diện {agency}:", "2. For {agency}:"),
    "role.head": ("Trưởng đoàn", "head of the team"),
    "role.member": ("Thành viên", "member"),
    "role.secretary": ("Thư ký đoàn", "secretary of the team"),
    "person": ("- {name}, {position} – {role};", "- {name}, {position} – {role};"),
    "representative": ("- {name}, {position};", "- {name}, {position};"),
    "person_blank": ("- Ông (bà): {blank} Chức vụ: {blank} – {role};", "- Mr/Ms: {blank} Position: {blank} – {role};"),
    "representative_blank": ("- Ông (bà): {blank} Chức vụ: {blank};", "- Mr/Ms: {blank} Position: {blank};"),
    # II. contents
    "s.contents": ("II. NỘI DUNG KIỂM TRA", "II. WHAT WAS INSPECTED"),
    "contents.intro": (
        "Đoàn kiểm tra kiểm tra các nội dung quy định tại Điều 36 Thông tư số 26/2014/TT-BKHCN qua hồ sơ thực "
        "tế của cơ quan, phỏng vấn lãnh đạo, cán bộ, công chức và quan sát các hoạt động thực tế (điểm b khoản "
        "2 Điều 37). Các nội dung có ghi kết quả đã được đối chiếu với hồ sơ của cơ quan; nội dung để trống do "
        "Đoàn kiểm tra ghi nhận trực tiếp.",
        "The team inspected the contents of Circular 26/2014/TT-BKHCN Art. 36 through the agency's records, "
        "interviews with its leaders and staff and observation of its work (Art. 37, cl. 2, pt. b). Contents "
        "with a result were checked against the agency's records; the team fills in the blank ones from its "
        "own observation.",
    ),
    "col.no": ("TT", "No."),
    "col.content": ("Nội dung kiểm tra", "Content"),
    "col.result": ("Kết quả", "Result"),
    "col.subject": ("Đối tượng", "Subject"),
    "col.finding": ("Nội dung", "Finding"),
    "col.missing": ("Thông tin còn thiếu", "Missing facts"),
    "col.due": ("Hạn", "Due"),
    "col.basis": ("Căn cứ", "Legal basis"),
    "result.fail": ("Không phù hợp: {count} điểm (mục {ref})", "Nonconforming: {count} (section {ref})"),
    "result.open": ("Chưa đủ thông tin để kết luận", "Not enough facts to conclude"),
    "result.pending": ("Chưa đến hạn", "Not yet due"),
    "result.pass": ("Đạt", "Conforms"),
    "other.contents": (
        "Các yêu cầu khác của Quyết định số 19/2014/QĐ-TTg và Thông tư số 26/2014/TT-BKHCN",
        "Other requirements of Decision 19/2014/QĐ-TTg and Circular 26/2014/TT-BKHCN",
    ),
    # III. results
    "s.results": ("III. KẾT QUẢ KIỂM TRA", "III. RESULTS"),
    "r.passed": ("{n}. Các nội dung đáp ứng yêu cầu:", "{n}. Contents that meet the requirements:"),
    "r.none_passed": ("Không có.", "None."),
    "r.nonconformities": ("{n}. Các điểm không phù hợp (tồn tại):", "{n}. Nonconformities:"),
    "r.no_nonconformity": (
        "{n}. Không phát hiện điểm không phù hợp đối với các nội dung đã đối chiếu với hồ sơ.",
        "{n}. No nonconformity was found in the contents checked against the records.",
    ),
    "r.item": (
        "{ref}. {title} – điểm không phù hợp {severity} ({citation}):",
        "{ref}. {title} – {severity} ({citation}):",
    ),
    "r.cases": ("Có {count} trường hợp:", "{count} cases:"),
    "r.open": (
        "{n}. Các nội dung chưa đủ thông tin để kết luận:",
        "{n}. Contents that cannot be concluded for missing facts:",
    ),
    "r.error": ("Quy tắc bị lỗi khi đánh giá: {error}", "The rule failed to evaluate: {error}"),
    "r.pending": ("{n}. Các nghĩa vụ chưa đến hạn:", "{n}. Obligations not yet due:"),
    "r.waived": ("{n}. Các nội dung được miễn trừ:", "{n}. Waived requirements:"),
    "r.falls_due": (
        "Trong số đó, đến hạn trước ngày dự kiến công bố {announce_on}: {items}.",
        "Of these, due before the planned announcement on {announce_on}: {items}.",
    ),
    # IV. conclusion
    "s.conclusion": ("IV. KẾT LUẬN", "IV. CONCLUSION"),
    "c.nc": (
        "Qua kiểm tra, Đoàn kiểm tra kết luận: Hệ thống quản lý chất lượng của {agency} còn {count} điểm không "
        "phù hợp ({major} nặng, {minor} nhẹ, {observation} lưu ý) so với yêu cầu của Quyết định số "
        "19/2014/QĐ-TTg, Thông tư số 26/2014/TT-BKHCN và TCVN ISO 9001:{standard} (chi tiết tại mục III.{ref}).",
        "The team concludes that the quality management system of {agency} has {count} nonconformities "
        "({major} major, {minor} minor, {observation} observations) against Decision 19/2014/QĐ-TTg, "
        "Circular 26/2014/TT-BKHCN and TCVN ISO 9001:{standard} (details in section III.{ref}).",
    ),
    "c.ok": (
        "Qua kiểm tra, Đoàn kiểm tra kết luận: không phát hiện điểm không phù hợp trong Hệ thống quản lý chất "
        "lượng của {agency} đối với các nội dung đã đối chiếu với hồ sơ.",
        "The team concludes that no nonconformity was found in the quality management system of {agency} in "
        "the contents checked against the records.",
    ),
    "c.open": (
        "{count} nội dung chưa đủ thông tin để kết luận (mục III.{ref}).",
        "{count} contents cannot be concluded for missing facts (section III.{ref}).",
    ),
    "c.error": (
        "Kết quả chưa đầy đủ: {count} quy tắc bị lỗi khi đánh giá.",
        "The result is incomplete: {count} rules failed to evaluate.",
    ),
    "c.ready": (
        "Cơ quan đủ điều kiện công bố Hệ thống quản lý chất lượng phù hợp TCVN ISO 9001 (khoản 2 Điều 4 "
        "Quyết định số 19/2014/QĐ-TTg){planned}.",
        "The agency is ready to announce its quality management system as conforming to TCVN ISO 9001 "
        "(Decision 19/2014/QĐ-TTg, Art. 4, cl. 2){planned}.",
    ),
    "c.not_ready": (
        "Cơ quan chưa đủ điều kiện công bố Hệ thống quản lý chất lượng phù hợp TCVN ISO 9001 (khoản 2 Điều 4 "
        "Quyết định số 19/2014/QĐ-TTg){planned}: {count} điểm cản trở việc công bố.",
        "The agency is not ready to announce its quality management system as conforming to TCVN ISO 9001 "
        "(Decision 19/2014/QĐ-TTg, Art. 4, cl. 2){planned}: {count} findings block the announcement.",
    ),
    "c.planned": (" vào ngày dự kiến {date}", " on the planned date {date}"),
    # V. requests
    "s.requests": ("V. YÊU CẦU", "V. REQUESTS"),
    "q.intro": ("Đề nghị {agency}:", "{agency} is requested to:"),
    "q.item": ("{n}. {text} (mục III.{ref});", "{n}. {text} (section III.{ref});"),
    "q.open": (
        "{n}. Bổ sung hồ sơ, tài liệu chứng minh các nội dung nêu tại mục III.{ref};",
        "{n}. Provide the records that prove the contents listed in section III.{ref};",
    ),
    "q.deadline": (
        "{n}. Thực hiện hoặc đề xuất hành động khắc phục đối với các vấn đề tồn tại nêu trong Biên bản này và "
        "báo cáo tình hình thực hiện về {body} trong thời gian không quá 02 (hai) tháng kể từ ngày ký Biên bản "
        "kiểm tra, tức là chậm nhất ngày {deadline} (điểm c khoản 2 Điều 37 Thông tư số 26/2014/TT-BKHCN).",
        "{n}. Carry out or propose corrective actions for the issues recorded in these minutes and report on "
        "them to {body} within 2 (two) months of the signing of the minutes, that is by {deadline} at the "
        "latest (Circular 26/2014/TT-BKHCN, Art. 37, cl. 2, pt. c).",
    ),
    "q.maintain": (
        "{n}. Tiếp tục duy trì và cải tiến Hệ thống quản lý chất lượng.",
        "{n}. Keep maintaining and improving the quality management system.",
    ),
    "body_blank": ("đơn vị kiểm tra", "the inspecting body"),
    # closing
    "opinion": ("Ý kiến của cơ quan được kiểm tra:", "Comments of the inspected agency:"),
    "closing": (
        "Biên bản đã được thống nhất trong Đoàn kiểm tra và công bố công khai với cơ quan chịu sự kiểm tra. "
        "Biên bản được lập thành 02 (hai) bản có giá trị pháp lý như nhau, cơ quan chịu sự kiểm tra giữ 01 "
        "(một) bản và Đoàn kiểm tra giữ 01 (một) bản.",
        "The minutes were agreed within the inspection team and read out to the inspected agency. They are made "
        "in 2 (two) copies of equal legal value: the inspected agency keeps 1 (one), the inspection team 1 (one).",
    ),
    "ended": (
        "Biên bản kết thúc vào lúc {blank} giờ {blank} cùng ngày./.",
        "The minutes were closed at {blank} on the same day./.",
    ),
    "sign.agency": ("ĐẠI DIỆN CƠ QUAN ĐƯỢC KIỂM TRA", "FOR THE INSPECTED AGENCY"),
    "sign.agency_hint": ("(Ký, ghi rõ họ tên, đóng dấu)", "(signature, full name and seal)"),
    "sign.head": ("TRƯỞNG ĐOÀN KIỂM TRA", "HEAD OF THE INSPECTION TEAM"),
    "sign.head_hint": ("(Ký, ghi rõ họ tên)", "(signature and full name)"),
    "date_line": ("{place}, ngày {day} tháng {month} năm {year}", "{place}, {day} {month} {year}"),
    "date_blank": ("{blank}, ngày {short} tháng {short} năm {short}", "{blank}, date {blank}"),
    "today": ("ngày {day} tháng {month} năm {year}", "{day} {month} {year}"),
    "today_blank": ("ngày {short} tháng {short} năm {short}", "on {blank}"),
    "venue_blank": ("trụ sở {agency}", "the premises of {agency}"),
}


# TT26 Điều 36 (the inspection contents): (clause, point) -> (vi, en). Vietnamese as the circular words it;
# "{standard}" is the edition of TCVN ISO 9001 the agency applies.
CONTENTS: dict[tuple[int, str], tuple[str, str]] = {
    (1, "a"): (
        "Phạm vi áp dụng bao gồm toàn bộ hoạt động liên quan đến thực hiện thủ tục hành chính thuộc thẩm quyền "
        "giải quyết của cơ quan",
        "The scope covers every activity of the administrative procedures the agency handles",
    ),
    (1, "b"): (
        "Hoạt động phổ biến, hướng dẫn áp dụng hệ thống tài liệu, quy trình giải quyết công việc cho toàn bộ "
        "cán bộ, công chức",
        "Informing and guiding all staff on the documents and procedures of the system",
    ),
    (1, "c"): (
        "Sự tuân thủ các yêu cầu của TCVN ISO 9001:{standard}, chính sách, mục tiêu, quy trình, thủ tục và các "
        "yêu cầu pháp luật liên quan",
        "Compliance with TCVN ISO 9001:{standard}, the policy, objectives, procedures and the law",
    ),
    (1, "d"): (
        "Việc thực hiện các quá trình giải quyết công việc và các quá trình được xác định trong Hệ thống quản "
        "lý chất lượng",
        "Carrying out the work processes and the processes defined in the system",
    ),
    (1, "đ"): (
        "Hoạt động xem xét của Lãnh đạo, đánh giá nội bộ, thực hiện hành động khắc phục các điểm không phù hợp",
        "Management review, internal audit and corrective action on nonconformities",
    ),
    (1, "e"): (
        "Hoạt động xử lý các khiếu nại liên quan đến lĩnh vực áp dụng Hệ thống quản lý chất lượng (nếu có)",
        "Handling complaints in the fields the system covers (if any)",
    ),
    (1, "g"): ("Hoạt động cải tiến trong Hệ thống quản lý chất lượng", "Improvement within the system"),
    (2, "a"): (
        "Việc bảo đảm sự tham gia của Lãnh đạo, các đơn vị và cá nhân có liên quan trong quá trình xây dựng "
        "và áp dụng Hệ thống quản lý chất lượng",
        "Participation of the leaders, units and persons concerned in building and applying the system",
    ),
    (2, "b"): (
        "Việc Người đứng đầu cơ quan xác nhận hiệu lực của Hệ thống quản lý chất lượng",
        "The head of the agency confirming the effectiveness of the system",
    ),
    (2, "c"): (
        "Việc công bố Hệ thống quản lý chất lượng, thông báo bằng văn bản đến đơn vị chủ trì, niêm yết tại "
        "trụ sở và đăng tải trên trang thông tin điện tử của cơ quan (nếu có)",
        "Announcing the system, notifying the supervising unit in writing, posting it at the premises and on "
        "the agency's website (if any)",
    ),
    (2, "d"): (
        "Việc cập nhật các thay đổi của văn bản quy phạm pháp luật liên quan vào Hệ thống quản lý chất lượng",
        "Building changes of the legal documents concerned into the system",
    ),
    (2, "đ"): (
        "Việc công bố lại khi có sự điều chỉnh, mở rộng, thu hẹp phạm vi áp dụng",
        "Re-announcing after the scope is adjusted, extended or narrowed",
    ),
    (2, "e"): (
        "Việc lựa chọn tổ chức tư vấn, chuyên gia tư vấn độc lập (nếu có)",
        "Choosing the consulting organisation or independent consultant (if any)",
    ),
}
CLAUSES: dict[int, tuple[str, str]] = {
    1: (
        "Việc xây dựng, áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng theo yêu cầu của TCVN ISO "
        "9001:{standard} (khoản 1 Điều 36)",
        "Building, applying, maintaining and improving the system under TCVN ISO 9001:{standard} (Art. 36, cl. 1)",
    ),
    2: (
        "Việc tuân thủ các quy định tại Quyết định số 19/2014/QĐ-TTg (khoản 2 Điều 36)",
        "Compliance with Decision 19/2014/QĐ-TTg (Art. 36, cl. 2)",
    ),
}


def w(key: str, lang: str, **values: Any) -> str:
    """The text ``key`` in ``lang``, its placeholders filled (dates and numbers the language's way)."""
    text = pick(WORDS[key], lang)
    return fill(text, values, lang) if values else text
