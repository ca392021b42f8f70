"""Generated documentation: committed docs are current, the JSON Schema accepts every fixture, the
``isocheck init`` templates validate and check, and the rule catalogue's links resolve.

When ``test_committed_doc_is_current`` fails, regenerate with ``isocheck docs`` and review the diff.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import FIXTURES, ROOT

from isocheck.cli import cli
from isocheck.cli.docs import DOCUMENTS, generated_docs
from isocheck.docs.example_agency import LEVEL_CHOICES
from isocheck.docs.fields import fact_fields, rules_by_path
from isocheck.docs.schema import fact_schema
from isocheck.docs.template import render_template
from isocheck.facts.model import load_agency
from isocheck.facts.parse import load_document

DOCS = ROOT / "docs"
FACT_FILES = sorted(FIXTURES.glob("*.yaml")) + sorted(FIXTURES.glob("**/facts/*.yaml"))


@pytest.fixture(scope="module")
def docs(pack) -> dict[str, str]:
    return generated_docs(pack)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_committed_doc_is_current(docs, name):
    committed = DOCS / name
    assert committed.is_file(), f"docs/{name} is missing: generate it with `isocheck docs` (from the repository root)"
    assert committed.read_text(encoding="utf-8") == docs[name], (
        f"docs/{name} is out of date (a rule or a fact field changed): regenerate it with `isocheck docs` "
        "(or `python -m isocheck docs`) from the repository root and commit the result"
    )


def test_generation_is_deterministic(pack, docs):
    assert generated_docs(pack) == docs
    assert not re.search(r"\b20\d\d-\d\d-\d\dT", "".join(docs.values())), "no timestamps in generated docs"


# -- JSON Schema -------------------------------------------------------------------------------------


def _iso_dates(value):
    """YAML gives dates; JSON (and the schema) has ISO strings."""
    if isinstance(value, dict):
        return {k: _iso_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_iso_dates(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


@pytest.fixture(scope="module")
def validator():
    schema = json.loads((DOCS / "fact-file.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_schema_header():
    schema = fact_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] and schema["title"] == "isocheck fact file"
    assert schema["required"] == ["agency"] and schema["additionalProperties"] is False


@pytest.mark.parametrize("path", FACT_FILES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fixture_validates_against_schema(validator, path):
    data, _ = load_document(path)
    errors = [f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(_iso_dates(data))]
    assert not errors, f"{path.name} does not match docs/fact-file.schema.json: {errors[:3]}"


@pytest.mark.parametrize(
    "change",
    [
        {"agency": {"name": "X", "level": "ward", "province": "Y", "standard": 2015}},
        {"agency": {"name": "X", "level": "commune", "province": "Y", "standard": 2015}, "qmss": {}},
        {
            "agency": {"name": "X", "level": "commune", "province": "Y", "standard": 2015},
            "announcements": [{"decision": "1/QĐ", "date": "2021-13-01", "standard": 2015}],
        },
    ],
)
def test_schema_rejects_what_the_loader_rejects(validator, change):
    assert list(validator.iter_errors(change))


def test_schema_command_prints_the_committed_schema():
    result = CliRunner().invoke(cli, ["schema", "facts"])
    assert result.exit_code == 0
    assert result.output == (DOCS / "fact-file.schema.json").read_text(encoding="utf-8")


# -- fact-field texts ------------------------------------------------------------------------------


def test_every_fact_field_has_a_vietnamese_and_an_english_meaning():
    missing = sorted(f.key for f in fact_fields() if f.texts is None or not f.texts.vi.strip())
    assert not missing, f"give these fields a Vietnamese text in isocheck.po (msgctxt fact:<Model>.<field>): {missing}"
    no_english = sorted(f.key for f in fact_fields() if not f.meaning("en"))
    assert not no_english, (
        f"give these fields a description in isocheck/facts/model.py (or English in `meanings`): {no_english}"
    )
    stale = sorted(
        f"{model.__name__}.{name}"
        for model in {f.owner for f in fact_fields()}
        for name in getattr(model, "meanings", {})
        if name not in model.model_fields
    )
    assert not stale, f"`meanings` names fields the model does not have: {stale}"


def test_every_rule_reads_some_fact(pack):
    reached = {r for rules in rules_by_path(pack).values() for r in rules}
    assert reached == set(pack.by_id), f"rules reading no fact-file field: {set(pack.by_id) - reached}"


# -- isocheck init ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("level", LEVEL_CHOICES)
def test_init_template_validates_and_checks(tmp_path, level, lang):
    out = tmp_path / "agency.yaml"
    result = CliRunner().invoke(cli, ["init", "--level", level, "--lang", lang, "-o", str(out)])
    assert result.exit_code == 0, result.output
    agency = load_agency(out)
    assert agency.agency.level == level.replace("-", "_")
    text = out.read_text(encoding="utf-8")
    for field in fact_fields():  # every field is there, written or commented out
        assert re.search(rf"^[ #-]*{field.name}:", text, re.M), f"{field.path} missing from the template"
    ended = ["--as-of", "2025-06-30"] if level == "district" else []  # the district level ended on that day
    check = CliRunner().invoke(cli, ["check", str(out), "--lang", lang, *ended])
    assert check.exit_code in (0, 1), check.output


def test_init_comments_in_the_chosen_language(pack):
    vi = render_template("commune", "vi", year=2021, pack=pack)
    en = render_template("commune", "en", year=2021, pack=pack)
    assert "Ngày gửi văn bản thông báo đến Sở Khoa học và Công nghệ" in vi and "[bắt buộc]" in vi
    assert "Date of the letter to the Department of Science and Technology" in en and "[required]" in en
    assert "announcement.notified-dost" in vi and "field: Hộ tịch" in vi
    assert "field: Hộ tịch" not in render_template("department", "vi", year=2021, pack=pack)


def test_init_name_and_province(tmp_path):
    out = tmp_path / "a.yaml"
    result = CliRunner().invoke(
        cli,
        ["init", "--level", "department", "--name", "Sở Tư pháp tỉnh Nghệ An", "--province", "Nghệ An", "-o", str(out)],
    )
    assert result.exit_code == 0, result.output
    agency = load_agency(out).agency
    assert (agency.name, agency.province) == ("Sở Tư pháp tỉnh Nghệ An", "Nghệ An")


def test_init_refuses_to_overwrite(tmp_path):
    out = tmp_path / "agency.yaml"
    out.write_text("keep me\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["init", "--level", "commune", "-o", str(out), "--lang", "en"])
    assert result.exit_code == 2
    assert "already exists" in result.output and "--force" in result.output
    assert out.read_text(encoding="utf-8") == "keep me\n"
    result = CliRunner().invoke(cli, ["init", "--level", "commune", "-o", str(out), "--force"])
    assert result.exit_code == 0
    load_agency(out)
    missing = tmp_path / "no-such-folder" / "a.yaml"
    result = CliRunner().invoke(cli, ["init", "--level", "commune", "-o", str(missing), "--lang", "en"])
    assert result.exit_code == 2 and "folder does not exist" in result.output


# -- isocheck docs ---------------------------------------------------------------------------------


def test_docs_check_names_the_stale_file(tmp_path):
    runner = CliRunner()
    assert runner.invoke(cli, ["docs", "--out-dir", str(tmp_path)]).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(DOCUMENTS)
    fresh = runner.invoke(cli, ["docs", "--check", "--out-dir", str(tmp_path)])
    assert fresh.exit_code == 0, fresh.output
    (tmp_path / "facts.md").write_text("stale\n", encoding="utf-8")
    stale = runner.invoke(cli, ["docs", "--check", "--out-dir", str(tmp_path)])
    assert stale.exit_code == 1
    assert "facts.md" in stale.output and "rules.md" not in stale.output and "isocheck docs" in stale.output
    (tmp_path / "rules.md").unlink()
    assert "rules.md" in runner.invoke(cli, ["docs", "--check", "--out-dir", str(tmp_path)]).output


def test_docs_one_document(tmp_path, docs):
    out = tmp_path / "catalogue.md"
    assert CliRunner().invoke(cli, ["docs", "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8") == docs["rules.md"]
    result = CliRunner().invoke(cli, ["docs", "--only", "schema", "-o", "-"])
    assert result.output == docs["fact-file.schema.json"]
    assert CliRunner().invoke(cli, ["docs", "--all", "--only", "facts"]).exit_code == 2


# -- the catalogue -----------------------------------------------------------------------------------


def test_catalogue_lists_every_rule_once(pack, docs):
    headings = re.findall(r"^### `([^`]+)`$", docs["rules.md"], re.M)
    assert sorted(headings) == sorted(pack.by_id)
    assert f"version {pack.version}" in docs["rules.md"]


def test_catalogue_shows_end_date_and_judgment(tmp_path):
    import shutil

    from isocheck.docs.catalogue import render_catalogue
    from isocheck.pack.rules import load_pack

    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    rule = tmp_path / "rules" / "organisation" / "iso-secretary.yaml"
    text = rule.read_text(encoding="utf-8")
    text = re.sub(
        r"^effective: .*$", "effective: {from: 2014-05-18, until: 2030-12-31}\njudgment: true", text, flags=re.M
    )
    rule.write_text(text, encoding="utf-8")
    catalogue = render_catalogue(load_pack(tmp_path / "rules"))
    entry = catalogue.split("### `organisation.iso-secretary`")[1].split("###")[0]
    assert "từ · from 2014-05-18, đến · until 2030-12-31" in entry
    assert "Auditor judgment:** có · yes" in entry


def _anchors(text: str) -> set[str]:
    return set(re.findall(r'<a id="([^"]+)"></a>', text))


@pytest.mark.parametrize("name", ["rules.md", "facts.md"])
def test_doc_links_resolve(docs, name):
    for target in re.findall(r"\]\(([^)\s]+)\)", docs[name]):
        if target.startswith(("http://", "https://")):
            continue
        file, _, anchor = target.partition("#")
        path = (DOCS / file).resolve() if file else DOCS / name
        assert path.exists(), f"docs/{name} links to {target}, which does not exist"
        if anchor:
            text = docs.get(path.name) if path.parent == DOCS else path.read_text(encoding="utf-8")
            assert anchor in _anchors(text), f"docs/{name} links to {target}: no such anchor"
