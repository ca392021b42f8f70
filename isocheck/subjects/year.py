"""Subject kind ``year``: the calendar year under review — its internal audits and management reviews,
quality objectives, maintenance plan, customer survey and the yearly report (TT26 Điều 35)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, NamedTuple

from isocheck.base.calendar import year_end
from isocheck.facts.model import MaintenancePlan, QualityObjectives, YearlyReport
from isocheck.law.parameters import ParameterValue
from isocheck.subjects.context import Derivation, SubjectFacts, document_text, in_words, labelled
from isocheck.subjects.marks import Mark, dated_record, mark, marked, or_mark
from isocheck.subjects.registry import Derived, SubjectKind, derived_field
from isocheck.text.ui import Words, words

KIND = SubjectKind(
    "year",
    display={
        "year": "the year under review",
        "year_end": "31 December of that year",
        "audit_dates": "dates of the year's internal audits up to the as-of date (or a roster's mark: held, date "
        "unknown)",
        "review_dates": "dates of the year's management reviews up to the as-of date (or a roster's mark)",
        "objectives": "the year's quality objectives in force, as 'number ngày dd/mm/yyyy' (when there are any)",
        "maintenance_plan": "the year's maintenance plan as 'number ngày dd/mm/yyyy' (None: none)",
        "survey_planned_on": "planned date of the year's customer survey (when surveys are on record)",
        "survey_method_vi": "how the province has the survey done (its overlay's decision), or the default words",
        "survey_method_en": "the same in English",
        "report_due_on": "deadline of the yearly report (when one was requested; 'unknown' when neither the request "
        "nor the province overlay sets one)",
        "report_submitted_on": "the day it was sent (None: not sent; a roster's mark: received, date unknown)",
        "report_request": "number of the request letter",
        "report_reference": "number of the report",
        "budget_estimate": "the year's QMS funding estimate as 'reference (dd/mm/yyyy)' (None: none on record)",
        "maintenance_spent_vi": "what the year's maintenance and improvement cost, e.g. '18.000.000 đồng'",
        "maintenance_spent_en": "the same in English, e.g. '18,000,000 đồng'",
        "maintenance_cap_vi": "the most it may cost (maintenance_spending_cap_vnd), e.g. '15.000.000 đồng'",
        "maintenance_cap_en": "the same in English",
    },
)

_OBJECTIVES = "qms.quality_objectives"


_WORDS = words("words:subjects.")  # value words, from the gettext catalog
_UNKNOWN_DUE = _WORDS["unknown_due"]


class RequestedReport(NamedTuple):
    """The yearly report asked for: its position in ``reports`` and the entry (None when only a roster's mark
    tells), its deadline (when the request set none: the province overlay's, else unknown — never an invented
    31 December), the overlay's entry that set it (or None), the day it was sent by the as-of date (None: not
    sent) and the roster's mark (received or not, date unknown) when no dated entry says it was sent."""

    position: int | None
    entry: YearlyReport | None
    due: dt.date | None
    provincial: ParameterValue | None
    sent: dt.date | None
    mark: Mark | None = None

    @property
    def received(self) -> bool:
        return self.sent is not None or (self.mark is not None and self.mark.held)

    def paths(self, name: str) -> list[str]:
        """The fact-file path of ``reports[i].<name>``, or of the mark."""
        if self.position is None:
            return [f"{self.mark.path}.report_received"] if self.mark is not None else ["reports"]
        return [f"reports[{self.position}].{name}"]


class YearFacts(SubjectFacts):
    def __init__(self, d: Derivation):
        self.y = y = d.year
        self.end = year_end(y)
        super().__init__(d, str(y), labelled("year", year=y))
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

    def count(self, source: str, duty: str) -> Derived:
        """How many events of list ``source`` (internal_audits, management_reviews) the year had up to the
        as-of date; where the dated records show none, a roster's mark of ``duty`` (held: at least one, date
        unknown; not held: none); unknown when neither tells."""
        items = getattr(self.d.agency, source)
        if items is None:
            n = None if not self.d.known(source) else 0
        else:
            n = sum(1 for item in items if item.date.year == self.y and item.date <= self.d.as_of)
            n = n if (n > 0 or self.d.records_cover(dt.date(self.y, 1, 1))) else None
        found = mark(self.d.agency, self.y, duty)
        if not n and found is not None:
            return marked(found, duty, 1 if found.held else 0)
        y, until = self.y, min(self.d.as_of, self.end)

        def note() -> tuple[str, str]:
            return in_words("note.in_year", what=_WORDS[f"year.{source}"], start=dt.date(y, 1, 1), until=until)

        return Derived(n, [source], note=note)

    def flag(self, known: bool | None, present: bool, source: str, duty: str) -> Derived:
        """A "was it done this year" field from a list (``known`` None: left out), or the roster's mark."""
        return or_mark(self.d.agency, self.y, Derived(None if known is None else present, [source]), duty)

    def dates(self, items: list[Any] | None, duty: str) -> list[dt.date] | list[Words]:
        dated = [x.date for x in items or [] if x.date.year == self.y and x.date <= self.d.as_of]
        return dated_record(dated, mark(self.d.agency, self.y, duty))

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
            "audit_dates": self.dates(a.internal_audits, "internal_audit"),
            "review_dates": self.dates(a.management_reviews, "management_review"),
        }
        objectives, plan = mark(a, self.y, "quality_objectives"), mark(a, self.y, "maintenance_plan")
        if self.objectives_known is not None and self.objectives:
            shown["objectives"] = document_text(self.objectives[0])
        elif objectives is not None and objectives.held:
            shown["objectives"] = objectives.words()
        shown["maintenance_plan"] = document_text(self.plans[0]) if self.plans else None
        if not self.plans and plan is not None and plan.held:
            shown["maintenance_plan"] = plan.words()
        surveys = a.satisfaction_surveys
        if surveys is not None or self.d.known("satisfaction_surveys"):
            planned = [v.planned_on for v in surveys or [] if v.year == self.y and v.planned_on]
            shown["survey_planned_on"] = planned[0] if planned else None
        shown.update(self.d.params.survey_method(self.d.as_of))
        shown["budget_estimate"] = budget_text(self)
        shown.update(spending_texts(self))
        if self.report is not None:
            report = self.report
            entry = report.entry
            shown.update(
                report_due_on=report.due if report.due is not None else _UNKNOWN_DUE,
                report_submitted_on=report.sent or (report.mark.words() if report.received and report.mark else None),
                report_request=(entry.requested_by if entry else None) or "",
                report_reference=(entry.reference if entry else None) or "",
            )
        return shown

    def due_date(self) -> dt.date | None:
        return self.end


def _requested_report(d: Derivation, y: int, end: dt.date) -> RequestedReport | None:
    """The report on year ``y`` asked for by the as-of date (the last request listed), or None; a roster's mark of
    the report (received or not) stands for a request when no entry of ``reports`` is for the year. The deadline is
    the request's, else the province overlay's, else unknown."""
    matching = [
        (i, r)
        for i, r in enumerate(d.agency.reports or [])
        if r.year == y and (r.requested_on is None or r.requested_on <= d.as_of)
    ]
    found = mark(d.agency, y, "report_received")
    provincial = d.params.yearly_date("yearly_report_due", y, d.as_of)  # a province overlay's deadline
    due, basis = provincial if provincial is not None else (None, None)
    if not matching:
        return None if found is None else RequestedReport(None, None, due, basis, None, found)
    i, report = matching[-1]
    sent = report.submitted_on if report.submitted_on is not None and report.submitted_on <= d.as_of else None
    if report.due_on is not None:
        due, basis = report.due_on, None
    return RequestedReport(i, report, due, basis, sent, found if sent is None else None)


@KIND.subjects
def _the_year(d: Derivation) -> Iterator[YearFacts]:
    yield YearFacts(d)


@derived_field(
    "year",
    "year_over",
    "bool",
    sources=[],
    en="the calendar year has ended on the as-of date",
)
def year_over(y: YearFacts) -> Derived:
    as_of = y.d.as_of

    def note() -> tuple[str, str]:
        return in_words("note.year_over", year=y.y, end=y.end, as_of=as_of)

    return Derived(as_of > y.end, [], note=note)


@derived_field(
    "year",
    "audit_count",
    "int",
    sources=["internal_audits", "marks[].internal_audit"],
    en="internal audits held in the year (a roster's mark, date unknown: 1)",
)
def audit_count(y: YearFacts) -> Derived:
    return y.count("internal_audits", "internal_audit")


@derived_field(
    "year",
    "review_count",
    "int",
    sources=["management_reviews", "marks[].management_review"],
    en="management reviews held in the year (a roster's mark, date unknown: 1)",
)
def review_count(y: YearFacts) -> Derived:
    return y.count("management_reviews", "management_review")


@derived_field(
    "year",
    "has_objectives",
    "bool",
    sources=[_OBJECTIVES, "marks[].quality_objectives"],
    en="quality objectives issued for the year",
)
def has_objectives(y: YearFacts) -> Derived:
    return y.flag(y.objectives_known, bool(y.objectives), _OBJECTIVES, "quality_objectives")


@derived_field(
    "year",
    "objectives_measurable",
    "bool",
    sources=[_OBJECTIVES, f"{_OBJECTIVES}[].measurable"],
    en="the year's objectives are measurable",
)
def objectives_measurable(y: YearFacts) -> Derived:
    return y.objectives_flag("measurable")


@derived_field(
    "year",
    "objectives_have_plan",
    "bool",
    sources=[_OBJECTIVES, f"{_OBJECTIVES}[].has_plan"],
    en="the year's objectives have an implementation plan",
)
def objectives_have_plan(y: YearFacts) -> Derived:
    return y.objectives_flag("has_plan")


@derived_field(
    "year",
    "has_maintenance_plan",
    "bool",
    sources=["qms.maintenance_plans", "marks[].maintenance_plan"],
    en="a maintenance and improvement plan issued for the year",
)
def has_maintenance_plan(y: YearFacts) -> Derived:
    return y.flag(y.plans_known, bool(y.plans), "qms.maintenance_plans", "maintenance_plan")


@derived_field(
    "year",
    "survey_held",
    "bool",
    sources=["satisfaction_surveys", "marks[].satisfaction_survey"],
    en="a customer-satisfaction survey was carried out in the year",
)
def survey_held(y: YearFacts) -> Derived:
    surveys = y.d.agency.satisfaction_surveys
    known = None if surveys is None and not y.d.known("satisfaction_surveys") else True
    as_of = y.d.as_of
    held = [v for v in surveys or [] if v.year == y.y and v.held_on is not None and v.held_on <= as_of]
    return y.flag(known, bool(held), "satisfaction_surveys", "satisfaction_survey")


# -- the yearly report (TT26 Điều 35), when the inspecting unit asked for one ----------------------------


# the yearly report's fields (TT 26 Điều 35) and the funding estimate (QĐ 19 Điều 10) live in modules of their
# own; imported once KIND exists, as their derived fields register on it
from isocheck.subjects import year_report  # noqa: E402, F401
from isocheck.subjects.year_budget import budget_text, spending_texts  # noqa: E402
