"""The year's QMS funding estimate (QĐ 19/2014 Điều 10, TT 116/2015 Điều 5 khoản 1): its display text and the
derived field ``qms_budget_estimated`` of subject kind ``year`` (kept apart from year.py for its size)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from isocheck.subjects.registry import Derived, derived_field

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
    vi="đã lập dự toán kinh phí HTQLCL của năm, cùng dự toán ngân sách nhà nước (đến ngày đánh giá)",
    en="the year's QMS funding estimate was made with the state budget estimate (by the as-of date)",
)
def qms_budget_estimated(y: YearFacts) -> Derived:
    if not y.d.known("budgets"):
        return Derived(None, ["budgets"])
    return Derived(budget_text(y) is not None, ["budgets"])
