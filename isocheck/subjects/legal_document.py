"""Subject kind ``legal_document``: one legal document to build into the procedures within three
calendar months of taking effect (QĐ 19/2014/QĐ-TTg Điều 4 khoản 4 điểm a)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from isocheck.base.calendar import add_months, days_between
from isocheck.facts.missing import NOT_IN_FORCE, because
from isocheck.facts.model import LegalDocument, is_known
from isocheck.subjects.context import Derivation, SubjectFacts, days_words, in_words, labelled
from isocheck.subjects.registry import Derived, SubjectKind, derived_field
from isocheck.text.ui import filled, words

_WORDS = words("words:subjects.")  # value words, from the gettext catalog

KIND = SubjectKind(
    "legal_document",
    display={
        "number": "the document's number",
        "title": "its title ('' if not given)",
        "effective_date": "the date it took effect",
        "deadline": "the date it must be built in by",
        "months": "the months allowed (legal_update_max_months)",
        "built_in_on": "the date it was built in (None: not yet)",
        "days_late": "days after the deadline it was (or is still not) built in, 0 when in time",
    },
    fact_list="legal_documents",
)

_NOT_IN_FORCE = [because("legal_update_max_months", NOT_IN_FORCE)]


class LegalDocumentFacts(SubjectFacts):
    def __init__(self, d: Derivation, index: int, doc: LegalDocument):
        self.doc = doc
        self.src = f"legal_documents[{index}]"
        super().__init__(d, doc.number, labelled("legal_document", number=doc.number))
        # the months allowed on the as-of date (None: no such obligation in force), counted from the day the
        # document took effect — or, for a law already in force then, from the day the obligation began
        # (QĐ 19/2014/QĐ-TTg took effect on 18/05/2014: the first valid_from of legal_update_max_months)
        self.months = d.params.number("legal_update_max_months", d.as_of)
        obligation = d.params.first("legal_update_max_months")
        self.obligation_from = obligation.valid_from
        self.obligation_basis = obligation.citation.instrument if obligation.citation else "QĐ 19/2014/QĐ-TTg"
        self.counted_from = max(doc.effective_on, self.obligation_from)
        self.deadline = None if self.months is None else add_months(self.counted_from, self.months)
        # days from the deadline to the build-in date (or to the as-of date if not built in); None if unknown
        self.days: int | None = None
        if self.deadline is not None and is_known(doc, "built_in_on"):
            self.days = days_between(self.deadline, doc.built_in_on or d.as_of)

    def display(self) -> dict[str, Any]:
        if self.deadline is None:
            return {}
        doc = self.doc
        shown: dict[str, Any] = {
            "number": doc.number,
            "title": doc.title or "",
            "effective_date": doc.effective_on,
            "deadline": self.deadline,
            "months": self.months,
            "built_in_on": doc.built_in_on,
        }
        if self.days is not None:
            shown["days_late"] = max(self.days, 0)
        return shown

    def due_date(self) -> dt.date | None:
        return self.deadline


@KIND.subjects
def _each_document(d: Derivation) -> Iterator[LegalDocumentFacts]:
    for i, doc in enumerate(d.agency.legal_documents or []):
        yield LegalDocumentFacts(d, i, doc)


@derived_field(
    "legal_document",
    "built_in",
    "bool",
    sources=["legal_documents[].built_in_on"],
    en="the change has been built into the procedures",
)
def built_in(doc: LegalDocumentFacts) -> Derived:
    sources = [f"{doc.src}.built_in_on"]
    if doc.months is None:  # no legal deadline in force on the as-of date
        return Derived(None, sources, _NOT_IN_FORCE)
    if not is_known(doc.doc, "built_in_on"):
        return Derived(None, sources)
    return Derived(doc.doc.built_in_on is not None, sources)


@derived_field(
    "legal_document",
    "days_after_deadline",
    "int",
    sources=["legal_documents[].effective_on", "legal_documents[].built_in_on"],
    en="days from the deadline (3 calendar months after the effective date, or after the obligation began if "
    "later) to the build-in date, or to the as-of date if not built in yet",
)
def days_after_deadline(doc: LegalDocumentFacts) -> Derived:
    src = doc.src
    if doc.months is None or doc.deadline is None:
        return Derived(None, [f"{src}.effective_on"], _NOT_IN_FORCE)
    sources = [f"{src}.effective_on", f"{src}.built_in_on"]
    if doc.days is None:
        return Derived(None, sources, [f"{src}.built_in_on"])
    days, deadline, built = doc.days, doc.deadline, doc.doc.built_in_on

    def note() -> tuple[str, str]:
        if built is not None:
            end = filled(_WORDS["note.built_in"], day=built)
        else:
            end = filled(_WORDS["note.not_built_in_counted"], day=doc.d.as_of)
        effective, start = doc.doc.effective_on, doc.counted_from
        if start == effective:
            counted = filled(_WORDS["note.effective"], effective=effective)
        else:  # in force before the obligation began: counted from its first day
            counted = filled(
                _WORDS["note.effective_before_obligation"], effective=effective, basis=doc.obligation_basis, start=start
            )
        return in_words(
            "note.build_in_deadline",
            start=counted,
            months=doc.months,
            deadline=deadline,
            end=end,
            days=days_words(days, done=built is not None),
        )

    return Derived(days, sources, note=note)
