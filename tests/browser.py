"""Headless Chromium for the browser tests: one-shot runs, and one browser that prints many pages.

Starting Chromium costs about two seconds; printing every fixture's report in a fresh browser each
would make the suite crawl. :class:`Printer` starts one browser and drives it over the DevTools
protocol on a pipe (``--remote-debugging-pipe``: JSON messages ending in NUL, read on fd 3, written on
fd 4), so no port is opened and nothing leaves the machine. Written by hand because the protocol
clients on PyPI (pyppeteer, playwright) download a browser of their own.
"""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import time
from pathlib import Path
from typing import Any

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
_ENV = {**os.environ, "LANG": "C.UTF-8"}


def run(profile: Path, *args: str) -> subprocess.CompletedProcess:
    """One Chromium run with a fresh profile (``--dump-dom``, ``--screenshot``...)."""
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=_ENV,
    )


def pdf_pages(data: bytes) -> int:
    """Pages of a PDF Chromium printed (its page tree's /Count)."""
    counts = [int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data, re.S)]
    counts += [int(n) for n in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", data, re.S)]
    assert counts, "no page tree in the PDF"
    return max(counts)


def pdf_page_size(data: bytes) -> tuple[float, float]:
    """The width and height (points) of the first page of a PDF Chromium printed (its /MediaBox)."""
    found = re.search(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert found, "no /MediaBox in the PDF"
    x0, y0, x1, y1 = (float(v) for v in found.groups())
    return x1 - x0, y1 - y0


class Printer:
    """One headless Chromium that prints pages to PDF (A4 from the pages' own ``@page`` rule), and measures or
    photographs them laid out as a screen or as a printed sheet (:meth:`layout`, :meth:`evaluate`)."""

    def __init__(self, profile: Path):
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def wire() -> None:  # in the child: the pipe ends on the fds Chromium expects
            os.dup2(to_browser_r, 3)
            os.dup2(from_browser_w, 4)

        self._proc = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(3, 4),
            preexec_fn=wire,
            env=_ENV,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._next_id, self._buffer = 0, b""
        target = self._call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self._session = self._call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]

    def _send(self, method: str, params: dict[str, Any] | None, session: bool) -> int:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self._session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        return self._next_id

    def _receive(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def _call(self, method: str, params: dict[str, Any] | None = None, session: bool = False) -> dict[str, Any]:
        wanted = self._send(method, params, session)
        while True:
            message = self._receive()
            if message.get("id") == wanted:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def open(self, page: Path) -> None:
        """Load ``page`` and wait until it has loaded."""
        url = page.as_uri()
        self._call("Page.navigate", {"url": url}, session=True)
        check = f"document.readyState === 'complete' && location.href === {json.dumps(url)}"
        for _ in range(600):
            if self.evaluate(check):
                return
            time.sleep(0.05)
        raise RuntimeError(f"{url} did not load")

    def pdf(self, page: Path) -> bytes:
        """``page`` printed to PDF once it has loaded (as printed: any :meth:`layout` emulation cleared)."""
        self._call("Emulation.clearDeviceMetricsOverride", None, session=True)
        self._call("Emulation.setEmulatedMedia", {"media": ""}, session=True)
        self.open(page)
        result = self._call("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True}, session=True)
        return base64.b64decode(result["data"])

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the open page (JSON-serialisable values only)."""
        result = self._call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:80]}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def layout(self, width: int, height: int, media: str = "screen") -> None:
        """The viewport (CSS pixels) and the CSS media type the page is laid out for (``print``: its print rules)."""
        metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}
        self._call("Emulation.setDeviceMetricsOverride", metrics, session=True)
        self._call("Emulation.setEmulatedMedia", {"media": media}, session=True)

    def screenshot(self) -> bytes:
        """A PNG of the viewport of the open page."""
        return base64.b64decode(self._call("Page.captureScreenshot", {"format": "png"}, session=True)["data"])

    def close(self) -> None:
        try:
            self._send("Browser.close", None, session=False)
            self._proc.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            self._proc.kill()
            self._proc.wait()
        finally:
            os.close(self._to_browser)
            os.close(self._from_browser)

    def __enter__(self) -> Printer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
