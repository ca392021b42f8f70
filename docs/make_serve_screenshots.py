"""Pictures of ``isocheck serve`` for the guide: the form and the live result, in Vietnamese.

    python docs/make_serve_screenshots.py     # writes docs/serve-form.png and docs/serve-result.png

The page is served over a temporary copy of fixtures/xa-chua-san-sang-cong-bo.yaml (a commune not yet ready
to announce), checked as of 16/11/2021, with a two-line TTHC catalogue loaded. ``serve-form.png``: the top of
the page (the agency, the settings, the verdict and the first nonconformities). ``serve-result.png``: the
TTHC table after a TTHC is added from the catalogue without an internal procedure and a date is typed
wrongly — the new finding in the result, the message under the date. Playwright drives Debian's Chromium
(/usr/bin/chromium, never a browser of its own) with the flags of the browser tests.
"""

from __future__ import annotations

import datetime as dt
import shutil
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures/xa-chua-san-sang-cong-bo.yaml"
AS_OF = dt.date(2021, 11, 16)
CATALOGUE = (
    "code,name,field\n1.001193,Thủ tục đăng ký khai sinh,Hộ tịch\n"
    "1.003005,Thủ tục xác nhận hoạt động giáo dục kỹ năng sống,Giáo dục\n"
)


def main() -> int:
    sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
    import uvicorn
    from playwright.sync_api import expect, sync_playwright
    from test_serve_browser import CHROMIUM, FLAGS

    from isocheck.api import load_pack
    from isocheck.serve import Config, Folder, create_app, load_catalogue

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ho-so"
        folder.mkdir()
        shutil.copy(FIXTURE, folder / "xa-thach-ha.yaml")
        (Path(tmp) / "danh-muc.csv").write_text(CATALOGUE, encoding="utf-8")
        config = Config(Folder(folder), load_pack(), "vi", today=lambda: AS_OF)
        config.catalogue, config.catalogue_name = load_catalogue(Path(tmp) / "danh-muc.csv"), "danh-muc-tthc.csv"
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(create_app(config), host="127.0.0.1", port=port, log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
                page = browser.new_page(viewport={"width": 1440, "height": 1000}, locale="vi-VN")
                page.goto(f"http://127.0.0.1:{port}/edit?file=xa-thach-ha.yaml")
                expect(page.locator("#verdict")).to_be_visible()
                page.screenshot(path=str(ROOT / "docs/serve-form.png"))
                rows = page.locator("#rows-procedures tr.row")
                before = rows.count()
                page.click("#in-procedures .list-actions button.add")
                expect(rows).to_have_count(before + 1)
                row = rows.nth(before)
                row.locator("input[name$='.code']").fill("1.003005")
                row.locator("input[name$='.code']").dispatch_event("change")
                row.locator("select[name$='.internal_procedure']").select_option("false")
                page.fill("#in-_as_of", "16/11/2021")
                expect(page.locator("#result [data-subject*='1.003005']")).to_be_visible()
                dates = page.locator("#rows-legal_documents")
                page.click("#in-legal_documents .list-actions button.add")
                dates.locator("input[name$='.number']").last.fill("15/2021/TT-BGDĐT")
                dates.locator("input[name$='.effective_on']").last.fill("31/06/2021")
                expect(dates.locator("td:has(input[name$='.effective_on']) .err").last).to_contain_text("ngày có thật")
                row.evaluate("e => e.scrollIntoView({block: 'start'})")
                page.evaluate("window.scrollBy(0, -150)")
                page.locator("#result [data-subject*='1.003005']").scroll_into_view_if_needed()
                page.screenshot(path=str(ROOT / "docs/serve-result.png"))
                browser.close()
        finally:
            server.should_exit = True
    for name in ("serve-form.png", "serve-result.png"):
        print(f"wrote docs/{name} ({(ROOT / 'docs' / name).stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
