"""The words of derived fields' notes that no fixture or rule case reaches, pinned in both languages.

The notes are filled from the gettext catalog's templates (``words:subjects.*``); these tests hold what an auditor
reads for a roster's mark of each kind and for an inspector's judgement with every part written."""

from __future__ import annotations

import datetime as dt

import pytest

from isocheck.facts.evidence import YearMarks
from isocheck.facts.missing import (
    NOT_IN_FORCE,
    NOT_REQUESTED,
    RECEIVED_UNDATED,
    because,
    missing_meaning,
    missing_text,
    or_parameter,
)
from isocheck.subjects.judgements import how
from isocheck.subjects.marks import Mark


@pytest.mark.parametrize(
    ("held", "recorded_on", "vi", "en"),
    [
        (
            True,
            None,
            "theo báo cáo, không rõ ngày (BC 12/BC-SKHCN dòng 7)",
            "per the report, date unknown (BC 12/BC-SKHCN dòng 7)",
        ),
        (
            True,
            dt.date(2025, 11, 20),
            "theo báo cáo, không rõ ngày (BC 12/BC-SKHCN dòng 7, ngày 20/11/2025)",
            "per the report, date unknown (BC 12/BC-SKHCN dòng 7, 2025-11-20)",
        ),
        (False, None, "không có, theo báo cáo (BC 12/BC-SKHCN dòng 7)", "none, per the report (BC 12/BC-SKHCN dòng 7)"),
        (
            False,
            dt.date(2025, 11, 20),
            "không có, theo báo cáo (BC 12/BC-SKHCN dòng 7, ngày 20/11/2025)",
            "none, per the report (BC 12/BC-SKHCN dòng 7, 2025-11-20)",
        ),
    ],
)
def test_a_marks_words(held, recorded_on, vi, en):
    entry = YearMarks(year=2025, source="BC 12/BC-SKHCN dòng 7", recorded_on=recorded_on, internal_audit=held)
    assert tuple(Mark(0, entry, held).words()) == (vi, en)


def _judged(**given):
    record = {"judgement": "partly", "aspects": [], "note": "", "seen_in": "", "judged_by": "", "judged_on": None}
    return how({**record, **given})


def test_a_judgement_with_every_part():
    vi, en = _judged(
        judgement="partly",
        judged_by="Đoàn kiểm tra Sở KH&CN",
        judged_on=dt.date(2026, 10, 5),
        seen_in="sổ theo dõi hồ sơ",
        aspects=["time_limit", "fees"],
        note="quy trình ghi 5 ngày",
    )
    assert vi == (
        "nhận định «đạt một phần» của Đoàn kiểm tra Sở KH&CN ngày 05/10/2026, "
        "xem tại: sổ theo dõi hồ sơ; khác ở: thời hạn giải quyết, phí, lệ phí: «quy trình ghi 5 ngày»"
    )
    assert en == (
        "judged “partly conforms” by Đoàn kiểm tra Sở KH&CN on 2026-10-05, "
        "seen in: sổ theo dõi hồ sơ; differs in: time limit, fees: «quy trình ghi 5 ngày»"
    )


def test_a_judgement_with_no_optional_part():
    assert _judged(judgement="partly") == (
        "nhận định «đạt một phần»",
        "judged “partly conforms”",
    )


@pytest.mark.parametrize(
    ("entry", "vi", "en"),
    [
        (
            because("legal_update_max_months", NOT_IN_FORCE),
            "Thời hạn hoặc mức theo quy định chưa có hiệu lực vào ngày đánh giá (legal_update_max_months)",
            "The legal time limit or amount is not in force on the as-of date (legal_update_max_months)",
        ),
        (
            because("reports[0].submitted_on", RECEIVED_UNDATED),
            "Báo cáo đã nhận theo danh sách của tỉnh, không rõ ngày gửi (reports[0].submitted_on)",
            "The report was received per the roster, with no date (reports[0].submitted_on)",
        ),
        (
            because("reports", NOT_REQUESTED),
            "Không có công văn đề nghị báo cáo của năm được đánh giá (reports)",
            "No request for the yearly report of the year under review is on record (reports)",
        ),
    ],
)
def test_a_missing_entry_with_its_reason(entry, vi, en):
    assert (missing_text(entry, "vi"), missing_text(entry, "en")) == (vi, en)
    assert missing_meaning(entry, "vi") == vi.rsplit(" (", 1)[0]


def test_a_reason_without_words_is_refused():
    with pytest.raises(KeyError):
        because("legal_update_max_months", "expired")


def test_a_missing_fact_a_province_parameter_may_stand_in_for():
    entry = or_parameter("reports[0].due_on", "yearly_report_due")
    assert missing_text(entry, "vi") == (
        "Hạn gửi ghi trong công văn (reports[0].due_on), hoặc hạn do tỉnh quy định trong lớp bổ sung "
        "(yearly_report_due)"
    )
    assert missing_text(entry, "en") == (
        "Deadline set in the request letter (reports[0].due_on), or the deadline the province sets in its overlay "
        "(yearly_report_due)"
    )
    assert missing_meaning(entry, "vi") == "Hạn gửi ghi trong công văn"
