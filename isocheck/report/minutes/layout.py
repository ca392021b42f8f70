"""The page and type of the minutes as Nghị định 30/2020/NĐ-CP sets them for administrative documents.

A4 portrait; margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 13 pt (the
headings of the national motto block 12–13 pt, bold); the page number centred at the top from page 2
on; the heading block as two columns (the issuing body left, the national heading right, each
underlined by a short rule). Tables repeat their header row on every page. Every text goes through
:func:`clean`, so a control character in a fact file can never make the document unreadable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from docx.document import Document as DocumentType
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
BODY_PT = 13
TABLE_PT = 12
TEXT_WIDTH_MM = 210 - 30 - 15
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
# the children of w:pPr that the schema puts after w:pBdr (Word refuses them out of order)
_AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
_BREAKS = re.compile(r"[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")


def clean(text: object) -> str:
    """``text`` as one line of XML-safe characters: line breaks and tabs become spaces, control characters go."""
    return _INVALID.sub("", _BREAKS.sub(" ", str(text)))


def setup(document: DocumentType) -> None:
    """A4 portrait with the decree's margins, the font on every script, page numbers from page 2."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = section.footer_distance = Mm(10)
    for name in ("Normal", "Table Grid"):
        style = document.styles[name]
        style.font.name = FONT
        style.font.size = Pt(BODY_PT if name == "Normal" else TABLE_PT)
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attr), FONT)
    normal = document.styles["Normal"].paragraph_format
    normal.space_before, normal.space_after, normal.line_spacing = Pt(0), Pt(4), 1.1
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    number._p.append(field)


def paragraph(
    container,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    align: str = "justify",
    indent: bool = False,
    after: float | None = None,
) -> Paragraph:
    """A paragraph of one run; ``indent``: the first line indented 1 cm (the decree's body text)."""
    p = container.add_paragraph()
    p.alignment = {
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
    }[align]
    if indent:
        p.paragraph_format.first_line_indent = Mm(10)
    if after is not None:
        p.paragraph_format.space_after = Pt(after)
    if text:
        run = p.add_run(clean(text))
        run.bold, run.italic = bold or None, italic or None
        if size is not None:
            run.font.size = Pt(size)
    return p


def heading(document: DocumentType, text: str) -> Paragraph:
    """A section heading (I., II., …): bold, upright, the decree's body size, kept with what follows."""
    p = paragraph(document, text, bold=True, align="left", after=3)
    p.paragraph_format.space_before = Pt(6)
    p.paragraph_format.keep_with_next = True
    return p


def rule(p: Paragraph, width_mm: float, column_mm: float) -> None:
    """A short centred rule under ``p`` (the line under the body name and under the motto): a bottom border
    on an empty paragraph indented to ``width_mm`` inside a column ``column_mm`` wide."""
    p.paragraph_format.space_after = Pt(0)
    line = paragraph_after(p)
    side = Mm(max(0.0, (column_mm - width_mm) / 2))
    line.paragraph_format.left_indent = line.paragraph_format.right_indent = side
    line.paragraph_format.space_after = Pt(6)
    line.paragraph_format.line_spacing = Pt(3)
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    border.append(bottom)
    ppr = line._p.get_or_add_pPr()
    ppr.insert_element_before(border, *_AFTER_PBDR)


def paragraph_after(p: Paragraph) -> Paragraph:
    new = OxmlElement("w:p")
    p._p.addnext(new)
    return Paragraph(new, p._parent)


def two_columns(document: DocumentType, widths_mm: Sequence[float], rows: int = 1, keep: bool = False) -> Table:
    """A borderless two-column table for the heading block and the signature blocks (``keep``: its rows
    stay on one page)."""
    table = document.add_table(rows=rows, cols=2)
    for row in table.rows if keep else ():
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for cell in row.cells:
            cell.paragraphs[0].paragraph_format.keep_with_next = True
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _widths(table, widths_mm)
    for row in table.rows:
        for cell in row.cells:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    return table


def _widths(table: Table, widths_mm: Sequence[float]) -> None:
    """Column widths on the grid (LibreOffice reads those) and on every cell (Word reads those)."""
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


def cell_line(cell, text: str, *, bold: bool = False, italic: bool = False, size: float | None = None) -> Paragraph:
    """A centred line in a cell (the first line reuses the cell's empty paragraph)."""
    first = cell.paragraphs[0]
    p = first if not first.text and len(cell.paragraphs) == 1 and not first.runs else cell.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_after = Pt(0)
    run = p.add_run(clean(text))
    run.bold, run.italic = bold or None, italic or None
    if size is not None:
        run.font.size = Pt(size)
    return p


def grid(
    document: DocumentType, headers: Sequence[str], rows: Iterable[Sequence[str]], widths_mm: Sequence[float]
) -> Table:
    """A bordered table with a bold header row repeated on every page; cells are plain text."""
    table = document.add_table(rows=1, cols=len(headers))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    header = table.rows[0]
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(flag)
    for cell, text in zip(header.cells, headers, strict=True):
        _cell_text(cell, text, bold=True, center=True)
    for values in rows:
        row = table.add_row()
        for i, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
            _cell_text(cell, text, center=i == 0)
    _widths(table, widths_mm)
    return table


def span_bold(row) -> None:
    """A table row as one bold line: its number, then its text over the other columns."""
    merged = row.cells[1].merge(row.cells[-1])
    for extra in merged.paragraphs[1:]:  # merging leaves the empty paragraphs of the merged cells
        if not extra.text:
            extra._p.getparent().remove(extra._p)
    for cell in (row.cells[0], merged):
        for run in cell.paragraphs[0].runs:
            run.bold = True


def dotted_line(document: DocumentType) -> Paragraph:
    """A line of dots across the text width (a tab with a dot leader), for hand-written entries."""
    p = document.add_paragraph()
    p.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    p.paragraph_format.space_after = Pt(2)
    p.add_run("\t")
    return p


def _cell_text(cell, text: str, *, bold: bool = False, center: bool = False) -> None:
    p = cell.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.line_spacing = 1.0
    run = p.add_run(clean(text))
    run.bold = bold or None
    run.font.size = Pt(TABLE_PT)
