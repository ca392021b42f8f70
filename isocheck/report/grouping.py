"""Findings grouped for the documents a person reads: one group per rule and outcome.

A commune with 30 TTHC lacking an internal procedure has 30 findings of one rule; the HTML report and
the inspection minutes print them as one item with a table, the legal basis once. Groups keep the
report's order (outcome, severity, rule id); inside a group the findings run by the field of
procedures (lĩnh vực) when they are per-TTHC items, then by subject id.
"""

from __future__ import annotations

from dataclasses import dataclass

from isocheck.engine.findings import Finding
from isocheck.pack.rules import Rule


@dataclass
class Group:
    """The findings of one rule with one outcome on one agency."""

    rule: Rule
    outcome: str
    findings: list[Finding]

    @property
    def severity(self) -> str:
        return self.rule.severity

    @property
    def rule_id(self) -> str:
        return self.rule.id


def _within(f: Finding) -> tuple:
    return ((f.item or {}).get("field", ""), f.subject_id)


def group_findings(findings: list[Finding], outcome: str | None = None) -> list[Group]:
    """The findings (of ``outcome`` only, when given) grouped by rule, in the order they come."""
    groups: dict[tuple[str, str], Group] = {}
    for f in findings:
        if outcome is not None and f.outcome != outcome:
            continue
        key = (f.rule_id, f.outcome)
        if key not in groups:
            groups[key] = Group(f.rule, f.outcome, [])
        groups[key].findings.append(f)
    for group in groups.values():
        group.findings.sort(key=_within)
    return list(groups.values())
