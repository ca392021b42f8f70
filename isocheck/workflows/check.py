"""One agency's check: load and validate the fact file, evaluate the rules, apply waivers, and add the
pre-announcement verdict and the rubric score. :class:`Report` is what every output format renders."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from isocheck import __version__
from isocheck.engine.evaluate import Matched, evaluate
from isocheck.engine.evaluators import evaluator_for
from isocheck.engine.findings import Finding, Summary, summarize
from isocheck.facts.model import Agency, validate_agency
from isocheck.facts.parse import load_document
from isocheck.facts.plausibility import check_dates
from isocheck.law.applicability import check_applies
from isocheck.pack.rules import RulePack, load_pack
from isocheck.workflows.readiness import Readiness, assess
from isocheck.workflows.rubric import Rubric, Score, score
from isocheck.workflows.waivers import Waiver, apply_waivers


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
    readiness: Readiness | None = None  # the pre-announcement verdict (profile pre-announcement)
    score: Score | None = None  # the rubric score (with --rubric)
    tool_version: str = __version__
    as_of_defaulted: bool = False  # no as-of date was given: today's date was used (said in the header)

    @property
    def summary(self) -> Summary:
        return summarize(self.findings)


def check_agency(
    agency: Agency,
    as_of: dt.date,
    pack: RulePack,
    profile: str = "all",
    evaluator: str = "durable",
    file: str = "-",
    year: int | None = None,
    waivers: list[Waiver] | None = None,
    rubric: Rubric | None = None,
    announce_on: dt.date | None = None,
    lines: dict | None = None,
    matched: Matched | None = None,
    brief: frozenset[str] = frozenset(),
) -> Report:
    """Evaluate one agency: findings, then waivers; the readiness verdict for the pre-announcement
    profile; the rubric score when a rubric is given. Raises :class:`~isocheck.base.errors.InputError` when the
    agency cannot be checked on ``as_of`` (its level no longer exists then; ``lines``: the file's line map).
    ``matched``: the subjects already matched by the evaluator, ``brief``: the outcomes whose findings need no
    evidence (:func:`isocheck.engine.evaluate.evaluate`)."""
    check_applies(agency, as_of, file, lines)
    rules = pack.select(profile)
    engine = evaluator_for(pack, profile, evaluator)
    findings = evaluate(agency, as_of, pack, rules, engine, year, announce_on, matched, brief)
    if waivers:
        apply_waivers(findings, waivers, agency.agency.name, as_of)
        findings.sort(key=Finding.sort_key)
    return Report(
        file=file,
        agency=agency,
        as_of=as_of,
        profile=profile,
        pack=pack,
        findings=findings,
        year=year or as_of.year,
        readiness=assess(findings, as_of, announce_on) if profile == "pre-announcement" else None,
        score=score(rubric, findings) if rubric is not None else None,
    )


def check_file(
    path: str | Path,
    as_of: dt.date,
    profile: str = "all",
    pack: RulePack | None = None,
    evaluator: str = "durable",
    year: int | None = None,
    **options,
) -> Report:
    """Load, validate and check one fact file. Raises :class:`isocheck.errors.InputError` on bad input.
    ``options``: ``waivers``, ``rubric``, ``announce_on`` as for :func:`check_agency`."""
    pack = pack or load_pack()
    data, lines = load_document(path)
    agency = validate_agency(data, str(path), lines)
    check_dates(agency, as_of, str(path), lines)  # an event dated after as_of is bad input
    return check_agency(agency, as_of, pack, profile, evaluator, file=str(path), year=year, lines=lines, **options)
