"""Render the HTML inspection report of one fixture and screenshot it with headless Chromium.

    python docs/make_screenshot.py        # writes docs/report-screenshot.png

The fixture is a commune not yet ready to announce (fixtures/xa-chua-san-sang-cong-bo.yaml, as of
16/11/2021), in Vietnamese: the first screen shows the header, verdict, counts and the first
nonconformities with their explanations. Needs Chromium at /usr/bin/chromium (Debian: apt-get
install chromium). The flags are those of the browser test (tests/test_html_report.py).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = "fixtures/xa-chua-san-sang-cong-bo.yaml"
AS_OF = dt.date(2021, 11, 16)
OUT = ROOT / "docs" / "report-screenshot.png"
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from isocheck.api import check_file
    from isocheck.report.html import render

    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found; install Chromium (apt-get install chromium)", file=sys.stderr)
        return 2
    report = check_file(ROOT / FIXTURE, AS_OF)
    report.file = FIXTURE  # the path as a user would type it, not this machine's absolute path
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(render(report, "vi"), encoding="utf-8")
        shot = Path(tmp) / "shot.png"
        subprocess.run(
            [
                CHROMIUM,
                *FLAGS,
                f"--user-data-dir={Path(tmp) / 'profile'}",
                f"--screenshot={shot}",
                "--window-size=1280,2400",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        OUT.write_bytes(shot.read_bytes())
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
