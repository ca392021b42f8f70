"""The shipped legal texts (law/) and the citations of the pack: every quote is the law's own words under the
article, clause and point it names; TCVN ISO 9001 is cited by clause, in the agency's edition."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from isocheck.base.errors import InputError
from isocheck.cli import cli
from isocheck.facts.parse import load_document
from isocheck.law.citations import Citation, check, law_text
from isocheck.law.standards import load_standards
from isocheck.law.texts import load_library, parse_instrument
from isocheck.pack.rules import load_pack

ROOT = Path(__file__).resolve().parent.parent


def _every_citation():
    """(where, citation) for every citation of the pack, the parameters and the shipped overlays."""
    for path in sorted((ROOT / "rules").glob("*/*.yaml")):
        data, _ = load_document(path)
        for i, raw in enumerate(data["citations"]):
            yield f"{path.relative_to(ROOT)} citations[{i}]", raw
    params, _ = load_document(ROOT / "rules" / "parameters.yaml")
    for name, entries in params.items():
        for i, entry in enumerate(entries):
            yield f"rules/parameters.yaml {name}[{i}]", entry["citation"]
    for path in sorted((ROOT / "overlays").glob("*.yaml")):
        data, _ = load_document(path)
        for i, added in enumerate(data.get("rules", [])):
            for j, raw in enumerate(added["rule"]["citations"]):
                yield f"{path.relative_to(ROOT)} rules[{i}].citations[{j}]", raw


@pytest.mark.parametrize("where, raw", list(_every_citation()), ids=lambda v: v if isinstance(v, str) else "")
def test_every_quote_is_the_law_s_own_words(where, raw):
    citation = Citation.model_validate(raw)
    assert check(citation) is None, f"{where}: {check(citation)[1].text('en')}"
    if not citation.is_standard and load_library().get(citation.instrument) is not None:
        assert law_text(citation) is not None, where  # explain can show the whole clause


def test_every_shipped_instrument_is_cited_under_its_original_articles():
    library = load_library()
    counts = {name: sorted(i.articles) for name, i in library.by_name.items()}
    assert counts["Quyết định 19/2014/QĐ-TTg"] == list(range(1, 18))
    assert counts["Thông tư 26/2014/TT-BKHCN"] == list(range(1, 47))
    assert counts["Thông tư 116/2015/TT-BTC"] == list(range(1, 7))
    assert counts["Thông tư 01/2018/TT-VPCP"] == [8]
    for instrument in library.by_name.values():
        text = instrument.file.read_text(encoding="utf-8")
        assert "Điều này có nội dung liên quan đến" not in text  # the codification's cut-off stubs are gone
        for number, article in instrument.articles.items():
            # the source line names the ORIGINAL article; the codification number (19.8.QĐ.3.4) stays in it
            assert re.search(rf"\(Điều {number} (Quyết định|Thông tư) số", article.source), (instrument.name, number)
            assert f'<a id="dieu-{number}"></a>' in text


def test_the_structure_of_qd19_article_4():
    qd19 = load_library().get("Quyết định 19/2014/QĐ-TTg")
    article = qd19.articles[4].body
    assert [b.number for b in article.blocks if not isinstance(b, str)] == ["1", "2", "3", "4"]
    assert [p.number for p in qd19.unit(4, 2).blocks if not isinstance(p, str)] == ["a", "b", "c", "d"]
    assert qd19.unit(4, 4, "a").plain.startswith("a) Cập nhật các thay đổi của văn bản quy phạm pháp luật")
    # the two closing paragraphs belong to the article, not to point c of clause 4
    assert "không thuê các tổ chức chứng nhận" not in qd19.unit(4, 4).plain
    assert "không thuê các tổ chức chứng nhận" in qd19.unit(4).plain
    excerpt = qd19.excerpt(4, 4, "b")
    assert excerpt.splitlines()[0] == "4. Duy trì, cải tiến Hệ thống quản lý chất lượng:"
    assert "tối thiểu một năm một lần" in excerpt and "ba tháng" not in excerpt


def test_paragraphs_of_a_point_that_opens_with_a_colon_stay_in_the_point():
    qd19 = load_library().get("Quyết định 19/2014/QĐ-TTg")
    assert "Lập, sửa đổi, bổ sung kế hoạch triển khai" in qd19.unit(12, 4, "a").plain
    assert "Theo dõi, đôn đốc, kiểm tra tiến độ" in qd19.unit(12, 4, "a").plain
    assert "Hằng năm, tổ chức kiểm tra" in qd19.unit(12, 4, "b").plain
    tt116 = load_library().get("Thông tư 116/2015/TT-BTC")
    assert tt116.unit(2, None, "b").plain == "b) Nguồn tài trợ, viện trợ;"  # points directly under an article


def _quote(quote: str, article=4, clause=4, point="a", instrument="Quyết định 19/2014/QĐ-TTg"):
    citation = Citation(instrument=instrument, article=article, clause=clause, point=point, quote_vi=quote)
    found = check(citation)
    return None if found is None else (found[0], found[1].key)


def test_a_quote_is_checked_against_the_unit_it_names():
    whole = "Cập nhật các thay đổi của văn bản quy phạm pháp luật liên quan đến hoạt động xử lý công việc"
    assert _quote(whole + "…") is None
    assert (
        _quote("…trong thời gian chậm nhất là ba tháng kể từ khi văn bản quy phạm pháp luật có hiệu lực thi hành;")
        is None
    )
    assert _quote("Cập nhật các thay đổi … để áp dụng trong thời gian chậm nhất là ba tháng…") is None
    # the same words under the wrong point, a word changed, a cut not marked, pieces out of order
    assert _quote(whole + "…", point="b") == ("quote_vi", "citation.quote_not_found")
    assert _quote("Cập nhật các thay đổi của văn bản pháp luật…") == ("quote_vi", "citation.quote_not_found")
    assert _quote("trong thời gian chậm nhất là ba tháng…") == ("quote_vi", "citation.quote_mid_sentence")
    assert _quote(whole) == ("quote_vi", "citation.quote_cut_unmarked")
    assert _quote("…ba tháng … Cập nhật các thay đổi…") == ("quote_vi", "citation.quote_not_found")
    # whitespace is normalised, nothing else; a quote must carry words
    assert _quote("Cập  nhật các\nthay đổi của văn bản quy phạm pháp luật…") is None
    assert _quote("…ba tháng…") == ("quote_vi", "citation.quote_short")


def test_a_citation_of_a_unit_the_text_does_not_have():
    assert _quote("Cập nhật các thay đổi…", article=18, clause=None, point=None) == ("article", "citation.no_article")
    assert _quote("Cập nhật các thay đổi…", clause=9) == ("clause", "citation.no_clause")
    assert _quote("Cập nhật các thay đổi…", point="g") == ("point", "citation.no_point")


def test_an_unshipped_instrument_is_cited_as_written():
    letter = Citation(instrument="Công văn 419/BKHCN-TĐC", quote_vi="…hoàn thành việc chuyển đổi trước ngày 30/6/2021")
    assert check(letter) is None and law_text(letter) is None


def test_tcvn_iso_9001_is_cited_by_clause_in_the_agency_s_edition():
    survey = Citation(instrument="TCVN ISO 9001", clauses={2015: "9.1.2", 2008: "8.2.1"})
    assert check(survey) is None
    assert survey.format("vi", 2015) == "TCVN ISO 9001:2015 mục 9.1.2"
    assert survey.format("vi", 2008) == "TCVN ISO 9001:2008 mục 8.2.1"
    assert survey.format("en", 2008) == "TCVN ISO 9001:2008 §8.2.1"
    assert survey.format("vi") == "TCVN ISO 9001:2015 mục 9.1.2 (2008: mục 8.2.1)"
    assert survey.quote("vi", 2015) == "«Sự thỏa mãn của khách hàng»"
    assert survey.quote("en", 2008) == "“Customer satisfaction”"
    untitled = Citation(instrument="TCVN ISO 9001", clauses={2015: "6.2.1"})
    assert untitled.quote("vi", 2015) == "thuộc mục 6.2 «Mục tiêu chất lượng và hoạch định để đạt được mục tiêu»"
    invented = Citation(instrument="TCVN ISO 9001", clauses={2015: "9.9.9"})
    assert check(invented)[1].key == "citation.unknown_clause"


def test_the_standard_is_never_quoted():
    for raw in (
        {"instrument": "TCVN ISO 9001:2015", "section": "9.2", "quote_vi": "Tổ chức phải…"},
        {"instrument": "TCVN ISO 9001:2015", "quote_vi": "Tổ chức phải tiến hành đánh giá nội bộ…"},
        {"instrument": "TCVN ISO 9001", "clauses": {2015: "9.2"}, "quote_vi": "Tổ chức phải…"},
    ):
        with pytest.raises(ValueError):
            Citation.model_validate(raw)


def test_every_clause_title_of_the_table_is_short_and_without_the_standard_s_wording():
    standards = load_standards()
    for clauses in standards.editions.values():
        for number, title in clauses.items():
            for text in (title.vi, title.en):
                assert text is None or (len(text) < 80 and "phải" not in text and "shall" not in text), number


def _pack_copy(tmp_path: Path) -> Path:
    root = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", root)
    return root


@pytest.mark.parametrize(
    "old, new, en, vi",
    [
        (
            'quote_vi: "Thực hiện đánh giá nội bộ và xem xét của Lãnh đạo tối thiểu một năm một lần để',
            'quote_vi: "Thực hiện đánh giá nội bộ và xem xét của lãnh đạo tối thiểu một năm một lần để',
            "citations[0].quote_vi: the words “Thực hiện đánh giá nội bộ và xem xét của lãnh đạo tối thiểu …” "
            "are not in QĐ 19/2014/QĐ-TTg, Art. 4, cl. 4, pt. b",
            "citations[0].quote_vi: cụm từ “Thực hiện đánh giá nội bộ và xem xét của lãnh đạo tối thiểu …” "
            "không có trong điểm b khoản 4 Điều 4 QĐ 19/2014/QĐ-TTg",
        ),
        (
            'clauses: {"2015": "9.2", "2008": "8.2.2"}',
            'clauses: {"2015": "9.2"}',
            "citations[2].clauses: the rule applies to TCVN ISO 9001:2008 systems but this citation has no clause",
            "citations[2].clauses: quy tắc áp dụng cho HTQLCL theo TCVN ISO 9001:2008 nhưng trích dẫn này chưa ghi mục",
        ),
    ],
)
def test_a_wrong_citation_stops_the_pack_with_one_clear_message(tmp_path, old, new, en, vi):
    root = _pack_copy(tmp_path)
    path = root / "maintenance" / "internal-audit-yearly.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_pack(root)
    assert raised.value.line is not None
    for lang, expected in (("en", en), ("vi", vi)):
        result = CliRunner().invoke(cli, ["rules", "list", "--rules", str(root), "--lang", lang])
        assert result.exit_code == 2 and result.stdout == ""
        assert str(path) in result.stderr and expected in result.stderr, result.stderr


def test_a_damaged_law_file_fails_loudly(tmp_path):
    source = ROOT / "law" / "qd-19-2014-qd-ttg.md"
    broken = tmp_path / "qd.md"
    broken.write_text(source.read_text(encoding="utf-8").replace('<a id="dieu-4"></a>', "", 1), encoding="utf-8")
    with pytest.raises(InputError) as raised:
        parse_instrument(broken)
    assert raised.value.detail.key == "law.anchor" and raised.value.line is not None
    broken.write_text(
        source.read_text(encoding="utf-8").replace("   a) Áp dụng trên thực tế", "     a) Áp dụng trên thực tế", 1),
        encoding="utf-8",
    )
    with pytest.raises(InputError) as raised:
        parse_instrument(broken)
    assert raised.value.detail.key == "law.indent"


def test_an_edition_is_2008_or_2015():
    with pytest.raises(ValueError, match="not an edition"):
        Citation.model_validate({"instrument": "TCVN ISO 9001", "clauses": {"2016": "9.2"}})
    assert Citation.model_validate({"instrument": "TCVN ISO 9001", "clauses": {2015: "9.2"}}).by_edition == {
        2015: "9.2"
    }
