"""Benchmark: how long the page of ``isocheck serve`` takes to answer as a secretary types.

    python benchmarks/serve_check.py [--rounds 20]

For each bundled fixture, the form as the browser posts it is sent to ``POST /check`` (Starlette's test
client, in process: no network) ``--rounds`` times; prints the median and the slowest answer per fixture
and the size of the answer. The page asks once 400 ms after the last keystroke, so an answer well under
that keeps it live.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parent / "tests")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    import yaml
    from starlette.testclient import TestClient
    from test_serve_yaml import posted

    from isocheck.api import load_pack
    from isocheck.serve import Config, Folder, create_app
    from isocheck.serve.checking import FIELDS
    from isocheck.serve.view import nodes

    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(Config(Folder(tmp), load_pack(), "vi", today=lambda: dt.date(2021, 11, 16)))
        with TestClient(app, base_url="http://127.0.0.1:8765") as client:
            page = client.get("/edit", params={"file": "x.yaml"}).text
            csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
            print(f"{'fixture':44} {'median ms':>9} {'max ms':>7} {'answer KB':>9}")
            for path in sorted((HERE.parent / "fixtures").glob("*.yaml")):
                pairs = posted(nodes(FIELDS, yaml.safe_load(path.read_text(encoding="utf-8")), "", "vi", {}))
                body = urlencode([*pairs, ("csrf", csrf), ("file", "x.yaml"), ("_as_of", "16/11/2021")]).encode()
                headers = {"content-type": "application/x-www-form-urlencoded", "hx-request": "true"}
                times, size = [], 0
                for _ in range(args.rounds):
                    start = time.perf_counter()
                    answer = client.post("/check", content=body, headers=headers)
                    times.append((time.perf_counter() - start) * 1000)
                    size = len(answer.content)
                name = path.relative_to(HERE.parent).as_posix()
                print(f"{name:44} {statistics.median(times):9.1f} {max(times):7.1f} {size / 1024:9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
