"""Every missing fact a report lists is glossed in the reader's language (isocheck.facts.meaning.path_meaning)."""

from __future__ import annotations

import datetime as dt

import pytest
from golden import FIXTURES, ROOT

from isocheck.api import check_file
from isocheck.facts.meaning import path_meaning, path_with_meaning
from isocheck.facts.missing import missing_text
from isocheck.facts.model import Agency


@pytest.mark.parametrize(
    "path, vi, en",
    [
        (
            "announcements[1].head_confirmed_on",
            "Ngày người đứng đầu xác nhận HTQLCL có hiệu lực",
            "Date the head confirmed the QMS effective",
        ),
        # a terse leaf is read with its parent
        (
            "qms.documents_approved.issued_on",
            "Quyết định của người đứng đầu phê duyệt tài liệu, quy trình: ngày ban hành",
            "The head's decision approving the documents and procedures: date issued",
        ),
        ("internal_audits[*].corrective_actions", "Hành động khắc phục, mỗi điểm không phù hợp một mục", None),
        ("management_reviews", "Các cuộc họp xem xét của lãnh đạo", "Management reviews held"),
    ],
)
def test_a_fact_path_reads_as_its_meaning(path, vi, en):
    assert path_meaning(Agency, path, "vi") == vi
    if en is not None:
        assert path_meaning(Agency, path, "en") == en
    assert path_with_meaning(Agency, path, "vi") == f"{vi} ({path})"


@pytest.mark.parametrize("path", ["--catalogue", "judgements (a, b)", "agency.no_such_field", "qms.nope.x", ""])
def test_what_is_not_a_fact_path_stays_as_written(path):
    assert path_meaning(Agency, path, "vi") is None
    assert path_with_meaning(Agency, path, "en") == path


@pytest.mark.parametrize("fixture", sorted(FIXTURES))
def test_every_missing_fact_of_every_fixture_has_a_meaning(fixture):
    report = check_file(ROOT / "fixtures" / fixture, dt.date.fromisoformat(FIXTURES[fixture]))
    paths = {p for f in report.findings if f.outcome == "not_evaluable" for p in f.missing}
    plain = {p for p in paths if not p.startswith(("judgements", "--")) and " / " not in p}
    assert plain, "a fixture without missing facts proves nothing here"
    unglossed = sorted(p for p in plain for lang in ("vi", "en") if path_meaning(Agency, p, lang) is None)
    assert unglossed == []


@pytest.mark.parametrize(
    "lang, text",
    [
        ("vi", "Danh mục TTHC do tỉnh công bố (--catalogue)"),
        ("en", "The province's published list of TTHC (--catalogue)"),
    ],
)
def test_the_missing_catalogue_reads_as_the_provinces_list_in_every_listing(lang, text):
    assert missing_text("--catalogue", lang) == text
    assert missing_text("management_reviews", lang) == path_with_meaning(Agency, "management_reviews", lang)


@pytest.mark.parametrize(
    ("missing", "vi", "en"),
    [
        (
            "judgements (quality_manual.framework_model, complaints.handling)",
            "Nhận định tại chỗ của đoàn kiểm tra theo các tiêu chí (judgements: quality_manual.framework_model, "
            "complaints.handling)",
            "The inspectors' on-site judgements of the criteria (judgements: quality_manual.framework_model, "
            "complaints.handling)",
        ),
        (
            "judgements",
            "Nhận định tại chỗ của đoàn kiểm tra theo các tiêu chí (judgements)",
            "The inspectors' on-site judgements of the criteria (judgements)",
        ),
        (
            "--catalogue",
            "Danh mục TTHC do tỉnh công bố (--catalogue)",
            "The province's published list of TTHC (--catalogue)",
        ),
    ],
)
def test_judgements_and_the_catalogue_are_worded_like_the_facts(missing, vi, en):
    from isocheck.facts.missing import missing_meaning, missing_text

    assert missing_text(missing, "vi") == vi and missing_text(missing, "en") == en
    assert missing_meaning(missing, "vi") == vi.rsplit(" (", 1)[0]
