"""What would make a finding pass: the smallest change of fact, described and applied as a patch.

For a failed (or pending) rule, :func:`remedy_for` picks the fewest condition parts that must turn
false — one part of an AND, every true part of an OR — and, for each, a registered fix of the fact
file that turns it false: "an internal audit dated between 2021-01-01 and 2021-11-16", "build
31/2021/NĐ-CP into the procedures on or before 2021-06-26". Each fix is also a patch on the fact
document, so a property test can apply it and check the rule then passes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from isocheck.explain.fixes import FIXES
from isocheck.explain.patches import Context, Fix
from isocheck.pack.conditions import holds
from isocheck.pack.rules import Rule
from isocheck.subjects.fields import Subject


@dataclass
class Remedy:
    """The change that would make the finding pass: texts in both languages and one patch."""

    fixes: list[Fix]

    def text(self, lang: str) -> str:
        return "; ".join(f.text.get(lang) for f in self.fixes)

    def apply(self, doc: dict) -> None:
        for fix in self.fixes:
            fix.patch(doc)


def _leaves_to_flip(cond: tuple, fact: dict, kind: str) -> list[tuple] | None:
    """Fewest fixable comparison leaves that, made false, make a currently true ``cond`` false."""
    if not holds(cond, fact):
        return []
    tag = cond[0]
    if tag == "cmp":
        return [cond] if (kind, cond[1]) in FIXES else None
    if tag == "and":  # one false part is enough
        options = [o for o in (_leaves_to_flip(c, fact, kind) for c in cond[1]) if o]
        return min(options, key=len) if options else None
    if tag == "or":  # every true part must turn false
        leaves: list[tuple] = []
        for c in cond[1]:
            sub = _leaves_to_flip(c, fact, kind)
            if sub is None:
                return None
            leaves += sub
        return leaves
    return None


def remedy_for(rule: Rule, subject: Subject, outcome: str, as_of: dt.date, item: dict | None = None) -> Remedy | None:
    """The smallest change of fact that turns a fail or pending outcome into a pass, or None."""
    if outcome not in ("fail", "pending"):
        return None
    leaves: list[tuple] = []
    for part in ("fail_when", "pending_when"):
        cond = rule.conditions[part]
        if cond is None:
            continue
        flip = _leaves_to_flip(cond, subject.fields, subject.kind)
        if flip is None:
            return None
        seen = {leaf[1] for leaf in leaves}
        leaves += [leaf for leaf in flip if leaf[1] not in seen]
    if not leaves:
        return None
    ctx = Context(subject, as_of, item)
    fixes: list[Fix] = []
    used: set = set()
    for leaf in leaves:
        make = FIXES[(subject.kind, leaf[1])]
        if make in used:  # one fix may close several leaves (built_in and days_after_deadline)
            continue
        used.add(make)
        fixes.append(make(ctx))
    return Remedy(fixes)
