"""Benchmark of the real user path: ``isocheck batch`` run as a subprocess over generated fact files, in
every format, beside the practical limit (benchmarks/limit.py), with the peak memory of the process tree.

    python benchmarks/bench.py --agencies 20000 [--formats json csv …] [--evaluators durable] [--rounds 3] [--json]

Runs are interleaved — for each round: the limit, then per format the durable-rules run (A) and the
reference-evaluator run (B) — so a shared machine's changing speed hits A, B and the limit alike; the
report gives medians per kind, the ratios durable/reference and durable/limit, and each run's peak
memory: the largest sum of the resident set sizes (PSS where the kernel gives it: shared pages counted
once) of the command and all its descendants, sampled every 50 ms. The CPU time of the whole tree is
reported beside the wall time: on a machine shared with other jobs it is the steadier measure.
``--cache`` adds a warm run with the cache of validated agencies after each cold durable run. ``--compare
DIR`` adds, in the same rounds, the durable run of another source tree of isocheck (e.g. ``git archive main``
unpacked in DIR): an A/B of two versions on the same files and the same machine minutes. Files are written
once (``--dir`` keeps them).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
AS_OF = "2021-11-16"


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _memory_kb(pid: int) -> int:
    for name, key in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            with open(f"/proc/{pid}/{name}") as handle:
                for line in handle:
                    if line.startswith(key):
                        return int(line.split()[1])
        except OSError:
            continue
    return 0


def measure(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> dict:
    """Wall time, CPU time (all processes of the tree, so ``cores`` = CPU / wall) and peak memory of the
    process tree of ``command`` (its output is discarded)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, sum(_memory_kb(pid) for pid in _tree(process.pid)))
            done.wait(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if process.returncode not in (0, 1) or b"Traceback" in stderr:  # 1 = nonconformities found, a normal end
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {stderr.decode()[-2000:]}")
    return {
        "seconds": round(seconds, 2),
        "cpu_s": round(cpu, 2),
        "cores": round(cpu / seconds, 2),
        "peak_mb": round(peak / 1024, 1),
    }


def batch_command(folder: Path, fmt: str, evaluator: str, out: Path, cache: bool) -> list[str]:
    command = [sys.executable, "-m", "isocheck", "batch", str(folder.resolve()), "--as-of", AS_OF, "--format", fmt]
    command += ["--profile", "all", "--evaluator", evaluator, "-o", str(out)]
    return command if cache else [*command, "--no-cache"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--agencies", type=int, default=2000)
    parser.add_argument("--formats", nargs="+", default=["json", "csv", "table", "md", "html", "xlsx", "docx"])
    parser.add_argument(
        "--evaluators",
        nargs="+",
        choices=["durable", "reference"],
        default=["durable", "reference"],
        help="durable alone: the memory and time of the default path, without the A/B against the reference",
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cache", action="store_true", help="also a warm run with the cache after each durable run")
    parser.add_argument("--dir", type=Path, default=None, help="reuse/keep the generated files in this folder")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--compare", type=Path, default=None, help="another isocheck source tree: its durable run too")
    args = parser.parse_args()
    from generate import write

    with tempfile.TemporaryDirectory(prefix="isocheck-bench-") as tmp:
        folder = args.dir or Path(tmp) / "facts"
        if len(list(folder.glob("*.yaml"))) != args.agencies:
            for old in folder.glob("*.yaml"):
                old.unlink()
            write(folder, args.agencies)
        cache_env = {**os.environ, "ISOCHECK_CACHE_DIR": str(Path(tmp) / "cache")}
        runs: dict[str, list[dict]] = {}
        for _ in range(args.rounds):
            limit = [sys.executable, str(HERE / "limit.py"), str(folder), "--workers", "2"]
            runs.setdefault("limit", []).append(measure(limit))
            for fmt in args.formats:
                out = Path(tmp) / f"out.{fmt}"
                for evaluator in args.evaluators:
                    command = batch_command(folder, fmt, evaluator, out, False)
                    runs.setdefault(f"{fmt}/{evaluator}", []).append(measure(command))
                if args.compare is not None:
                    other = batch_command(folder, fmt, "durable", out, False)
                    runs.setdefault(f"{fmt}/durable@compare", []).append(measure(other, cwd=args.compare.resolve()))
                if args.cache:
                    warm = batch_command(folder, fmt, "durable", out, True)
                    measure(warm, cache_env)  # fills the cache
                    runs.setdefault(f"{fmt}/durable+cache", []).append(measure(warm, cache_env))
    report = summarise(runs, args.agencies)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_report(report)


def summarise(runs: dict[str, list[dict]], agencies: int) -> dict:
    medians = {
        kind: {
            "seconds": statistics.median(r["seconds"] for r in rs),
            "peak_mb": max(r["peak_mb"] for r in rs),
            "cores": statistics.median(r["cores"] for r in rs),
            "cpu_s": statistics.median(r["cpu_s"] for r in rs),
            "runs": [r["seconds"] for r in rs],
        }
        for kind, rs in runs.items()
    }
    limit, limit_cpu = medians["limit"]["seconds"], medians["limit"]["cpu_s"]
    for kind, m in medians.items():
        m["x_limit"] = round(m["seconds"] / limit, 2)
        m["x_limit_cpu"] = round(m["cpu_s"] / limit_cpu, 2)  # steadier than wall time on a shared machine
        reference = medians.get(kind.replace("durable", "reference"))
        if kind.endswith("/durable") and reference is not None:
            m["x_reference"] = round(m["seconds"] / reference["seconds"], 2)
            m["x_reference_cpu"] = round(m["cpu_s"] / reference["cpu_s"], 2)
    return {
        "agencies": agencies,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "results": medians,
    }


def print_report(report: dict) -> None:
    print(f"{report['agencies']} agencies · {report['machine']}")
    print(
        f"{'run':22} {'median s':>9} {'runs':>24} {'× limit':>8} {'× ref':>6} {'CPU s':>7} {'× limit CPU':>11} "
        f"{'× ref CPU':>9} {'cores':>6} {'peak MB':>8}"
    )
    for kind, m in report["results"].items():
        runs = " ".join(f"{s:.1f}" for s in m["runs"])
        print(
            f"{kind:22} {m['seconds']:9.2f} {runs:>24} {m['x_limit']:8.2f} {m.get('x_reference', ''):>6} "
            f"{m['cpu_s']:7.1f} {m['x_limit_cpu']:11.2f} {m.get('x_reference_cpu', ''):>9} {m['cores']:6.2f} "
            f"{m['peak_mb']:8.1f}"
        )


if __name__ == "__main__":
    main()
