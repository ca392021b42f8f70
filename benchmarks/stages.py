"""CPU per stage of a batch worker's job, per agency: read, validate, check dates, derive, match, entry.

    python benchmarks/stages.py FOLDER [--files 400] [--passes 5] [--as-of 2021-11-16] [--evaluator durable]
        [--results] [--gc]

The stages are those of ``isocheck/workflows/batch/__init__.py`` (``_Loader.agency``, ``_match``, ``check_one``),
run on chunks of 16 files as a worker runs them, timed with ``process_time`` (the CPU of this process: on a
machine shared with other jobs the steadier measure), the best of ``--passes`` passes per stage. The garbage
collector is off while timing (a collection lands in whichever stage allocates at that moment, and moves
CPU from one stage to another between runs); ``--gc`` keeps it on, as a worker runs (``_settle``). ``--results``
renders every finding, as the JSON format asks. Run it in two source trees (``git archive main`` unpacked in a
folder, then this tree), interleaved, to compare them.

Two more figures come from the same passes: ``limit``, the job of a worker of ``benchmarks/limit.py`` on the same
files (read, yaml-rs, the 35 hand-written predicates), and ``yaml-rs`` alone. The last line, the *floor*, is
what the fixed stack costs whatever the tool does around it: yaml-rs's reading, pydantic's validation, the
derivation that feeds the rules, and durable-rules' matching — against the limit's job and the target of at
most 3× the limit (issue 15).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))  # the isocheck of the current folder (another source tree to compare)
sys.path.insert(1, str(Path(__file__).resolve().parent))  # limit.py beside this file

import yaml_rs
from limit import judge_files

from isocheck.engine.evaluators import evaluator_for
from isocheck.facts.model import validate_agency
from isocheck.facts.parse import load_document
from isocheck.facts.plausibility import check_dates
from isocheck.law.applicability import check_applies
from isocheck.pack.rules import load_pack
from isocheck.subjects.derive import derive_subjects
from isocheck.workflows.batch import BatchConfig, FactFile, check_one

try:
    from isocheck.engine.evaluate import to_match
except ImportError:  # a tree from before it (comparing with an older main): every subject is matched

    def to_match(subjects, agency, as_of, rules, duty=None):
        return subjects


STAGES = ("load_document", "validate", "check_dates", "derive", "match", "entry")
OTHERS = ("limit", "yaml-rs")  # measured in the same passes, not part of the total
FLOOR = ("yaml-rs", "validate", "derive", "match")
CHUNK = 16


def one_pass(files: list[Path], config: BatchConfig, pack, evaluator) -> dict[str, float]:
    spent = dict.fromkeys(STAGES + OTHERS, 0.0)
    clock = time.process_time
    t0 = clock()
    judge_files([str(path) for path in files])  # the limit's worker job, as benchmarks/limit.py runs it
    spent["limit"] = clock() - t0
    texts = [path.read_text(encoding="utf-8") for path in files]
    t0 = clock()
    for text in texts:
        yaml_rs.loads(text)
    spent["yaml-rs"] = clock() - t0
    rules = pack.select(config.profile)
    for start in range(0, len(files), CHUNK):
        chunk = files[start : start + CHUNK]
        agencies = []
        for path in chunk:
            t0 = clock()
            data, lines = load_document(path)
            t1 = clock()
            agency = validate_agency(data, str(path), lines)
            t2 = clock()
            check_dates(agency, config.as_of, str(path), lines)
            t3 = clock()
            spent["load_document"] += t1 - t0
            spent["validate"] += t2 - t1
            spent["check_dates"] += t3 - t2
            agencies.append(agency)
        t0 = clock()
        subjects = []
        for agency in agencies:
            check_applies(agency, config.as_of, "-")
            subjects.append(derive_subjects(agency, config.as_of, pack.parameters, config.year, pack.catalogue))
        t1 = clock()
        matching = [to_match(s, a, config.as_of, rules) for s, a in zip(subjects, agencies, strict=True)]
        results = evaluator.evaluate_many(matching) if hasattr(evaluator, "evaluate_many") else None
        if results is None:
            results = [evaluator.evaluate(m) for m in matching]
        t2 = clock()
        for k, (path, agency) in enumerate(zip(chunk, agencies, strict=True)):
            matched = (subjects[k], *results[k])
            check_one(FactFile(path=path, id=str(k)), config, pack, None, None, None, agency, matched)
        t3 = clock()
        spent["derive"] += t1 - t0
        spent["match"] += t2 - t1
        spent["entry"] += t3 - t2
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--files", type=int, default=400)
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date(2021, 11, 16))
    parser.add_argument("--evaluator", default="durable")
    parser.add_argument("--results", action="store_true", help="render every finding (the JSON format)")
    parser.add_argument("--gc", action="store_true", help="keep the garbage collector on while timing")
    args = parser.parse_args()
    files = sorted(p for p in args.folder.iterdir() if p.suffix in (".yaml", ".yml", ".json"))[: args.files]
    pack = load_pack()
    config = BatchConfig(as_of=args.as_of, profile="all", lang="vi", evaluator=args.evaluator, results=args.results)
    evaluator = evaluator_for(pack, config.profile, config.evaluator)
    one_pass(files[:CHUNK], config, pack, evaluator)  # compiled, caches filled
    gc.collect()
    gc.freeze()
    if not args.gc:
        gc.disable()
    best = dict.fromkeys(STAGES + OTHERS, float("inf"))
    for _ in range(args.passes):
        for stage, seconds in one_pass(files, config, pack, evaluator).items():
            best[stage] = min(best[stage], seconds)
        gc.collect()
    per = {stage: 1000 * seconds / len(files) for stage, seconds in best.items()}
    for stage in STAGES:
        print(f"{stage:14s} {per[stage]:6.3f} ms")
    print(f"{'total':14s} {sum(per[s] for s in STAGES):6.3f} ms per agency ({len(files)} files)")
    for stage in OTHERS:
        print(f"{stage:14s} {per[stage]:6.3f} ms")
    floor = sum(per[s] for s in FLOOR)
    print(
        f"{'floor':14s} {floor:6.3f} ms ({' + '.join(FLOOR)}): {floor / per['limit']:.2f}× the limit's job, "
        f"{3 * per['limit']:.3f} ms is 3×; the total is {sum(per[s] for s in STAGES) / per['limit']:.2f}×"
    )


if __name__ == "__main__":
    main()
