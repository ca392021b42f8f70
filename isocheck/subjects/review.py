"""Subject kind ``review``: one management review held by the as-of date, and its minutes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from isocheck.facts.model import ManagementReview, is_known
from isocheck.subjects import judgements as j
from isocheck.subjects.context import Derivation, SubjectFacts, labelled
from isocheck.subjects.registry import Derived, SubjectKind, derived_field

KIND = SubjectKind(
    "review",
    display={
        "date": "the review's date",
        "minutes": "the minutes' number ('' if none)",
        "inputs_outputs_note": "the inspector's note on the review's inputs and outputs ('' if none)",
    },
    fact_list="management_reviews",
)


_INPUTS_OUTPUTS = "management_review.inputs_outputs"


class ReviewFacts(SubjectFacts):
    def __init__(self, d: Derivation, index: int, review: ManagementReview):
        self.review = review
        self.src = f"management_reviews[{index}]"
        super().__init__(
            d,
            review.date.isoformat(),
            labelled("review", day=review.date),
        )

    def display(self) -> dict[str, Any]:
        note = j.note_of(j.find(self.d, _INPUTS_OUTPUTS, self.review.date))
        return {"date": self.review.date, "minutes": self.review.minutes or "", "inputs_outputs_note": note}


@KIND.subjects
def _each_review(d: Derivation) -> Iterator[ReviewFacts]:
    for i, review in enumerate(d.agency.management_reviews or []):
        if review.date <= d.as_of:
            yield ReviewFacts(d, i, review)


@derived_field(
    "review",
    "has_minutes",
    "bool",
    sources=["management_reviews[].minutes"],
    en="minutes of the review are kept",
)
def has_minutes(r: ReviewFacts) -> Derived:
    known = is_known(r.review, "minutes")
    return Derived(r.review.minutes is not None if known else None, [f"{r.src}.minutes"])


@derived_field(
    "review",
    "inputs_outputs_judgement",
    "str",
    sources=["judgements", "judgements[].judgement"],
    en="judgement: the review's inputs and outputs (management_review.inputs_outputs)",
)
def inputs_outputs_judgement(r: ReviewFacts) -> Derived:
    return j.judged(r.d, _INPUTS_OUTPUTS, r.review.date)


@derived_field(
    "review",
    "in_review_year",
    "bool",
    sources=[],
    en="the review was held in the year under review",
)
def in_review_year(r: ReviewFacts) -> Derived:
    return Derived(r.review.date.year == r.d.year, [])
