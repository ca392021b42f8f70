"""Where a rule comes from: the national pack, unchanged or changed by a province overlay, or the overlay itself.

Every report says it (:meth:`Origin.label` for tables, :meth:`Origin.record` for JSON and HTML), so a reader
always knows whether a finding rests on national law alone or also on a provincial decision, and which one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from isocheck.law.citations import Decision, Text
from isocheck.text.catalog import pairs
from isocheck.text.ui import format_value, pick, ui

_WORDS: dict[str, tuple[str, str]] = pairs("words:origin.")  # (vi, en) by key, from the gettext catalog


def _word(key: str, lang: str, **values: Any) -> str:
    return pick(_WORDS[key], lang).format(**values)


@dataclass(frozen=True)
class Change:
    """One thing a province overlay changes, with the decision it rests on and why."""

    kind: str  # "skip" | "severity" | "parameter" | "rule"
    target: str  # the rule id, or the parameter name
    decision: Decision
    reason: Text
    province: str
    before: str | None = None  # the national severity
    after: Any = None  # the new severity, or the parameter's value
    in_force: bool = True  # False: the decision takes effect after the as-of date; the change is not applied

    def describe(self, lang: str) -> str:
        if self.kind == "severity":
            before, after = (ui(f"severity_short.{s}", lang) for s in (self.before, self.after))
            text = _word("severity", lang, before=before, after=after)
        else:
            if isinstance(self.after, Text):
                after = self.after.get(lang)
            elif hasattr(self.after, "text"):
                after = self.after.text(lang)
            else:
                after = format_value(self.after, lang)
            text = _word(self.kind, lang, target=self.target, after=after)
        if not self.in_force:
            text += _word("not_in_force", lang, date=format_value(self.decision.in_force, lang))
        return text

    def short(self, lang: str) -> str:
        """ "tỉnh Hà Tĩnh: 44/KH-SKHCN ngày 14/01/2022" — the decision in a citation column."""
        date = format_value(self.decision.date, lang)
        text = _word("short", lang, province=self.province, number=self.decision.number, date=date)
        return text + (_word("example", lang) if self.decision.placeholder else "")

    def record(self, lang: str) -> dict[str, Any]:
        after = self.after.model_dump() if isinstance(self.after, Text) else self.after
        return {
            "kind": self.kind,
            "target": self.target,
            "before": self.before,
            "after": after.isoformat() if hasattr(after, "isoformat") else after,
            "in_force": self.in_force,
            "text": self.describe(lang),
            "decision": self.decision.record(lang),
            "reason": self.reason.get(lang),
        }


@dataclass(frozen=True)
class Origin:
    """A rule's origin: ``national`` (with the overlay's changes, if any) or ``overlay`` (a province's criterion)."""

    source: str = "national"
    overlay: str | None = None
    province: str | None = None
    changes: tuple[Change, ...] = ()

    @property
    def tailored(self) -> bool:
        return self.source == "overlay" or any(c.in_force for c in self.changes)

    @property
    def skipped(self) -> Change | None:
        return next((c for c in self.changes if c.kind == "skip" and c.in_force), None)

    def label(self, lang: str) -> str:
        if self.source == "overlay":
            return _word("added", lang, province=self.province)
        applied = [c for c in self.changes if c.in_force]
        if not applied:
            return pick(_WORDS["national"], lang)
        head = _word("changed", lang, province=self.province)
        return f"{head}: " + "; ".join(c.describe(lang) for c in applied)

    def citation(self, lang: str) -> str:
        """The provincial decisions behind the rule, for the citation column ("" for an untouched rule)."""
        return "; ".join(dict.fromkeys(c.short(lang) for c in self.changes if c.in_force))

    def skip_reason(self, lang: str) -> str | None:
        change = self.skipped
        if change is None:
            return None
        return _word(
            "skip_reason",
            lang,
            province=self.province,
            decision=change.decision.format(lang),
            reason=change.reason.get(lang),
        )

    def record(self, lang: str) -> dict[str, Any]:
        return {
            "source": self.source,
            "overlay": self.overlay,
            "label": self.label(lang),
            "changes": [c.record(lang) for c in self.changes],
        }


NATIONAL = Origin()
