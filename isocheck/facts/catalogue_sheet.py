"""The cells of a spreadsheet as the public service portal exports it: a ``.csv`` (UTF-8, with or without BOM, ``,``
or ``;`` — Excel in a Vietnamese locale writes ``;``) or the first sheet of an ``.xlsx`` workbook.

Each cell keeps what the file holds: text, a number, a date (a workbook's date cells), and for a workbook's number
cells the number format they are shown with (``0.000000`` shows 1.00119 as 1.001190). A merged range of a workbook
gives its value to every cell it covers, so a header merged over two columns names both. Reading stops after
:data:`MAX_ROWS` rows; the file may be :data:`MAX_BYTES` at most.

openpyxl reads the workbook; CSV is the standard library's. Why not pandas: it would bring a large dependency
for reading one sheet, and its type guessing (a code column read as floats) is the very thing to avoid.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from isocheck.base.errors import InputError
from isocheck.text.problems import Problem, Size

MAX_ROWS = 20_000
MAX_BYTES = 20 * 1024 * 1024  # a province's whole catalogue, as a workbook, is a few megabytes


@dataclass(frozen=True)
class Cell:
    """One cell: its value (str, int, float, date or None) and, for a number of a workbook, its number format."""

    value: Any
    number_format: str = "General"

    def text(self) -> str:
        """The cell as text, whitespace (non-breaking spaces, line breaks) collapsed."""
        v = self.value
        if v is None:
            return ""
        if isinstance(v, dt.datetime):
            v = v.date()
        if isinstance(v, dt.date):
            return v.strftime("%d/%m/%Y")
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        return " ".join(str(v).replace("\u00a0", " ").replace("\u200b", "").split())


Row = list[Cell]


def read_rows(path: str | Path) -> list[Row]:
    """Every row of the file (up to :data:`MAX_ROWS`), each a list of cells. Raises :class:`InputError`."""
    path = Path(path)
    file = str(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InputError.of(file, "catalogue.format", {"suffix": suffix or path.name})
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError.of(file, "file.not_found") from None
    except PermissionError:
        raise InputError.of(file, "file.no_permission") from None
    if path.is_dir():
        raise InputError.of(file, "file.is_directory")
    if size > MAX_BYTES:
        raise InputError.of(file, "file.too_large", {"size": Size(size), "limit": Size(MAX_BYTES)})
    return _xlsx_rows(path) if suffix == ".xlsx" else _csv_rows(path)


def _csv_rows(path: Path) -> list[Row]:
    file = str(path)
    try:
        raw = path.read_bytes()
    except PermissionError:
        raise InputError.of(file, "file.no_permission") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise InputError.of(
            file, "file.not_utf8", {"byte": f"{raw[exc.start]:02X}", "offset": exc.start}, line=line
        ) from None
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        rows = []
        for i, record in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)):
            if i >= MAX_ROWS:
                break
            rows.append([Cell(value.strip() or None) for value in record])
        return rows
    except csv.Error as exc:
        raise InputError.of(file, "catalogue.unreadable", {"detail": str(exc)}) from None


def _xlsx_rows(path: Path) -> list[Row]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    file = str(path)
    try:
        book = load_workbook(path, data_only=True)  # not read_only: merged ranges are needed
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise InputError.of(file, "catalogue.unreadable", {"detail": type(exc).__name__}) from None
    try:
        sheet = book.worksheets[0]
        rows = [
            [Cell(c.value, c.number_format if isinstance(c.value, (int, float)) else "General") for c in row]
            for row in sheet.iter_rows(max_row=min(sheet.max_row, MAX_ROWS))
        ]
        for merged in sheet.merged_cells.ranges:  # the top-left value covers the whole range
            top = rows[merged.min_row - 1][merged.min_col - 1] if merged.min_row <= len(rows) else None
            for r in range(merged.min_row, min(merged.max_row, len(rows)) + 1):
                for c in range(merged.min_col, merged.max_col + 1):
                    if top is not None and c - 1 < len(rows[r - 1]):
                        rows[r - 1][c - 1] = top
        return rows
    finally:
        book.close()


def problem_at(file: str, row: int, key: str, **params: Any) -> InputError:
    """The error for one row of the sheet (``row`` 1-based, as the spreadsheet numbers it)."""
    return InputError(file, Problem(key, row=row, **params), line=row)
