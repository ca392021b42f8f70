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
from isocheck.subjects.context import Derivation, in_words
from isocheck.subjects.registry import Derived
from isocheck.text.ui import Words, filled, words

_WORDS = words("words:subjects.")  # value words, from the gettext catalog

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
    day, aspects = r["judged_on"], r["aspects"]
    return in_words(
        "note.judged",
        judgement=Words(judgement_words(r["judgement"], "vi"), judgement_words(r["judgement"], "en")),
        who=filled(_WORDS["note.judged_by"], name=r["judged_by"]) if r["judged_by"] else "",
        when=filled(_WORDS["note.judged_on"], day=day) if day else "",
        where=filled(_WORDS["note.seen_in"], place=r["seen_in"]) if r["seen_in"] else "",
        differs=filled(
            _WORDS["note.differs_in"], aspects=Words(aspect_words(aspects, "vi"), aspect_words(aspects, "en"))
        )
        if aspects
        else "",
        note=f": «{r['note']}»" if r["note"] else "",
    )


def note_of(found: tuple[int, Judgement] | None) -> str:
    """The inspector's note for messages ('' when there is none)."""
    return "" if found is None else (found[1].note or "")
