"""The province matrix: one row per agency with the columns provinces already send, its verdict, and
the summary by administrative level.

Each column is fed by named rules; its mark is the worst outcome of their findings for the agency
(``no`` > ``error`` > ``unknown`` > ``pending`` > ``yes`` > ``n/a``). When a column's rules did not run (the
pre-announcement profile has no yearly duties), the audit, review and corrective-action columns read the rules
of "before announcing" instead (:data:`BEFORE_ANNOUNCING`): what was held shows as held. A waived finding
reads ``waived``.
The verdict: ``no_report`` when the requested yearly report was not sent, ``does_not_conform`` with a
major or minor nonconformity, ``error`` when a rule errored or the worker died, ``incomplete`` when a
matrix column could not be judged for missing facts, ``input_error`` for a bad fact file, otherwise
``conforms``. Rules outside the matrix that lack facts (a roster carries no TTHC list) do not make an
agency incomplete; their counts are in the agency's ``counts``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from isocheck.facts.model import LEVELS
from isocheck.pack.rules import SEVERITIES

# (column key, rules feeding it); "standard" is filled from the fact file, checked by the transition rule
COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("report", ("maintenance.yearly-report-submitted",)),
    ("announced", ("announcement.announced",)),
    ("policy_objectives", ("documents.quality-policy", "documents.quality-objectives-yearly")),
    ("plan", ("maintenance.yearly-maintenance-plan",)),
    ("internal_audit", ("maintenance.internal-audit-yearly",)),
    ("corrective_actions", ("maintenance.audit-nonconformities-closed",)),
    ("review", ("maintenance.management-review-yearly",)),
    ("standard", ("maintenance.transition-to-iso-9001-2015",)),
)
# the rules a column reads when its own did not run: the pre-announcement profile has no yearly duties, but an
# audit, a review and closed nonconformities before the announcement show as held (not "–")
BEFORE_ANNOUNCING: dict[str, tuple[str, ...]] = {
    "internal_audit": ("announcement.internal-audit-before",),
    "corrective_actions": ("announcement.nonconformities-corrected-before",),
    "review": ("announcement.management-review-before",),
}
MATRIX_RULES: frozenset[str] = frozenset(
    r for rules in (*(rules for _, rules in COLUMNS), *BEFORE_ANNOUNCING.values()) for r in rules
)

MARK_OF_OUTCOME = {
    "fail": "no",
    "error": "error",
    "not_evaluable": "unknown",
    "pending": "pending",
    "pass": "yes",
    "not_applicable": "n/a",
    "waived": "waived",
}
MARK_ORDER = ("no", "error", "unknown", "pending", "waived", "yes", "n/a")
VERDICTS = ("conforms", "does_not_conform", "no_report", "incomplete", "error", "input_error")


def marks_of(findings: Iterable[Any]) -> dict[str, str]:
    """Column marks from an agency's :class:`~isocheck.engine.findings.Finding` objects (their rule id and
    outcome are all it reads; nothing is rendered)."""
    by_rule: dict[str, list[str]] = {}
    for f in findings:
        if f.rule_id in MATRIX_RULES:
            by_rule.setdefault(f.rule_id, []).append(MARK_OF_OUTCOME[f.outcome])
    row = {}
    for key, rules in COLUMNS:
        found = [m for rule in rules for m in by_rule.get(rule, [])]
        if not found:
            found = [m for rule in BEFORE_ANNOUNCING.get(key, ()) for m in by_rule.get(rule, [])]
        row[key] = min(found, key=MARK_ORDER.index) if found else "n/a"
    return row


def verdict_of(findings: Iterable[Any], row: dict[str, str]) -> str:
    """The agency's verdict from its findings and its matrix ``row`` (:func:`marks_of`)."""
    results = [(f.rule_id, f.outcome, f.severity) for f in findings]
    if ("maintenance.yearly-report-submitted", "fail") in {(rule, outcome) for rule, outcome, _ in results}:
        return "no_report"
    if any(outcome == "fail" and severity in ("major", "minor") for _, outcome, severity in results):
        return "does_not_conform"
    if any(outcome == "error" for _, outcome, _ in results):
        return "error"
    if "unknown" in row.values():
        return "incomplete"
    return "conforms"


READINESS = ("ready", "not_ready")
RECORDED = ("dated", "marked", "not_held", "unknown")  # as isocheck.subjects.marks.LEVELS


def on_2015(entry: dict[str, Any]) -> bool:
    """True when an agency counts as on TCVN ISO 9001:2015: its QMS is, and the transition rule does not find it
    still on 2008 (an announcement in force on 2008 is the QMS of record until it is announced again)."""
    return entry.get("standard") == 2015 and (entry.get("matrix") or {}).get("standard") != "no"


def _empty() -> dict[str, Any]:
    return {
        "agencies": 0,
        "announced": 0,
        "conforming": 0,
        "on_2015": 0,
        "verdicts": dict.fromkeys(VERDICTS, 0),
        "nonconformities": dict.fromkeys(SEVERITIES, 0),
        "readiness": dict.fromkeys(READINESS, 0),  # pre-announcement: ready / not ready to announce
        "reports": dict.fromkeys(RECORDED, 0),  # the year's report as the files record it, deadlines aside
    }


class LevelSummary:
    """The summary by level, added to one agency at a time (constant memory however many agencies)."""

    def __init__(self):
        self.levels: dict[str, dict[str, Any]] = {level: _empty() for level in LEVELS}
        self.total = _empty()

    def add(self, a: dict[str, Any]) -> None:
        for bucket in (self.levels.setdefault(a.get("level") or "unknown", _empty()), self.total):
            bucket["agencies"] += 1
            bucket["verdicts"][a["verdict"]] += 1
            if a["verdict"] == "conforms":
                bucket["conforming"] += 1
            if (a.get("matrix") or {}).get("announced") == "yes":
                bucket["announced"] += 1
            if on_2015(a):
                bucket["on_2015"] += 1
            for s in SEVERITIES:
                bucket["nonconformities"][s] += (a.get("counts") or {}).get("nonconformities_by_severity", {}).get(s, 0)
            if a.get("readiness") is not None:
                bucket["readiness"][a["readiness"]["verdict"]] += 1
            if a.get("recorded") is not None:
                bucket["reports"][a["recorded"]["report_received"]] += 1

    def to_dict(self) -> dict[str, dict[str, Any]]:
        """Per level (and ``total``): agencies, announced, applying correctly (verdict conforms), on 2015,
        verdict counts and nonconformities by severity."""
        return {**self.levels, "total": self.total}
