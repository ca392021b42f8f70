"""The batch for spreadsheets: CSV with ";" and a byte-order mark by default, "," on request, the
baseline's columns with readable labels; the XLSX workbook with its three sheets, frozen headers, filters."""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml
from click.testing import CliRunner
from conftest import CASES
from openpyxl import load_workbook

from isocheck.cli import cli


def _run(*args: str):
    return CliRunner().invoke(cli, ["batch", *args, "--no-cache"], catch_exceptions=False)


def _csv(text: str, delimiter: str) -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=delimiter))


def test_csv_is_semicolon_separated_with_a_bom_and_comma_on_request(folder):
    table = _csv(_run(str(folder), "--as-of", "2021-11-16", "--format", "csv").stdout, ";")
    assert table[0][:4] == ["Cấp", "Tên đơn vị", "Đơn vị chủ quản", "Tệp dữ liệu"] and "CSCL, MTCL" in table[0]
    assert len(table) == 1 + len(list(folder.glob("*.yaml")))
    comma = _run(str(folder), "--as-of", "2021-11-16", "--format", "csv", "--csv-delimiter", ",", "--quiet").stdout
    comma = _csv(comma, ",")
    assert comma == table
    tab = _run(str(folder), "--as-of", "2021-11-16", "--format", "csv", "--csv-delimiter", "tab").stdout
    assert _csv(tab, "\t") == table


def test_csv_honours_the_baseline_with_readable_labels(folder, tmp_path):
    baseline = tmp_path / "before.json"
    _run(str(folder), "--as-of", "2021-11-16", "--format", "json", "-o", str(baseline))
    data = json.loads(baseline.read_text(encoding="utf-8"))
    for agency in data["agencies"]:  # as if last year's run had found one more thing everywhere
        agency["results"].append(
            {**agency["results"][0], "id": "documents.quality-objectives-yearly@2020", "outcome": "fail"}
        )
    baseline.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    table = _csv(_run(str(folder), "--as-of", "2021-11-16", "--format", "csv", "--baseline", str(baseline)).stdout, ";")
    assert table[0][-3:] == ["Mới phát sinh", "Đã khắc phục", "Còn tồn tại"]
    resolved = {row[1]: row[-2] for row in table[1:]}
    assert set(resolved.values()) == {"Mục tiêu chất lượng cho năm được đánh giá (2020)"}


def test_xlsx_has_a_summary_a_matrix_and_the_findings_with_frozen_headers_and_filters(folder, tmp_path):
    out = tmp_path / "tong-hop.xlsx"
    result = _run(str(folder), "--as-of", "2021-11-16", "--format", "xlsx", "-o", str(out))
    assert result.exit_code == 1 and result.stdout == ""
    book = load_workbook(out)
    assert book.sheetnames == ["Tổng hợp", "Ma trận", "Các điểm cần xử lý"]
    summary, matrix, findings = book.worksheets
    agencies = len(list(folder.glob("*.yaml")))
    names = {
        a["name"] for a in json.loads(_run(str(folder), "--as-of", "2021-11-16", "--format", "json").stdout)["agencies"]
    }
    column = [row[1] for row in matrix.iter_rows(min_row=2, values_only=True)]
    headings = [c for c in column if c.split(". ")[0] in ("I", "II", "III", "IV")]
    totals = [c for c in column if c.startswith("Cộng ")]
    assert len(totals) == len(headings) and column[-1] == "Tổng cộng"  # a totals row per level, then the whole
    groups = [c for c in column if c not in names and c not in headings and c not in totals][:-1]
    assert (
        sorted(c for c in column if c in names) == sorted(names)
        and len(column) == agencies + 2 * len(headings) + len(groups) + 1
    )
    assert matrix.max_row == 1 + len(column) and matrix.freeze_panes == "C2"
    assert matrix.auto_filter.ref == f"A1:Q{1 + len(column)}" and matrix["B1"].value == "Tên đơn vị"
    assert summary["A1"].value == "Cấp" and summary.freeze_panes == "A2"
    assert [row[0].value for row in summary.iter_rows(min_row=2)][-1] == "Tổng cộng"
    total = next(row for row in summary.iter_rows(min_row=2, values_only=True) if row[0] == "Tổng cộng")
    assert total[1] == agencies  # numbers stay numbers
    expected = json.loads(_run(str(folder), "--as-of", "2021-11-16", "--format", "json").stdout)
    parents = {}
    for fact in folder.glob("*.yaml"):
        agency = yaml.safe_load(fact.read_text(encoding="utf-8"))["agency"]
        parents[agency["name"]] = agency.get("parent")
    listed = [
        (a["name"], parents[a["name"]], r["rule_id"])
        for a in expected["agencies"]
        for r in a["results"]
        if r["outcome"] in ("fail", "error", "not_evaluable", "pending", "waived")  # the CSV findings file's rows
    ]
    assert any(r[5] == "Chưa đến hạn" and r[9] for r in findings.iter_rows(min_row=2, values_only=True))  # a due date
    shown = [(row[0], row[1] or None, row[2]) for row in findings.iter_rows(min_row=2, values_only=True)]
    assert shown == listed and findings["B1"].value == "Đơn vị chủ quản"  # units of one name told apart by parent
    assert findings.auto_filter.ref == f"A1:J{1 + len(listed)}" and findings["H1"].value == "Nội dung"
    english = load_workbook(io.BytesIO(_xlsx(folder, tmp_path, "en")))
    assert english.sheetnames == ["Summary", "Matrix", "Findings"]


def _xlsx(folder, tmp_path, lang: str) -> bytes:
    out = tmp_path / f"{lang}.xlsx"
    _run(str(folder), "--as-of", "2021-11-16", "--format", "xlsx", "-o", str(out), "--lang", lang)
    return out.read_bytes()


def test_a_hostile_name_stays_text_in_the_workbook(tmp_path):
    base = (CASES / "_base.yaml").read_text(encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    name = base.split("name: ", 1)[1].split("\n", 1)[0]
    (folder / "a.yaml").write_text(base.replace(f"name: {name}", "name: '=HYPERLINK(\"x\")'", 1), encoding="utf-8")
    out = tmp_path / "a.xlsx"
    _run(str(folder), "--as-of", "2021-11-16", "--format", "xlsx", "-o", str(out))
    cell = load_workbook(out)["Ma trận"]["B3"]  # under the heading row of its level
    assert cell.value == '=HYPERLINK("x")' and cell.data_type == "s"


def test_docx_is_the_yearly_summary_of_tt26_article_38(folder, tmp_path):
    import docx

    out = tmp_path / "bao-cao.docx"
    result = _run(str(folder), "--as-of", "2021-11-16", "--year", "2021", "--format", "docx", "-o", str(out))
    assert result.exit_code == 1 and result.stdout == ""
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in document.tables[0].rows[0].cells[1].text
    assert "BÁO CÁO" in text and "năm 2021" in text and "khoản 1 Điều 38 Thông tư số 26/2014/TT-BKHCN" in text
    for part in ("I. KẾT QUẢ THEO CẤP HÀNH CHÍNH", "II. CÁC ĐIỂM KHÔNG PHÙ HỢP", "III. KẾT QUẢ", "IV. KIẾN NGHỊ"):
        assert part in text
    expected = json.loads(_run(str(folder), "--as-of", "2021-11-16", "--year", "2021", "--format", "json").stdout)
    agencies = expected["agencies"]
    per_agency = [t for t in document.tables if t.rows[0].cells[1].text == "Tên đơn vị"]
    names = [row.cells[1].text for t in per_agency for row in t.rows[1:-1]]  # the last row: the level's totals
    assert {t.rows[-1].cells[1].text for t in per_agency} <= {"Cộng cấp tỉnh", "Cộng cấp huyện", "Cộng cấp xã"}
    listed = [a["name"] for a in agencies]
    assert sorted(n for n in names if n in listed) == sorted(listed)
    group = "Sở Nông nghiệp và Phát triển nông thôn tỉnh Nghệ An"  # the parent of a Chi cục, not itself in the batch
    assert [n for n in names if n not in listed] == [group]
    frequent = next(t for t in document.tables if t.rows[0].cells[1].text == "Nội dung không phù hợp")
    counts: dict[str, int] = {}
    for a in agencies:
        for title in {r["title"] for r in a["results"] if r["outcome"] == "fail"}:
            counts[title] = counts.get(title, 0) + 1
    assert {row.cells[1].text: int(row.cells[2].text) for row in frequent.rows[1:]} == counts
    failing = [a["name"] for a in agencies if any(r["outcome"] == "fail" for r in a["results"])]
    assert f"Đề nghị {len(failing)} cơ quan có điểm không phù hợp thực hiện hành động khắc phục" in text
    english = tmp_path / "report.docx"
    _run(str(folder), "--as-of", "2021-11-16", "--format", "docx", "-o", str(english), "--lang", "en")
    assert "SOCIALIST REPUBLIC OF VIETNAM" in docx.Document(str(english)).tables[0].rows[0].cells[1].text


def _rows_by_python_docx(package: bytes, out, rows) -> None:
    """The rows of part III added by python-docx itself, as the Word summary was built before its rows were
    streamed (``report/batch/docx_rows.py``): each section's sample rows replaced by real ones, formatted alike."""
    import docx

    from isocheck.report.batch import docx_rows
    from isocheck.report.minutes import layout

    document = docx.Document(io.BytesIO(package))
    section = 0
    for table in document.tables:
        if len(table.rows) < 2 or docx_rows.placeholder(section + 1, "agency", 0) not in table.rows[1].cells[0].text:
            continue
        section += 1
        samples = table.rows[1:]
        for kind, cells in rows(section):
            row = table.add_row()
            for i, (cell, text) in enumerate(zip(row.cells, cells, strict=True)):
                layout._cell_text(cell, text, center=i == 0)
            for cell, sample in zip(row.cells, samples[0].cells, strict=True):
                cell.width = sample.width
            if kind == "unit":
                row.cells[1].paragraphs[0].paragraph_format.left_indent = docx.shared.Mm(5)
            elif kind == "group":
                layout.span_bold(row)
            elif kind == "total":
                for cell in row.cells:
                    for run in cell.paragraphs[0].runs:
                        run.bold = True
        for sample in samples:
            table._tbl.remove(sample._tr)
    document.save(out)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_docx_rows_streamed_into_the_document_are_the_rows_python_docx_writes(folder, tmp_path, monkeypatch, lang):
    """Part III's rows are filled into python-docx's own serialisation of sample rows (memory flat at 20,000
    agencies): the document is byte for byte the one python-docx builds row by row — units under their parent,
    the group row of a parent not in the batch, the totals rows, a name with XML's special characters."""
    import zipfile

    from isocheck.report.batch import docx_rows

    base = (CASES / "_base.yaml").read_text(encoding="utf-8")
    name = base.split("name: ", 1)[1].split("\n", 1)[0]
    (folder / "hostile.yaml").write_text(base.replace(f"name: {name}", "name: 'A & <b>B</b> \"C\"'", 1), "utf-8")
    streamed, built = tmp_path / "streamed.docx", tmp_path / "built.docx"
    _run(str(folder), "--as-of", "2021-11-16", "--format", "docx", "-o", str(streamed), "--lang", lang)
    monkeypatch.setattr(docx_rows, "write_package", _rows_by_python_docx)
    _run(str(folder), "--as-of", "2021-11-16", "--format", "docx", "-o", str(built), "--lang", lang)
    with zipfile.ZipFile(streamed) as a, zipfile.ZipFile(built) as b:
        assert a.namelist() == b.namelist()
        ours, theirs = a.read("word/document.xml").decode(), b.read("word/document.xml").decode()
        assert 'A &amp; &lt;b&gt;B&lt;/b&gt; "C"' in ours and "\ue000" not in ours
        assert ours.count("<w:tr>") + ours.count("<w:tr ") > 2 * len(list(folder.iterdir()))
        assert ours == theirs
