"""The web form's document round trip: fact file → form → posted form → saved file.

Every bundled fact file, shown in the form and posted back unchanged, gives the same data, and saving it
gives the same bytes — both when the file is left alone and when ruamel.yaml rewrites it. Edits change
only what was edited, new text is written as a careful person would write it, and dates are read
dd/mm/yyyy.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from isocheck.facts.model import validate_agency
from isocheck.serve import yamldoc
from isocheck.serve.checking import FIELDS, for_save
from isocheck.serve.dates import parse_day, show_day
from isocheck.serve.formdata import parse_form
from isocheck.serve.view import Node, nodes

ROOT = Path(__file__).resolve().parent.parent
FACT_FILES = sorted(  # every agency fact file bundled (not the inspection or legal-change inputs beside them)
    p for p in (ROOT / "fixtures").rglob("*.yaml") if "agency" in (yaml.safe_load(p.read_text(encoding="utf-8")) or {})
)


def posted(form_nodes: list[Node]) -> list[tuple[str, str]]:
    """What the browser posts for ``form_nodes``, as the templates write the inputs."""
    pairs: list[tuple[str, str]] = []
    for n in form_nodes:
        if n.keep:
            pairs.append((f"{n.name}._keep", "1"))
        if n.none:
            pairs.append((f"{n.name}._none", "1"))
        if n.was:
            pairs.append((f"{n.name}._was", n.was))
        if n.field.kind == "group":
            pairs += posted(n.children)
        elif n.field.kind == "list":
            for row in n.rows:
                if row.origin is not None:
                    pairs.append((f"{row.name}._from", str(row.origin)))
                pairs += posted(row.cells)
        elif not n.keep:
            pairs.append((n.name, n.value))
    return pairs


def round_trip(text: str, edit=None):
    pairs = posted(nodes(FIELDS, yaml.safe_load(text), "", "vi", {}))
    if edit is not None:
        pairs = edit(pairs)
    parsed = parse_form(pairs, FIELDS)
    assert parsed.problems == {}
    return parsed, yamldoc.save_text(text, for_save(parsed.data), FIELDS, parsed.origins)


@pytest.mark.parametrize("path", FACT_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_fact_file_goes_through_the_form_unchanged(path):
    text = path.read_text(encoding="utf-8")
    parsed, saved = round_trip(text)
    assert parsed.data == yaml.safe_load(text)
    assert saved == text
    # and when ruamel.yaml writes the document out, the bytes are the same too
    doc = yamldoc.load(text)
    yamldoc.apply(doc, parsed.data, FIELDS, (), parsed.origins)
    assert yamldoc.dump(doc, text) == text


def test_more_than_the_fixtures_exist():
    assert len(FACT_FILES) >= 30


def test_an_edit_changes_only_what_was_edited_and_keeps_the_comments():
    text = (ROOT / "fixtures/xa-chua-san-sang-cong-bo.yaml").read_text(encoding="utf-8")

    def edit(pairs):
        out = [(k, "true" if k == "procedures.25.internal_procedure" else v) for k, v in pairs]
        out = [(k, v) for k, v in out if not k.startswith("procedures.2.")]  # a TTHC removed
        return [
            *out,
            ("procedures.n1.code", "1.009999"),
            ("procedures.n1.name", "Thủ tục thử: mới"),
            ("procedures.n1.field", "Tôn giáo"),
            ("records_since", "01/01/2021"),
        ]

    _, saved = round_trip(text, edit)
    before, after = text.splitlines(), saved.splitlines()
    assert [line for line in before if line.startswith("#") or "  # " in line] == [
        line for line in after if line.startswith("#") or "  # " in line
    ]  # every comment kept
    assert "records_since: 2021-01-01" in after
    assert after[after.index("records_since: 2021-01-01") + 1] == "qms:"  # at its place in model order
    assert not any("1.000656" in line for line in after)
    assert "  - {code: '1.009999', name: 'Thủ tục thử: mới', field: Tôn giáo}" in after  # like its siblings
    assert sum(1 for a, b in zip(before, after, strict=False) if a != b) > 0
    changed = set(after) - set(before)
    assert len(changed) == 3, changed  # the new date, the fixed TTHC and the new TTHC, nothing else
    agency = validate_agency(yaml.safe_load(saved), "x")
    assert agency.procedures[24].internal_procedure is True


def test_a_new_file_is_written_as_a_careful_person_would():
    pairs = [
        ("agency.name", "UBND xã Thạch Long"),
        ("agency.level", "commune"),
        ("agency.province", "Hà Tĩnh"),
        ("agency.standard", "2015"),
        ("qms.quality_policy.number", "05/QĐ-UBND"),
        ("qms.quality_policy.issued_on", "5/1/2026"),
        ("qms.steering_committee._none", "1"),
        ("procedures.a.code", "1.001449"),
        ("procedures.a.name", "yes"),
        ("procedures.a.field", "Tôn giáo\ncũ"),
        ("procedures.b.code", ""),  # a row added and left blank: no row
        ("announcements._none", "1"),
        ("reports.c.year", "2026"),
        ("reports.c.submitted_on._none", "1"),
    ]
    parsed = parse_form(pairs, FIELDS)
    text = yamldoc.save_text("", for_save(parsed.data), FIELDS, parsed.origins)
    assert text == (
        "agency:\n"
        "  name: UBND xã Thạch Long\n"
        "  level: commune\n"
        "  province: Hà Tĩnh\n"
        "  standard: 2015\n"
        "qms:\n"
        "  quality_policy:\n"
        "    number: 05/QĐ-UBND\n"
        "    issued_on: 2026-01-05\n"
        "  steering_committee: null\n"
        "procedures:\n"
        "  - code: '1.001449'\n"
        "    name: 'yes'\n"
        "    field: |-\n"
        "      Tôn giáo\n"
        "      cũ\n"
        "announcements: []\n"
        "reports:\n"
        "  - year: 2026\n"
        "    submitted_on: null\n"
    )


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.characters(blacklist_categories=["Cs", "Cc"]) | st.sampled_from("<>&'\"\n:#-[]{}!*%@`"),
        min_size=1,
        max_size=40,
    )
)
def test_any_text_reads_back_as_it_was_typed(name):
    name = name.strip()
    if not name:
        return
    pairs = [("agency.name", name), ("agency.level", "commune"), ("agency.province", "x"), ("agency.standard", "2015")]
    parsed = parse_form(pairs, FIELDS)
    text = yamldoc.save_text("", for_save(parsed.data), FIELDS, parsed.origins)
    assert yaml.safe_load(text)["agency"]["name"] == parsed.data["agency"]["name"]


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("16/11/2021", dt.date(2021, 11, 16)),
        ("1/2/2021", dt.date(2021, 2, 1)),
        ("16-11-2021", dt.date(2021, 11, 16)),
        ("16.11.2021", dt.date(2021, 11, 16)),
        (" 29/02/2024 ", dt.date(2024, 2, 29)),
        ("2021-11-16", dt.date(2021, 11, 16)),
    ],
)
def test_dates_are_read_day_first(typed, day):
    assert parse_day(typed) == day
    assert show_day(day) == f"{day.day:02d}/{day.month:02d}/{day.year}"


@pytest.mark.parametrize(
    ("typed", "vi", "en"),
    [
        ("31/02/2021", "không phải là ngày có thật: tháng 2/2021 chỉ có 28 ngày", "February 2021 has only 28 days"),
        ("29/02/2023", "tháng 2/2023 chỉ có 28 ngày", "February 2023 has only 28 days"),
        ("16/13/2021", "không phải là ngày có thật", "not a real date"),
        ("16/11/21", "phải là ngày viết dạng dd/mm/yyyy (ví dụ 16/11/2021), nhưng ô ghi '16/11/21'", "dd/mm/yyyy"),
        ("hôm qua", "nhưng ô ghi 'hôm qua'", "found 'hôm qua'"),
    ],
)
def test_a_wrong_date_says_what_is_wrong_in_both_languages(typed, vi, en):
    problem = parse_day(typed)
    assert not isinstance(problem, dt.date)
    assert vi in problem.text("vi")
    assert en in problem.text("en")


def test_markers_keep_what_a_blank_input_cannot_say():
    text = "agency: {name: X, level: commune, province: Y, standard: 2015, has_website: null}\nqms: null\n"
    parsed, saved = round_trip(text)
    assert parsed.data["agency"]["has_website"] is None and parsed.data["qms"] is None
    assert saved == text
