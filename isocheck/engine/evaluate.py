"""Evaluate a rule pack on one agency: rule applicability, matching, and one finding per subject.

Applicability that depends on the agency as a whole is decided here: whether the body must apply a QMS at
all on the as-of date (QĐ 19/2014 Điều 2, :func:`isocheck.law.applicability.duty_on` — a body only encouraged
and not bound gets one not-applicable reason for every rule, one whose duty is unknown gets every rule not
evaluable for ``agency.qms_duty``), then the rule's levels, standard versions and dates in force. Everything
about a subject is matched by the evaluator (durable-rules, or the reference evaluator). A (rule, subject) pair
that does not receive exactly one outcome from the evaluator becomes ``error`` — never a pass.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from typing import Protocol

from isocheck.engine.findings import Finding
from isocheck.facts.criteria import criteria
from isocheck.facts.model import Agency, is_known
from isocheck.law.applicability import Duty, duty_on
from isocheck.pack.conditions import GRADED
from isocheck.pack.rules import Rule, RulePack
from isocheck.subjects.derive import derive_subjects
from isocheck.subjects.fields import KINDS, Subject, readable
from isocheck.text.ui import LANGS, fill, ui

Matched = tuple[list[Subject], dict, dict]  # an agency's subjects, then the evaluator's outcomes and errors


class Evaluator(Protocol):
    name: str

    def evaluate(self, subjects: list[Subject]) -> tuple[dict, dict]: ...


def evaluate(
    agency: Agency,
    as_of: dt.date,
    pack: RulePack,
    rules: list[Rule],
    evaluator: Evaluator,
    year: int | None = None,
    announce_on: dt.date | None = None,
    matched: Matched | None = None,
    brief: frozenset[str] = frozenset(),
) -> list[Finding]:
    """All findings of ``rules`` on ``agency`` as of ``as_of``, sorted; a planned announcement is judged as of
    ``announce_on`` (default: ``as_of``). ``matched``: the agency's subjects with the evaluator's outcomes and
    errors for them, when they were already matched (the batch matches a chunk of agencies at once). Findings
    with an outcome in ``brief`` carry no evidence (``facts``, ``sources``): a batch format that never shows
    them leaves them out (building them was a third of a batch entry's CPU)."""
    if matched is None:
        subjects = derive_subjects(agency, as_of, pack.parameters, year, pack.catalogue, announce_on)
        duty = duty_on(agency, as_of)
        outcomes, errors = evaluator.evaluate(to_match(subjects, agency, as_of, rules, duty))
    else:
        subjects, outcomes, errors = matched
        duty = duty_on(agency, as_of)
    by_kind: dict[str, list[Subject]] = defaultdict(list)
    for subject in subjects:
        by_kind[subject.kind].append(subject)
    agency_subject = by_kind["agency"][0]
    findings: list[Finding] = []
    for rule in rules:
        subjects_of_rule = by_kind.get(rule.subject, [])
        decided = _decided(rule, agency, as_of, duty, bool(subjects_of_rule))
        if isinstance(decided, dict):  # the reason it does not apply
            findings.append(_finding(rule, "not_applicable", agency_subject, reason=decided))
        elif decided == "duty_unknown":  # a body only encouraged, with no word on whether it is bound
            findings.append(_finding(rule, "not_evaluable", agency_subject, missing=list(duty.missing)))
        elif decided == "no_subject":
            findings.append(_no_subject(rule, agency, agency_subject))
        elif decided == "unjudged":  # no judgement recorded: once, not per subject
            findings.append(_finding(rule, "not_evaluable", agency_subject, missing=[unjudged(rule)]))
        else:
            for subject in subjects_of_rule:
                findings.extend(_resolve(rule, subject, outcomes, errors))
    for finding in findings:
        finding.standard = agency.agency.standard
        if finding.outcome not in brief and finding.subject is not None:
            _add_evidence(finding, finding.subject)
    findings.sort(key=Finding.sort_key)
    return findings


def _decided(rule: Rule, agency: Agency, as_of: dt.date, duty: Duty, has_subjects: bool) -> dict[str, str] | str | None:
    """What decides ``rule`` for this agency before any of its subjects is matched — the reason it does not
    apply (:func:`inapplicable`), ``duty_unknown`` (whether the body is bound is not known), ``no_subject`` or
    ``unjudged`` (a rule on inspectors' judgements, none recorded) — or None: its subjects' outcomes do."""
    reason = inapplicable(rule, agency, as_of, duty)
    if reason is not None:
        return reason
    if duty.status == "unknown":
        return "duty_unknown"
    if not has_subjects:
        return "no_subject"
    if rule.judgment and not is_known(agency, "judgements"):
        return "unjudged"
    return None


def to_match(subjects: list[Subject], agency: Agency, as_of: dt.date, rules: list[Rule], duty: Duty | None = None):
    """The subjects whose outcomes :func:`evaluate` reads: those of a kind with a rule that their outcomes
    decide (:func:`_decided`). The others are not sent to the evaluator: an agency with no judgements recorded
    has its 2008 mandatory procedures and judged criteria decided without matching (``unjudged``), and they
    were nearly half of what the engine matched in a batch."""
    duty = duty or duty_on(agency, as_of)
    kinds: set[str] = set()
    for rule in rules:  # a kind is in as soon as one of its rules is
        if rule.subject not in kinds and _decided(rule, agency, as_of, duty, True) is None:
            kinds.add(rule.subject)
    return [subject for subject in subjects if subject.kind in kinds]


def inapplicable(rule: Rule, agency: Agency, as_of: dt.date, duty: Duty | None = None) -> dict[str, str] | None:
    """The reason a rule does not apply to this agency on this date, or None."""
    static = _static(rule)
    if static.skipped is not None:  # a province overlay skips it, under its decision
        return dict(static.skipped)
    duty = duty or duty_on(agency, as_of)
    if duty.status == "not_bound":  # QĐ 19 Điều 2 khoản 2: encouraged, and not bound on this date
        return dict(duty.reason)
    ident = agency.agency
    if ident.level not in static.levels:
        return dict(_level_reason(ident.level))
    if ident.standard not in static.standards:
        return dict(static.standard_reason)
    if as_of < static.from_:
        return dict(static.not_yet_reason)
    if static.until is not None and as_of > static.until:
        return dict(static.expired_reason)
    return None


class _Static:
    """What decides whether a rule applies, and the texts that say why not, read once per rule: evaluating
    a batch asks every rule of every agency, and pydantic attribute reads and filled texts were most of it."""

    def __init__(self, rule: Rule):
        skipped = rule.origin.skipped is not None
        self.skipped = {lang: rule.origin.skip_reason(lang) or "" for lang in LANGS} if skipped else None
        self.levels = frozenset(rule.applies_to.levels)
        self.standards = tuple(rule.applies_to.standards)
        versions = "/".join(str(v) for v in self.standards)
        self.standard_reason = {lang: fill(ui("na.standard", lang), {"value": versions}, lang) for lang in LANGS}
        self.from_, self.until = rule.effective.from_, rule.effective.until
        self.not_yet_reason = {lang: fill(ui("na.not_yet", lang), {"value": self.from_}, lang) for lang in LANGS}
        self.expired_reason = (
            {lang: fill(ui("na.expired", lang), {"value": self.until}, lang) for lang in LANGS}
            if self.until is not None
            else {}
        )
        self.unjudged = _unjudged(rule.id)


_STATICS: dict[int, tuple[Rule, _Static]] = {}


def _static(rule: Rule) -> _Static:
    """The rule's :class:`_Static`, kept while the rule object lives (checked by identity, so a new rule
    object with a reused ``id()`` never gets another's)."""
    held = _STATICS.get(id(rule))
    if held is None or held[0] is not rule:
        if len(_STATICS) > 4096:  # rules of packs no longer used
            _STATICS.clear()
        held = _STATICS[id(rule)] = (rule, _Static(rule))
    return held[1]


@functools.lru_cache(maxsize=64)
def _level_reason(level: str) -> dict[str, str]:
    return {lang: fill(ui("na.level", lang), {"value": ui(f"level.{level}", lang)}, lang) for lang in LANGS}


def unjudged(rule: Rule) -> str:
    """What a rule resting on inspectors' judgements misses when the fact file records none: the criteria."""
    return _static(rule).unjudged


def _unjudged(rule_id: str) -> str:
    ids = [c.id for c in criteria().values() if c.rule == rule_id]
    return f"judgements ({', '.join(ids)})" if ids else "judgements"


def _no_subject(rule: Rule, agency: Agency, agency_subject: Subject) -> Finding:
    """No subject of the rule's kind: not evaluable when its fact-file list is left out, else not applicable."""
    kind = KINDS[rule.subject]
    if kind.fact_list is not None and not is_known(agency, kind.fact_list):
        return _finding(rule, "not_evaluable", agency_subject, missing=[kind.fact_list])
    vi, en = kind.none_on_record or (ui("na.no_subject", "vi"), ui("na.no_subject", "en"))
    return _finding(rule, "not_applicable", agency_subject, reason={"vi": vi, "en": en})


def _resolve(rule: Rule, subject: Subject, outcomes: dict, errors: dict) -> list[Finding]:
    key = (rule.id, subject.id)
    error = errors.get(key) or errors.get((rule.id, None)) or errors.get(("*", None))
    got = outcomes.get(key, set())
    if error is None and len(got) != 1:
        if not got:
            error = ui("engine.no_outcome", "en")
        else:
            error = fill(ui("engine.many_outcomes", "en"), {"outcomes": ", ".join(sorted(got))}, "en")
    if error is not None:
        return [_finding(rule, "error", subject, error=error)]
    outcome = next(iter(got))
    missing: list[str] = []
    if outcome == "not_evaluable":
        for name in rule.referenced_fields:
            missing.extend(p for p in subject.missing.get(name, []) if p not in missing)
    if outcome in ("fail", GRADED):
        return _failures(rule, subject, graded=outcome == GRADED)
    reason = None
    if outcome == "not_applicable" and rule.not_applicable_reason:  # its {placeholders}: the subject's values
        values = subject.values()
        reason = {lang: fill(rule.not_applicable_reason.get(lang), values, lang) for lang in LANGS}
    return [_finding(rule, outcome, subject, missing=missing, reason=reason)]


def _failures(rule: Rule, subject: Subject, graded: bool) -> list[Finding]:
    """The findings of a failed rule: one for the subject, or one per item of its ``findings_per`` list. A rule
    with a graded (lesser) failure: at the graded severity when only that holds; when the rule fails outright,
    the items of the graded list are expanded too, each at its own severity."""
    lesser = rule.graded
    lists: list[tuple[str | None, bool]] = [] if graded else [(rule.findings_per, False)]
    if lesser is not None and (graded or (lesser.findings_per not in (None, rule.findings_per))):
        lists.append((lesser.findings_per or rule.findings_per, True))
    found: list[Finding] = []
    for per, is_graded in lists:
        if per is None:
            found.append(_graded(_finding(rule, "fail", subject), rule, is_graded))
        else:
            found += [
                _graded(_item_finding(rule, subject, item, per), rule, is_graded) for item in subject.items.get(per, [])
            ]
    return found or [_graded(_finding(rule, "fail", subject), rule, graded)]


def _graded(finding: Finding, rule: Rule, graded: bool) -> Finding:
    if graded and rule.graded is not None:
        finding.graded = True
        finding.severity_override = rule.graded.severity
    return finding


def _finding(
    rule: Rule,
    outcome: str,
    subject: Subject,
    *,
    reason: dict | None = None,
    missing: list[str] | None = None,
    error: str | None = None,
) -> Finding:
    return Finding(
        rule=rule,
        outcome=outcome,
        subject_kind=subject.kind,
        subject_id=subject.id,
        subject_label=subject.label,
        values=subject.values(),
        missing=missing or [],
        due_date=_due_date(rule, subject) if outcome == "pending" else None,
        reason=reason,
        error=error,
        subject=subject,
    )


def _item_finding(rule: Rule, subject: Subject, item: dict, per: str | None = None) -> Finding:
    finding = _finding(rule, "fail", subject)
    finding.values = {**finding.values, **item}
    finding.item = item
    finding.subject_kind = f"{subject.kind}.{per or rule.findings_per}"
    finding.subject_id = str(item["id"])
    label = str(item.get("label") or item["id"])
    finding.subject_label = {"vi": label, "en": label}
    return finding


def _add_evidence(finding: Finding, subject: Subject) -> None:
    """The finding's evidence: the facts its rule's conditions read and its messages name, with their fact-file
    paths (and its item's, for one finding per item)."""
    rule, item = finding.rule, finding.item
    referenced = rule.referenced_fields
    facts = {name: readable(subject.kind, name, subject.fields[name]) for name in referenced if name in subject.fields}
    for name in rule.message_placeholders:
        if name in subject.display:
            facts[name] = subject.display[name]
    sources = {name: subject.sources.get(name, []) for name in referenced}
    if item is not None:
        facts.update({k: v for k, v in item.items() if k not in ("id", "label", "source")})
        sources["item"] = [item["source"]]
    finding.facts, finding.sources = facts, sources


def _due_date(rule: Rule, subject: Subject):
    """A pending finding's due date: the rule's own due-date field when it names one, else the subject's."""
    if rule.due_date_field is not None and subject.display.get(rule.due_date_field) is not None:
        return subject.display[rule.due_date_field]
    return subject.due_date
