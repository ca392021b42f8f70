"""The pre-announcement verdict: is the agency READY to announce its QMS, and what blocks it?

Blocking: a major or minor nonconformity, a rule that could not be evaluated for missing facts (a
precondition nobody can confirm is not met), and a rule error. Observations, pending obligations and
waived findings do not block. With an announcement date, the pending obligations that fall due
between the as-of date and that date are listed too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from isocheck.engine.findings import Finding

BLOCKING_SEVERITIES = ("major", "minor")


def is_blocking(f: Finding) -> bool:
    return (f.outcome == "fail" and f.severity in BLOCKING_SEVERITIES) or f.outcome in ("error", "not_evaluable")


@dataclass
class Readiness:
    ready: bool
    blocking: list[Finding]
    announce_on: dt.date | None = None
    falls_due: list[Finding] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        return "ready" if self.ready else "not_ready"

    def to_dict(self) -> dict:
        return {
            "verdict": self.verdict,
            "blocking": [f.id for f in self.blocking],
            "announce_on": self.announce_on.isoformat() if self.announce_on else None,
            "falls_due": [
                {"id": f.id, "due_date": f.due_date.isoformat() if f.due_date else None} for f in self.falls_due
            ],
        }


def blocking_order(f: Finding) -> tuple:
    """Blocking findings: nonconformities first (major, minor), then errors, then not evaluable; TTHC
    findings grouped by their field (lĩnh vực)."""
    rank = {"fail": 0, "error": 1, "not_evaluable": 2}[f.outcome]
    group = (f.item or {}).get("field", "")
    return (
        rank,
        BLOCKING_SEVERITIES.index(f.severity) if f.severity in BLOCKING_SEVERITIES else 2,
        f.rule_id,
        group,
        f.subject_id,
    )


def assess(findings: list[Finding], as_of: dt.date, announce_on: dt.date | None = None) -> Readiness:
    blocking = sorted((f for f in findings if is_blocking(f)), key=blocking_order)
    falls_due = []
    if announce_on is not None:
        falls_due = sorted(
            (
                f
                for f in findings
                if f.outcome == "pending" and f.due_date is not None and as_of <= f.due_date <= announce_on
            ),
            key=lambda f: (f.due_date, f.rule_id),
        )
    return Readiness(ready=not blocking, blocking=blocking, announce_on=announce_on, falls_due=falls_due)
