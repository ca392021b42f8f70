"""Province batch: check many agency fact files in parallel worker processes, streaming one entry per agency.

Each worker (:mod:`isocheck.workflows.batch.pool`) builds its own engine and checks a chunk of agencies at a
time: it reads and derives each one, matches the whole chunk's subjects at once
(:meth:`isocheck.engine.durable.Engine.evaluate_many`: a few shared engine sessions instead of one per
agency — the engine's cost is per firing, not per fact), then builds each agency's entry. It sends back
only what the output needs: the agency's identity, verdict, matrix marks and counts, the changes since the
baseline when one is given, and the rendered results only when the format shows them
(``BatchConfig.results``; with ``non_pass_only``, only those to act on); ``prepare`` (the format's own step,
run in the worker) may turn the entry into its final bytes there. Entries come back in file order whatever
the scheduling, so the output does not depend on the number of workers.

A bad fact file becomes an ``input_error`` entry for that agency and the batch goes on (``strict``
stops at the first one instead). A worker that dies is reported against the agency it was checking
(``crashed``) and the other agencies are checked by fresh workers.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import os
import signal
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from isocheck import __version__
from isocheck.base.errors import InputError
from isocheck.engine.evaluate import Matched, to_match
from isocheck.engine.evaluators import after_fork, evaluator_for
from isocheck.engine.findings import OUTCOMES
from isocheck.facts.model import Agency, validate_agency
from isocheck.facts.parse import load_document
from isocheck.facts.plausibility import check_dates
from isocheck.law.applicability import check_applies
from isocheck.law.provinces import province_name_on
from isocheck.pack.rules import RulePack
from isocheck.subjects.derive import derive_subjects
from isocheck.text.ui import fill, ui
from isocheck.workflows.baseline import Baseline, failing_ids
from isocheck.workflows.batch.cache import AgencyCache, cache_dir
from isocheck.workflows.batch.inputs import FACT_SUFFIXES, FactFile, Skipped, collect_files
from isocheck.workflows.batch.pool import Interrupted, Pool
from isocheck.workflows.check import check_agency
from isocheck.workflows.matrix import marks_of, verdict_of
from isocheck.workflows.recorded import recorded

__all__ = [
    "FACT_SUFFIXES",
    "BatchConfig",
    "FactFile",
    "Interrupted",
    "Skipped",
    "StrictStop",
    "check_one",
    "collect_files",
    "run_batch",
]

Entry = dict[str, Any]
# the outcomes a reader acts on, sent by the workers when a format asks for non-pass results only (HTML, CSV
# findings, XLSX, Word): a pass and a rule that does not apply say nothing to do, and are most of the results
TO_ACT_ON = frozenset({"fail", "error", "not_evaluable", "pending", "waived"})
Mark = Callable[[int], None]  # tells the pool which file of the chunk the worker is on (pool.py)


class StrictStop(Exception):
    """``strict`` mode met a bad fact file; the message is the input error in the chosen language."""


@dataclass(frozen=True)
class BatchConfig:
    as_of: dt.date
    profile: str = "inspection"
    year: int | None = None
    lang: str = "en"
    evaluator: str = "durable"
    results: bool = False  # render every finding (the JSON format shows them)
    non_pass_only: bool = False  # with results: only the findings to act on (:data:`TO_ACT_ON`), the others unrendered
    cache: bool = False  # use the cache of validated agencies (workflows/batch/cache.py)


class _Loader:
    """Reads and validates fact files, through the cache when there is one."""

    def __init__(self, cache: AgencyCache | None):
        self.cache = cache

    def agency(self, path, as_of: dt.date) -> Agency:
        cache = self.cache
        if cache is not None:
            try:
                key, st = os.path.realpath(path), os.stat(path)
            except OSError:
                cache = None
            else:
                agency = cache.get(key, st)
                if agency is not None:
                    try:
                        check_dates(agency, as_of, str(path), {})
                        return agency
                    except InputError:
                        pass  # read it again for the message with its line numbers
        data, lines = load_document(path)
        agency = validate_agency(data, str(path), lines)
        if cache is not None:
            cache.put(key, st, agency)
        check_dates(agency, as_of, str(path), lines)
        return agency


def check_one(
    fact: FactFile,
    config: BatchConfig,
    pack: RulePack,
    waivers=None,
    baseline: Baseline | None = None,
    loader: _Loader | None = None,
    agency: Agency | None = None,
    matched: Matched | None = None,
) -> Entry:
    """One agency's batch entry: identity, verdict, matrix marks, counts, changes and (if asked) results.
    ``agency``: already read and validated; ``matched``: its subjects already matched (:func:`_match`)."""
    if agency is None:
        try:
            agency = (loader or _Loader(None)).agency(fact.path, config.as_of)
        except InputError as exc:
            return failed_entry(fact, "input_error", exc.text(config.lang), baseline)
    try:
        report = check_agency(
            agency,
            config.as_of,
            pack,
            config.profile,
            config.evaluator,
            file=str(fact.path),
            year=config.year,
            waivers=waivers,
            matched=matched,
            brief=_brief(config),
        )
    except InputError as exc:  # it cannot be checked on the as-of date (a district after the 2025 reform)
        return failed_entry(fact, "input_error", exc.text(config.lang), baseline)
    ident = agency.agency
    row = marks_of(report.findings)
    entry: Entry = {
        "id": fact.id,
        "file": str(fact.path),
        "name": ident.name,
        "level": ident.level,
        "province": province_name_on(ident.province, config.as_of),  # official name of the day: 2025 mergers mapped
        "standard": ident.standard,
        "status": "checked",
        "error": None,
        "verdict": verdict_of(report.findings, row),
        "readiness": report.readiness.to_dict() if report.readiness is not None else None,
        "recorded": recorded(agency, report.year, config.as_of),
        "matrix": row,
        "counts": report.summary.to_dict(),
    }
    if ident.parent:  # an agency is its name and its parent ("Văn phòng" of several Sở): not a repeated name
        entry["parent"] = ident.parent
    years = {m.year for m in agency.marks or []}
    if len(years) == 1:  # a roster's marks name the year it is for (the parent says when --year differs)
        entry["roster_year"] = years.pop()
    if baseline is not None:
        entry["changes"] = baseline.changes(fact.id, ident.name, failing_ids(report.findings))
    if config.results:
        findings = report.findings
        if config.non_pass_only:
            findings = [f for f in findings if f.outcome in TO_ACT_ON]
        entry["results"] = [f.render(config.lang) for f in findings]
    return entry


def _brief(config: BatchConfig) -> frozenset[str]:
    """The outcomes whose findings the entry never renders, so they need no evidence (a waiver turns only
    outcomes to act on into ``waived``, whose evidence is kept)."""
    if not config.results:
        return frozenset(OUTCOMES)
    return frozenset(OUTCOMES) - TO_ACT_ON if config.non_pass_only else frozenset()


def failed_entry(fact: FactFile, status: str, error: str, baseline: Baseline | None = None) -> Entry:
    entry: Entry = {
        "id": fact.id,
        "file": str(fact.path),
        "name": None,
        "level": None,
        "province": None,
        "standard": None,
        "status": status,
        "error": error,
        "verdict": "input_error" if status == "input_error" else "error",
        "readiness": None,
        "recorded": None,
        "matrix": None,
        "counts": None,
    }
    if baseline is not None:
        entry["changes"] = baseline.unknown(fact.id)
    return entry


def crashed_text(code: int | None, lang: str) -> str:
    if code is None:
        shown = "?"
    elif code < 0:
        try:
            shown = f"{code}, {signal.Signals(-code).name}"
        except ValueError:
            shown = str(code)
    else:
        shown = str(code)
    return fill(ui("batch.crashed", lang), {"code": shown}, "en")


def _setup(config: BatchConfig, pack: RulePack, waivers, baseline, prepare) -> Callable[[list, Mark], list]:
    """In each worker: a fresh engine and cache connection, then the job for a chunk of fact files."""
    after_fork()
    cache = None
    if config.cache:
        cache = AgencyCache(cache_dir(), __version__, pack.version)
    loader = _Loader(cache)
    finish = prepare if prepare is not None else (lambda entry: entry)

    def failed(fact: FactFile, exc: Exception) -> Any:  # a bug met on this agency: reported, the batch goes on
        return finish(failed_entry(fact, "error", f"{type(exc).__name__}: {exc}", baseline))

    frozen = False

    def job(facts: list[FactFile], mark: Mark) -> list[Any]:
        nonlocal frozen
        done: dict[int, Any] = {}
        agencies: dict[int, Agency] = {}
        for k, fact in enumerate(facts):  # read and validate each file
            mark(k)
            try:
                agencies[k] = loader.agency(fact.path, config.as_of)
            except InputError as exc:
                done[k] = finish(failed_entry(fact, "input_error", exc.text(config.lang), baseline))
            except Exception as exc:
                done[k] = failed(fact, exc)
        matched = _match(agencies, config, pack, mark)
        for k, fact in enumerate(facts):  # each agency's entry from its outcomes
            if k in done:
                continue
            mark(k)
            try:
                entry = check_one(fact, config, pack, waivers, baseline, loader, agencies[k], matched.get(k))
                done[k] = finish(entry)
            except Exception as exc:
                done[k] = failed(fact, exc)
        if not frozen:  # the engine is compiled and the caches filled: what lives as long as the worker
            frozen = True
            _settle()
        return [done[k] for k in range(len(facts))]

    return job


def _settle() -> None:
    """Keep the cyclic garbage collector off what lives as long as the worker (the modules, the rule pack, the
    compiled engine): moved to the permanent generation once the first chunk has built them, it is no longer
    traversed by every full collection (they were about a tenth of a worker's CPU, growing with the agencies it
    had checked); young collections run every 10,000 allocations instead of 700, as a chunk's agencies are
    short-lived and freed by reference counting anyway."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


def _match(agencies: dict[int, Agency], config: BatchConfig, pack: RulePack, mark: Mark) -> dict[int, Matched]:
    """Every agency's subjects matched by the evaluator, the chunk at once — of each agency, the subjects whose
    outcomes its findings read (:func:`isocheck.engine.evaluate.to_match`); an agency that cannot be checked on
    the as-of date, or whose subjects cannot be derived, is left out (:func:`check_one` then goes its own way
    and reports what went wrong)."""
    subjects: dict[int, list] = {}
    matching: dict[int, list] = {}  # the subjects whose outcomes the agency's findings read
    rules = pack.select(config.profile)
    for k, agency in agencies.items():
        mark(k)
        try:
            check_applies(agency, config.as_of, "-")
            subjects[k] = derive_subjects(agency, config.as_of, pack.parameters, config.year, pack.catalogue)
            matching[k] = to_match(subjects[k], agency, config.as_of, rules)
        except Exception:
            subjects.pop(k, None)
            continue
    keys = list(subjects)
    if not keys:
        return {}
    evaluator = evaluator_for(pack, config.profile, config.evaluator)
    many = getattr(evaluator, "evaluate_many", None)
    if many is None:
        results = []
        for k in keys:
            mark(k)
            results.append(evaluator.evaluate(matching[k]))
    else:
        mark(keys[0])
        results = many([matching[k] for k in keys], lambda i: mark(keys[i]))
    return {k: (subjects[k], *result) for k, result in zip(keys, results, strict=True)}


def _crashed(config: BatchConfig, baseline, prepare, fact: FactFile, code: int | None) -> Any:
    entry = failed_entry(fact, "crashed", crashed_text(code, config.lang), baseline)
    return prepare(entry) if prepare is not None else entry


def run_batch(
    files: list[FactFile],
    config: BatchConfig,
    pack: RulePack,
    waivers=None,
    *,
    baseline: Baseline | None = None,
    workers: int | None = None,
    strict: bool = False,
    prepare: Callable[[Entry], Entry] | None = None,
) -> Iterator[Entry]:
    """Check every file; yield one entry per file (``prepare``-d in the worker when given), in file order.

    Raises :class:`StrictStop` (``strict``) and :class:`Interrupted` (Ctrl-C, SIGTERM); either way no worker
    is left running."""
    size = max(1, min(workers or os.cpu_count() or 1, len(files)))
    setup = functools.partial(_setup, config, pack, waivers, baseline, prepare)
    crashed = functools.partial(_crashed, config, baseline, prepare)
    chunk = max(1, min(16, len(files) // (size * 8) or 1))
    with Pool(setup, crashed, size, chunk) as pool:
        for _, entry in pool.results(files):
            if strict and entry["status"] == "input_error":
                raise StrictStop(entry["error"])
            yield entry
