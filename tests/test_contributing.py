"""CONTRIBUTING.md, "Add an obligation", followed step by step with a toy obligation on a copy of the pack.

The toy: an agency that has its own website writes the website's address in its fact file. Step 1 writes
the rule file, step 2 declares the derived field it tests through the extension point
(``isocheck.subjects.registry.derived_field``, as ``isocheck/subjects/agency.py`` would), step 3 writes
its cases, step 4 bumps the pack version and step 5 regenerates the docs. The tests then check that the
obligation is in ``isocheck rules list``, in the generated catalogue and fact reference, in ``isocheck
explain``, and that its cases pass with both evaluators.
"""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import ROOT, case_outcomes, expected_outcomes

from isocheck.cli import cli
from isocheck.facts.parse import load_document
from isocheck.pack.rules import load_pack
from isocheck.subjects import registry
from isocheck.subjects.agency import AgencyFacts
from isocheck.subjects.fields import KINDS
from isocheck.subjects.registry import Derived, derived_field

RULE_ID = "organisation.website-address-on-record"

# Step 1: rules/<area>/<name>.yaml, id <area>.<name>
RULE = """\
id: organisation.website-address-on-record
title:
  vi: Ghi địa chỉ trang thông tin điện tử của cơ quan
  en: The agency's website address is on record
requirement:
  vi: Cơ quan có trang thông tin điện tử ghi địa chỉ trang đó, để kiểm tra được việc đăng quyết định công bố.
  en: An agency with its own website records its address, so that the announcement's publication can be checked.
severity: observation
citations:
  - instrument: Quyết định 19/2014/QĐ-TTg
    article: 4
    clause: 3
    quote_vi: "… niêm yết tại trụ sở cơ quan và đăng tải trên trang thông tin điện tử của cơ quan (nếu có)"
effective: {from: 2014-05-18}
profiles: [annual, inspection]
subject: agency
fail_when:
  website_address_missing: true
message:
  vi: "{name} có trang thông tin điện tử nhưng hồ sơ không ghi địa chỉ."
  en: "{name} has a website but its address is not on record."
pass_message:
  vi: "Địa chỉ trang thông tin điện tử đã được ghi (hoặc cơ quan không có trang riêng)."
  en: "The website's address is on record (or the agency has no website of its own)."
remediation:
  vi: Ghi địa chỉ trang thông tin điện tử của cơ quan vào hồ sơ HTQLCL.
  en: Record the address of the agency's website in the QMS file.
evidence:
  vi: [Địa chỉ trang thông tin điện tử]
  en: [The website's address]
"""

# Step 3: tests/cases/<rule id>.yaml, merged over tests/cases/_base.yaml (which has has_website: true)
CASES = """\
rule: organisation.website-address-on-record
cases:
  - name: the address written passes
    facts:
      agency: {website: "https://so-mau.hatinh.gov.vn"}
    expect: {pass: [agency]}
  - name: a website without its address fails
    expect: {fail: [agency]}
  - name: no website of its own passes
    facts:
      agency: {has_website: false}
    expect: {pass: [agency]}
  - name: whether it has a website left out is not evaluable
    remove: [agency.has_website]
    expect: {not_evaluable: [agency]}
"""


def website_address_missing(a: AgencyFacts) -> Derived:
    """Step 2: the computation, from the agency's own facts."""
    sources = ["agency.has_website", "agency.website"]
    if a.identity.has_website is None:
        return Derived(None, sources, ["agency.has_website"])
    return Derived(a.identity.has_website and a.identity.website is None, sources)


@pytest.fixture
def toy(tmp_path, monkeypatch):
    """The pack copy with the toy obligation added by steps 1–5; the derived field is removed afterwards."""
    root = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", root)
    (root / "organisation" / "website-address-on-record.yaml").write_text(RULE, encoding="utf-8")  # step 1
    saved = dict(KINDS["agency"].fields)
    # step 2, its Vietnamese: msgctxt "field:agency.website_address_missing" in isocheck.po, compiled by
    # scripts/catalogs into the table the declaration reads (here put straight into that table)
    vi = "cơ quan có trang thông tin điện tử nhưng không ghi địa chỉ"
    english = "the agency has a website but its address is not on record"
    monkeypatch.setitem(registry._VI, "agency.website_address_missing", (vi, english))
    derived_field(  # step 2
        "agency",
        "website_address_missing",
        "bool",
        sources=["agency.has_website", "agency.website"],
        en=english,
    )(website_address_missing)
    cases = tmp_path / "cases" / f"{RULE_ID}.yaml"  # step 3
    cases.parent.mkdir()
    cases.write_text(CASES, encoding="utf-8")
    info = root / "pack.yaml"  # step 4: a new rule is a minor version
    version = load_pack(ROOT / "rules").version
    major, minor, _ = (int(n) for n in version.split("."))
    info.write_text(info.read_text(encoding="utf-8").replace(version, f"{major}.{minor + 1}.0"), encoding="utf-8")
    docs = tmp_path / "docs"  # step 5
    result = CliRunner().invoke(cli, ["docs", "--out-dir", str(docs), "--rules", str(root)])
    assert result.exit_code == 0, result.output
    yield {"rules": root, "cases": cases, "docs": docs, "version": f"{major}.{minor + 1}.0"}
    KINDS["agency"].fields.clear()
    KINDS["agency"].fields.update(saved)


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code in (0, 1), result.output
    return result.output


def test_it_is_in_rules_list_and_rules_show(toy):
    for lang, title in (("vi", "Ghi địa chỉ trang thông tin điện tử"), ("en", "website address is on record")):
        listed = _run("rules", "list", "--rules", str(toy["rules"]), "--lang", lang)
        assert RULE_ID in listed and title in listed
    shown = _run("rules", "show", RULE_ID, "--rules", str(toy["rules"]), "--lang", "en")
    assert "Fails when: the agency has a website but its address is not on record [website_address_missing]" in shown
    assert "Subject: the agency" in shown


def test_it_is_in_the_generated_catalogue_and_fact_reference(toy):
    catalogue = (toy["docs"] / "rules.md").read_text(encoding="utf-8")
    assert f"### `{RULE_ID}`" in catalogue and f"version {toy['version']}" in catalogue
    assert "[`website_address_missing`](facts.md#field-agency-website_address_missing)" in catalogue
    reference = (toy["docs"] / "facts.md").read_text(encoding="utf-8")
    row = next(line for line in reference.splitlines() if 'id="field-agency-website_address_missing"' in line)
    assert "the agency has a website but its address is not on record" in row
    assert "*cơ quan có trang thông tin điện tử nhưng không ghi địa chỉ*" in row
    assert "[`agency.has_website`](#fact-agency), [`agency.website`](#fact-agency)" in row and RULE_ID in row
    website = next(line for line in reference.splitlines() if line.startswith("| `agency.website` |"))
    assert RULE_ID in website  # the fact-file field lists the rule that reads it


def test_it_is_explained(toy, tmp_path):
    facts = tmp_path / "agency.yaml"
    facts.write_text(
        "agency: {name: UBND xã Thử, level: commune, province: Hà Tĩnh, standard: 2015, has_website: true,\n"
        "         qms_duty: {basis: voluntary}}\n",
        encoding="utf-8",
    )
    args = ["explain", str(facts), "--rules", str(toy["rules"]), "--rule", RULE_ID, "--as-of", "2021-11-16"]
    text = _run(*args, "--lang", "vi")
    assert "Nội dung: UBND xã Thử có trang thông tin điện tử nhưng hồ sơ không ghi địa chỉ." in text
    assert "website_address_missing = có  ← " in text
    for lang, meaning in (
        ("vi", "cơ quan có trang thông tin điện tử nhưng không ghi địa chỉ"),
        ("en", "the agency has a website but its address is not on record"),
    ):
        [explained] = json.loads(_run(*args, "--lang", lang, "--format", "json"))["explanations"]
        assert explained["outcome"] == "fail" and explained["rule"]["id"] == RULE_ID
        assert [(c["field"], c["meaning"]) for c in explained["conditions"]] == [("website_address_missing", meaning)]
        assert [f["paths"] for f in explained["facts"]] == [["agency.has_website", "agency.website"]]


def test_its_cases_pass_with_both_evaluators(toy):
    pack = load_pack(toy["rules"])
    data, _ = load_document(toy["cases"])
    assert data["rule"] == RULE_ID
    for case in data["cases"]:
        results = case_outcomes(pack, pack.by_id[RULE_ID], case)
        assert results["durable"] == results["reference"] == expected_outcomes(case, results["durable"]), case["name"]
