"""Subject kind ``audit``: one internal audit held by the as-of date — its nonconformities and their
corrective actions (TCVN ISO 9001:2015 mục 10.2)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, NamedTuple

from isocheck.facts.model import CorrectiveAction, InternalAudit
from isocheck.subjects import judgements as j
from isocheck.subjects.context import Derivation, SubjectFacts, labelled
from isocheck.subjects.registry import Derived, SubjectKind, derived_field

KIND = SubjectKind(
    "audit",
    display={
        "date": "the audit's date",
        "report": "the audit report's number ('' if not given)",
        "major": "major nonconformities (when findings are on record)",
        "minor": "minor nonconformities",
        "observation": "observations",
        "next_due": "the earliest due date of an action still open and not yet due (None: none)",
        "without_action": "nonconformities with no corrective action recorded",
        "overdue": "open actions past their due date (or without one)",
        "not_due": "open actions not yet due",
        "overdue_findings": "the findings of the overdue actions, joined with '; '",
        "records_note": "the inspector's note on the audit's programme, checklists and report ('' if none)",
    },
    fact_list="internal_audits",
)


_RECORDS = "internal_audit.records"


class Actions(NamedTuple):
    """The audit's corrective actions on the as-of date."""

    overdue: list[CorrectiveAction]
    not_due: list[CorrectiveAction]
    without_action: int


def _actions(audit: InternalAudit, nonconformities: int | None, as_of: dt.date) -> Actions | None:
    """The actions on the as-of date; None when the findings, or the actions their nonconformities need, are unknown."""
    if nonconformities is None or (audit.corrective_actions is None and nonconformities > 0):
        return None
    actions = audit.corrective_actions or []
    still_open = [c for c in actions if c.closed_on is None or c.closed_on > as_of]
    return Actions(
        [c for c in still_open if c.due_on is None or c.due_on < as_of],
        [c for c in still_open if c.due_on is not None and c.due_on >= as_of],
        max(nonconformities - len(actions), 0),
    )


class AuditFacts(SubjectFacts):
    def __init__(self, d: Derivation, index: int, audit: InternalAudit):
        self.audit = audit
        self.src = f"internal_audits[{index}]"
        super().__init__(
            d,
            audit.date.isoformat(),
            labelled("audit", day=audit.date),
        )
        findings = audit.findings
        self.nonconformities = None if findings is None else findings.major + findings.minor
        self.actions = _actions(audit, self.nonconformities, d.as_of)

    def due_date(self) -> dt.date | None:
        due_dates = [c.due_on for c in self.actions.not_due if c.due_on] if self.actions else []
        return min(due_dates) if due_dates else None

    def display(self) -> dict[str, Any]:
        audit = self.audit
        shown: dict[str, Any] = {"date": audit.date, "report": audit.report or ""}
        shown["records_note"] = j.note_of(j.find(self.d, _RECORDS, audit.date))
        if audit.findings is not None:
            findings = audit.findings
            shown.update(major=findings.major, minor=findings.minor, observation=findings.observation)
        if self.actions is not None:
            shown.update(
                next_due=self.due_date(),
                without_action=self.actions.without_action,
                overdue=len(self.actions.overdue),
                not_due=len(self.actions.not_due),
                overdue_findings="; ".join(c.finding for c in self.actions.overdue),
            )
        return shown


@KIND.subjects
def _each_audit(d: Derivation) -> Iterator[AuditFacts]:
    for i, audit in enumerate(d.agency.internal_audits or []):
        if audit.date <= d.as_of:
            yield AuditFacts(d, i, audit)


@derived_field(
    "audit",
    "nonconformity_count",
    "int",
    sources=["internal_audits[].findings"],
    en="major and minor nonconformities found",
)
def nonconformity_count(a: AuditFacts) -> Derived:
    return Derived(a.nonconformities, [f"{a.src}.findings"])


def _actions_source(a: AuditFacts) -> list[str]:
    """Where the counts of actions come from: the findings when they are unknown, else the actions."""
    return [f"{a.src}.findings"] if a.audit.findings is None else [f"{a.src}.corrective_actions"]


@derived_field(
    "audit",
    "unresolved_overdue",
    "int",
    sources=["internal_audits[].findings", "internal_audits[].corrective_actions"],
    en="nonconformities with no corrective action, or an action open past its due date",
)
def unresolved_overdue(a: AuditFacts) -> Derived:
    actions = a.actions
    return Derived(None if actions is None else len(actions.overdue) + actions.without_action, _actions_source(a))


@derived_field(
    "audit",
    "open_not_due",
    "int",
    sources=["internal_audits[].findings", "internal_audits[].corrective_actions"],
    en="corrective actions still open but not yet due",
)
def open_not_due(a: AuditFacts) -> Derived:
    actions = a.actions
    return Derived(None if actions is None else len(actions.not_due), _actions_source(a))


@derived_field(
    "audit",
    "records_judgement",
    "str",
    sources=["judgements", "judgements[].judgement"],
    en="judgement: the audit's programme, checklists and report (internal_audit.records)",
)
def records_judgement(a: AuditFacts) -> Derived:
    return j.judged(a.d, _RECORDS, a.audit.date)


@derived_field(
    "audit",
    "in_review_year",
    "bool",
    sources=[],
    en="the audit was held in the year under review",
)
def in_review_year(a: AuditFacts) -> Derived:
    return Derived(a.audit.date.year == a.d.year, [])
