"""Findings: one outcome of one rule for one subject, and the run summary.

A finding is language-neutral; :meth:`Finding.render` gives its texts in Vietnamese or English.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Protocol

from isocheck.pack.rules import SEVERITIES, Rule
from isocheck.subjects.fields import Subject
from isocheck.text.ui import Words, fill, ui


class WaiverLike(Protocol):
    """What a finding reads of a waiver (:class:`isocheck.workflows.waivers.Waiver`, a later stage)."""

    @property
    def justification(self) -> str: ...
    @property
    def approved_by(self) -> str: ...
    @property
    def decision(self) -> str: ...
    @property
    def expires_on(self) -> dt.date: ...
    def model_dump(self, *, mode: str = "python") -> dict[str, Any]: ...


OUTCOMES: tuple[str, ...] = ("fail", "error", "not_evaluable", "pending", "pass", "not_applicable", "waived")
NONCONFORMITY = "fail"
_OUTCOME_RANK = {outcome: i for i, outcome in enumerate(OUTCOMES)}  # sort keys (findings are sorted per agency)
_SEVERITY_RANK = {severity: i for i, severity in enumerate(SEVERITIES)}


@dataclass
class Finding:
    rule: Rule
    outcome: str
    subject_kind: str
    subject_id: str
    subject_label: dict[str, str]
    values: dict[str, Any] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, list[str]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    due_date: dt.date | None = None
    reason: dict[str, str] | None = None
    error: str | None = None
    subject: Subject | None = field(default=None, repr=False)  # the Subject it was judged on (explain)
    item: dict[str, Any] | None = field(default=None, repr=False)  # the item of a findings_per expansion
    waiver: WaiverLike | None = None  # the live waiver that made this finding ``waived``
    waived_outcome: str | None = None  # the outcome before the waiver
    waiver_expired: WaiverLike | None = None  # a matching waiver that has expired (the finding stands)
    standard: int | None = None  # the agency's TCVN ISO 9001 edition: the clause numbering its citations show
    graded: bool = False  # the rule's lesser failure (its ``graded`` block): its message and severity
    severity_override: str | None = None  # the graded severity, when ``graded``

    @property
    def id(self) -> str:
        """Stable identity of the finding across runs: ``<rule id>@<subject id>``."""
        return f"{self.rule.id}@{self.subject_id}"

    @property
    def rule_id(self) -> str:
        return self.rule.id

    @property
    def severity(self) -> str:
        """The rule's severity, or its graded (lesser) severity for a graded failure."""
        return self.severity_override or self.rule.severity

    def sort_key(self) -> tuple:
        return (_OUTCOME_RANK[self.outcome], _SEVERITY_RANK[self.severity], self.rule.id, self.subject_id)

    def message(self, lang: str) -> str:
        rule = self.rule
        if self.outcome == "fail":
            graded = rule.graded.message if self.graded and rule.graded is not None else None
            return fill((graded or rule.message).get(lang), self.values, lang)
        if self.outcome == "pending":
            text = fill(rule.pending_message.get(lang), self.values, lang) if rule.pending_message else ""
            return text or fill(ui("pending_default", lang), {"due_date": self.due_date}, lang)
        if self.outcome == "pass":
            if rule.pass_message is not None:
                return fill(rule.pass_message.get(lang), self.values, lang)
            return ui("pass_default", lang)
        if self.outcome == "not_applicable":
            return (self.reason or {}).get(lang) or ui("not_applicable_default", lang)
        if self.outcome == "not_evaluable":
            return fill(ui("not_evaluable_default", lang), {"missing": ", ".join(self.missing)}, lang)
        if self.outcome == "waived" and self.waiver is not None:
            w = self.waiver
            return fill(
                ui("waived_default", lang),
                {
                    "justification": w.justification,
                    "approved_by": w.approved_by,
                    "decision": w.decision,
                    "expires_on": w.expires_on,
                },
                lang,
            )
        return fill(ui("error_default", lang), {"error": self.error or ""}, lang)

    def citation_text(self, lang: str) -> str:
        """The rule's citations, TCVN ISO 9001 clauses numbered as in the agency's edition."""
        return self.rule.citation_text(lang, self.standard)

    def citation_records(self, lang: str) -> list[dict[str, Any]]:
        """Each citation as data with the whole cited clause of the law (explain, the HTML report)."""
        return [c.record(lang, self.standard) for c in self.rule.citations]

    def waiver_note(self, lang: str) -> str:
        """A line for reports when a matching waiver has expired (empty otherwise)."""
        w = self.waiver_expired
        if w is None:
            return ""
        return fill(ui("waiver_expired", lang), {"decision": w.decision, "expires_on": w.expires_on}, lang)

    def render(self, lang: str) -> dict[str, Any]:
        """The finding as the JSON result object (the documented output schema)."""
        rule = self.rule
        result: dict[str, Any] = {
            "id": self.id,
            "rule_id": rule.id,
            "outcome": self.outcome,
            "severity": self.severity,
            "subject": self.subject_id,
            "subject_kind": self.subject_kind,
            "subject_label": self.subject_label.get(lang, self.subject_id),
            "title": rule.title.get(lang),
            "message": self.message(lang),
            "citation": self.citation_text(lang),
            "citations": rule.citations_data(lang, self.standard),
            "remediation": fill(rule.remediation.get(lang), self.values, lang)
            if self.outcome in ("fail", "pending")
            else "",
            "evidence": {
                "facts": {k: _plain(v, lang) for k, v in sorted(self.facts.items())},
                "sources": dict(sorted(self.sources.items())),
                "missing": list(self.missing),
                "documents": rule.evidence.get(lang),
            },
            "due_date": self.due_date.isoformat() if self.due_date else None,
        }
        origin = rule.origin  # a pydantic private attribute: each read is a Python call
        if origin.source != "national" or origin.changes:  # a province overlay added or changed it
            result["origin"] = origin.record(lang)
        if self.waiver is not None:
            result["waived_outcome"] = self.waived_outcome
        waiver = self.waiver or self.waiver_expired
        if waiver is not None:
            result["waiver"] = {**waiver.model_dump(mode="json"), "expired": self.waiver is None}
        return result


def _plain(value: Any, lang: str) -> Any:
    if isinstance(value, Words):
        return value.get(lang)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v, lang) for v in value]
    return value


@dataclass
class Summary:
    outcomes: dict[str, int]
    nonconformities: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {"outcomes": dict(self.outcomes), "nonconformities_by_severity": dict(self.nonconformities)}


def summarize(findings: list[Finding]) -> Summary:
    outcomes = dict.fromkeys(OUTCOMES, 0)
    nonconformities = dict.fromkeys(SEVERITIES, 0)
    for f in findings:
        outcomes[f.outcome] = outcomes.get(f.outcome, 0) + 1
        if f.outcome == NONCONFORMITY:
            nonconformities[f.severity] += 1
    return Summary(outcomes, nonconformities)


def worst_gate(findings: list[Finding], fail_on: str) -> bool:
    """True when a nonconformity at or above ``fail_on`` exists, or any rule ended in ``error``."""
    return gate(((f.outcome, f.severity) for f in findings), fail_on)


def gate(results, fail_on: str) -> bool:
    """:func:`worst_gate` over ``(outcome, severity)`` pairs (also rendered batch results)."""
    results = list(results)
    if any(outcome == "error" for outcome, _ in results):
        return True
    if fail_on == "none":
        return False
    limit = SEVERITIES.index(fail_on)
    return any(outcome == NONCONFORMITY and SEVERITIES.index(severity) <= limit for outcome, severity in results)
