"""Waivers: an approved, time-limited exception for one rule (for one agency or all of them).

A waiver names the rule, the agency (``"*"`` for all), optionally one subject, the justification,
who approved it and by which decision, and an expiry date. A matching finding that is not a pass
becomes ``waived`` and carries the waiver; an ``error`` is never waived (a broken rule is not an
exception anyone approved). An expired waiver stops applying: the finding keeps its outcome and
records the expired waiver, so every report can say so.

File format (``--waivers waivers.yaml``)::

    waivers:
      - rule: announcement.published-on-website
        agency: UBND xã Thạch Hạ        # or "*"
        subject: "132/QĐ-UBND"          # optional: one subject only
        justification: "Xã chưa có cổng thông tin điện tử riêng; đăng trên cổng của huyện."
        approved_by: "Chi cục TĐC Hà Tĩnh"
        decision: "15/QĐ-TĐC"
        expires_on: 2022-06-30
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from isocheck.engine.findings import Finding
from isocheck.facts.model_files import load_model, unknown_rule
from isocheck.facts.types import Date, Ident, Str

WAIVABLE = ("fail", "pending", "not_evaluable")


class Waiver(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    rule: Ident = Field(min_length=1, description="Rule id, e.g. 'announcement.published-on-website'.")
    agency: Ident = Field(min_length=1, description="Agency name exactly as in its fact file, or '*' for every agency.")
    subject: Ident | None = Field(None, description="One subject id only (e.g. an announcement number); default: all.")
    justification: Str = Field(min_length=1)
    approved_by: Str = Field(min_length=1, description="Who approved the exception.")
    decision: Ident = Field(min_length=1, description="Number of the approving decision or letter.")
    expires_on: Date

    def matches(self, finding: Finding, agency: str) -> bool:
        return (
            self.rule == finding.rule_id and self.agency in ("*", agency) and self.subject in (None, finding.subject_id)
        )

    def to_dict(self, as_of: dt.date) -> dict:
        return {**self.model_dump(mode="json"), "expired": self.expires_on < as_of}


class WaiverFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    waivers: list[Waiver]


def load_waivers(path: str | Path, known_rules: set[str] | None = None) -> list[Waiver]:
    """Load a waiver file; with ``known_rules``, a waiver naming an unknown rule is an input error."""
    waivers = load_model(path, WaiverFile, "waiver file").waivers
    if known_rules is not None:
        for i, w in enumerate(waivers):
            if w.rule not in known_rules:
                raise unknown_rule(str(path), w.rule, known_rules, f"waivers[{i}].rule")
    return waivers


def apply_waivers(findings: list[Finding], waivers: list[Waiver], agency: str, as_of: dt.date) -> list[Finding]:
    """Mark waived findings in place (and return them). The first matching waiver in file order wins;
    a live waiver beats an expired one."""
    for f in findings:
        if f.outcome not in WAIVABLE:
            continue
        matching = [w for w in waivers if w.matches(f, agency)]
        live = [w for w in matching if w.expires_on >= as_of]
        if live:
            f.waiver, f.waived_outcome, f.outcome = live[0], f.outcome, "waived"
        elif matching:
            f.waiver_expired = matching[0]
    return findings
