#!/usr/bin/env python3
"""Create ``.venv`` and install isocheck into it from the lock files, so every machine gets the same versions.

    python3 scripts/install.py            # isocheck and what it needs to run      (requirements/run.txt)
    python3 scripts/install.py --test     # also the test and lint tools           (requirements/test.txt)

Every package comes from ``requirements/*.txt``: exact versions with their hashes, for Python 3.10-3.12 on
Linux (``scripts/lock`` refreshes them). The build back-ends (``requirements/build.txt``: hatchling for
isocheck, setuptools for durable-rules, which builds from source) are installed first and every build
then runs without build isolation, so no build fetches an unpinned tool either. isocheck itself is
installed last, without dependencies: the lock has already installed all of them.

pip cannot do this in one call: a directory (``.``) cannot be hash-checked, and a build back-end must be
installed before the package that needs it is built. Hence this script; it prints each pip command.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--test", action="store_true", help="also install the test and lint tools")
    parser.add_argument("--venv", default=str(ROOT / ".venv"), help="where to create the environment (default: .venv)")
    args = parser.parse_args()
    if not (3, 10) <= sys.version_info[:2] <= (3, 12):
        print(
            f"isocheck needs Python 3.10-3.12 (durable-rules does not import on newer ones); this is "
            f"{sys.version.split()[0]}",
            file=sys.stderr,
        )
        return 2
    target = Path(args.venv)
    if not (target / "bin" / "python").exists():
        venv.EnvBuilder(with_pip=True).create(target)
    python = str(target / "bin" / "python")
    lock = ROOT / "requirements" / ("test.txt" if args.test else "run.txt")
    steps = [
        [
            "-m",
            "pip",
            "install",
            "--quiet",
            "--require-hashes",
            "--no-deps",
            "-r",
            str(ROOT / "requirements" / "build.txt"),
        ],
        ["-m", "pip", "install", "--quiet", "--require-hashes", "--no-deps", "--no-build-isolation", "-r", str(lock)],
        ["-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--force-reinstall", str(ROOT)],
    ]
    for step in steps:
        print("+", python, *step, flush=True)
        result = subprocess.run([python, *step])
        if result.returncode != 0:
            return result.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
