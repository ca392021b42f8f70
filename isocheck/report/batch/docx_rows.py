"""The agencies' rows of the Word summary (part III), written into the saved document one at a time.

python-docx keeps a document in memory as an lxml tree, about 25 KB for a table row of six cells: 20,000
agencies made a summary that took over 600 MB to build. So each section's table is built by python-docx with
its header and one sample row of each kind (:data:`KINDS`: an agency, a unit under its parent, the group row of
a parent not in the batch, the totals row), every cell holding a placeholder; when the document has been saved,
:func:`write_package` copies the package and, in ``word/document.xml``, puts in place of the sample rows the
rows read back from the spool, each filled into its kind's sample as python-docx serialised it. A row is then
the same bytes python-docx would have written (``tests/test_batch_spreadsheets.py`` builds both ways and
compares), and memory does not grow with the number of agencies.

Written by hand because no library streams rows into a Word table: python-docx and docxtpl (Jinja2 over the
XML) both hold the whole document.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO

from isocheck.report.minutes.layout import clean

KINDS = ("agency", "unit", "group", "total")
_DOCUMENT = "word/document.xml"
# private-use characters around a placeholder. A fact file may hold them too, harmlessly: placeholders are sought
# only in the saved document, where no agency name precedes the last sample row, and a row's cells are filled
# in afterwards without being searched again.
_MARK = "\ue000"


def placeholder(section: int, kind: str, column: int) -> str:
    return f"{_MARK}{section}.{kind}.{column}{_MARK}"


def sample(section: int, kind: str, columns: int) -> list[str]:
    """The placeholders of one sample row (a group row's merged cells stay empty, as in a real one)."""
    if kind == "group":
        return [placeholder(section, kind, 0), placeholder(section, kind, 1)] + [""] * (columns - 2)
    return [placeholder(section, kind, c) for c in range(columns)]


Rows = Callable[[int], Iterable[tuple[str, Sequence[str]]]]  # a section's rows: (kind, cell texts) in order


def write_package(package: bytes, out: IO[bytes], rows: Rows) -> None:
    """Copy the saved ``package`` to ``out``, each section's sample rows replaced by ``rows(section)``."""
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != _DOCUMENT:
                target.writestr(info, source.read(info.filename))
                continue
            xml = source.read(info.filename).decode("utf-8")
            with target.open(info, "w") as stream:
                for piece in _pieces(xml, rows):
                    stream.write(piece.encode("utf-8"))


_SAMPLE_ROWS = re.compile(  # the run of sample rows of one section: from the <w:tr> of its first to its last </w:tr>
    "<w:tr(?:>| [^>]*>)(?:(?!<w:tr[ >]).)*?" + _MARK + r"(\d+)\.agency\.0" + _MARK + ".*?" + _MARK + r"\1\.total\.",
    re.S,
)


def _pieces(xml: str, rows: Rows) -> Iterator[str]:
    done = 0
    for match in _SAMPLE_ROWS.finditer(xml):
        section = int(match.group(1))
        end = xml.index("</w:tr>", match.end()) + len("</w:tr>")
        yield xml[done : match.start()]
        templates = _templates(xml[match.start() : end], section)
        for kind, cells in rows(section):
            yield _fill(templates[kind], cells)
        done = end
    yield xml[done:]


def _templates(block: str, section: int) -> dict[str, list[str]]:
    """Each kind's sample row, split around its placeholders' ``<w:t>`` elements."""
    templates = {}
    for row in re.findall(r"<w:tr(?:>| [^>]*>).*?</w:tr>", block, re.S):
        kind = next(k for k in KINDS if placeholder(section, k, 0) in row or placeholder(section, k, 1) in row)
        templates[kind] = re.split("<w:t>" + _MARK + r"\d+\.\w+\.\d+" + _MARK + "</w:t>", row)
    return templates


def _fill(parts: list[str], cells: Sequence[str]) -> str:
    if len(cells) < len(parts) - 1:
        raise ValueError(f"a row of {len(cells)} cells for a sample of {len(parts) - 1} placeholders")
    out = [parts[0]]
    for text, part in zip(cells, parts[1:], strict=False):
        out.append(_text(clean(text)))
        out.append(part)
    return "".join(out)


def _text(text: str) -> str:
    """A cell's ``<w:t>`` as python-docx writes it (none for an empty cell; spaces kept at either end)."""
    if not text:
        return ""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if text.strip() != text:
        return f'<w:t xml:space="preserve">{escaped}</w:t>'
    return f"<w:t>{escaped}</w:t>"
