"""Subject kind ``year``, its yearly report (TT 26/2014 Điều 35): whether it was requested, sent, on time and how
late (kept apart from year.py for its size; registered on the kind that year.py declares)."""

from __future__ import annotations

from isocheck.base.calendar import days_between
from isocheck.facts.missing import NOT_REQUESTED, RECEIVED_UNDATED, because, or_parameter
from isocheck.subjects.context import days_words, in_words
from isocheck.subjects.marks import marked
from isocheck.subjects.registry import Derived, derived_field
from isocheck.subjects.year import RequestedReport, YearFacts
from isocheck.text.ui import Words, filled, words

_WORDS = words("words:subjects.")  # value words, from the gettext catalog


def _requested(y: YearFacts) -> RequestedReport | Derived:
    """The report to judge, or the (unknown) value of a report field when there is none."""
    if y.report is not None:
        return y.report
    if y.d.agency.reports is None:
        return Derived(None, ["reports"])
    return Derived(None, ["reports"], [because("reports", NOT_REQUESTED)])


@derived_field(
    "year",
    "report_requested",
    "bool",
    sources=["reports", "marks[].report_received"],
    en="the inspecting unit asked for a QMS report on the year (or a roster tracks the year's report)",
)
def report_requested(y: YearFacts) -> Derived:
    if y.report is not None and y.report.position is None:
        return Derived(True, y.report.paths("year"))
    if y.d.agency.reports is None:
        return Derived(None, ["reports"])
    return Derived(y.report is not None, ["reports"])


@derived_field(
    "year",
    "report_submitted",
    "bool",
    sources=["reports", "reports[].submitted_on", "marks[].report_received"],
    en="the report on the year was sent on or before the as-of date (or a roster marks it received, date unknown)",
)
def report_submitted(y: YearFacts) -> Derived:
    report = _requested(y)
    if isinstance(report, Derived):
        return report
    if report.sent is None and report.mark is not None:
        return marked(report.mark, "report_received", report.mark.held)
    return Derived(report.sent is not None, report.paths("submitted_on"))


@derived_field(
    "year",
    "report_due_passed",
    "bool",
    sources=["reports", "reports[].due_on", "marks[].report_received"],
    en="the report's deadline (if the request set none: the province overlay's; else unknown) has passed",
)
def report_due_passed(y: YearFacts) -> Derived:
    report = _requested(y)
    if isinstance(report, Derived):
        return report
    if report.due is None:
        paths = report.paths("due_on")
        return Derived(None, paths, [or_parameter(p, "yearly_report_due") for p in paths])
    return Derived(y.d.as_of > report.due, report.paths("due_on"))


@derived_field(
    "year",
    "report_days_late",
    "int",
    sources=["reports", "reports[].due_on", "reports[].submitted_on", "marks[].report_received"],
    en="days from the report's deadline to the day it was sent (negative: early)",
)
def report_days_late(y: YearFacts) -> Derived:
    report = _requested(y)
    if isinstance(report, Derived):
        return report
    paths = [*report.paths("due_on"), *report.paths("submitted_on")]
    due, sent, as_of = report.due, report.sent, y.d.as_of
    if due is None:
        return Derived(None, paths, [or_parameter(p, "yearly_report_due") for p in report.paths("due_on")])
    if sent is None and report.received:  # received per a roster's mark: the day is unknown
        return Derived(None, paths, [because(p, RECEIVED_UNDATED) for p in report.paths("submitted_on")])
    days = days_between(due, sent or as_of)
    set_by_letter = report.entry is not None and report.entry.due_on is not None
    decision = report.provincial.decision if report.provincial is not None else None

    def note() -> tuple[str, str]:
        if set_by_letter or decision is None:
            basis = filled(_WORDS["note.due"], due=due)
        else:  # a province overlay sets the deadline when the request names none
            set_by = Words(decision.format("vi"), decision.format("en"))
            basis = filled(_WORDS["note.due_by_province"], due=due, decision=set_by)
        until = filled(_WORDS["note.sent"], day=sent) if sent else filled(_WORDS["note.not_sent"], day=as_of)
        return in_words("note.report_deadline", basis=basis, until=until, days=days_words(days, done=sent is not None))

    return Derived(days, paths, note=note)
