"""Under ``--lang vi`` no English reaches the user: every command over every bundled fixture, and the
bad-input and usage errors, in Vietnamese (click's own words included). The detector is tests/english.py;
fact-file keys and derived-field names are codes a user writes or reads in the fact file (allowed),
as are the acronyms of the legal texts."""

from __future__ import annotations

import io
import re
import typing

import docx
import pydantic
import pytest
from click.testing import CliRunner
from conftest import ROOT
from english import english_words, visible_text
from golden import FIXTURES as AS_OF

from isocheck.cli import cli
from isocheck.facts import evidence, model, records
from isocheck.pack.rules import PROFILES, SEVERITIES, load_pack
from isocheck.subjects.kinds import KINDS

FIXTURES = ROOT / "fixtures"
AGENCIES = sorted(FIXTURES.glob("*.yaml"))
INSPECTION = FIXTURES / "inspection" / "xa-chua-san-sang-cong-bo.yaml"
PROVINCE = FIXTURES / "province-ha-tinh-2021"
ACRONYMS = {"ISO", "TCVN", "QĐ", "TTg", "BKHCN", "BKHĐT", "UBND", "HTQLCL", "TTHC", "QPPL", "TT", "KH", "CN"}
ACRONYMS |= {"NĐ", "CP", "BTP", "BBKT", "HĐND", "YAML", "JSON", "CSV", "HTML", "TOML", "UUID", "isocheck"}
ACRONYMS |= {"STCL", "CCTL", "SXD"}  # document and unit codes of the examples (sổ tay chất lượng, Sở Xây dựng)
ACRONYMS |= {"Schema", "XLSX", "web", "Word", "Excel", "Markdown", "CPU", "Ctrl", "Tab", "FIFO", "SIGTERM"}  # names
ACRONYMS |= {
    "TNHH",
    "QĐKT",
    "CSCL",
    "MTCL",
    "ĐGNB",
    "XXLĐ",
    "KPH",
    "II",
    "III",
    "IV",
    "VI",
    "VII",
    "VIII",
    "IX",
    "XI",
    "XII",
}


def _literals(annotation) -> set[str]:
    if typing.get_origin(annotation) is typing.Literal:
        return {str(a) for a in typing.get_args(annotation)}
    return {v for arg in typing.get_args(annotation) for v in _literals(arg)}


def _codes() -> set[str]:
    """The fact file's keys and enumerated values, the derived fields' names, YAML's own words."""
    names = {name for kind in KINDS.values() for name in kind.fields} | {"item", "null", "true", "false"}
    names |= {"YYYY", "MM", "DD"} | {r.findings_per for r in load_pack().rules if r.findings_per}
    classes = [v for module in (model, evidence, records) for v in vars(module).values() if isinstance(v, type)]
    for value in classes:
        if issubclass(value, pydantic.BaseModel) and value.__module__.startswith("isocheck.facts"):
            names |= set(value.model_fields)
            names |= {v for f in value.model_fields.values() for v in _literals(f.annotation)}
    return names


COMMANDS = {"check", "report", "minutes", "explain", "rules", "list", "show", "batch", "docs", "schema", "init"}
COMMANDS |= {"import", "impact", "serve"}  # the command names of the usage lines
CHOICES = {*PROFILES, "pre", "announcement", "commune", "district", "department", "sub", "table", "json", "html"}
CHOICES |= {"csv", "markdown", "docx", "text", "none", "all", *SEVERITIES}  # option values a user types
CHOICES |= {"lang", "overlay", "profile", "md", "tab", "xlsx", "facts"}  # isocheck.toml's settings, choices
CHOICES |= {"codes", "fields"}  # the keys of a legal-change file (isocheck impact --document)
ALLOWED = frozenset(ACRONYMS | COMMANDS | CHOICES | _codes())


def _run(*args: str):
    runner = CliRunner(env={"ISOCHECK_LANG": None})
    return runner.invoke(cli, [*args], catch_exceptions=False, prog_name="isocheck")


def _assert_vietnamese(what: str, text: str) -> None:
    found = english_words(text, ALLOWED)
    assert not found, f"English in `{what}`: {sorted(set(found))}\n{text[:3000]}"


def _check_run(args: list[str], html: bool = False, exit_codes=(0, 1)) -> None:
    result = _run(*args, "--lang", "vi")
    assert result.exit_code in exit_codes, result.output
    what = " ".join(args)
    _assert_vietnamese(what, visible_text(result.stdout) if html else result.stdout)
    _assert_vietnamese(what + " (stderr)", result.stderr)


@pytest.mark.parametrize("fixture", AGENCIES, ids=lambda p: p.stem)
def test_check_report_and_explain_of_every_fixture_are_vietnamese(fixture):
    day = AS_OF[fixture.name]
    for profile in ("all", "pre-announcement", "annual", "inspection"):
        _check_run(["check", str(fixture), "--as-of", day, "--profile", profile])
    _check_run(["check", str(fixture), "--as-of", day, "--format", "html"], html=True)
    _check_run(["report", str(fixture), "--as-of", day], html=True)
    _check_run(["explain", str(fixture), "--as-of", day])


@pytest.mark.parametrize("fixture", AGENCIES, ids=lambda p: p.stem)
def test_the_minutes_of_every_fixture_are_vietnamese(fixture, tmp_path):
    out = tmp_path / "bb.docx"
    args = ["minutes", str(fixture), "--as-of", AS_OF[fixture.name], "-o", str(out), "--lang", "vi"]
    result = _run(*args, *(["--inspection", str(INSPECTION)] if fixture.name == INSPECTION.name else []))
    assert result.exit_code in (0, 1), result.output
    _assert_vietnamese("minutes (stderr)", result.stderr + result.stdout)
    document = docx.Document(io.BytesIO(out.read_bytes()))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    _assert_vietnamese(f"minutes {fixture.name}", "\n".join([p.text for p in document.paragraphs] + cells))


@pytest.mark.parametrize("fmt", ["table", "md", "csv", "html"])
def test_the_province_batch_is_vietnamese(fmt):
    args = ["batch", str(PROVINCE / "facts"), "--as-of", "2021-12-20", "--year", "2021", "--format", fmt]
    _check_run([*args, "--no-cache"], html=fmt == "html")


def test_rules_list_and_every_rule_shown_are_vietnamese():
    _check_run(["rules", "list"])
    for rule_id in load_pack().by_id:
        _check_run(["rules", "show", rule_id])


@pytest.mark.parametrize("level", ["commune", "district", "department", "sub_department"])
def test_init_is_vietnamese(level, tmp_path):
    out = tmp_path / "a.yaml"
    _check_run(["init", "--level", level, "-o", str(out)])
    _assert_vietnamese("init template", out.read_text(encoding="utf-8"))


def test_import_and_impact_are_vietnamese(tmp_path):
    result = _run("import", str(PROVINCE / "roster.csv"), "-o", str(tmp_path / "facts"), "--lang", "vi")
    assert result.exit_code == 0, result.output
    _assert_vietnamese("import", result.stdout)  # its warnings: test_roster_messages_are_vietnamese
    document = FIXTURES / "legal-changes" / "tt-04-2020-tt-btp.yaml"
    _check_run(["impact", str(PROVINCE / "facts"), "--document", str(document), "--as-of", "2020-09-01"])


HELP = [[], *([name] for name in cli.commands if name != "rules"), ["rules"], ["rules", "list"], ["rules", "show"]]


@pytest.mark.parametrize("path", HELP, ids=lambda p: " ".join(p) or "isocheck")
def test_every_help_is_vietnamese(path):
    result = _run(*path, "--help")
    assert result.exit_code == 0, result.output
    _assert_vietnamese(" ".join([*path, "--help"]), result.output)
    assert "Cách dùng:" in result.output and "Tùy chọn:" in result.output
    english = CliRunner(env={"ISOCHECK_LANG": "en"}).invoke(cli, [*path, "--help"], prog_name="isocheck")
    assert "Usage:" in english.output and "Options:" in english.output and "Cách dùng" not in english.output


BAD_USAGE = [
    ["check", "{base}", "--as-of", "2021-13-01"],
    ["check", "{base}", "--as-of", "16/11/2021"],
    ["check", "{base}", "--bogus"],
    ["check", "{base}", "--profile", "yearly"],
    ["check", "{base}", "--year", "1999"],
    ["check", "{base}", "--year", "abc"],
    ["check", "{base}", "--as-of", "2021-11-16", "--year", "2030"],
    ["check", "{base}", "--as-of", "2021-11-16", "--announce-on", "2021-12-01"],
    ["check", "{base}", "--as-of", "2021-11-16", "--profile", "pre-announcement", "--announce-on", "2021-01-01"],
    ["check"],
    ["check", "{missing}"],
    ["check", "{base}", "extra"],
    ["chek"],
    ["check", "{base}", "--lang"],
    ["explain", "{base}", "--rule", "scope.covers-every-thc"],
    ["rules", "show", "no.such-rule"],
    ["init"],
    ["init", "--level", "commune", "--name", " "],
    ["init", "--level", "commune", "-o", "{base}"],
    ["batch"],
    ["batch", "{missing}"],
    ["report", "{base}", "--format", "docx"],
]


@pytest.mark.parametrize("args", BAD_USAGE, ids=" ".join)
def test_usage_and_input_errors_are_vietnamese(args, tmp_path):
    values = {"base": str(ROOT / "tests" / "cases" / "_base.yaml"), "missing": str(tmp_path / "none.yaml")}
    args = [a.format(**values) for a in args]
    result = _run(*args, "--lang", "vi") if "--lang" not in args else _run(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    _assert_vietnamese(" ".join(args), result.stderr + result.stdout)


def test_a_malformed_fact_file_is_reported_in_vietnamese(tmp_path):
    base = (ROOT / "tests" / "cases" / "_base.yaml").read_text(encoding="utf-8")
    for i, broken in enumerate(
        [
            base.replace("standard: 2015", "standard: 2016"),
            base.replace("standard: 2015", "standard: [2015"),
            base + "\nunknown_key: 1\n",
            base.replace("2021-04-20", "2021-02-30"),
            "",
        ]
    ):
        path = tmp_path / f"bad{i}.yaml"
        path.write_text(broken, encoding="utf-8")
        result = _run("check", str(path), "--as-of", "2021-11-16")
        assert result.exit_code == 2, result.output
        _assert_vietnamese(f"bad fact file {i}", result.stderr)


def test_roster_messages_are_vietnamese(tmp_path):
    result = _run("import", str(PROVINCE / "roster.csv"), "-o", str(tmp_path / "facts"), "--lang", "vi")
    bad = _run("import", str(tmp_path / "roster.csv"), "-o", str(tmp_path / "facts"), "--lang", "vi")
    assert result.exit_code == 0 and bad.exit_code == 2
    assert "Thông báo Sở KH&CN: đánh dấu nhưng không ghi ngày — 1 ô (dòng 5)" in result.stderr
    assert bad.stderr.endswith("không tìm thấy tệp\n")
    _assert_vietnamese("import warnings and errors", result.stderr + bad.stderr)


def test_the_detector_finds_english():
    assert english_words("Error: No such option") == ["Error", "option"]  # "no", "such" fit Vietnamese syllables
    assert english_words("isocheck: error: the file is missing") == [
        "isocheck",
        "error",
        "the",
        "file",
        "is",
        "missing",
    ]
    assert english_words("Lỗi: thiếu trường bắt buộc ở điểm b khoản 2 Điều 4 QĐ 19/2014/QĐ-TTg", ACRONYMS) == []


def test_the_province_workbook_is_vietnamese(tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "tong-hop.xlsx"
    args = ["batch", str(PROVINCE / "facts"), "--as-of", "2021-12-20", "--format", "xlsx", "-o", str(out)]
    result = _run(*args, "--no-cache", "--lang", "vi")
    assert result.exit_code in (0, 1), result.output
    book = load_workbook(out)
    texts = [*book.sheetnames]
    for sheet in book.worksheets:
        texts += [str(v) for row in sheet.iter_rows(values_only=True) for v in row if isinstance(v, str)]
    _assert_vietnamese("batch --format xlsx", "\n".join(texts))


def test_the_province_yearly_summary_is_vietnamese(tmp_path):
    out = tmp_path / "bao-cao.docx"
    args = ["batch", str(PROVINCE / "facts"), "--as-of", "2021-12-20", "--year", "2021", "--format", "docx"]
    result = _run(*args, "-o", str(out), "--no-cache", "--lang", "vi")
    assert result.exit_code in (0, 1), result.output
    document = docx.Document(io.BytesIO(out.read_bytes()))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    _assert_vietnamese("batch --format docx", "\n".join([p.text for p in document.paragraphs] + cells))


BAD_BASELINES = {  # a --baseline file that is not a batch's JSON: what the JSON reader says, and where
    "empty.json": ("", ": tệp rỗng"),
    "truncated.json": ('{"agencies": [', ":1:15: không phải JSON hợp lệ (tệp kết thúc đột ngột"),
    "comma.json": ('{\n "agencies": [],\n}', ":3:1: không phải JSON hợp lệ (thừa dấu ','"),
    "text.json": (  # the column counts characters, not bytes
        '{"agencies": [], "tỉnh": "Hà Tĩnh" x}',
        ":1:36: không phải JSON hợp lệ (thiếu dấu ',' hoặc '}'",
    ),
    "word.json": ("agencies", ":1:1: không phải JSON hợp lệ (ký tự không hợp lệ ở chỗ này)"),
}


@pytest.mark.parametrize("name", BAD_BASELINES)
def test_a_malformed_baseline_is_reported_in_vietnamese_with_its_place(name, tmp_path):
    text, expected = BAD_BASELINES[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    args = ["batch", str(PROVINCE / "facts"), "--as-of", "2021-12-20", "--baseline", str(path), "--no-cache"]
    result = _run(*args, "--lang", "vi")
    assert result.exit_code == 2 and f"{path}{expected}" in result.stderr, result.stderr
    _assert_vietnamese(f"--baseline {name}", result.stderr)


def test_the_catalogs_field_and_value_texts_are_vietnamese():
    """What the fact fields and derived fields mean, the value words of the subjects, the fact reference, the
    criteria and the TTHC catalogue's levels, explain's remedies, and the JSON reader's words: every Vietnamese
    text of those contexts (shown by explain, the reports, ``isocheck init``, the web form and the missing-facts
    glosses) reads as Vietnamese."""
    from isocheck.text import catalog

    prefixes = (
        "fact:",
        "title:",
        "field:",
        "words:subjects.",
        "words:docs.",
        "words:criteria.",
        "words:fixes.",
        "words:catalogue.",
    )
    texts = {prefix: catalog.keyed(prefix) for prefix in prefixes}
    assert all(texts.values())
    for prefix, table in texts.items():
        for key, words in table.items():
            _assert_vietnamese(prefix + key, re.sub(r"\{\w+\}", "", words["vi"]))  # placeholders are names
    for english, vietnamese in catalog.ordered("glossary:"):  # YAML's "tag" is glossed in brackets: "thẻ (tag)"
        _assert_vietnamese(f"glossary {english}", vietnamese.replace("(tag)", ""))


def test_the_web_forms_pages_are_vietnamese(tmp_path):
    """``isocheck serve`` in Vietnamese: the folder's page and a fact file's form (every field's meaning, the
    section titles, the words of the form); the language switch names English in English."""
    import datetime as dt

    from starlette.testclient import TestClient

    from isocheck.serve import Config, Folder, create_app

    (tmp_path / "xa.yaml").write_bytes(INSPECTION.read_bytes())
    app = create_app(Config(Folder(tmp_path), load_pack(), "vi", today=lambda: dt.date(2021, 11, 16)))
    with TestClient(app, base_url="http://127.0.0.1:8765") as client:
        for url, params in (("/", {}), ("/edit", {"file": "xa.yaml"})):
            page = client.get(url, params=params)
            assert page.status_code == 200, page.text
            found = english_words(visible_text(page.text), ALLOWED | {"English", "yaml"})  # a file's ending
            assert not found, f"English in the web form's {url}: {sorted(set(found))}"


def test_help_option_speaks_each_runs_language_in_one_process():
    """click makes ``--help`` once per command and keeps it: a Vietnamese run must not leave it Vietnamese for
    the next English run in the same process (nor the other way round)."""
    runner = CliRunner()
    for lang, words in (("vi", "Hiện hướng dẫn này rồi thoát."), ("en", "Show this message and exit."), ("vi", "Hiện")):
        output = runner.invoke(cli, ["check", "--help", "--lang", lang]).output
        assert words in output.splitlines()[-1], (lang, output.splitlines()[-1])
