"""The batch HTML page of the marks-only Hà Tĩnh roster (101 agencies) in headless Chromium (/usr/bin/chromium):
printed to PDF it is A4 landscape on a sane number of pages; laid out for print, no table runs past the right edge;
every link of the matrix reaches an agency's section; both charts are drawn; screenshots are taken (kept under
``ISOCHECK_SHOTS`` when set, to look at them). Skipped only when Chromium is absent."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from browser import CHROMIUM, Printer, pdf_page_size, pdf_pages
from golden import ROSTER_2025, render_batch

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed (apt-get install chromium)"),
]
AGENCIES = 101
# A4 landscape less the 10 mm side margins of batch.css's @page, in CSS pixels (96 per inch): what print lays out
PRINT_WIDTH = round((297 - 20) / 25.4 * 96)

_MEASURE = """JSON.stringify({
  viewport: document.documentElement.clientWidth,
  page: document.documentElement.scrollWidth,
  number: Math.max(...Array.from(document.querySelectorAll("table.matrix th:first-child")).map(
    th => th.getBoundingClientRect().width)),
  tables: Array.from(document.querySelectorAll("table")).map(t => ({
    cls: t.className, right: t.getBoundingClientRect().right, scroll: t.scrollWidth, client: t.clientWidth})),
  cells: Array.from(document.querySelectorAll("table.matrix td")).filter(td => td.scrollWidth > td.clientWidth + 1)
    .map(td => td.textContent),
})"""
_LINKS = """JSON.stringify(Array.from(document.querySelectorAll("table.matrix a")).map(a => {
  const id = a.getAttribute("href").slice(1), target = document.getElementById(id);
  return {name: a.textContent, href: a.getAttribute("href"),
          section: target ? target.tagName + "." + target.className : null,
          heading: target ? target.querySelector("h3").firstChild.textContent.trim() : null};
}))"""
_CHARTS = """JSON.stringify(Array.from(document.querySelectorAll("figure.chart svg")).map(svg => ({
  width: svg.getBoundingClientRect().width, height: svg.getBoundingClientRect().height,
  bars: svg.querySelectorAll("g.bar").length,
  drawn: Array.from(svg.querySelectorAll("rect")).filter(r => r.getBoundingClientRect().width > 0).length})))"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("batch-pages")
    found = {}
    for lang in ("vi", "en"):
        html, code = render_batch(ROSTER_2025, "2026-01-15", "2025", "annual", "html", lang)
        assert code == 1 and html.startswith("<!DOCTYPE html>")
        found[lang] = folder / f"roster-{lang}.html"
        found[lang].write_text(html, encoding="utf-8")
    return found


def _shots() -> Path | None:
    folder = os.environ.get("ISOCHECK_SHOTS")
    return Path(folder) if folder else None


def test_the_batch_page_prints_whole_on_a_sane_number_of_landscape_pages(pages, tmp_path):
    with Printer(tmp_path / "profile") as printer:
        for lang, page in pages.items():
            data = printer.pdf(page)
            width, height = pdf_page_size(data)
            assert (round(width), round(height)) == (842, 595), lang  # A4 landscape, in points
            count = pdf_pages(data)
            assert 3 <= count <= AGENCIES // 2 + 5, (lang, count)  # every agency has a section; none takes a page
            printer.layout(PRINT_WIDTH, 740, "print")
            measured = json.loads(printer.evaluate(_MEASURE))
            assert measured["page"] <= measured["viewport"] <= PRINT_WIDTH, (lang, measured["page"])
            for table in measured["tables"]:
                assert table["right"] <= measured["viewport"] + 0.5 and table["scroll"] <= table["client"] + 1, table
            assert measured["cells"] == [], lang  # no mark or count spills out of its cell
            assert measured["number"] < 60, lang  # "3.1" needs little room: the names get it
            shots = _shots()
            if shots is not None:
                shots.mkdir(parents=True, exist_ok=True)
                (shots / f"batch-{lang}.pdf").write_bytes(data)
                (shots / f"batch-print-{lang}.png").write_bytes(printer.screenshot())


def test_every_matrix_link_reaches_its_agency_section_and_both_charts_are_drawn(pages, tmp_path):
    with Printer(tmp_path / "profile") as printer:
        for lang, page in pages.items():
            printer.open(page)
            printer.layout(1280, 900)
            links = json.loads(printer.evaluate(_LINKS))
            assert len(links) == AGENCIES, lang  # every roster agency has something to act on (facts it lacks)
            assert len({link["href"] for link in links}) == AGENCIES
            for link in links:
                assert link["section"] == "SECTION.agency" and link["heading"] == link["name"], link
            charts = json.loads(printer.evaluate(_CHARTS))
            assert len(charts) == 2, lang  # verdicts by level, nonconformities by rule
            by_level, by_rule = charts
            assert by_level["bars"] == 3 and by_rule["bars"] == 3  # three levels; audit, review, objectives
            assert all(c["width"] > 300 and c["height"] > 50 and c["drawn"] >= c["bars"] for c in charts)
            shot = printer.screenshot()
            assert shot[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(shot[16:20], "big") == 1280
            shots = _shots()
            if shots is not None:
                shots.mkdir(parents=True, exist_ok=True)
                (shots / f"batch-screen-{lang}.png").write_bytes(shot)
