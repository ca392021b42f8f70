"""Who must apply a QMS on a date (QĐ 19/2014/QĐ-TTg Điều 2), and the fact files that cannot be checked on it.

The duty of a level is dated data (``law/administration/levels.yaml``): Điều 2 khoản 1 bodies must apply a QMS;
khoản 2 bodies — communes, public service units, the two policy banks, missions abroad — are only encouraged. Such
a body is bound (:func:`duty_on`) once a provincial or ministerial document requiring it is in force (TT 26 Điều 5
khoản 4, Điều 6 khoản 5), once it applies a QMS of its own accord, or once it has announced one — an announced
QMS is applied "theo quy định tại Quyết định này". The fact ``agency.qms_duty`` says which; when it is left out
and nothing is announced, whether the body is bound is unknown. A body that is neither bound nor unknown gets, for
every rule, one not-applicable reason citing Điều 2 khoản 2 (:mod:`isocheck.engine.evaluate` applies it).

A district agency (or any level whose last dated version has ended) checked as of a later date is **an input
problem**, not a report (:func:`check_applies`). Why, rather than a single not-applicable outcome:

- the body does not exist on that day, so nothing its file says can be judged against that day — the same
  contradiction between a fact file and its as-of date as an event dated after it
  (:mod:`isocheck.facts.plausibility`), which is an input problem too;
- a report whose every rule is "not applicable" would read as a clean one (verdict "no nonconformity", exit code
  0) and a province batch would count the agency as conforming; as an input problem the command stops with one
  message (file, field ``agency.level``, the day the level ended and its basis, and what to do instead: check as of
  that day at the latest, or describe the successor body) and exit code 2, and a batch lists the file among its
  input errors.

The other input problems here are the strict checks of ``qms_duty`` that need the level's duty or the as-of date:
it is written for a body that must apply a QMS anyway, or it says ``none`` for a body that has announced one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from isocheck.base.errors import InputError
from isocheck.facts.model import Agency, is_known
from isocheck.facts.parse import position_of
from isocheck.law.levels import level
from isocheck.text.problems import Problem
from isocheck.text.ui import LANGS, fill, ui


@dataclass(frozen=True)
class Duty:
    """Whether the agency must apply a QMS on a day: ``bound``, ``not_bound`` (with the reason, vi and en) or
    ``unknown`` (with the fact-file paths that would tell)."""

    status: str
    reason: dict[str, str] = field(default_factory=dict)
    missing: tuple[str, ...] = ()


BOUND = Duty("bound")


def duty_on(agency: Agency, as_of: dt.date) -> Duty:
    """The agency's duty to apply a QMS on ``as_of`` (QĐ 19 Điều 2)."""
    ident = agency.agency
    data = level(ident.level)
    if data.duty == "must":
        return BOUND
    if any(a.date <= as_of for a in agency.announcements or []):
        return BOUND  # it applies a QMS under the decision: the announcement says so
    duty = ident.qms_duty
    if duty is None:  # left out: unknown; written as null: no basis, the same as basis none
        if not is_known(ident, "qms_duty"):
            return Duty("unknown", missing=("agency.qms_duty",))
        return _not_bound(agency, as_of, "na.duty.none")
    if duty.basis == "mandated":
        start = duty.in_force
        if start is not None and start <= as_of:
            return BOUND
        values = {"decision": duty.decision, "issuer": duty.issuer, "date": start}
        return _not_bound(agency, as_of, "na.duty.mandate_later", values)
    if duty.basis == "voluntary":
        if duty.since is None or duty.since <= as_of:
            return BOUND
        return _not_bound(agency, as_of, "na.duty.voluntary_later", {"date": duty.since})
    return _not_bound(agency, as_of, "na.duty.none")


def _not_bound(agency: Agency, as_of: dt.date, why: str, values: dict | None = None) -> Duty:
    data = level(agency.agency.level)
    reason = {}
    for lang in LANGS:
        words = {
            "name": agency.agency.name,
            "level": data.name(as_of, lang),
            "citation": data.citation.format(lang),
            "quote": data.citation.quote_vi or "",
            "as_of": as_of,
            "why": fill(ui(why, lang), values or {}, lang),
        }
        reason[lang] = fill(ui("na.duty", lang), words, lang)
    return Duty("not_bound", reason)


def _day(day: dt.date) -> Problem:
    """A date as each language writes it: 2025-06-30, 30/06/2025."""
    return Problem.plain(day.isoformat(), day.strftime("%d/%m/%Y"))


def check_applies(agency: Agency, as_of: dt.date, file: str, lines: dict | None = None) -> None:
    """Raise :class:`InputError` when the fact file cannot be checked as of ``as_of``: its level no longer exists
    on that day, or ``qms_duty`` contradicts the level's duty or the announcements on record."""
    lines = lines or {}
    ident = agency.agency
    data = level(ident.level)
    if data.abolished_on(as_of):
        last = data.versions[-1]
        assert last.valid_until is not None  # abolished: the last version has an end
        why = last.ends_because
        problem = Problem(
            "reform.level_abolished",
            level=ident.level,
            name=Problem.plain(last.name.en, last.name.vi),
            as_of=_day(as_of),
            last_day=_day(last.valid_until),
            basis=Problem.plain(why.en, why.vi) if why is not None else "",
        )
        line, column = position_of(lines, ("agency", "level"), value=True)
        raise InputError(file, problem, "agency.level", line, column)
    duty = ident.qms_duty
    if duty is None:
        return
    if data.duty == "must":
        line, column = position_of(lines, ("agency", "qms_duty"))
        raise InputError(file, Problem("duty.not_encouraged", level=ident.level), "agency.qms_duty", line, column)
    announced = [a for a in agency.announcements or [] if a.date <= as_of]
    if duty.basis == "none" and announced:
        first = min(announced, key=lambda a: a.date)
        problem = Problem("duty.none_but_announced", decision=first.decision, date=first.date.isoformat())
        line, column = position_of(lines, ("agency", "qms_duty", "basis"), value=True)
        raise InputError(file, problem, "agency.qms_duty.basis", line, column)
