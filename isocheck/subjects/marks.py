"""Evidence levels of the yearly duties: a dated record, a mark without a date, or unknown.

A provincial roster marks each agency's yearly duties ("x", "Đạt", "Ko có Bc") without dates; the fact file keeps
those marks under ``marks`` (:class:`isocheck.facts.evidence.YearMarks`), one entry per year. A yearly rule honours
the mark of the year under review where no dated record tells (a dated record wins), and its message says so:
"theo báo cáo, không rõ ngày" / "per the report, date unknown".

:func:`evidence` says, per duty, what is *recorded* — dated, marked held, recorded not held, or unknown — apart
from whether anything is overdue, so that a summary can count "no report received: N" as recorded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from isocheck.facts.evidence import YearMarks
from isocheck.subjects.registry import Derived
from isocheck.text.ui import Words, filled, words

_WORDS = words("words:subjects.")  # value words, from the gettext catalog

DUTIES: tuple[str, ...] = (
    "internal_audit",
    "management_review",
    "quality_objectives",
    "maintenance_plan",
    "satisfaction_survey",
    "report_received",
)
LEVELS: tuple[str, ...] = ("dated", "marked", "not_held", "unknown")


@dataclass(frozen=True)
class Mark:
    """The mark of one duty for one year: its value and the entry (with its index in ``marks``)."""

    index: int
    entry: YearMarks
    held: bool

    @property
    def path(self) -> str:
        return f"marks[{self.index}]"

    def words(self) -> Words:
        """How a message shows a mark: "theo báo cáo, không rõ ngày (nguồn)" — or "không" for a mark of not held."""
        e = self.entry
        key = ("mark.held" if self.held else "mark.none") + ("_on" if e.recorded_on else "")
        return filled(_WORDS[key], source=e.source, day=e.recorded_on)


def mark(agency: Any, year: int, duty: str) -> Mark | None:
    """The mark of ``duty`` for ``year``, or None when no entry for that year marks it."""
    for i, entry in enumerate(agency.marks or []):
        if entry.year == year and getattr(entry, duty) is not None:
            return Mark(i, entry, bool(getattr(entry, duty)))
    return None


def marked(found: Mark, duty: str, value: bool | int) -> Derived:
    """A field told by a roster's mark, with the mark's words as how it was computed."""
    words = found.words()
    return Derived(value, [f"{found.path}.{duty}"], note=lambda: (words.vi, words.en))


def or_mark(agency: Any, year: int, dated: Derived, duty: str) -> Derived:
    """A "was it done this year" field: what the dated records say (``dated``), unless they do not show it done and
    the roster marks ``duty`` for ``year``."""
    found = mark(agency, year, duty)
    if not dated.value and found is not None:
        return marked(found, duty, found.held)
    return dated


def dated_record(
    dates: list[dt.date], found: Mark | None
) -> list[dt.date] | list[Words]:  # for the {audit_dates}-style values
    """The dates to show for a duty: the dated records, else the mark's words (a mark of held), else none."""
    if dates:
        return dates
    return [found.words()] if found is not None and found.held else []


def evidence(agency: Any, year: int, dated: dict[str, bool | None]) -> dict[str, str]:
    """Per duty, what is recorded for ``year``: ``dated`` (a dated record), ``marked`` (held, date unknown),
    ``not_held`` (recorded as not held / not received) or ``unknown``. ``dated`` says per duty whether dated
    records show it held (True), show it not held with complete records (False), or do not tell (None)."""
    out: dict[str, str] = {}
    for duty in DUTIES:
        by_date = dated.get(duty)
        found = mark(agency, year, duty)
        if by_date:
            out[duty] = "dated"
        elif found is not None:
            out[duty] = "marked" if found.held else "not_held"
        else:
            out[duty] = "unknown" if by_date is None else "not_held"
    return out
