"""Benchmark: the cost of reading one fact file, by stage, on generated commune files.

    python benchmarks/load.py [--files 200] [--repeat 5] [--json]

Writes ``--files`` commune agencies with ``benchmarks/generate.py`` (about 160 TTHC each), then times,
per file and in one process: ``load_document`` (read, decode, isocheck's limits, the fast or strict
YAML path), yaml-rs alone (the parse without isocheck's checks), the strict path alone (PyYAML: what a
file that cannot take the fast path costs), validation (pydantic) and the whole load (``load_agency``:
read, parse, validate). Each figure is
the best of ``--repeat`` passes over all files (the machine is shared, so the best pass is the one
least disturbed), divided by the number of files. Also says how many files took the fast path.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def _communes(directory: Path, count: int) -> list[Path]:
    import generate

    rng = random.Random(19)
    paths = []
    index = 0
    while len(paths) < count:
        doc = generate.agency(index, rng)
        index += 1
        if doc["agency"]["level"] != "commune":
            continue
        path = directory / f"commune-{len(paths):05d}.yaml"
        text = generate.yaml.dump(
            doc, Dumper=generate._NoAliasDumper, allow_unicode=True, sort_keys=False, default_flow_style=None, width=200
        )
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _best(run, repeat: int, count: int) -> float:
    """Best time of ``repeat`` passes, in milliseconds per file."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return round(best * 1000 / count, 3)


def _strict_path():
    """The strict path's function (``facts.yaml_strict.load_yaml``; ``facts.parse._load_yaml`` before it moved)."""
    try:
        from isocheck.facts.yaml_strict import load_yaml
    except ImportError:  # the layout before the strict path had a module of its own
        from isocheck.facts.parse import _load_yaml as load_yaml  # type: ignore[attr-defined, no-redef]
    return load_yaml


def measure(files: int, repeat: int) -> dict:
    import yaml_rs

    from isocheck.facts import parse
    from isocheck.facts.model import load_agency, validate_agency

    strict = _strict_path()

    with tempfile.TemporaryDirectory() as folder:
        paths = _communes(Path(folder), files)
        texts = [p.read_text(encoding="utf-8") for p in paths]
        parsed = [parse.load_document(p) for p in paths]
        fast = sum(type(lines) is not parse.LineMap for _, lines in parsed)  # the fast path's map is lazy
        results = {
            "files": files,
            "bytes_per_file": round(sum(len(t.encode()) for t in texts) / files),
            "fast_path_files": fast,
            "load_document_ms": _best(lambda: [parse.load_document(p) for p in paths], repeat, files),
            "yaml_rs_alone_ms": _best(lambda: [yaml_rs.loads(t) for t in texts], repeat, files),
            "strict_path_ms": _best(lambda: [strict(t, "x") for t in texts], repeat, files),
            "validate_ms": _best(lambda: [validate_agency(d, "x", lines) for d, lines in parsed], repeat, files),
            "load_agency_ms": _best(lambda: [load_agency(p) for p in paths], repeat, files),
        }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = measure(args.files, args.repeat)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for key, value in results.items():
        print(f"{key:>20}: {value}")


if __name__ == "__main__":
    main()
