"""Apply a province overlay (:mod:`isocheck.law.overlay`) to the national rule pack.

The result is a new :class:`RulePack`: the national rules, those the overlay changes copied with their change
and origin, the rules the overlay adds, and the parameters with the overlay's dated values. A change whose
decision is not in force on the as-of date is listed but not applied. Everything that needs the pack is
checked here, with the overlay file's line: rule ids (with a did-you-mean), the pack the overlay extends,
the ids of the rules it adds, each added rule as strictly as a rule file.
"""

from __future__ import annotations

import datetime as dt
import difflib
import string
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from isocheck.facts.validation import validation_error
from isocheck.law.citations import Text
from isocheck.law.overlay import LoadedOverlay, Overlay
from isocheck.law.parameters import READ_BY, MonthDay
from isocheck.pack.origin import Change, Origin
from isocheck.pack.rules import Rule, RulePack, check_rule
from isocheck.text.problems import Problem
from isocheck.text.ui import ui


class _Added(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    decision: str
    reason: Text
    rule: Rule


class _AddedRules(BaseModel):
    """The overlay's ``rules`` list validated as rules, so errors point at their lines in the overlay file."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    rules: list[_Added] = []


@dataclass(frozen=True)
class Tailoring:
    """The overlay as applied: what it is, on which date, and every change (applied or not yet in force)."""

    overlay: Overlay
    file: str
    as_of: dt.date
    changes: tuple[Change, ...]

    def title(self, lang: str) -> str:
        o = self.overlay
        example = ui("overlay.example_title", lang) * o.example
        return f"{o.title.get(lang)} ({o.overlay} {o.version}){example}"

    def record(self, lang: str) -> dict[str, Any]:
        o = self.overlay
        return {
            "id": o.overlay,
            "version": o.version,
            "province": o.province,
            "title": o.title.get(lang),
            "example": o.example,
            "file": self.file,
            "extends": o.extends,
            "as_of": self.as_of.isoformat(),
            "changes": [c.record(lang) for c in self.changes],
        }


def apply_overlay(pack: RulePack, loaded: LoadedOverlay, as_of: dt.date) -> RulePack:
    """``pack`` tailored by the overlay as of ``as_of``. Raises :class:`InputError` naming the overlay's line."""
    o = loaded.overlay
    if o.extends != pack.info.name:
        raise loaded.error("overlay.pack_mismatch", {"expected": o.extends, "found": pack.info.name}, ("extends",))
    if o.overlay in {r.area for r in pack.rules}:
        raise loaded.error("overlay.id_is_area", {"id": o.overlay}, ("overlay",))
    added_rules = _validated_rules(loaded)
    changes = _changes(pack, loaded, as_of) + _added(pack, loaded, added_rules, as_of)
    by_rule: dict[str, list[Change]] = {}
    for change in changes:
        if change.kind == "parameter":  # shown on every rule that reads the parameter
            for rule in pack.rules:
                if _reads(rule, READ_BY[change.target]):
                    by_rule.setdefault(rule.id, []).append(change)
        else:
            by_rule.setdefault(change.target, []).append(change)
    rules = []
    for rule in pack.rules:
        mine = tuple(by_rule.get(rule.id, ()))
        if not mine:
            rules.append(rule)
            continue
        severity = next((c.after for c in mine if c.kind == "severity" and c.in_force), rule.severity)
        origin = Origin("national", o.overlay, o.province, mine)
        rules.append(rule.with_severity(origin, severity))
    for i, added in enumerate(added_rules):
        origin = Origin("overlay", o.overlay, o.province, tuple(by_rule[added.rule.id]))
        rule = added.rule.tailored(origin)
        check_rule(rule, loaded.file, loaded.lines, ("rules", i, "rule"))
        rules.append(rule)
    parameters = pack.parameters.with_values(loaded.parameter_values())
    tailoring = Tailoring(o, loaded.file, as_of, tuple(changes))
    return RulePack(pack.root, pack.info, rules, parameters, tailoring=tailoring)


def _changes(pack: RulePack, loaded: LoadedOverlay, as_of: dt.date) -> list[Change]:
    o = loaded.overlay
    out: list[Change] = []
    skipped: set[str] = set()
    for i, skip in enumerate(o.skip):
        _known_rule(pack, loaded, skip.rule, ("skip", i, "rule"))
        if skip.rule in skipped:
            raise loaded.error("overlay.twice", {"rule": skip.rule}, ("skip", i, "rule"))
        skipped.add(skip.rule)
        out.append(_change(loaded, "skip", skip.rule, skip.decision, skip.reason, as_of))
    changed: set[str] = set()
    for i, item in enumerate(o.severity):
        loc = ("severity", i, "rule")
        _known_rule(pack, loaded, item.rule, loc)
        if item.rule in changed:
            raise loaded.error("overlay.twice", {"rule": item.rule}, loc)
        if item.rule in skipped:
            raise loaded.error("overlay.skip_and_change", {"rule": item.rule}, loc)
        before = pack.by_id[item.rule].severity
        if item.to == before:
            raise loaded.error("overlay.same_severity", {"rule": item.rule, "severity": before}, ("severity", i, "to"))
        changed.add(item.rule)
        out.append(_change(loaded, "severity", item.rule, item.decision, item.reason, as_of, before, item.to))
    for p in o.parameters:
        value = MonthDay(p.value) if MonthDay.parse(p.value) is not None else p.value
        out.append(_change(loaded, "parameter", p.name, p.decision, p.reason, as_of, None, value))
    return out


def _added(pack: RulePack, loaded: LoadedOverlay, added_rules: list[_Added], as_of: dt.date) -> list[Change]:
    o = loaded.overlay
    out: list[Change] = []
    seen: set[str] = set()
    for i, added in enumerate(added_rules):
        rule_id, loc = added.rule.id, ("rules", i, "rule", "id")
        if not rule_id.startswith(f"{o.overlay}.") or rule_id.count(".") != 1:
            raise loaded.error("overlay.rule_prefix", {"prefix": o.overlay, "id": rule_id}, loc)
        if rule_id in pack.by_id or rule_id in seen:
            raise loaded.error("rule.duplicate_id", {"id": rule_id, "other": loaded.file}, loc)
        seen.add(rule_id)
        decision = o.decisions[added.decision]
        if added.rule.effective.from_ < decision.in_force:
            params = {"date": added.rule.effective.from_.isoformat(), "decision": decision.in_force.isoformat()}
            raise loaded.error("overlay.rule_before_decision", params, ("rules", i, "rule", "effective", "from"))
        out.append(_change(loaded, "rule", rule_id, added.decision, added.reason, as_of))
    return out


def _reads(rule: Rule, names: tuple[str, ...]) -> bool:
    """True when the rule's conditions or texts use one of the subject fields or values ``names``."""
    texts = [t.get(lang) for t in (rule.remediation, rule.message, rule.pending_message) if t for lang in ("vi", "en")]
    used = set(rule.referenced_fields) | set(rule.message_placeholders)
    used |= {f for text in texts for _, f, _, _ in string.Formatter().parse(text) if f}
    return bool(used & set(names))


def _validated_rules(loaded: LoadedOverlay) -> list[_Added]:
    raw = {"rules": [r.model_dump() for r in loaded.overlay.rules]}
    try:
        return _AddedRules.model_validate(raw).rules
    except ValidationError as exc:
        raise validation_error(exc, loaded.file, loaded.lines, _AddedRules) from None


def _change(loaded: LoadedOverlay, kind, target, key, reason, as_of, before=None, after=None) -> Change:
    o = loaded.overlay
    decision = o.decisions[key]
    return Change(kind, target, decision, reason, o.province, before, after, decision.in_force <= as_of)


def _known_rule(pack: RulePack, loaded: LoadedOverlay, rule_id: str, loc: tuple) -> None:
    if rule_id not in pack.by_id:
        close = difflib.get_close_matches(rule_id, list(pack.by_id), n=1)
        hint = Problem("field.did_you_mean", close=close[0]) if close else ""
        raise loaded.error("rule.unknown_id", {"rule": rule_id, "hint": hint}, loc)
