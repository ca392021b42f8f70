"""User-interface texts in Vietnamese and English, and message filling with language-aware values.

Rule texts live in the rule files; this module holds the report's own words (headings, outcome and
severity names, default messages) and formats dates the way each audience reads them
(Vietnamese ``16/11/2021``, English ``2021-11-16``).
"""

from __future__ import annotations

import datetime as dt
import string
from typing import Any, NamedTuple

from isocheck.text.batch_ui import BATCH_UI
from isocheck.text.cli_messages import CLI_UI

LANGS = ("vi", "en")

_UI: dict[str, dict[str, str]] = {
    # outcomes
    "outcome.fail": {"vi": "Không phù hợp", "en": "Nonconformity"},
    "outcome.error": {"vi": "Lỗi quy tắc", "en": "Rule error"},
    "outcome.not_evaluable": {"vi": "Không đánh giá được", "en": "Not evaluable"},
    "outcome.pending": {"vi": "Chưa đến hạn", "en": "Pending"},
    "outcome.pass": {"vi": "Đạt", "en": "Pass"},
    "outcome.not_applicable": {"vi": "Không áp dụng", "en": "Not applicable"},
    "outcome.waived": {"vi": "Được miễn", "en": "Waived"},
    "waived_default": {
        "vi": "Được miễn trừ theo {decision} ({approved_by}) đến {expires_on}: {justification}",
        "en": "Waived by {decision} ({approved_by}) until {expires_on}: {justification}",
    },
    "waiver_expired": {
        "vi": "Miễn trừ theo {decision} đã hết hạn ngày {expires_on}; không còn áp dụng.",
        "en": "Waiver {decision} expired on {expires_on}; it no longer applies.",
    },
    # pre-announcement verdict
    "readiness.ready": {
        "vi": "KẾT LUẬN: SẴN SÀNG CÔNG BỐ HTQLCL PHÙ HỢP TCVN ISO 9001",
        "en": "VERDICT: READY TO ANNOUNCE THE QMS",
    },
    "readiness.not_ready": {
        "vi": "KẾT LUẬN: CHƯA ĐỦ ĐIỀU KIỆN CÔNG BỐ HTQLCL PHÙ HỢP TCVN ISO 9001",
        "en": "VERDICT: NOT READY TO ANNOUNCE THE QMS",
    },
    "readiness.blocking_count": {
        "vi": "{count} điểm cản trở việc công bố: {fail} điểm không phù hợp, {not_evaluable} "
        "điều kiện chưa có thông tin để xác nhận, {error} quy tắc bị lỗi.",
        "en": "{count} findings block the announcement: {fail} nonconformities, "
        "{not_evaluable} conditions that cannot be confirmed for missing facts, "
        "{error} rule errors.",
    },
    "readiness.blocking": {"vi": "Các điểm phải khắc phục trước khi công bố", "en": "To resolve before announcing"},
    "readiness.falls_due": {
        "vi": "Các nghĩa vụ đến hạn từ {as_of} đến ngày dự kiến công bố {announce_on}:",
        "en": "Falling due between {as_of} and the planned announcement on {announce_on}:",
    },
    "readiness.nothing_due": {
        "vi": "Không có nghĩa vụ nào đến hạn trong khoảng này.",
        "en": "Nothing falls due in that period.",
    },
    # rubric score
    "score.title": {"vi": "TỰ CHẤM ĐIỂM: {title}", "en": "SELF-SCORING: {title}"},
    "score.example": {
        "vi": "(Bộ tiêu chí ví dụ — tỉnh cần điều chỉnh theo quyết định ban hành của mình.)",
        "en": "(An example rubric — a province adapts it to its own decision.)",
    },
    "score.criterion": {"vi": "Tiêu chí", "en": "Criterion"},
    "score.content": {"vi": "Nội dung", "en": "Content"},
    "score.points": {"vi": "Điểm", "en": "Points"},
    "score.lost_because": {"vi": "Lý do bị trừ điểm", "en": "Points lost because"},
    # province batch
    "batch.title": {
        "vi": "TỔNG HỢP KẾT QUẢ ÁP DỤNG HTQLCL THEO TCVN ISO 9001 CỦA CÁC CƠ QUAN",
        "en": "QMS (TCVN ISO 9001) RESULTS BY AGENCY",
    },
    "batch.year": {"vi": "Năm", "en": "Year"},
    "batch.summary": {"vi": "Tổng hợp theo cấp", "en": "Summary by level"},
    "batch.level_unknown": {"vi": "Không đọc được tệp", "en": "Unreadable fact file"},
    "batch.readiness.ready": {"vi": "SẴN SÀNG", "en": "READY"},
    "batch.readiness.not_ready": {"vi": "CHƯA SẴN SÀNG", "en": "NOT READY"},
    "batch.readiness_line": {
        "vi": "Sẵn sàng công bố: {ready}/{agencies} cơ quan · chưa sẵn sàng: {not_ready} · không kiểm tra được: "
        "{unchecked}",
        "en": "Ready to announce: {ready} of {agencies} agencies · not ready: {not_ready} · could not be checked: "
        "{unchecked}",
    },
    "batch.recorded_reports": {
        "vi": "Báo cáo năm theo hồ sơ (không xét hạn): đã nhận, có ngày: {dated} · đã nhận, không rõ ngày: "
        "{marked} · không có báo cáo: {not_held} · chưa rõ: {unknown}",
        "en": "Yearly reports as recorded (deadlines aside): received, dated: {dated} · received, date unknown: "
        "{marked} · no report received: {not_held} · unknown: {unknown}",
    },
    "batch.sum.ready": {"vi": "Sẵn sàng công bố", "en": "Ready to announce"},
    "batch.sum.level": {"vi": "Cấp", "en": "Level"},
    "batch.sum.agencies": {"vi": "Số cơ quan", "en": "Agencies"},
    "batch.sum.announced": {"vi": "Đã công bố", "en": "Announced"},
    "batch.sum.conforming": {"vi": "Áp dụng đúng", "en": "Applying correctly"},
    "batch.sum.on_2015": {"vi": "Theo ISO 9001:2015", "en": "On ISO 9001:2015"},
    "batch.sum.no_report": {"vi": "Không báo cáo", "en": "No report"},
    "batch.sum.input_error": {"vi": "Lỗi dữ liệu", "en": "Bad files"},
    "batch.legend": {
        "vi": "Ký hiệu: ✓ có/đạt · ✗ không/không đạt · … chưa đến hạn · ? thiếu thông tin · ! lỗi quy tắc · "
        "– không áp dụng · M được miễn. Cột Phiên bản: năm của TCVN ISO 9001 (✗: chưa chuyển đổi "
        "sang 2015 khi đã quá hạn).",
        "en": "Marks: ✓ yes/met · ✗ no/not met · … not yet due · ? facts missing · ! rule error · "
        "– not applicable · M waived. Standard: TCVN ISO 9001 edition (✗: not moved to 2015 "
        "after the deadline).",
    },
    "batch.problems": {"vi": "Không kiểm tra được {count} tệp:", "en": "{count} files could not be checked:"},
    "batch.crashed": {
        "vi": "tiến trình kiểm tra bị dừng đột ngột (mã thoát {code}) khi đang xử lý cơ quan này; "
        "kết quả bị mất, cần kiểm tra lại",
        "en": "the worker process died (exit code {code}) while checking this agency; its results "
        "are lost and it must be checked again",
    },
    "batch.changes.title": {
        "vi": "So với lần kiểm tra trước ({file}): {new} điểm mới, {resolved} điểm đã khắc phục, "
        "{remaining} điểm còn tồn tại",
        "en": "Since the previous run ({file}): {new} new, {resolved} resolved, {remaining} remaining nonconformities",
    },
    "batch.changes.new": {"vi": "Mới phát sinh", "en": "New"},
    "batch.changes.resolved": {"vi": "Đã khắc phục", "en": "Resolved"},
    "batch.changes.remaining": {"vi": "Còn tồn tại", "en": "Remaining"},
    # batch: faults, inputs skipped, identities (workflows/batch*.py, cli/batch.py)
    "batch.interrupted": {
        "vi": "đã dừng theo yêu cầu ({signal}); không ghi tệp kết quả nào, các tiến trình kiểm tra đã được dừng",
        "en": "stopped on request ({signal}); no output file was written and every worker was stopped",
    },
    "batch.workers_failed": {
        "vi": "các tiến trình kiểm tra bị dừng đột ngột {times} lần liên tiếp trước khi kiểm tra được cơ quan nào; "
        "không ghi tệp kết quả",
        "en": "the worker processes died {times} times in a row before checking any agency; no output file was written",
    },
    "batch.skipped": {"vi": "bỏ qua {path}: {reason}", "en": "skipped {path}: {reason}"},
    "batch.skip.link_outside": {
        "vi": "liên kết trỏ ra ngoài các thư mục được chỉ định, không đọc",
        "en": "a link that leads outside the folders given, not followed",
    },
    "batch.skip.fifo": {"vi": "là đường ống (FIFO), không phải tệp dữ liệu", "en": "a FIFO, not a fact file"},
    "batch.skip.device": {"vi": "là thiết bị, không phải tệp dữ liệu", "en": "a device, not a fact file"},
    "batch.skip.socket": {"vi": "là socket, không phải tệp dữ liệu", "en": "a socket, not a fact file"},
    "batch.skip.folder": {
        "vi": "là thư mục dù tên giống tệp dữ liệu; các tệp bên trong vẫn được kiểm tra",
        "en": "a folder named like a fact file; the files inside it are checked",
    },
    "batch.skip.unreadable": {"vi": "không đọc được", "en": "cannot be read"},
    "batch.roster_year": {
        "vi": "{count} tệp thông tin ghi dấu của bảng tổng hợp năm {roster_year}, nhưng lần chạy này đánh giá "
        "năm {year} (năm của ngày đánh giá {as_of}); muốn đánh giá năm {roster_year}, hãy chạy lại với "
        "--year {roster_year}",
        "en": "{count} fact files hold the marks of a {roster_year} roster, but this run checks the year {year} (the "
        "year of the as-of date {as_of}); to check {roster_year}, run again with --year {roster_year}",
    },
    "batch.duplicate_name": {
        "vi": "tên đơn vị '{name}' có trong {count} tệp: {files}; mỗi tệp được kiểm tra và so sánh riêng "
        "theo đường dẫn của tệp",
        "en": "the agency name '{name}' is in {count} files: {files}; each is checked and compared on its own, "
        "by its path",
    },
    "warning": {"vi": "cảnh báo", "en": "warning"},
    # severities
    "severity.major": {"vi": "Điểm không phù hợp nặng", "en": "Major nonconformities"},
    "severity.minor": {"vi": "Điểm không phù hợp nhẹ", "en": "Minor nonconformities"},
    "severity.observation": {"vi": "Điểm lưu ý", "en": "Observations"},
    "severity_short.major": {"vi": "nặng", "en": "major"},
    "severity_short.minor": {"vi": "nhẹ", "en": "minor"},
    "severity_short.observation": {"vi": "lưu ý", "en": "observation"},
    # levels
    "level.department": {"vi": "Sở, ban, ngành cấp tỉnh", "en": "provincial department"},
    "level.sub_department": {"vi": "Chi cục", "en": "sub-department"},
    "level.district": {"vi": "Cấp huyện", "en": "district"},
    "level.commune": {"vi": "Cấp xã", "en": "commune"},
    "level.ministry": {"vi": "Cơ quan thuộc Bộ, ngành", "en": "body of a ministry"},
    "level.provincial_committee": {"vi": "UBND cấp tỉnh", "en": "provincial People's Committee"},
    "level.public_service_unit": {"vi": "Đơn vị sự nghiệp công lập", "en": "public service unit"},
    "level.policy_bank": {"vi": "Ngân hàng chính sách", "en": "policy bank"},
    "level.mission_abroad": {"vi": "Cơ quan đại diện ở nước ngoài", "en": "mission abroad"},
    # report
    "report.title": {
        "vi": "KẾT QUẢ KIỂM TRA HTQLCL THEO QĐ 19/2014/QĐ-TTg",
        "en": "QMS CHECK AGAINST DECISION 19/2014/QĐ-TTg",
    },
    "report.agency": {"vi": "Cơ quan", "en": "Agency"},
    "report.level": {"vi": "Cấp", "en": "Level"},
    "report.province": {"vi": "Tỉnh", "en": "Province"},
    "report.standard": {"vi": "Tiêu chuẩn", "en": "Standard"},
    "report.as_of": {"vi": "Ngày đánh giá", "en": "As of"},
    "report.profile": {"vi": "Phạm vi kiểm tra", "en": "Profile"},
    "profile.all": {"vi": "toàn bộ quy tắc", "en": "all rules"},
    "profile.pre-announcement": {"vi": "kiểm tra trước công bố", "en": "pre-announcement"},
    "profile.annual": {"vi": "tự đánh giá hằng năm", "en": "annual self-assessment"},
    "profile.inspection": {"vi": "kiểm tra định kỳ", "en": "inspection"},
    "report.rules_version": {"vi": "Phiên bản bộ quy tắc", "en": "Rule pack version"},
    "report.summary": {"vi": "Tổng hợp", "en": "Summary"},
    "report.verdict_nc": {
        "vi": "KẾT LUẬN: CÓ {count} ĐIỂM KHÔNG PHÙ HỢP ({major} nặng, {minor} nhẹ, {observation} lưu ý)",
        "en": "VERDICT: NONCONFORMITIES FOUND: {count} ({major} major, {minor} minor, {observation} observation)",
    },
    "report.verdict_ok": {
        "vi": "KẾT LUẬN: KHÔNG PHÁT HIỆN ĐIỂM KHÔNG PHÙ HỢP",
        "en": "VERDICT: NO NONCONFORMITY FOUND",
    },
    "report.verdict_error": {
        "vi": "CẢNH BÁO: {count} QUY TẮC BỊ LỖI, KẾT QUẢ CHƯA ĐẦY ĐỦ",
        "en": "WARNING: RULE ERRORS: {count}; THE RESULT IS INCOMPLETE",
    },
    "report.verdict_not_evaluable": {
        "vi": "Lưu ý: {count} kết quả không đánh giá được do thiếu thông tin (xem bảng dưới).",
        "en": "Note: not evaluable for missing facts: {count} (see below).",
    },
    "report.verdict_pending": {
        "vi": "Lưu ý: {count} nghĩa vụ chưa đến hạn (xem bảng dưới).",
        "en": "Note: not yet due: {count} (see below).",
    },
    "explain.nothing": {
        "vi": "Không có quy tắc nào không đạt; dùng --rule <mã> để giải thích một quy tắc bất kỳ.",
        "en": "No rule failed; use --rule <id> to explain any rule.",
    },
    "report.none": {"vi": "(không có)", "en": "(none)"},
    "col.rule": {"vi": "Quy tắc", "en": "Rule"},
    "col.subject": {"vi": "Đối tượng", "en": "Subject"},
    "col.message": {"vi": "Nội dung", "en": "Finding"},
    "col.citation": {"vi": "Căn cứ", "en": "Citation"},
    "col.due": {"vi": "Hạn", "en": "Due"},
    "col.missing": {"vi": "Thiếu thông tin", "en": "Missing facts"},
    "unjudged.criteria": {"vi": "{count} tiêu chí cần nhận định tại chỗ", "en": "{count} criteria to judge on site"},
    "unjudged.rules": {"vi": "Nhận định tại chỗ ({count} quy tắc)", "en": "On-site judgements ({count} rules)"},
    "col.severity": {"vi": "Mức độ", "en": "Severity"},
    "col.title": {"vi": "Tên quy tắc", "en": "Title"},
    "col.id": {"vi": "Mã", "en": "Id"},
    "col.profiles": {"vi": "Bộ quy tắc", "en": "Profiles"},
    "col.outcome": {"vi": "Kết quả", "en": "Outcome"},
    "col.count": {"vi": "Số lượng", "en": "Count"},
    # the HTML report (isocheck report / --format html)
    "report.tool_version": {"vi": "Phiên bản công cụ", "en": "Tool version"},
    "report.fact_file": {"vi": "Tệp thông tin", "en": "Fact file"},
    "report.nonconformities": {"vi": "Các điểm không phù hợp", "en": "Nonconformities"},
    "report.by_severity": {"vi": "Điểm không phù hợp theo mức độ", "en": "Nonconformities by severity"},
    "report.by_outcome": {"vi": "Kết quả theo loại", "en": "Results by outcome"},
    "report.total": {"vi": "Tổng cộng", "en": "Total"},
    "report.explanation": {"vi": "Giải thích", "en": "Explanation"},
    "report.judgment": {
        "vi": "Quy tắc dựa trên nhận định của chuyên gia đánh giá đã được ghi nhận trong hồ sơ.",
        "en": "The rule relies on an auditor's judgment recorded in the fact file.",
    },
    "report.footer": {
        "vi": "Lập bằng isocheck {version}, bộ quy tắc phiên bản {rules_version}.",
        "en": "Produced by isocheck {version}, rule pack version {rules_version}.",
    },
    "col.value": {"vi": "Giá trị", "en": "Value"},
    "col.source": {"vi": "Nguồn trong hồ sơ", "en": "Where in the fact file"},
    "report.passed_line": {
        "vi": "Đạt: {pass} · Không áp dụng: {not_applicable}",
        "en": "Passed: {pass} · Not applicable: {not_applicable}",
    },
    # default messages
    "pass_default": {"vi": "Đạt yêu cầu.", "en": "Requirement met."},
    "pending_default": {"vi": "Chưa đến hạn; hạn chót {due_date}.", "en": "Not yet due; deadline {due_date}."},
    "not_applicable_default": {"vi": "Không áp dụng cho cơ quan này.", "en": "Does not apply to this agency."},
    "not_evaluable_default": {
        "vi": "Không đánh giá được: thiếu thông tin {missing}.",
        "en": "Cannot be evaluated: missing facts {missing}.",
    },
    "error_default": {"vi": "Quy tắc bị lỗi khi đánh giá: {error}", "en": "The rule failed to evaluate: {error}"},
    "na.level": {"vi": "Quy tắc không áp dụng cho cấp {value}.", "en": "The rule does not apply to level {value}."},
    "na.standard": {
        "vi": "Quy tắc chỉ áp dụng cho HTQLCL theo TCVN ISO 9001:{value}.",
        "en": "The rule applies only to QMSs on TCVN ISO 9001:{value}.",
    },
    "na.not_yet": {
        "vi": "Quy định chưa có hiệu lực vào ngày đánh giá (hiệu lực từ {value}).",
        "en": "Not yet in force on the as-of date (in force from {value}).",
    },
    "na.expired": {
        "vi": "Quy định đã hết hiệu lực vào ngày đánh giá (hết hiệu lực {value}).",
        "en": "No longer in force on the as-of date (ended {value}).",
    },
    "na.no_subject": {"vi": "Không có đối tượng để đánh giá.", "en": "No subject to evaluate."},
    # who must apply a QMS (isocheck.law.applicability): one reason for every rule
    "na.duty": {
        "vi": "Không bắt buộc: {name} ({level}) chỉ thuộc đối tượng được khuyến khích xây dựng và áp dụng HTQLCL "
        "({citation}: “{quote}”). Đến ngày {as_of}, {why} Các yêu cầu của QĐ 19/2014/QĐ-TTg chỉ ràng buộc cơ quan "
        "khi có văn bản của tỉnh hoặc Bộ, ngành yêu cầu áp dụng (khoản 4 Điều 5, khoản 5 Điều 6 "
        "TT 26/2014/TT-BKHCN), hoặc khi cơ quan áp dụng HTQLCL.",
        "en": "Not bound: {name} ({level}) is only encouraged to build and apply a QMS ({citation}: “{quote}”). "
        "On {as_of}, {why} The requirements of QĐ 19/2014/QĐ-TTg bind the body only once a provincial or "
        "ministerial document requires a QMS (TT 26/2014/TT-BKHCN Art. 5 cl. 4, Art. 6 cl. 5), or once it "
        "applies one.",
    },
    "na.duty.none": {
        "vi": "hồ sơ không có văn bản yêu cầu áp dụng, cơ quan không tự nguyện áp dụng và chưa công bố HTQLCL.",
        "en": "no document requires it, the body does not apply a QMS of its own accord and has announced none.",
    },
    "na.duty.mandate_later": {
        "vi": "văn bản {decision} của {issuer} yêu cầu áp dụng HTQLCL chỉ có hiệu lực từ ngày {date}, và cơ quan "
        "chưa công bố HTQLCL.",
        "en": "document {decision} of {issuer} requiring a QMS takes effect only on {date}, and the body has "
        "announced none.",
    },
    "na.duty.voluntary_later": {
        "vi": "cơ quan chỉ tự nguyện áp dụng HTQLCL từ ngày {date} và chưa công bố HTQLCL.",
        "en": "the body applies a QMS of its own accord only from {date} and has announced none.",
    },
    "engine.no_outcome": {
        "vi": "bộ máy luật không trả về kết quả cho đối tượng này",
        "en": "the rule engine gave no outcome for this subject",
    },
    "engine.many_outcomes": {
        "vi": "bộ máy luật trả về nhiều kết quả mâu thuẫn: {outcomes}",
        "en": "the rule engine gave conflicting outcomes: {outcomes}",
    },
    "yes": {"vi": "có", "en": "yes"},
    "no": {"vi": "không", "en": "no"},
    "unknown": {"vi": "không rõ", "en": "unknown"},
    "not_yet": {"vi": "chưa", "en": "not yet"},
    **CLI_UI,  # the command line's own lines (usage errors, init, import)
    **BATCH_UI,  # the province matrix: its columns, marks and verdicts
}


def ui(key: str, lang: str) -> str:
    return _UI[key][lang]


def pick(pair: tuple[str, str], lang: str) -> str:
    """The Vietnamese or English member of a ``(vi, en)`` pair (the local word tables of views)."""
    return pair[0] if lang == "vi" else pair[1]


def ui_keys() -> list[str]:
    return list(_UI)


class Words(NamedTuple):
    """A value that is itself words, in both languages (e.g. "theo báo cáo, không rõ ngày"): messages show the
    words of their language."""

    vi: str
    en: str

    def get(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


def format_value(value: Any, lang: str) -> str:
    """A fact value as text for messages: dates per language, booleans as yes/no, lists joined."""
    if value is None:
        return ui("not_yet", lang)
    if isinstance(value, Words):
        return value.get(lang)
    if isinstance(value, bool):
        return ui("yes" if value else "no", lang)
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y") if lang == "vi" else value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(format_value(v, lang) for v in value) if value else "—"
    if isinstance(value, float):  # points: 0,25 in Vietnamese, 0.25 in English, no trailing zeros
        text = f"{round(value, 2):g}"
        return text.replace(".", ",") if lang == "vi" else text
    return str(value)


class _Values(dict):
    def __init__(self, values: dict[str, Any], lang: str):
        super().__init__()
        self._values = values
        self._lang = lang

    def __missing__(self, key: str) -> str:
        if key not in self._values:
            raise KeyError(f"message placeholder {{{key}}} has no value")
        return format_value(self._values[key], self._lang)


def fill(template: str, values: dict[str, Any], lang: str) -> str:
    """Fill ``{name}`` placeholders from ``values``; an unknown placeholder raises KeyError."""
    return string.Formatter().vformat(template, (), _Values(values, lang))
