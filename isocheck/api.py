"""Library entry points: check one agency fact file against the rule pack.

The CLI is a thin layer over these functions; other tools (batch runs, explain, reports) call them too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from isocheck import __version__
from isocheck.evaluate import evaluate
from isocheck.facts import Agency, validate_agency
from isocheck.findings import Finding, Summary, summarize
from isocheck.plausibility import check_dates
from isocheck.readiness import Readiness, assess
from isocheck.reference import ReferenceEvaluator
from isocheck.rubric import Rubric, Score, score
from isocheck.rulepack import RulePack, load_pack
from isocheck.waivers import Waiver, apply_waivers
from isocheck.yamlio import load_document

EVALUATORS = ("durable", "reference")
_EVALUATOR_CACHE: dict[tuple, object] = {}


@dataclass
class Report:
    """The result of checking one agency."""

    file: str
    agency: Agency
    as_of: dt.date
    profile: str
    pack: RulePack
    findings: list[Finding]
    year: int
    readiness: Optional[Readiness] = None  # the pre-announcement verdict (profile pre-announcement)
    score: Optional[Score] = None  # the rubric score (with --rubric)
    tool_version: str = __version__

    @property
    def summary(self) -> Summary:
        return summarize(self.findings)


def after_fork() -> None:
    """In a forked worker process: drop the engines inherited from the parent; each worker builds its own."""
    import sys

    _EVALUATOR_CACHE.clear()
    engine = sys.modules.get("isocheck.engine")
    if engine is not None:
        engine.reset_host()


def evaluator_for(pack: RulePack, profile: str, kind: str = "durable"):
    """A compiled evaluator for the profile's rules, cached per process (compiling is the slow part)."""
    rules = pack.select(profile)
    key = (id(pack), profile, kind)
    if key not in _EVALUATOR_CACHE:
        if kind == "durable":
            from isocheck.engine import Engine  # the only durable import, loaded when needed

            _EVALUATOR_CACHE[key] = Engine(rules)
        elif kind == "reference":
            _EVALUATOR_CACHE[key] = ReferenceEvaluator(rules)
        else:
            raise ValueError(f"unknown evaluator {kind!r}; expected one of {EVALUATORS}")
    return _EVALUATOR_CACHE[key]


def check_agency(agency: Agency, as_of: dt.date, pack: RulePack, profile: str = "all",
                 evaluator: str = "durable", file: str = "-", year: int | None = None,
                 waivers: Optional[list[Waiver]] = None, rubric: Optional[Rubric] = None,
                 announce_on: Optional[dt.date] = None) -> Report:
    """Evaluate one agency: findings, then waivers; the readiness verdict for the pre-announcement
    profile; the rubric score when a rubric is given."""
    rules = pack.select(profile)
    findings = evaluate(agency, as_of, pack, rules, evaluator_for(pack, profile, evaluator), year)
    if waivers:
        apply_waivers(findings, waivers, agency.agency.name, as_of)
        findings.sort(key=Finding.sort_key)
    return Report(file=file, agency=agency, as_of=as_of, profile=profile, pack=pack, findings=findings,
                  year=year or as_of.year,
                  readiness=assess(findings, as_of, announce_on) if profile == "pre-announcement" else None,
                  score=score(rubric, findings) if rubric is not None else None)


def check_file(path: str | Path, as_of: dt.date, profile: str = "all", pack: RulePack | None = None,
               evaluator: str = "durable", year: int | None = None, **options) -> Report:
    """Load, validate and check one fact file. Raises :class:`isocheck.errors.InputError` on bad input.
    ``options``: ``waivers``, ``rubric``, ``announce_on`` as for :func:`check_agency`."""
    pack = pack or load_pack()
    data, lines = load_document(path)
    agency = validate_agency(data, str(path), lines)
    check_dates(agency, as_of, str(path), lines)  # an event dated after as_of is bad input
    return check_agency(agency, as_of, pack, profile, evaluator, file=str(path), year=year, **options)
