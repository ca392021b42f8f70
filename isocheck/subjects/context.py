"""What derived fields are computed from: one agency as of one date, and one subject of it.

:class:`Derivation` holds the agency-wide state every subject kind reads (the as-of date, the year under
review, the dated parameters, the events that have happened by the as-of date, the approval of the
documents). :class:`SubjectFacts` is one subject's view of it; each subject kind subclasses it with the
entry the subject is about (``isocheck/subjects/<kind>.py``) and shares work between its fields through
cached properties. All date arithmetic and "is there any …" questions are answered here, in Python, so
that rules only compare fields of one flat fact (DESIGN.md, "derive before matching").
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from isocheck.facts.catalogue import Catalogue
from isocheck.facts.model import Agency, Announcement, is_known
from isocheck.law.parameters import Parameters
from isocheck.text.ui import Words, filled, words

T = TypeVar("T")
_WORDS = words("words:subjects.")  # value words, from the gettext catalog
_NO_RECORD = _WORDS["no_number_name_date"]


class Derivation:
    """One agency evaluated as of one date, for one review year; ``catalogue``: the province's list of TTHC the
    agency's scope is checked against (None: not given); ``announce_on``: the planned announcement date
    (``--announce-on``) a not-yet-announced agency's preconditions are judged as of (None: the as-of date)."""

    def __init__(
        self,
        agency: Agency,
        as_of: dt.date,
        params: Parameters,
        year: int,
        catalogue: Catalogue | None = None,
        announce_on: dt.date | None = None,
    ):
        self.agency = agency
        self.as_of = as_of
        self.announce_on = announce_on or as_of
        self.params = params
        self.year = year
        self.catalogue = catalogue
        self.qms = agency.qms
        # events dated after the as-of date have not happened yet on that date
        self.announcements = until(agency.announcements, "date", as_of)
        self.scope_changes = until(agency.scope_changes, "date", as_of)
        self.certification_bodies = until(agency.certification_bodies, "contract_date", as_of)
        self.consultants = until(agency.consultants, "contract_date", as_of)
        self._qms_items: dict[str, tuple[bool | None, Any]] = {}
        self.approval_date: dt.date | None = None
        self.approval_known = False
        if self.qms is not None and is_known(self.qms, "documents_approved"):
            approved = self.qms.documents_approved
            if approved is None:
                self.approval_known = True
            elif approved.issued_on is not None:
                self.approval_known = True
                self.approval_date = approved.issued_on

    def known(self, name: str) -> bool:
        """True when the agency's fact file writes ``name`` (even as null or [])."""
        return is_known(self.agency, name)

    def qms_item(self, name: str) -> tuple[bool | None, Any]:
        """(present?, value) for ``qms.<name>``; present is None when unknown."""
        found = self._qms_items.get(name)
        if found is None:
            if self.qms is None or not is_known(self.qms, name):
                found = (None, None)
            else:
                value = getattr(self.qms, name)
                found = (value is not None, value)
            self._qms_items[name] = found
        return found

    def records_cover(self, day: dt.date) -> bool:
        """True when the file's records are complete on ``day`` (no records_since, or day after it)."""
        return self.agency.records_since is None or day >= self.agency.records_since


class SubjectFacts:
    """One subject's view of the :class:`Derivation` ``d``: its id and label, and the values its messages show.

    A subject kind's module subclasses it (adding the entry the subject is about) and overrides
    :meth:`display`, :meth:`items` and :meth:`due_date` where the kind has them.
    """

    def __init__(self, d: Derivation, id: str, label: dict[str, str]):
        self.d = d
        self.id = id
        self.label = label

    def display(self) -> dict[str, Any]:
        """Values messages may show (declared in the kind's ``display``), computed after the fields."""
        return {}

    def items(self) -> dict[str, list[dict[str, Any]]]:
        """Lists a rule may expand into one finding per item (declared in the kind's ``items``)."""
        return {}

    def due_date(self) -> dt.date | None:
        """The date a pending obligation on this subject falls due."""
        return None


def until(items: list[T] | None, attribute: str, as_of: dt.date) -> list[T] | None:
    """The items dated on or before ``as_of`` (None stays None: unknown)."""
    if items is None:
        return None
    return [item for item in items if getattr(item, attribute) <= as_of]


def latest(announcements: list[Announcement]) -> Announcement | None:
    """The announcement in force: the latest date; on the same date, the one listed last."""
    if not announcements:
        return None
    return max(enumerate(announcements), key=lambda pair: (pair[1].date, pair[0]))[1]


def document_text(value: Any) -> str | Words:
    """A short reference for a decision-like fact: '59/QĐ-UBND ngày 20/09/2021' / '59/QĐ-UBND of 2021-09-20', a
    person 'Lê Văn Bình, quyết định ngày 01/03/2017' (no brackets of its own: messages write it inside
    theirs), the number alone, '' for none, or — a decision reported without number, name or date (``{}``) — words
    saying so ("Đã phân công thư ký ISO: theo báo cáo, chưa ghi số, tên và ngày.")."""
    if value is None:
        return ""
    number = (
        getattr(value, "number", None) or getattr(value, "name", None) or getattr(value, "appointed_by", None) or ""
    )
    day = getattr(value, "issued_on", None) or getattr(value, "appointed_on", None)
    if not day and not number:
        return _NO_RECORD
    if not day:
        return str(number)
    if getattr(value, "name", None):  # a person, appointed by a decision of that day
        return filled(_WORDS["doc.person"], number=str(number), day=day)
    if not number:
        return filled(_WORDS["doc.dated"], day=day)
    return filled(_WORDS["doc.numbered"], number=str(number), day=day)


def labelled(key: str, **values: Any) -> dict[str, str]:
    """A subject's label in both languages, from the catalog's template ``words:subjects.label.<key>``
    ("Đánh giá nội bộ ngày {day}")."""
    return filled(_WORDS[f"label.{key}"], **values)._asdict()


def in_words(key: str, **values: Any) -> tuple[str, str]:
    """The catalog's template ``words:subjects.<key>`` filled, as the (vi, en) pair a derived field's note is."""
    filled_in = filled(_WORDS[key], **values)
    return filled_in.vi, filled_in.en


def days_words(days: int, done: bool = False) -> Words:
    """Days after a deadline as a message says them: "trễ 8 ngày", "đúng hạn", "còn 3 ngày" — or, for what was
    ``done`` before its deadline, "sớm 3 ngày"."""
    if days == 0:
        return _WORDS["days.on_time"]
    if days > 0:
        return filled(_WORDS["days.late"], days=days)
    return filled(_WORDS["days.early" if done else "days.to_go"], days=-days)
