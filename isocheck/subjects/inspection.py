"""Subject kind ``inspection``: one on-site inspection of the QMS held by the as-of date, whose minutes the agency
must answer with a report on its corrective actions within two months of signing them (TT 26/2014/TT-BKHCN
Điều 37 khoản 2 điểm c; the months are the dated parameter ``inspection_corrective_max_months``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from isocheck.base.calendar import add_months, days_between
from isocheck.facts.missing import NOT_IN_FORCE, because
from isocheck.facts.model import Inspection, is_known
from isocheck.facts.records import InformationRequest
from isocheck.subjects.context import Derivation, SubjectFacts, days_words, in_words, labelled
from isocheck.subjects.registry import Derived, SubjectKind, derived_field
from isocheck.text.ui import filled, words

_WORDS = words("words:subjects.")  # value words, from the gettext catalog

KIND = SubjectKind(
    "inspection",
    display={
        "decision": "number of the inspection decision",
        "held_on": "the day of the inspection",
        "minutes": "number of the inspection minutes ('' if not given)",
        "minutes_signed_on": "the day the minutes were signed",
        "issues": "outstanding issues the minutes record",
        "corrective_deadline": "the last day for the report on corrective actions",
        "months": "the months allowed (inspection_corrective_max_months)",
        "corrective_report_on": "the day the report was sent (None: not sent)",
        "corrective_report": "number of that report ('' if not given)",
        "corrective_days_late": "days after the deadline it was (or is still not) sent, 0 when in time",
        "late_items": "the documents or information asked for and provided late (or not at all), joined with '; '",
        "open_items": "those asked for, not provided yet and not yet due, joined with '; '",
    },
    fact_list="inspections",
)

_NOT_IN_FORCE = [because("inspection_corrective_max_months", NOT_IN_FORCE)]


class InspectionFacts(SubjectFacts):
    def __init__(self, d: Derivation, index: int, inspection: Inspection):
        self.inspection = inspection
        self.src = f"inspections[{index}]"
        super().__init__(
            d,
            inspection.decision,
            labelled("inspection", decision=inspection.decision),
        )
        signed = (
            inspection.minutes_signed_on
            if inspection.minutes_signed_on and inspection.minutes_signed_on <= d.as_of
            else None
        )
        self.signed = signed
        # the months allowed, as the law stood on the day the minutes were signed (None: no such obligation then)
        self.months = d.params.number("inspection_corrective_max_months", signed) if signed else None
        self.deadline = add_months(signed, self.months) if signed and self.months else None
        sent = inspection.corrective_report_on
        self.sent = sent if sent is not None and sent <= d.as_of else None
        self.days: int | None = None
        if self.deadline is not None and is_known(inspection, "corrective_report_on"):
            self.days = days_between(self.deadline, self.sent or d.as_of)

    def requests(self) -> tuple[list[InformationRequest], ...] | None:
        """The team's requests provided after their deadline or still missing past it, those still open before
        it, and every request made (by the as-of date); None when the requests are unknown (left out)."""
        listed = self.inspection.information_requests
        if listed is None:
            return None
        asked = [r for r in listed if r.requested_on <= self.d.as_of]
        given = {id(r): r.provided_on if r.provided_on and r.provided_on <= self.d.as_of else None for r in asked}
        late = [r for r in asked if (given[id(r)] or self.d.as_of) > r.due_on]
        open_ = [r for r in asked if given[id(r)] is None and r.due_on >= self.d.as_of]
        return late, open_, asked

    def display(self) -> dict[str, Any]:
        i = self.inspection
        shown: dict[str, Any] = {
            "decision": i.decision,
            "held_on": i.held_on,
            "minutes": i.minutes or "",
            "corrective_report": i.corrective_report or "",
            "corrective_report_on": self.sent,
        }
        if self.signed is not None:
            shown["minutes_signed_on"] = self.signed
        if i.issues is not None:
            shown["issues"] = i.issues
        if self.deadline is not None:
            shown.update(corrective_deadline=self.deadline, months=self.months)
        if self.days is not None:
            shown["corrective_days_late"] = max(self.days, 0)
        requests = self.requests()
        if requests is not None:
            shown.update(
                late_items="; ".join(r.item for r in requests[0]), open_items="; ".join(r.item for r in requests[1])
            )
        return shown

    def due_date(self) -> dt.date | None:
        return self.deadline


@KIND.subjects
def _each_inspection(d: Derivation) -> Iterator[InspectionFacts]:
    for i, inspection in enumerate(d.agency.inspections or []):
        if inspection.held_on <= d.as_of:
            yield InspectionFacts(d, i, inspection)


@derived_field(
    "inspection",
    "minutes_signed",
    "bool",
    sources=["inspections[].minutes_signed_on"],
    en="the inspection minutes have been signed (by the as-of date)",
)
def minutes_signed(i: InspectionFacts) -> Derived:
    sources = [f"{i.src}.minutes_signed_on"]
    if not is_known(i.inspection, "minutes_signed_on"):
        return Derived(None, sources)
    return Derived(i.signed is not None, sources)


@derived_field(
    "inspection",
    "outstanding_issues",
    "int",
    sources=["inspections[].issues"],
    en="outstanding issues the inspection minutes record",
)
def outstanding_issues(i: InspectionFacts) -> Derived:
    return Derived(i.inspection.issues, [f"{i.src}.issues"])


@derived_field(
    "inspection",
    "corrective_report_sent",
    "bool",
    sources=["inspections[].corrective_report_on"],
    en="the report on corrective actions has been sent to the inspecting unit",
)
def corrective_report_sent(i: InspectionFacts) -> Derived:
    sources = [f"{i.src}.corrective_report_on"]
    if not is_known(i.inspection, "corrective_report_on"):
        return Derived(None, sources)
    return Derived(i.sent is not None, sources)


@derived_field(
    "inspection",
    "corrective_days_after_deadline",
    "int",
    sources=["inspections[].minutes_signed_on", "inspections[].corrective_report_on"],
    en="days from the deadline of the corrective-action report (2 months after the minutes were signed) to the day "
    "it was sent, or to the as-of date if not sent yet",
)
def corrective_days_after_deadline(i: InspectionFacts) -> Derived:
    src = i.src
    if i.signed is None:
        return Derived(None, [f"{src}.minutes_signed_on"])
    if i.deadline is None:
        return Derived(None, [f"{src}.minutes_signed_on"], _NOT_IN_FORCE)
    sources = [f"{src}.minutes_signed_on", f"{src}.corrective_report_on"]
    if i.days is None:
        return Derived(None, sources, [f"{src}.corrective_report_on"])
    days, deadline, signed, sent = i.days, i.deadline, i.signed, i.sent

    def note() -> tuple[str, str]:
        end = filled(_WORDS["note.sent"], day=sent) if sent else filled(_WORDS["note.not_sent_counted"], day=i.d.as_of)
        return in_words(
            "note.corrective_report",
            signed=signed,
            months=i.months,
            deadline=deadline,
            end=end,
            days=days_words(days, done=sent is not None),
        )

    return Derived(days, sources, note=note)


def _requests_count(which: int) -> Callable[[InspectionFacts], Derived]:
    def compute(i: InspectionFacts) -> Derived:
        sources = [f"{i.src}.information_requests"]
        requests = i.requests()
        if requests is None:
            return Derived(None, sources)
        return Derived(len(requests[which]), sources)

    return compute


derived_field(
    "inspection",
    "information_late",
    "int",
    sources=["inspections[].information_requests"],
    en="documents or information the team asked for that were provided after their deadline, or are past it",
)(_requests_count(0))
derived_field(
    "inspection",
    "information_open",
    "int",
    sources=["inspections[].information_requests"],
    en="documents or information the team asked for, not provided yet and not yet due",
)(_requests_count(1))
derived_field(
    "inspection",
    "information_asked",
    "int",
    sources=["inspections[].information_requests"],
    en="documents or information the team asked the agency for (by the as-of date)",
)(_requests_count(2))
