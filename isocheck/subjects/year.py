"""Subject kind ``year``: the calendar year under review — its internal audits and management reviews,
quality objectives, maintenance plan, customer survey and the yearly report (TT26 Điều 35)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, NamedTuple

from isocheck.base.calendar import days_between, year_end
from isocheck.facts.model import MaintenancePlan, QualityObjectives, YearlyReport
from isocheck.law.parameters import ParameterValue
from isocheck.subjects.context import Derivation, SubjectFacts, days_en, days_vi, document_text, vi_date
from isocheck.subjects.registry import Derived, SubjectKind, derived_field

KIND = SubjectKind(
    "year",
    title=("năm được đánh giá", "the year under review"),
    display={
        "year": "the year under review",
        "year_end": "31 December of that year",
        "audit_dates": "dates of the year's internal audits up to the as-of date",
        "review_dates": "dates of the year's management reviews up to the as-of date",
        "objectives": "the year's quality objectives in force, as 'number (dd/mm/yyyy)' (when there are any)",
        "maintenance_plan": "the year's maintenance plan as 'number (dd/mm/yyyy)' (None: none)",
        "survey_planned_on": "planned date of the year's customer survey (when surveys are on record)",
        "survey_method_vi": "how the province has the survey done (its overlay's decision), or the default words",
        "survey_method_en": "the same in English",
        "report_due_on": "deadline of the yearly report (when one was requested)",
        "report_submitted_on": "the day it was sent (None: not sent)",
        "report_request": "number of the request letter",
        "report_reference": "number of the report",
        "budget_estimate": "the year's QMS funding estimate as 'reference (dd/mm/yyyy)' (None: none on record)",
    },
)

_OBJECTIVES = "qms.quality_objectives"


class RequestedReport(NamedTuple):
    """The yearly report asked for: its position in ``reports``, the entry, its deadline (when the request set
    none: the province overlay's, else 31 December), the overlay's entry that set it (or None) and the day it
    was sent by the as-of date (None: not sent)."""

    position: int
    entry: YearlyReport
    due: dt.date
    provincial: ParameterValue | None
    sent: dt.date | None


class YearFacts(SubjectFacts):
    def __init__(self, d: Derivation):
        self.y = y = d.year
        self.end = year_end(y)
        super().__init__(d, str(y), {"vi": f"Năm {y}", "en": f"Year {y}"})
        # quality objectives: known?, every entry, the year's in force on the as-of date (latest revision first)
        self.objectives_known, listed = d.qms_item("quality_objectives")
        self.objectives_listed: list[QualityObjectives] = listed or []
        self.objectives = sorted(
            (o for o in self.objectives_listed if o.year == y and (o.issued_on is None or o.issued_on <= d.as_of)),
            key=lambda o: o.issued_on or dt.date.min,
            reverse=True,
        )
        self.plans_known, plans = d.qms_item("maintenance_plans")
        self.plans: list[MaintenancePlan] = [p for p in plans or [] if p.year == y]
        self.report = _requested_report(d, y, self.end)

    def count(self, source: str, what_vi: str, what_en: str) -> Derived:
        """How many events of list ``source`` (internal_audits, management_reviews) the year had up to the
        as-of date; unknown when the records do not tell."""
        items = getattr(self.d.agency, source)
        if items is None:
            n = None if not self.d.known(source) else 0
        else:
            n = sum(1 for item in items if item.date.year == self.y and item.date <= self.d.as_of)
            n = n if (n > 0 or self.d.records_cover(dt.date(self.y, 1, 1))) else None
        y, until = self.y, min(self.d.as_of, self.end)

        def note() -> tuple[str, str]:
            return f"{what_vi} từ 01/01/{y} đến {vi_date(until)}", f"{what_en} dated {y}-01-01 to {until.isoformat()}"

        return Derived(n, [source], note=note)

    def dates(self, items: list[Any] | None) -> list[dt.date]:
        return [x.date for x in items or [] if x.date.year == self.y and x.date <= self.d.as_of]

    def objectives_flag(self, name: str) -> Derived:
        if self.objectives_known is None:
            return Derived(None, [_OBJECTIVES])
        if not self.objectives:
            return Derived(None, [_OBJECTIVES], [f"{_OBJECTIVES} (no objectives for {self.y})"])
        o = self.objectives[0]
        return Derived(getattr(o, name), [f"{_OBJECTIVES}[{self.objectives_listed.index(o)}].{name}"])

    def display(self) -> dict[str, Any]:
        a = self.d.agency
        shown: dict[str, Any] = {
            "year": self.y,
            "year_end": self.end,
            "audit_dates": self.dates(a.internal_audits),
            "review_dates": self.dates(a.management_reviews),
        }
        if self.objectives_known is not None and self.objectives:
            shown["objectives"] = document_text(self.objectives[0])
        shown["maintenance_plan"] = document_text(self.plans[0]) if self.plans else None
        surveys = a.satisfaction_surveys
        if surveys is not None or self.d.known("satisfaction_surveys"):
            planned = [v.planned_on for v in surveys or [] if v.year == self.y and v.planned_on]
            shown["survey_planned_on"] = planned[0] if planned else None
        shown.update(self.d.params.survey_method(self.d.as_of))
        shown["budget_estimate"] = self.budget_text()
        if self.report is not None:
            report = self.report
            shown.update(
                report_due_on=report.due,
                report_submitted_on=report.sent,
                report_request=report.entry.requested_by or "",
                report_reference=report.entry.reference or "",
            )
        return shown

    def due_date(self) -> dt.date | None:
        return self.end

    def budget_text(self) -> str | None:
        """The year's estimate made by the as-of date, as 'reference (dd/mm/yyyy)'; None when there is none."""
        made = [b for b in self.d.agency.budgets or [] if b.year == self.y and b.estimated_on is not None]
        made = [b for b in made if b.estimated_on is not None and b.estimated_on <= self.d.as_of]
        if not made:
            return None
        b = max(made, key=lambda b: b.estimated_on or dt.date.min)
        when = b.estimated_on.strftime("%d/%m/%Y") if b.estimated_on else ""
        return f"{b.estimate} ({when})" if b.estimate else when


def _requested_report(d: Derivation, y: int, end: dt.date) -> RequestedReport | None:
    """The report on year ``y`` asked for by the as-of date (the last request listed), or None."""
    matching = [
        (i, r)
        for i, r in enumerate(d.agency.reports or [])
        if r.year == y and (r.requested_on is None or r.requested_on <= d.as_of)
    ]
    if not matching:
        return None
    i, report = matching[-1]
    sent = report.submitted_on if report.submitted_on is not None and report.submitted_on <= d.as_of else None
    if report.due_on is not None:
        return RequestedReport(i, report, report.due_on, None, sent)
    provincial = d.params.yearly_date("yearly_report_due", y, d.as_of)  # a province overlay's deadline
    if provincial is not None:
        return RequestedReport(i, report, provincial[0], provincial[1], sent)
    return RequestedReport(i, report, end, None, sent)


@KIND.subjects
def _the_year(d: Derivation) -> Iterator[YearFacts]:
    yield YearFacts(d)


@derived_field(
    "year",
    "year_over",
    "bool",
    sources=[],
    vi="năm dương lịch đã kết thúc vào ngày đánh giá",
    en="the calendar year has ended on the as-of date",
)
def year_over(y: YearFacts) -> Derived:
    as_of = y.d.as_of

    def note() -> tuple[str, str]:
        return (
            f"năm {y.y} kết thúc ngày {vi_date(y.end)}; ngày đánh giá {vi_date(as_of)}",
            f"{y.y} ends on {y.end.isoformat()}; as of {as_of.isoformat()}",
        )

    return Derived(as_of > y.end, [], note=note)


@derived_field(
    "year",
    "audit_count",
    "int",
    sources=["internal_audits"],
    vi="số cuộc đánh giá nội bộ trong năm",
    en="internal audits held in the year",
)
def audit_count(y: YearFacts) -> Derived:
    return y.count("internal_audits", "các cuộc đánh giá nội bộ", "internal audits")


@derived_field(
    "year",
    "review_count",
    "int",
    sources=["management_reviews"],
    vi="số cuộc xem xét của lãnh đạo trong năm",
    en="management reviews held in the year",
)
def review_count(y: YearFacts) -> Derived:
    return y.count("management_reviews", "các cuộc xem xét của lãnh đạo", "management reviews")


@derived_field(
    "year",
    "has_objectives",
    "bool",
    sources=[_OBJECTIVES],
    vi="đã ban hành mục tiêu chất lượng năm",
    en="quality objectives issued for the year",
)
def has_objectives(y: YearFacts) -> Derived:
    return Derived(None if y.objectives_known is None else bool(y.objectives), [_OBJECTIVES])


@derived_field(
    "year",
    "objectives_measurable",
    "bool",
    sources=[_OBJECTIVES, f"{_OBJECTIVES}[].measurable"],
    vi="mục tiêu chất lượng đo lường được",
    en="the year's objectives are measurable",
)
def objectives_measurable(y: YearFacts) -> Derived:
    return y.objectives_flag("measurable")


@derived_field(
    "year",
    "objectives_have_plan",
    "bool",
    sources=[_OBJECTIVES, f"{_OBJECTIVES}[].has_plan"],
    vi="mục tiêu có kế hoạch thực hiện",
    en="the year's objectives have an implementation plan",
)
def objectives_have_plan(y: YearFacts) -> Derived:
    return y.objectives_flag("has_plan")


@derived_field(
    "year",
    "has_maintenance_plan",
    "bool",
    sources=["qms.maintenance_plans"],
    vi="có kế hoạch duy trì, cải tiến năm",
    en="a maintenance and improvement plan issued for the year",
)
def has_maintenance_plan(y: YearFacts) -> Derived:
    return Derived(None if y.plans_known is None else bool(y.plans), ["qms.maintenance_plans"])


@derived_field(
    "year",
    "survey_held",
    "bool",
    sources=["satisfaction_surveys"],
    vi="đã khảo sát sự hài lòng trong năm",
    en="a customer-satisfaction survey was carried out in the year",
)
def survey_held(y: YearFacts) -> Derived:
    surveys = y.d.agency.satisfaction_surveys
    if surveys is None and not y.d.known("satisfaction_surveys"):
        return Derived(None, ["satisfaction_surveys"])
    as_of = y.d.as_of
    held = [v for v in surveys or [] if v.year == y.y and v.held_on is not None and v.held_on <= as_of]
    return Derived(bool(held), ["satisfaction_surveys"])


# -- the yearly report (TT26 Điều 35), when the inspecting unit asked for one ----------------------------


def _requested(y: YearFacts) -> RequestedReport | Derived:
    """The report to judge, or the (unknown) value of a report field when there is none."""
    if y.d.agency.reports is None:
        return Derived(None, ["reports"])
    if y.report is None:
        return Derived(None, ["reports"], [f"reports (no report requested for {y.y})"])
    return y.report


@derived_field(
    "year",
    "report_requested",
    "bool",
    sources=["reports"],
    vi="có văn bản đề nghị báo cáo về năm",
    en="the inspecting unit asked for a QMS report on the year",
)
def report_requested(y: YearFacts) -> Derived:
    if y.d.agency.reports is None:
        return Derived(None, ["reports"])
    return Derived(y.report is not None, ["reports"])


@derived_field(
    "year",
    "report_submitted",
    "bool",
    sources=["reports", "reports[].submitted_on"],
    vi="đã gửi báo cáo năm",
    en="the report on the year was sent on or before the as-of date",
)
def report_submitted(y: YearFacts) -> Derived:
    report = _requested(y)
    if isinstance(report, Derived):
        return report
    return Derived(report.sent is not None, [f"reports[{report.position}].submitted_on"])


@derived_field(
    "year",
    "report_due_passed",
    "bool",
    sources=["reports", "reports[].due_on"],
    vi="đã quá hạn gửi báo cáo (công văn không ghi hạn: hạn do tỉnh quy định, nếu không thì 31/12)",
    en="the report's deadline (if none was set: the province overlay's, else 31 December) has passed",
)
def report_due_passed(y: YearFacts) -> Derived:
    report = _requested(y)
    if isinstance(report, Derived):
        return report
    return Derived(y.d.as_of > report.due, [f"reports[{report.position}].due_on"])


@derived_field(
    "year",
    "report_days_late",
    "int",
    sources=["reports", "reports[].due_on", "reports[].submitted_on"],
    vi="số ngày gửi báo cáo sau hạn (âm: trước hạn)",
    en="days from the report's deadline to the day it was sent (negative: early)",
)
def report_days_late(y: YearFacts) -> Derived:
    report = _requested(y)
    if isinstance(report, Derived):
        return report
    i, due, sent, as_of = report.position, report.due, report.sent, y.d.as_of
    days = days_between(due, sent or as_of)
    set_by_letter = report.entry.due_on is not None
    decision = report.provincial.decision if report.provincial is not None else None

    def note() -> tuple[str, str]:
        if set_by_letter:
            basis_vi, basis_en = f"hạn {vi_date(due)}", f"due {due.isoformat()}"
        elif decision is not None:  # a province overlay sets the deadline when the request names none
            basis_vi = f"hạn {vi_date(due)} (công văn không ghi hạn: hạn theo {decision.format('vi')})"
            basis_en = f"due {due.isoformat()} (no deadline in the request: the deadline of {decision.format('en')})"
        else:
            basis_vi = f"hạn {vi_date(due)} (công văn không ghi hạn: lấy ngày {vi_date(due)})"
            basis_en = f"due {due.isoformat()} (no deadline in the request: 31 December)"
        until_vi = f"gửi ngày {vi_date(sent)}" if sent else f"chưa gửi đến ngày {vi_date(as_of)}"
        until_en = f"sent on {sent.isoformat()}" if sent else f"not sent as of {as_of.isoformat()}"
        early = sent is not None and days < 0
        return (
            f"{basis_vi}; {until_vi}: " + (f"sớm {-days} ngày" if early else days_vi(days)),
            f"{basis_en}; {until_en}: " + (f"{-days} days early" if early else days_en(days)),
        )

    return Derived(days, [f"reports[{i}].due_on", f"reports[{i}].submitted_on"], note=note)


@derived_field(
    "year",
    "qms_budget_estimated",
    "bool",
    sources=["budgets"],
    vi="đã lập dự toán kinh phí HTQLCL của năm, cùng dự toán ngân sách nhà nước (đến ngày đánh giá)",
    en="the year's QMS funding estimate was made with the state budget estimate (by the as-of date)",
)
def qms_budget_estimated(y: YearFacts) -> Derived:
    if not y.d.known("budgets"):
        return Derived(None, ["budgets"])
    return Derived(y.budget_text() is not None, ["budgets"])
