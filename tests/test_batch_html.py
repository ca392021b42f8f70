"""The batch HTML page (``isocheck batch --format html``), parsed as a browser would: the matrix marks
colour-coded as the JSON marks them, names whole, the chart with one bar per level, a section per agency with
its nonconformities reached from its matrix row, hostile names escaped, no script and no outside address."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from isocheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent
PROVINCE = ROOT / "fixtures" / "province-ha-tinh-2021" / "facts"
FACT = PROVINCE / "so-ke-hoach-va-dau-tu-tinh-ha-tinh.yaml"  # no report: one nonconformity
ARGS = ("--as-of", "2021-12-20", "--year", "2021", "--no-cache")
VOID = {"meta", "br", "link", "img", "hr", "input"}
CLASS_OF_MARK = {"yes": "m-ok", "no": "m-nc", "pending": "m-pending", "unknown": "m-unknown", "error": "m-error"}
CLASS_OF_MARK.update({"n/a": "m-na", "waived": "m-na"})


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node] = field(default_factory=list)
    data: list[str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(self.data) + "".join(c.text() for c in self.children)

    def all(self, tag: str) -> list[Node]:
        found = [self] if self.tag == tag else []
        return found + [n for c in self.children for n in c.all(tag)]


class Tree(HTMLParser):
    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data):
        self.stack[-1].data.append(data)


def _batch(folder: Path, fmt: str, lang: str = "vi", *args: str) -> str:
    result = CliRunner().invoke(cli, ["batch", str(folder), *args, "--format", fmt, "--lang", lang])
    assert result.exit_code == 1, result.output
    return result.stdout


@pytest.fixture(scope="module")
def province() -> tuple[str, dict]:
    return _batch(PROVINCE, "html", "vi", *ARGS), json.loads(_batch(PROVINCE, "json", "vi", *ARGS))


def _agency_rows(root: Node) -> dict[str, Node]:
    return {tr.children[1].text(): tr for table in root.all("table") if "matrix" in table.attrs.get("class", "")
            for tr in table.all("tbody")[0].children if tr.attrs.get("class") != "group"}  # fmt: skip


def test_the_matrix_cells_are_coloured_as_the_marks_and_names_are_whole(province):
    page, doc = province
    root = Tree(page).root
    rows = _agency_rows(root)
    assert len(rows) == len(doc["agencies"]) == 32
    columns = list(doc["agencies"][0]["matrix"])
    for agency in doc["agencies"]:
        cells = rows[agency["name"]].children  # the whole name, as in the fact file
        for key, td in zip(columns, cells[2:-2], strict=True):
            assert td.attrs.get("class") == CLASS_OF_MARK.get(agency["matrix"][key]), (agency["name"], key)
    marks = {td.attrs.get("class") for tr in rows.values() for td in tr.children[2:-2]}
    assert {"m-ok", "m-nc", "m-pending", "m-unknown"} <= marks
    assert rows["Sở Kế hoạch và Đầu tư tỉnh Hà Tĩnh"].children[-2].attrs["class"] == "m-nc"  # no report
    style = root.all("style")[0].text()
    assert "@page { size: A4 landscape" in style and "min-width: 16em" in style


def test_the_chart_has_one_titled_bar_per_level(province):
    page, doc = province
    svg, _ = Tree(page).root.all("svg")  # then the chart by rule
    bars = [g for g in svg.all("g") if g.attrs.get("class") == "bar"]
    levels = {k: v for k, v in doc["summary"]["by_level"].items() if k != "total" and v["agencies"]}
    assert len(bars) == len(levels) == 4
    titles = [g.children[0].text() for g in bars]
    assert titles[-1].startswith("Cấp xã: 12 · Phù hợp 5")
    for bar, level in zip(bars, levels.values(), strict=True):
        segments = bar.all("rect")
        assert sum(int(r.all("title")[0].text().rsplit(": ", 1)[1]) for r in segments) == level["agencies"]
        assert all(float(r.attrs["width"]) > 0 for r in segments)


def test_the_rule_chart_counts_the_agencies_with_a_nonconformity_to_each_rule(province):
    page, doc = province
    by_rule = Tree(page).root.all("svg")[1]
    counts = {}
    for agency in doc["agencies"]:
        for title in {r["title"] for r in agency["results"] if r["outcome"] == "fail"}:
            counts[title] = counts.get(title, 0) + 1
    bars = [g for g in by_rule.all("g") if g.attrs.get("class") == "bar"]
    got = {g.all("text")[0].text(): int(g.all("text")[1].text()) for g in bars}
    assert got == counts and len(bars) == 8
    assert [int(g.all("text")[1].text()) for g in bars] == sorted(counts.values(), reverse=True)
    assert bars[0].all("title")[0].text() == "Gửi báo cáo tình hình áp dụng HTQLCL khi được yêu cầu: 4 · Số cơ quan 4"


def test_each_agency_with_something_to_act_on_has_a_section_reached_from_its_row(province):
    page, doc = province
    root = Tree(page).root
    ids = {n.attrs["id"]: n for tag in ("section", "h1") for n in root.all(tag) if "id" in n.attrs}
    links = [a.attrs["href"] for a in root.all("a")]
    assert links and all(href.startswith("#") and href[1:] in ids for href in links)
    failing = {a["name"]: sorted(r["rule_id"] for r in a["results"] if r["outcome"] == "fail") for a in doc["agencies"]}
    missing = {a["name"]: [r for r in a["results"] if r["outcome"] == "not_evaluable"] for a in doc["agencies"]}
    sections, folded = {}, {}
    for name, tr in _agency_rows(root).items():
        anchors = tr.children[1].all("a")
        assert bool(anchors) == bool(failing[name] or missing[name]), name
        if anchors:
            section = ids[anchors[0].attrs["href"][1:]]
            assert section.all("h3")[0].data[0].strip() == name
            tables = {t.attrs["class"]: t for t in section.all("table")}
            if "ncs" in tables:
                sections[name] = sorted(row.all("code")[0].text() for row in tables["ncs"].all("tbody")[0].children)
            if "missing" in tables:
                folded[name] = tables["missing"].all("tbody")[0].children
    assert sections == {name: rules for name, rules in failing.items() if rules} and len(sections) == 13
    assert set(folded) == {name for name, rules in missing.items() if rules}
    for name, rows in folded.items():  # one row per rule area, each missing fact named once in its area
        areas = {r["rule_id"].split(".")[0] for r in missing[name]}
        assert len(rows) == len(areas), name
        for row in rows:
            facts = [c.text() for c in row.children[2].all("code")]
            assert facts and len(facts) == len(set(facts))
    assert "<script" not in page and "http" not in page


def test_an_agency_whose_only_problem_is_missing_facts_gets_a_section():
    thach_trung = next(
        a for a in json.loads(_batch(PROVINCE, "json", "vi", *ARGS))["agencies"] if a["name"] == "UBND xã Thạch Trung"
    )
    assert {r["outcome"] for r in thach_trung["results"]} & {"fail", "not_evaluable"} == {"not_evaluable"}
    root = Tree(_batch(PROVINCE, "html", "vi", *ARGS)).root
    (section,) = [s for s in root.all("section") if s.all("h3")[0].data[0].strip() == "UBND xã Thạch Trung"]
    not_judged = [r for r in thach_trung["results"] if r["outcome"] == "not_evaluable"]
    assert section.all("p")[1].text() == f"Thiếu thông tin, chưa đánh giá được {len(not_judged)} quy tắc:"
    assert not [t for t in section.all("table") if t.attrs["class"] == "ncs"]
    rows = section.all("table")[0].all("tbody")[0].children
    assert len(rows) < len(not_judged)  # folded by area, not a row per rule


def test_english_words(tmp_path):
    root = Tree(_batch(PROVINCE, "html", "en", *ARGS)).root
    headings = [h.text() for h in root.all("h2")]
    assert "Verdicts by level" in headings and "What each agency has to act on" in headings
    assert root.all("html")[0].attrs["lang"] == "en"
    assert "Back to the matrix" in root.all("section")[0].text()


def test_hostile_names_stay_text(tmp_path):
    data = yaml.safe_load(FACT.read_text(encoding="utf-8"))
    hostile = 'UBND <script>alert(1)</script> "x" <a href="http://evil.example">&amp;'
    data["agency"]["name"] = hostile
    (tmp_path / "hostile.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    page = _batch(tmp_path, "html", "vi", *ARGS)
    root = Tree(page).root
    assert not root.all("script") and "<script" not in page
    assert all(a.attrs["href"].startswith("#") for a in root.all("a"))
    (row,) = _agency_rows(root)
    assert row == hostile
    assert root.all("section")[0].all("h3")[0].data[0].strip() == hostile


def test_the_changes_since_a_baseline_are_listed(tmp_path):
    baseline = tmp_path / "base.json"
    baseline.write_text(_batch(PROVINCE, "json", "vi", "--as-of", "2021-11-20", "--year", "2021"), encoding="utf-8")
    args = (*ARGS, "--baseline", str(baseline))
    doc = json.loads(_batch(PROVINCE, "json", "vi", *args))
    changed = {a["name"] for a in doc["agencies"] if any(a["changes"][k] for k in ("new", "resolved", "remaining"))}
    root = Tree(_batch(PROVINCE, "html", "vi", *args)).root
    (table,) = [t for t in root.all("table") if t.attrs.get("class") == "changes"]
    rows = {tr.children[0].text(): [td.text() for td in tr.children[1:]] for tr in table.all("tbody")[0].children}
    assert set(rows) == changed and len(changed) == 13
    assert rows["Sở Kế hoạch và Đầu tư tỉnh Hà Tĩnh"] == [
        "Gửi báo cáo tình hình áp dụng HTQLCL khi được yêu cầu (2021)",
        "—",
        "0",
    ]
