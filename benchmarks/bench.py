"""Benchmark: the whole pipeline (load, validate, derive, evaluate, report) on N generated agencies,
once with durable-rules and once with the pure-Python reference evaluator, in the same run.

    python benchmarks/bench.py --agencies 1000 [--workers 2] [--json]

Each pipeline runs in its own child process (so its peak memory is its own) that spreads the files
over a pool of worker processes (spawn), one compiled ruleset per worker. Prints wall time,
agencies per second and peak RSS for each, and the ratio durable / reference — the figure that
holds on a noisy machine. Both pipelines must produce identical findings.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

_PACK = None
_EVALUATOR = "durable"


def _init(evaluator: str) -> None:
    global _PACK, _EVALUATOR
    from isocheck.pack.rules import load_pack

    _PACK = load_pack()
    _EVALUATOR = evaluator


def _pipeline_chunk(paths: list[str]) -> tuple[int, int, str]:
    from generate import AS_OF

    from isocheck.api import check_file
    from isocheck.report.json_format import render

    digest = hashlib.sha256()
    failures = 0
    for path in paths:
        report = check_file(path, AS_OF, "all", _PACK, _EVALUATOR)
        text = render(report, "en")
        failures += report.summary.outcomes["fail"]
        digest.update(text.replace(_EVALUATOR, "").encode())
    return len(paths), failures, digest.hexdigest()


def run_pipeline(directory: Path, evaluator: str, workers: int) -> dict:
    paths = sorted(str(p) for p in directory.glob("*.yaml"))
    chunk = max(1, min(200, len(paths) // (workers * 8) or 1))
    chunks = [paths[i : i + chunk] for i in range(0, len(paths), chunk)]
    start = time.perf_counter()
    with ProcessPoolExecutor(
        workers, mp_context=get_context("spawn"), initializer=_init, initargs=(evaluator,)
    ) as pool:
        results = list(pool.map(_pipeline_chunk, chunks))
    seconds = time.perf_counter() - start
    agencies = sum(r[0] for r in results)
    combined = hashlib.sha256("".join(r[2] for r in results).encode()).hexdigest()
    peak_kb = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    )
    return {
        "seconds": round(seconds, 3),
        "agencies_per_s": round(agencies / seconds, 1),
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "agencies": agencies,
        "nonconformities": sum(r[1] for r in results),
        "findings_digest": combined,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    parser.add_argument("--dir", type=Path, default=None, help="reuse/keep generated files in this folder")
    parser.add_argument("--pipeline", choices=["durable", "reference"], help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.pipeline:  # child process: one pipeline, print its measurements
        print(json.dumps(run_pipeline(args.dir, args.pipeline, args.workers)))
        return

    from generate import write

    with tempfile.TemporaryDirectory(prefix="isocheck-bench-") as tmp:
        directory = args.dir or Path(tmp)
        if not list(directory.glob("*.yaml"))[: args.agencies] or len(list(directory.glob("*.yaml"))) != args.agencies:
            for old in directory.glob("*.yaml"):
                old.unlink()
            write(directory, args.agencies)
        results = {}
        for evaluator in ("durable", "reference"):
            out = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--pipeline",
                    evaluator,
                    "--dir",
                    str(directory),
                    "--workers",
                    str(args.workers),
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            results[evaluator] = json.loads(out.stdout)
    same = results["durable"]["findings_digest"] == results["reference"]["findings_digest"]
    ratio = results["durable"]["seconds"] / results["reference"]["seconds"]
    if args.json:
        keep = ("seconds", "agencies_per_s", "peak_rss_mb")
        print(
            json.dumps(
                {
                    "agencies": args.agencies,
                    "durable": {k: results["durable"][k] for k in keep},
                    "reference": {k: results["reference"][k] for k in keep},
                    "ratio": round(ratio, 2),
                    "identical_findings": same,
                }
            )
        )
        return
    from tabulate import tabulate

    rows = [
        [name, r["seconds"], r["agencies_per_s"], r["peak_rss_mb"], r["nonconformities"]] for name, r in results.items()
    ]
    print(tabulate(rows, headers=["pipeline", "wall s", "agencies/s", "peak RSS MB", "nonconformities"]))
    print(
        f"\nagencies: {args.agencies} · workers: {args.workers} · ratio durable/reference: {ratio:.2f} · "
        f"identical findings: {'yes' if same else 'NO'}"
    )
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
