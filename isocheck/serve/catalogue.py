"""The province's TTHC catalogue, from which the page fills a TTHC row (code, name, field).

Kept small on purpose, behind one function, :func:`load_catalogue`: a ``.csv`` (UTF-8, ``,`` or ``;``) or
``.xlsx`` (first sheet) file whose header row names the columns ``code``/``mã``, ``name``/``tên`` and
``field``/``lĩnh vực`` (any case, with or without diacritics); other columns are ignored. The full
catalogue import (the national database's export, decisions, levels) is another issue's work and will
replace this loader. A code stored as a number in a workbook is refused: ``1.001190`` would come back
as ``1.00119``.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import itertools
import unicodedata
import zipfile
from pathlib import Path

from isocheck.base.errors import InputError
from isocheck.text.problems import Problem

_COLUMNS = {
    "code": ("code", "ma", "ma tthc", "ma thu tuc"),
    "name": ("name", "ten", "ten tthc", "ten thu tuc", "ten thu tuc hanh chinh"),
    "field": ("field", "linh vuc"),
}
MAX_ROWS = 20_000


@dataclasses.dataclass(frozen=True)
class Entry:
    code: str
    name: str
    field: str


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())


def _rows(path: Path) -> list[list[object]]:
    file = str(path)
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError):
            raise InputError(file, Problem("serve.catalogue_not_xlsx")) from None
        try:
            return [list(r) for r in itertools.islice(book.worksheets[0].iter_rows(values_only=True), MAX_ROWS + 1)]
        finally:
            book.close()
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(file, Problem("serve.catalogue_not_utf8")) from None
    first = text.partition("\n")[0]
    try:
        reader = csv.reader(
            io.StringIO(text, newline=""), delimiter=";" if first.count(";") > first.count(",") else ","
        )
        return [list(row) for row in reader]
    except csv.Error as exc:
        raise InputError(file, Problem("serve.catalogue_not_csv", detail=exc)) from None


def load_catalogue(path: str | Path) -> list[Entry]:
    """The TTHC of a catalogue file, in its order; :class:`InputError` for a file that cannot be used."""
    path = Path(path)
    file = str(path)
    if path.suffix.lower() not in (".csv", ".xlsx"):
        raise InputError(file, Problem("serve.catalogue_format"))
    if not path.is_file():
        raise InputError(file, Problem("file.not_found"))
    rows = _rows(path)
    header = [_plain(str(c or "")) for c in (rows[0] if rows else [])]
    index = {key: next((i for i, h in enumerate(header) if h in names), None) for key, names in _COLUMNS.items()}
    missing = [key for key, i in index.items() if i is None]
    if missing:
        raise InputError(file, Problem("serve.catalogue_columns", missing=", ".join(missing)), line=1)
    entries = []
    for line, row in enumerate(rows[1 : MAX_ROWS + 1], start=2):
        cells = {key: row[i] if i is not None and i < len(row) else None for key, i in index.items()}
        if isinstance(cells["code"], float):
            raise InputError(file, Problem("serve.catalogue_number_code"), line=line)
        code, name, field = (" ".join(str(cells[k] or "").split()) for k in ("code", "name", "field"))
        if code or name:
            entries.append(Entry(code, name, field))
    return entries
