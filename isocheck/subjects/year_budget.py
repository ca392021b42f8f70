"""The year's QMS money: the funding estimate (QĐ 19/2014 Điều 10, TT 116/2015 Điều 5 khoản 1) and what maintenance
cost against its cap (TT 116/2015 Điều 4 khoản 6; the dated parameter ``maintenance_spending_cap_vnd``) — display
texts and the derived fields ``qms_budget_estimated`` and ``maintenance_overspent_vnd`` of subject kind ``year``
(kept apart from year.py for its size)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from isocheck.facts.missing import NOT_IN_FORCE, because
from isocheck.subjects.registry import Derived, derived_field
from isocheck.text.values import Count

if TYPE_CHECKING:
    from isocheck.subjects.year import YearFacts


def budget_text(y: YearFacts) -> str | None:
    """The year's estimate made by the as-of date, as 'reference (dd/mm/yyyy)'; None when there is none."""
    made = [b for b in y.d.agency.budgets or [] if b.year == y.y and b.estimated_on is not None]
    made = [b for b in made if b.estimated_on is not None and b.estimated_on <= y.d.as_of]
    if not made:
        return None
    b = max(made, key=lambda b: b.estimated_on or dt.date.min)
    when = b.estimated_on.strftime("%d/%m/%Y") if b.estimated_on else ""
    return f"{b.estimate} ({when})" if b.estimate else when


@derived_field(
    "year",
    "qms_budget_estimated",
    "bool",
    sources=["budgets"],
    en="the year's QMS funding estimate was made with the state budget estimate (by the as-of date)",
)
def qms_budget_estimated(y: YearFacts) -> Derived:
    if not y.d.known("budgets"):
        return Derived(None, ["budgets"])
    return Derived(budget_text(y) is not None, ["budgets"])


def _spent(y: YearFacts) -> int | None:
    """What the year's maintenance and improvement cost (the sum of the year's entries), None when not recorded."""
    amounts = [b.maintenance_spent_vnd for b in y.d.agency.budgets or [] if b.year == y.y]
    known = [a for a in amounts if a is not None]
    return sum(known) if known else None


def _cap(y: YearFacts) -> int | None:
    """The cap in force at the end of the year (or on the as-of date, if earlier); None before TT 116/2015."""
    return y.d.params.number("maintenance_spending_cap_vnd", min(y.end, y.d.as_of))


def _amount(value: int, lang: str) -> str:
    return f"{Count(value).text(lang)} đồng"


def spending_texts(y: YearFacts) -> dict[str, Any]:
    """The display values of the spending and its cap, in both languages (amounts grouped as each language does)."""
    shown: dict[str, Any] = {}
    for key, value in (("maintenance_spent", _spent(y)), ("maintenance_cap", _cap(y))):
        if value is not None:
            shown.update({f"{key}_{lang}": _amount(value, lang) for lang in ("vi", "en")})
    return shown


@derived_field(
    "year",
    "maintenance_overspent_vnd",
    "int",
    sources=["budgets"],
    en="đồng the year's routine maintenance and improvement of the QMS cost above the cap (0: within it)",
)
def maintenance_overspent_vnd(y: YearFacts) -> Derived:
    if not y.d.known("budgets"):
        return Derived(None, ["budgets"])
    spent, cap = _spent(y), _cap(y)
    if cap is None:
        return Derived(None, ["budgets"], [because("maintenance_spending_cap_vnd", NOT_IN_FORCE)])
    if spent is None:
        entries = [
            f"budgets[{i}].maintenance_spent_vnd" for i, b in enumerate(y.d.agency.budgets or []) if b.year == y.y
        ]
        return Derived(None, ["budgets"], entries or ["budgets"])
    return Derived(max(0, spent - cap), ["budgets"])
