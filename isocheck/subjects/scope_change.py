"""Subject kind ``scope_change``: one change of the QMS scope, to be followed by a re-announcement
(QĐ 19/2014/QĐ-TTg Điều 4 khoản 3)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from isocheck.facts.model import ScopeChange
from isocheck.subjects.context import Derivation, SubjectFacts, labelled
from isocheck.subjects.registry import Derived, SubjectKind, derived_field

KIND = SubjectKind(
    "scope_change",
    display={
        "date": "the date of the change",
        "kind": "adjusted | extended | narrowed",
        "description": "its description ('' if not given)",
        "reannounced_by": "the first announcement on or after it ('' if none; absent when announcements are unknown)",
    },
    fact_list="scope_changes",
)


class ScopeChangeFacts(SubjectFacts):
    def __init__(self, d: Derivation, index: int, change: ScopeChange):
        self.change = change
        self.src = f"scope_changes[{index}]"
        super().__init__(
            d,
            f"{change.date.isoformat()} {change.kind}",
            labelled("scope_change", day=change.date),
        )

    def after(self) -> list[Any]:
        return [a for a in self.d.announcements or [] if a.date >= self.change.date]

    def display(self) -> dict[str, Any]:
        change = self.change
        shown: dict[str, Any] = {"date": change.date, "kind": change.kind, "description": change.description or ""}
        if self.d.announcements is not None:
            after = self.after()
            shown["reannounced_by"] = min(after, key=lambda a: a.date).decision if after else ""
        return shown


@KIND.subjects
def _each_change(d: Derivation) -> Iterator[ScopeChangeFacts]:
    listed = d.agency.scope_changes or []
    for change in d.scope_changes or []:
        yield ScopeChangeFacts(d, listed.index(change), change)


@derived_field(
    "scope_change",
    "reannounced",
    "bool",
    sources=["scope_changes[].date", "announcements"],
    en="an announcement was made on or after the scope change",
)
def reannounced(c: ScopeChangeFacts) -> Derived:
    if c.d.announcements is None:
        return Derived(None, ["announcements"])
    return Derived(bool(c.after()), [f"{c.src}.date", "announcements"])
