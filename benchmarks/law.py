"""Benchmark: what the shipped law texts, the citation check, a province overlay and ``isocheck impact`` cost.

    python benchmarks/law.py [--agencies 2000] [--repeat 20] [--json]

Prints, as the median of ``--repeat`` runs: parsing the four law files, loading the rule pack (which checks
every quote against them) and the share of that spent on the check, applying the example overlay, and
``assess`` of a legal change over N generated agencies (read, validate, match their TTHC).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def _median_ms(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 2)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--agencies", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    import generate

    from isocheck.law import citations, texts
    from isocheck.law.overlay import load_overlay
    from isocheck.pack import rules
    from isocheck.pack.tailoring import apply_overlay
    from isocheck.workflows.impact import LegalChange, assess

    def parse_law():
        texts.load_library.cache_clear()
        texts.load_library()

    texts.load_library()  # warm: the pack load below measures the check, not the parse
    pack = rules.load_pack()
    cited = [c for r in pack.rules for c in r.citations]

    def check_all():
        for c in cited:
            citations.check(c)

    overlay = load_overlay("ha-tinh.example")
    change = LegalChange(number="04/2020/TT-BTP", effective_on=dt.date(2020, 7, 16), fields=["Hộ tịch"])
    with tempfile.TemporaryDirectory() as tmp:
        files = generate.write(Path(tmp), args.agencies)
        start = time.perf_counter()
        impact = assess(change, files, pack.parameters, dt.date(2021, 11, 16))
        impact_s = time.perf_counter() - start
    result = {
        "parse_law_ms": _median_ms(parse_law, args.repeat),
        "load_pack_ms": _median_ms(rules.load_pack, args.repeat),
        "citations": len(cited),
        "quote_check_ms": _median_ms(check_all, args.repeat),
        "apply_overlay_ms": _median_ms(lambda: apply_overlay(pack, overlay, dt.date(2022, 11, 18)), args.repeat),
        "impact_agencies": args.agencies,
        "impact_s": round(impact_s, 2),
        "impact_agencies_per_s": round(args.agencies / impact_s),
        "impact_touched": len(impact.touched),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:24} {value}")


if __name__ == "__main__":
    main()
