"""Inspectors' judgements as derived fields: the judgement of one criterion (and item) on the as-of date, with the
record ``explain`` shows as the evidence (the note, where it was seen, by whom and when).

A criterion's field is unknown — its rule ``not_evaluable`` — while nobody has judged it; the missing path names the
criterion (``judgements (quality_manual.framework_model)``), so the list of not-evaluable findings of a check before
a site visit is the list of what to judge there. A judgement dated after the as-of date has not been made yet.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from isocheck.facts.criteria import aspect_words, criterion, judgement_words
from isocheck.facts.evidence import Judgement
from isocheck.subjects.context import Derivation, vi_date
from isocheck.subjects.registry import Derived

SOURCE = "judgements"


def find(d: Derivation, cid: str, item: Any = None) -> tuple[int, Judgement] | None:
    """The judgement of criterion ``cid`` (and ``item``) made by the as-of date, with its index, or None."""
    for i, j in enumerate(d.agency.judgements or []):
        if j.criterion == cid and j.item == item and (j.judged_on is None or j.judged_on <= d.as_of):
            return i, j
    return None


def of_item(d: Derivation, cid: str) -> dict[Any, tuple[int, Judgement]]:
    """Every judgement of the item-by-item criterion ``cid`` made by the as-of date, by item."""
    return {
        j.item: (i, j)
        for i, j in enumerate(d.agency.judgements or [])
        if j.criterion == cid and (j.judged_on is None or j.judged_on <= d.as_of)
    }


def missing_path(cid: str, item: Any = None) -> str:
    shown = item.isoformat() if isinstance(item, dt.date) else item
    return f"{SOURCE} ({cid}: {shown})" if item is not None else f"{SOURCE} ({cid})"


def judged(d: Derivation, cid: str, item: Any = None) -> Derived:
    """The judgement (a str) of ``cid`` for ``item``; unknown while not judged."""
    criterion(cid)  # a KeyError here is a subject module reading a criterion the catalogue does not have
    found = find(d, cid, item)
    if found is None:
        return Derived(None, [SOURCE], [missing_path(cid, item)])
    i, j = found
    attested = record(i, j)
    return Derived(j.judgement, [f"{SOURCE}[{i}].judgement"], note=lambda: how(attested), attested=attested)


def record(i: int, j: Judgement) -> dict[str, Any]:
    """The judgement as explain and the messages read it."""
    return {
        "criterion": j.criterion,
        "item": j.item,
        "judgement": j.judgement,
        "aspects": list(j.aspects or []),
        "note": j.note or "",
        "seen_in": j.seen_in or "",
        "judged_by": j.judged_by or "",
        "judged_on": j.judged_on,
        "source": f"{SOURCE}[{i}]",
    }


def how(r: dict[str, Any]) -> tuple[str, str]:
    """One line saying who judged what, when and where (the 'how computed' column of explain)."""
    who_vi = f" của {r['judged_by']}" if r["judged_by"] else ""
    who_en = f" by {r['judged_by']}" if r["judged_by"] else ""
    day = r["judged_on"]
    when_vi = f" ngày {vi_date(day)}" if day else ""
    when_en = f" on {day.isoformat()}" if day else ""
    where_vi = f", xem tại: {r['seen_in']}" if r["seen_in"] else ""
    where_en = f", seen in: {r['seen_in']}" if r["seen_in"] else ""
    differs_vi = f"; khác ở: {aspect_words(r['aspects'], 'vi')}" if r["aspects"] else ""
    differs_en = f"; differs in: {aspect_words(r['aspects'], 'en')}" if r["aspects"] else ""
    note = f": «{r['note']}»" if r["note"] else ""
    return (
        f"nhận định «{judgement_words(r['judgement'], 'vi')}»{who_vi}{when_vi}{where_vi}{differs_vi}{note}",
        f"judged “{judgement_words(r['judgement'], 'en')}”{who_en}{when_en}{where_en}{differs_en}{note}",
    )


def note_of(found: tuple[int, Judgement] | None) -> str:
    """The inspector's note for messages ('' when there is none)."""
    return "" if found is None else (found[1].note or "")
