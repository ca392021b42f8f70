"""Render the HTML inspection report and the inspection minutes of one fixture as pictures for docs/.

    python docs/make_screenshot.py        # writes docs/report-screenshot.png, docs/minutes-page-{1,3}.png,
                                          # docs/batch-page.png, docs/batch-summary-page-1.png

The fixture is a commune not yet ready to announce (fixtures/xa-chua-san-sang-cong-bo.yaml, as of
16/11/2021), in Vietnamese. The report: the first screen (header, verdict, counts, the first cards),
taken by Chromium at /usr/bin/chromium (Debian: apt-get install chromium) with the flags of the browser
test (tests/browser.py). The minutes, with fixtures/inspection/xa-chua-san-sang-cong-bo.yaml: pages 1
(heading, grounds, participants) and 3 (the nonconformities), converted by LibreOffice (apt-get install
libreoffice-writer-nogui fonts-liberation2) to PDF and by pdftoppm (poppler-utils) to PNG. The province batch of
fixtures/province-ha-tinh-2021 (as of 20/12/2021): the first screen of its HTML page, and page 1 of its yearly
summary in Word (TT26 Điều 38).
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = "fixtures/xa-chua-san-sang-cong-bo.yaml"
AS_OF = dt.date(2021, 11, 16)
OUT = ROOT / "docs" / "report-screenshot.png"
BATCH_PAGE = ROOT / "docs" / "batch-page.png"
INSPECTION = "fixtures/inspection/xa-chua-san-sang-cong-bo.yaml"
MINUTES_PAGES = (1, 3)


def main() -> int:
    sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
    from browser import CHROMIUM, run  # the browser tests' flags

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
        result = run(Path(tmp) / "profile", f"--screenshot={shot}", "--window-size=1280,2400", page.as_uri())
        if result.returncode != 0:
            print(result.stderr[-2000:], file=sys.stderr)
            return 1
        OUT.write_bytes(shot.read_bytes())
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size} bytes)")
    return minutes(report) or batch()


def minutes(report) -> int:
    """The minutes of the same check, pages MINUTES_PAGES as PNG (80 dpi)."""
    from isocheck.report.minutes import render_minutes
    from isocheck.report.minutes.inspection import load_inspection

    data = render_minutes(report, load_inspection(ROOT / INSPECTION, AS_OF), "vi")
    return word_pages(data, {page: ROOT / "docs" / f"minutes-page-{page}.png" for page in MINUTES_PAGES})


def batch() -> int:
    """The province batch of fixtures/province-ha-tinh-2021 (as of 20/12/2021, in Vietnamese): the first screen of
    its HTML page, and page 1 of its yearly summary in Word (TT26 Điều 38)."""
    from browser import Printer
    from golden import PROVINCE_2021, render_batch

    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "batch.html"
        page.write_text(render_batch(PROVINCE_2021, "2021-12-20", "2021", "inspection", "html", "vi")[0], "utf-8")
        with Printer(Path(tmp) / "profile") as printer:
            printer.open(page)
            printer.layout(1280, 1800)
            BATCH_PAGE.write_bytes(printer.screenshot())
        print(f"wrote {BATCH_PAGE.relative_to(ROOT)} ({BATCH_PAGE.stat().st_size} bytes)")
        summary = Path(tmp) / "tong-hop.docx"
        render_batch(PROVINCE_2021, "2021-12-20", "2021", "inspection", "docx", "vi", output=summary)
        return word_pages(summary.read_bytes(), {1: ROOT / "docs" / "batch-summary-page-1.png"})


def word_pages(data: bytes, pages: dict[int, Path]) -> int:
    """Pages of a Word document as PNG (80 dpi): LibreOffice converts it to PDF, pdftoppm the pages."""
    soffice = shutil.which("soffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        print("soffice or pdftoppm not found; install libreoffice-writer-nogui and poppler-utils", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "document.docx"
        source.write_bytes(data)
        profile = (Path(tmp) / "lo").as_uri()
        convert = [soffice, "--headless", "--norestore", f"-env:UserInstallation={profile}", "--convert-to", "pdf"]
        subprocess.run([*convert, "--outdir", tmp, str(source)], check=True, capture_output=True, timeout=300)
        for page, out in pages.items():
            stem = Path(tmp) / f"page{page}"
            pdf = str(Path(tmp) / "document.pdf")
            subprocess.run(
                ["pdftoppm", "-r", "80", "-png", "-singlefile", "-f", str(page), "-l", str(page), pdf, str(stem)],
                check=True,
                timeout=120,
            )
            out.write_bytes(stem.with_suffix(".png").read_bytes())
            print(f"wrote {out.relative_to(ROOT)} ({out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
