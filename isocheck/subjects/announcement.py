"""Subject kind ``announcement``: one announcement decision (or, with ``announcements: []``, the planned one
on the planned date of ``--announce-on``, else on the as-of date) — its preconditions (QĐ 19/2014/QĐ-TTg
Điều 4 khoản 2 a–d), notification, posting and publication (Điều 4 khoản 3)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, TypeVar

from isocheck.facts.model import Announcement, InternalAudit, ManagementReview, is_known
from isocheck.subjects.context import Derivation, SubjectFacts, in_words, labelled, latest
from isocheck.subjects.registry import Derived, SubjectKind, derived_field
from isocheck.text.ui import Words, words

KIND = SubjectKind(
    "announcement",
    display={
        "decision": "the decision's number ('' for the planned one)",
        "date": "the announcement date (for the planned one: the planned date, else the as-of date)",
        "standard": "the TCVN ISO 9001 version announced",
        "scope": "the scope announced ('' if not given)",
        "notified_dost_on": "the date the Department of Science and Technology was notified (None: not)",
        "notification": "the number of that letter",
        "head_confirmed_on": "the date the head confirmed effectiveness (None: not)",
        "documents_approved_on": "the date the head approved the documents (None: not known or not approved)",
        "window_start": "the start of the window preconditions are sought in (the approval date, or None)",
        "window_end": "its end: the announcement date",
        "audit_dates_before": "dates of the internal audits in that window",
        "review_dates_before": "dates of the management reviews in that window",
        "then_announce": "what comes after the remedy: announcing (the planned one) or re-announcing (one on record)",
        "until": "the words before {date} in a 'none held' message: 'đến ngày công bố', for a planned announcement "
        "after the as-of date 'đến ngày dự kiến công bố'",
        "before": "the same in a 'held' message: 'trước ngày công bố' / 'trước ngày dự kiến công bố'",
    },
    fact_list="announcements",
)

_APPROVAL = ["qms.documents_approved.issued_on"]
_WORDS = words("words:subjects.")  # value words, from the gettext catalog
_ANNOUNCE = _WORDS["before_announcing"]  # the planned announcement: never "re-announce"
_REANNOUNCE = _WORDS["before_reannouncing"]
Event = TypeVar("Event", InternalAudit, ManagementReview)


class AnnouncementFacts(SubjectFacts):
    """An announcement on record (``ann``, at ``announcements[index]``), or the planned one (``ann`` None)."""

    def __init__(self, d: Derivation, ann: Announcement | None, index: int = -1, current: bool = True):
        self.ann = ann
        self.src = f"announcements[{index}]"
        self.current = current
        self.day = ann.date if ann is not None else d.announce_on
        if ann is None:
            label = labelled("planned", day=self.day)
        else:
            label = labelled("announcement", decision=ann.decision)
        super().__init__(d, "planned" if ann is None else ann.decision, label)
        # preconditions are sought from the approval of the documents (if it came on or before the
        # announcement) up to the announcement; "none found" means "none held" when the records cover it all
        approved = d.approval_date
        self.since = approved if approved is not None and approved <= self.day else None
        self.window_covered = d.records_cover(self.since) if self.since else d.records_cover(dt.date.min)
        self.audits_before = self.in_window(d.agency.internal_audits)
        self.reviews_before = self.in_window(d.agency.management_reviews)

    def in_window(self, items: list[Event] | None) -> list[Event]:
        """The internal audits (or management reviews) held in the window."""
        return [x for x in items or [] if x.date <= self.day and (self.since is None or x.date >= self.since)]

    def held(self, source: str) -> Derived:
        """Whether an event of list ``source`` (internal_audits, management_reviews) was held in the window
        (unknown when the records do not tell), with the window in the note."""
        items = getattr(self.d.agency, source)
        if items is None:
            held = None if not self.d.known(source) else False
        else:
            found = self.audits_before if source == "internal_audits" else self.reviews_before
            held = True if found else (False if self.window_covered else None)
        since, day, until = self.since, self.day, self.until()

        def note() -> tuple[str, str]:
            what = _WORDS[f"held.{source}"]
            if since:
                return in_words("note.held_since_approval", what=what, since=since, until=until, day=day)
            return in_words("note.held", what=what, until=until, day=day)

        return Derived(held, [source, "qms.documents_approved"], note=note)

    def until(self) -> Words:
        """The words before the window's end date: "đến ngày công bố"; for a planned announcement after the
        as-of date (judged as of its date: ``--announce-on``) "đến ngày dự kiến công bố", and for an agency
        that has not announced, judged as of the as-of date, "đến ngày đánh giá"."""
        if self.ann is None:
            return _WORDS["until_planned" if self._planned_later() else "until_as_of"]
        return _WORDS["until_announced"]

    def before(self) -> Words:
        """The same for a message of something held before that date: "trước ngày (dự kiến) công bố"."""
        if self.ann is None:
            return _WORDS["by_planned" if self._planned_later() else "by_as_of"]
        return _WORDS["by_announced"]

    def _planned_later(self) -> bool:
        return self.ann is None and self.day > self.d.as_of

    def display(self) -> dict[str, Any]:
        ann, a = self.ann, self.d.agency
        if ann is None:
            shown: dict[str, Any] = {"decision": "", "date": self.day, "standard": a.agency.standard}
        else:
            shown = {
                "decision": ann.decision,
                "date": ann.date,
                "standard": ann.standard,
                "scope": ann.scope or "",
                "notified_dost_on": ann.notified_dost_on,
                "notification": ann.notification or "",
                "head_confirmed_on": ann.head_confirmed_on,
            }
        shown.update(
            documents_approved_on=self.d.approval_date,
            window_start=self.since,
            window_end=self.day,
            audit_dates_before=[x.date for x in self.audits_before],
            review_dates_before=[x.date for x in self.reviews_before],
            then_announce=_ANNOUNCE if ann is None else _REANNOUNCE,
            until=self.until(),
            before=self.before(),
        )
        return shown


@KIND.subjects
def _each_announcement(d: Derivation) -> Iterator[AnnouncementFacts]:
    announcements = d.announcements
    if announcements is None:
        return
    listed = d.agency.announcements or []
    current = latest(announcements)
    for ann in announcements:
        yield AnnouncementFacts(d, ann, listed.index(ann), ann is current)
    if not announcements:
        yield AnnouncementFacts(d, None)


@derived_field(
    "announcement",
    "is_planned",
    "bool",
    sources=["announcements"],
    en="no announcement yet: a planned announcement on the planned date (--announce-on), else on the as-of date",
)
def is_planned(s: AnnouncementFacts) -> Derived:
    return Derived(s.ann is None, ["announcements"] if s.ann is None else [s.src])


@derived_field(
    "announcement",
    "is_current",
    "bool",
    sources=["announcements"],
    en="the announcement in force (the latest, or the planned one)",
)
def is_current(s: AnnouncementFacts) -> Derived:
    return Derived(s.current, ["announcements"])


@derived_field(
    "announcement",
    "documents_approved_before",
    "bool",
    sources=_APPROVAL,
    en="the head approved the documents on or before the announcement date",
)
def documents_approved_before(s: AnnouncementFacts) -> Derived:
    if not s.d.approval_known:
        return Derived(None, _APPROVAL)
    approved = s.d.approval_date
    return Derived(approved is not None and approved <= s.day, [*_APPROVAL, "announcement date"])


@derived_field(
    "announcement",
    "audit_before",
    "bool",
    sources=["internal_audits", "qms.documents_approved"],
    en="an internal audit was held after approval and on or before the announcement date",
)
def audit_before(s: AnnouncementFacts) -> Derived:
    return s.held("internal_audits")


@derived_field(
    "announcement",
    "open_nonconformities_at_date",
    "int",
    sources=["internal_audits[].corrective_actions"],
    en="audit nonconformities not yet corrected on the announcement date",
)
def open_nonconformities_at_date(s: AnnouncementFacts) -> Derived:
    audits = s.d.agency.internal_audits
    before = s.audits_before
    count = _open_nonconformities(before, s.day)
    if (audits is None and not s.d.known("internal_audits")) or (not before and not s.window_covered):
        count = None
    return Derived(count, ["internal_audits[*].corrective_actions"])


def _open_nonconformities(audits: list[InternalAudit], day: dt.date) -> int | None:
    """Nonconformities of ``audits`` still open on ``day`` (None: an audit's findings or actions are not known)."""
    total = 0
    for audit in audits:
        if audit.findings is None or audit.corrective_actions is None:
            if audit.findings is not None and audit.findings.major + audit.findings.minor == 0:
                continue
            return None
        nonconformities = audit.findings.major + audit.findings.minor
        closed = sum(1 for c in audit.corrective_actions if c.closed_on is not None and c.closed_on <= day)
        total += max(nonconformities - closed, 0)
    return total


@derived_field(
    "announcement",
    "review_before",
    "bool",
    sources=["management_reviews", "qms.documents_approved"],
    en="a management review was held after approval and on or before the announcement date",
)
def review_before(s: AnnouncementFacts) -> Derived:
    return s.held("management_reviews")


@derived_field(
    "announcement",
    "head_confirmed_before",
    "bool",
    sources=["announcements", "announcements[].head_confirmed_on", "announcements[].date"],
    en="the head confirmed effectiveness on or before the announcement date",
)
def head_confirmed_before(s: AnnouncementFacts) -> Derived:
    ann = s.ann
    if ann is None:  # the head confirms when signing the decision
        return Derived(None, ["announcements"], ["the head's confirmation (not yet given)"])
    if not is_known(ann, "head_confirmed_on"):
        return Derived(None, [f"{s.src}.head_confirmed_on"])
    confirmed = ann.head_confirmed_on
    return Derived(confirmed is not None and confirmed <= ann.date, [f"{s.src}.head_confirmed_on", f"{s.src}.date"])


@derived_field(
    "announcement",
    "notified",
    "bool",
    sources=["announcements", "announcements[].notified_dost_on"],
    en="the Department of Science and Technology was notified in writing",
)
def notified(s: AnnouncementFacts) -> Derived:
    if s.ann is None:
        return Derived(False, ["announcements"])
    known = is_known(s.ann, "notified_dost_on")
    return Derived(s.ann.notified_dost_on is not None if known else None, [f"{s.src}.notified_dost_on"])


@derived_field(
    "announcement",
    "posted",
    "bool",
    sources=["announcements", "announcements[].posted_at_premises"],
    en="the announcement is posted at the agency's premises",
)
def posted(s: AnnouncementFacts) -> Derived:
    if s.ann is None:
        return Derived(False, ["announcements"])
    return Derived(s.ann.posted_at_premises, [f"{s.src}.posted_at_premises"])


@derived_field(
    "announcement",
    "has_website",
    "bool",
    sources=["agency.has_website"],
    en="the agency has a website",
)
def has_website(s: AnnouncementFacts) -> Derived:
    return Derived(s.d.agency.agency.has_website, ["agency.has_website"])


@derived_field(
    "announcement",
    "published",
    "bool",
    sources=["announcements", "announcements[].published_on_website"],
    en="the announcement is published on the agency's website",
)
def published(s: AnnouncementFacts) -> Derived:
    if s.ann is None:
        return Derived(False, ["announcements"])
    return Derived(s.ann.published_on_website, [f"{s.src}.published_on_website"])
