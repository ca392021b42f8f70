"""What each fact file records about the yearly duties of the year under review, counted apart from whether
anything is overdue (issue 13 §2): per duty, a dated record (``dated``), a roster's mark without a date
(``marked``: "theo báo cáo, không rõ ngày"), recorded as not done (``not_held``: "Ko có Bc"), or ``unknown``.

A batch sums these per level, so that "no report received: N" is a count of what the files say, not of the
deadlines that passed (an unknown deadline stays unknown). The levels per duty are
:func:`isocheck.subjects.marks.evidence`; this module only reads the dated records it needs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from isocheck.facts.model import Agency
from isocheck.subjects.marks import DUTIES, LEVELS, evidence


def _held(days: Iterable[dt.date | None], agency: Agency, year: int, as_of: dt.date, known: bool) -> bool | None:
    """True with a dated record in ``year`` by ``as_of``; False when the list is given and complete for the
    year; None when the file does not tell."""
    if any(d is not None and d.year == year and d <= as_of for d in days):
        return True
    complete = agency.records_since is None or agency.records_since <= dt.date(year, 1, 1)
    return False if known and complete else None


def recorded(agency: Agency, year: int, as_of: dt.date) -> dict[str, str]:
    """Per duty of :data:`isocheck.subjects.marks.DUTIES`, what ``agency``'s file records for ``year``."""
    qms = agency.qms
    objectives = qms.quality_objectives if qms is not None else None
    plans = qms.maintenance_plans if qms is not None else None
    reports = [r for r in agency.reports or [] if r.year == year]
    sent = [r.submitted_on for r in reports]
    dated: dict[str, bool | None] = {
        "internal_audit": _held((a.date for a in agency.internal_audits or []), agency, year, as_of,
                                agency.internal_audits is not None),
        "management_review": _held((r.date for r in agency.management_reviews or []), agency, year, as_of,
                                   agency.management_reviews is not None),
        "quality_objectives": True if any(o.year == year for o in objectives or []) else None,
        "maintenance_plan": True if any(p.year == year for p in plans or []) else None,
        "satisfaction_survey": _held((v.held_on for v in agency.satisfaction_surveys or [] if v.year == year),
                                     agency, year, as_of, False),
        "report_received": True if any(d is not None and d <= as_of for d in sent) else (False if reports else None),
    }  # fmt: skip
    return evidence(agency, year, dated)


def count_recorded(entries: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Per duty, how many agencies' files record it at each level (entries without ``recorded`` are left out)."""
    counts = {duty: dict.fromkeys(LEVELS, 0) for duty in DUTIES}
    for entry in entries:
        for duty, level in (entry.get("recorded") or {}).items():
            counts[duty][level] += 1
    return counts
