"""``isocheck serve`` end to end in a real browser: Playwright driving Debian's Chromium (/usr/bin/chromium).

Playwright never downloads a browser of its own here: it launches ``/usr/bin/chromium`` (``executable_path``)
with the flags of the other browser tests. The server runs in a thread of this process on a free port of
127.0.0.1, over a temporary folder. The test does what a commune's ISO secretary does: creates a fact
file, fills in the commune, adds a TTHC without an internal procedure, sees the major finding appear,
fixes it, sees it pass, saves, reloads, and the saved file is compared byte for byte with the YAML a
careful person would write. Skipped only when /usr/bin/chromium is absent.
"""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from isocheck.api import load_pack
from isocheck.serve import Config, Folder, create_app

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AS_OF = dt.date(2026, 12, 1)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's Chromium at /usr/bin/chromium"),
]

EXPECTED = """\
agency:
  name: UBND xã Thạch Long
  level: commune
  province: Hà Tĩnh
  standard: 2015
  parent: UBND huyện "Thạch Hà" <cũ> & 'mới'
  qms_duty:
    basis: voluntary
procedures:
  - code: '1.001193'
    name: Thủ tục đăng ký khai sinh
    field: Hộ tịch
    internal_procedure: true
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def server(tmp_path):
    port = _free_port()
    config = Config(Folder(tmp_path), load_pack(), "vi", today=lambda: AS_OF)
    instance = uvicorn.Server(uvicorn.Config(create_app(config), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not instance.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", tmp_path
    instance.should_exit = True
    thread.join(timeout=30)


@pytest.fixture()
def page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        try:
            yield browser.new_page(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
        finally:
            browser.close()


def test_a_secretary_creates_a_commune_sees_the_finding_fixes_it_and_saves(server, page):
    from playwright.sync_api import expect

    url, folder = server
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # htmx logs a request it cancelled for a newer one (hx-sync replace) as an error: that is no fault
    aborted = ("htmx:sendAbort", "htmx:afterRequest")
    page.on(
        "console", lambda m: errors.append(m.text) if m.type == "error" and not m.text.startswith(aborted) else None
    )
    page.goto(url + "/")
    page.fill("#new-name", "xa-thach-long.yaml")
    page.click("form.newfile button[type=submit]")
    expect(page.locator("h1")).to_contain_text("xa-thach-long.yaml")
    assert not (folder / "xa-thach-long.yaml").exists(), "nothing is written before Save"

    # a new file: a hint where to start, no error before anything is typed
    expect(page.locator("#result .status.info")).to_contain_text("Điền các ô có dấu *")
    expect(page.locator("#err-agency-name")).to_be_empty()
    # a required field left blank: the command line's message, next to the field
    page.fill("#in-agency-province", "Hà Tĩnh")
    expect(page.locator("#err-agency-name")).to_have_text("thiếu trường bắt buộc")
    page.fill("#in-agency-name", "UBND xã Thạch Long")
    page.select_option("#in-agency-level", "commune")
    # a commune is only encouraged to apply a QMS (QĐ19 Điều 2 khoản 2): it says why it applies one
    page.select_option("#in-agency-qms_duty-basis", "voluntary")
    page.select_option("#in-agency-standard", "2015")
    page.fill("#in-agency-parent", "UBND huyện \"Thạch Hà\" <cũ> & 'mới'")
    expect(page.locator("#err-agency-name")).to_be_empty()

    # a TTHC without an internal procedure: the major finding appears, with its basis and remedy
    page.click("#in-procedures .list-actions button.add")
    row = page.locator("#rows-procedures tr.row").first
    row.locator("input[name$='.code']").fill("1.001193")
    row.locator("input[name$='.name']").fill("Thủ tục đăng ký khai sinh")
    row.locator("input[name$='.field']").fill("Hộ tịch")
    row.locator("select[name$='.internal_procedure']").select_option("false")
    finding = page.locator("#result article.finding[data-rule='scope.covers-every-tthc']")
    expect(finding).to_be_visible()
    expect(finding).to_contain_text("1.001193")
    expect(finding.locator(".badge")).to_have_text("nặng")
    expect(finding).to_contain_text("Để đạt yêu cầu")
    expect(finding).to_contain_text("Điều 3 QĐ 19/2014/QĐ-TTg")

    # a date written the wrong way gets its message next to the input; nothing is saved meanwhile
    page.fill("#in-records_since", "31/02/2026")
    expect(page.locator("#err-records_since")).to_contain_text("không phải là ngày có thật")
    page.click("aside .actions button.primary")
    expect(page.locator("#result .status.bad")).to_contain_text("Chưa lưu")
    assert not (folder / "xa-thach-long.yaml").exists()
    page.fill("#in-records_since", "")

    # fixed: the finding is gone and the rule is among what passed
    row.locator("select[name$='.internal_procedure']").select_option("true")
    expect(finding).to_have_count(0)
    expect(page.locator("#list-passed li[data-rule='scope.covers-every-tthc']")).to_have_count(1)
    expect(page.locator("#err-records_since")).to_be_empty()

    page.click("aside .actions button.primary")
    expect(page.locator(".status.ok")).to_have_text("Đã lưu tệp.")
    assert (folder / "xa-thach-long.yaml").read_bytes() == EXPECTED.encode("utf-8")

    page.reload()
    expect(page.locator("#in-agency-parent")).to_have_value("UBND huyện \"Thạch Hà\" <cũ> & 'mới'")
    expect(page.locator("#rows-procedures input[name$='.code']")).to_have_value("1.001193")
    expect(page.locator("#result article.finding[data-rule='scope.covers-every-tthc']")).to_have_count(0)
    expect(page.locator("#list-passed li[data-rule='scope.covers-every-tthc']")).to_have_count(1)
    page.click("aside .actions button.primary")  # saved again unchanged: the same bytes
    expect(page.locator(".status.ok")).to_have_text("Đã lưu tệp.")
    assert (folder / "xa-thach-long.yaml").read_bytes() == EXPECTED.encode("utf-8")
    assert errors == [], errors
