"""The agency's scope against the province's TTHC catalogue (:mod:`isocheck.facts.catalogue`), as of a date.

The catalogue's TTHC of the agency (its level and, when the export names it, its body) in force on the as-of date
are set against the agency's own list (``procedures``, matched by code):

- a TTHC of the catalogue missing from the agency's list is *on the clock* for three months (the parameter
  ``legal_update_max_months``, QĐ19 Điều 4 khoản 4 điểm a) from its announcing decision's date in force; after
  that it is *late* when it took effect after the agency's QMS announcement in force (a legal change not built in),
  and *missing* from the scope otherwise (the scope never covered it);
- a TTHC the catalogue marks abolished but still in the agency's list is on the same clock from the day the
  abolition takes effect, and *still listed* after that;
- a TTHC in a field (lĩnh vực) the inspectors state does not concern the agency (criterion ``tthc_field.applies``,
  judgement ``not_applicable``) is *not applicable*: never missing, and said so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from isocheck.base.calendar import add_months
from isocheck.facts.catalogue import CODE, LEVEL_OF_AGENCY, LEVEL_WORDS, Catalogue, Entry, fold
from isocheck.subjects import judgements as j
from isocheck.subjects.context import Derivation, latest
from isocheck.text.ui import Words, filled, words

FIELD_CRITERION = "tthc_field.applies"
_WORDS = words("words:subjects.")  # value words, from the gettext catalog
_OWN_LIST = _WORDS["own_list_basis"]


@dataclass
class OnClock:
    entry: Entry
    due: dt.date  # the last day of the three months
    listed_at: int | None = None  # index in procedures (abolished TTHC still listed)


@dataclass
class ScopeCheck:
    """The comparison; ``months`` is None when the parameter is not in force (nothing can be on the clock)."""

    catalogue: Catalogue
    entries: list[Entry]  # the agency's TTHC of the catalogue, in force on the as-of date
    months: int
    missing: list[OnClock] = field(default_factory=list)  # not listed, past the clock, in force before the scope
    late: list[OnClock] = field(default_factory=list)  # not listed, past the clock, in force after the announcement
    new: list[OnClock] = field(default_factory=list)  # not listed, within the clock
    abolished: list[OnClock] = field(default_factory=list)  # abolished, still listed, past the clock
    abolishing: list[OnClock] = field(default_factory=list)  # abolished, still listed, within the clock
    not_applicable: dict[str, list[Entry]] = field(default_factory=dict)  # field -> its TTHC, fields stated n/a
    field_notes: dict[str, tuple[int, Any]] = field(default_factory=dict)  # field -> its judgement


def base_code(code: str) -> str:
    """``1.001193`` of a full code ``1.001193.000.00.00.H27`` (a code of another form is kept as written)."""
    match = CODE.match(code.strip())
    return match.group(1) if match else code.strip()


def compare(d: Derivation) -> ScopeCheck | None:
    """The agency's scope against the catalogue, or None without a catalogue or a list of the agency."""
    catalogue, listed = d.catalogue, d.agency.procedures
    months = d.params.number("legal_update_max_months", d.as_of)
    if catalogue is None or listed is None or months is None:
        return None
    ident = d.agency.agency
    mine = {base_code(p.code): i for i, p in enumerate(listed)}
    stated = {fold(str(item)): found for item, found in j.of_item(d, FIELD_CRITERION).items()}
    not_applicable = {k: v for k, v in stated.items() if v[1].judgement == "not_applicable"}
    entries = [e for e in catalogue.for_agency(ident.level, ident.name) if e.in_force_on(d.as_of)]
    check = ScopeCheck(catalogue, entries, months)
    announced = latest(d.announcements or [])
    scope_from = announced.date if announced is not None else None
    for e in entries:
        gone = e.abolished and (e.abolished_on is None or e.abolished_on <= d.as_of)
        if gone:
            if e.code in mine:
                start = e.abolished_on or e.in_force or d.as_of
                clock = OnClock(e, add_months(start, months), mine[e.code])
                (check.abolishing if d.as_of <= clock.due else check.abolished).append(clock)
            continue
        folded = fold(e.field)
        if folded in not_applicable:
            check.not_applicable.setdefault(e.field, []).append(e)
            check.field_notes.setdefault(e.field, not_applicable[folded])
            continue
        if e.code not in mine:
            clock = OnClock(e, add_months(e.in_force or d.as_of, months))
            if d.as_of <= clock.due:
                check.new.append(clock)
            elif scope_from is not None and e.in_force is not None and e.in_force > scope_from:
                check.late.append(clock)
            else:
                check.missing.append(clock)
    return check


def item(clock: OnClock, source: str, listed: bool) -> dict[str, Any]:
    """A catalogue TTHC as an item of a ``findings_per`` list (the keys of the procedures kind's items)."""
    e = clock.entry
    decided = e.decision or "—"
    if listed:  # abolished, still in the agency's list
        gap = filled(_WORDS["scope.gap_abolished"], since=e.abolished_on or "—", due=clock.due)
    else:
        gap = filled(_WORDS["scope.gap_missing"], decision=decided, start=e.in_force or "—", due=clock.due)
    return {
        "id": e.code,
        "label": f"{e.code} ({e.field})",
        "code": e.code,
        "name": e.name,
        "field": e.field,
        "announced_by": e.decision,
        "gap": gap,
        "due": clock.due,
        "source": source,
    }


def basis(check: ScopeCheck | None, level: str) -> Words:
    """What the scope was compared with, for messages (which write it in brackets, so it has none of its own):
    the catalogue and the fields stated not applicable."""
    if check is None:
        return _OWN_LIST
    count = sum(1 for e in check.entries if not e.abolished)
    level_words = Words(*LEVEL_WORDS[LEVEL_OF_AGENCY[level]])
    parts = [filled(_WORDS["scope.compared"], catalogue=check.catalogue.name, count=count, level=level_words)]
    for name, entries in check.not_applicable.items():
        note = j.note_of(check.field_notes.get(name)).rstrip(" .")
        field = filled(_WORDS["scope.field_not_applicable"], field=name, count=len(entries))
        parts.append(Words(*(text + (f": «{note}»" if note else "") for text in field)))
    return Words("; ".join(part.vi for part in parts), "; ".join(part.en for part in parts))
