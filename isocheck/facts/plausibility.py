"""Dates that cannot be true on the as-of date: an event the fact file says already happened, dated after it.

:data:`EVENTS` lists the fact-file paths of such events (``[]``: every item of a list) with the message
that says what cannot have happened yet; ``records_since`` (the records are complete from that day)
cannot lie after the as-of date either, or nothing in the file could be judged. :data:`MAY_BE_LATER`
lists the dates that may lie after the as-of date (deadlines, plans, validity, entry into force).
Every date field of the fact model is in one of them (``tests/test_input_messages.py`` checks it,
so a new field must be classified). The check runs on fact files
(:func:`isocheck.workflows.check.check_file`): it needs the as-of date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from isocheck.base.errors import InputError
from isocheck.facts.model import Agency
from isocheck.facts.parse import path_text, position_of
from isocheck.text.problems import Problem

EVENTS: tuple[tuple[str, str], ...] = (
    ("qms.quality_policy.issued_on", "event.issued"),
    ("qms.quality_objectives[].issued_on", "event.issued"),
    ("qms.maintenance_plans[].issued_on", "event.issued"),
    ("qms.steering_committee.issued_on", "event.issued"),
    ("qms.iso_secretary.appointed_on", "event.appointed"),
    ("qms.documents_approved.issued_on", "event.issued"),
    ("qms.quality_manual.issued_on", "event.issued"),
    ("qms.management_representative.appointed_on", "event.appointed"),
    ("legal_documents[].built_in_on", "event.built_in"),
    ("internal_audits[].date", "event.audit"),
    ("internal_audits[].corrective_actions[].closed_on", "event.closed"),
    ("management_reviews[].date", "event.review"),
    ("announcements[].date", "event.announcement"),
    ("announcements[].head_confirmed_on", "event.confirmed"),
    ("announcements[].notified_dost_on", "event.letter"),
    ("scope_changes[].date", "event.scope_change"),
    ("consultants[].contract_date", "event.contract"),
    ("certification_bodies[].contract_date", "event.contract"),
    ("satisfaction_surveys[].held_on", "event.survey"),
    ("reports[].requested_on", "event.letter"),
    ("reports[].submitted_on", "event.report"),
    ("judgements[].judged_on", "event.judged"),
    ("marks[].recorded_on", "event.recorded"),
    ("inspections[].decided_on", "event.issued"),
    ("inspections[].held_on", "event.inspection"),
    ("inspections[].minutes_signed_on", "event.signed"),
    ("inspections[].corrective_report_on", "event.report"),
    ("inspections[].information_requests[].requested_on", "event.letter"),
    ("inspections[].information_requests[].provided_on", "event.provided"),
    ("auditor_training[].completed_on", "event.training"),
    ("budgets[].estimated_on", "event.estimate"),
    ("consultants[].ended_on", "event.contract_end"),
    ("consultants[].validity_checks[].checked_on", "event.check"),
    ("consultants[].deviations[].noted_on", "event.noted"),
    ("consultants[].deviations[].reported_to_lead_unit_on", "event.letter"),
    ("consultants[].deviations[].reported_to_directorate_on", "event.letter"),
    ("agency.qms_duty.issued_on", "event.issued"),
)
NOT_AFTER_AS_OF: tuple[str, ...] = ("records_since",)  # not an event: from when the lists are complete
MAY_BE_LATER: tuple[str, ...] = (
    "legal_documents[].effective_on",
    "internal_audits[].corrective_actions[].due_on",
    "consultants[].certificate_valid_until",
    "satisfaction_surveys[].planned_on",
    "reports[].due_on",
    "inspections[].information_requests[].due_on",
    "consultants[].cards_valid_until",
    "agency.qms_duty.effective_on",
    "agency.qms_duty.since",  # a body may say it applies a QMS from a coming date
)
_PART = re.compile(r"\[\]|[^.\[\]]+")
_EVENT_PATHS = tuple((_PART.findall(pattern), event) for pattern, event in EVENTS)  # split once, not per file


def check_dates(agency: Agency, as_of: dt.date, file: str, lines: dict) -> None:
    """Raise :class:`InputError` when the records begin after ``as_of``, else for the events dated after
    ``as_of``: the first (in file order), with the others attached."""
    since = agency.records_since
    if since is not None and since > as_of:
        line, column = position_of(lines, ("records_since",), value=True)
        raise InputError.of(
            file,
            "date.records_since_future",
            {"value": since, "as_of": as_of},
            field="records_since",
            line=line,
            column=column,
        )
    late = []
    for parts, event in _EVENT_PATHS:
        for loc, value in _values(agency, parts, ()):
            if isinstance(value, dt.date) and value > as_of:
                late.append((position_of(lines, loc, value=True), loc, value, event))
    if not late:
        return
    late.sort(key=lambda item: (item[0][0] or 0, item[0][1] or 0))
    errors = [
        InputError(
            file,
            Problem("date.future", value=value, as_of=as_of, event=Problem(event)),
            path_text(loc),
            line,
            column,
        )
        for (line, column), loc, value, event in late
    ]
    raise errors[0].with_others(errors[1:])


def _values(obj: Any, parts: list[str], loc: tuple) -> Iterator[tuple[tuple, Any]]:
    """``(location, value)`` of every value on the path ``parts`` below ``obj`` (a fact model)."""
    if not parts:
        yield loc, obj
    elif obj is not None and parts[0] == "[]":
        for i, item in enumerate(obj):
            yield from _values(item, parts[1:], (*loc, i))
    elif obj is not None:
        yield from _values(getattr(obj, parts[0], None), parts[1:], (*loc, parts[0]))
