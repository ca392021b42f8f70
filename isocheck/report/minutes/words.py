"""The words of the inspection minutes in Vietnamese and English, and the inspection contents of TT26 Điều 36.

Kept beside the minutes (the pattern of :func:`isocheck.text.ui.pick`): ``(vi, en)`` pairs with
``{name}`` placeholders filled by :func:`isocheck.text.ui.fill`. ``BLANK`` is the dotted line printed
forms leave for a hand-written entry; the minutes print it wherever the inspection file gives nothing.
"""

from __future__ import annotations

from typing import Any

from isocheck.text.catalog import pairs
from isocheck.text.ui import fill, pick

BLANK = "……………………"
SHORT_BLANK = "………"

WORDS: dict[str, tuple[str, str]] = pairs("words:minutes.")  # (vi, en) by key, from the gettext catalog


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
