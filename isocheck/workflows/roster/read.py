"""Reading a roster file as a province keeps it: title rows, one or two header rows (merged cells), a numbering
row, an STT column, heading rows between groups of agencies.

The sheet is read as rows of text (:mod:`csv` for CSV; openpyxl for XLSX, where a merged cell's value fills every
cell of its range, as a reader of the sheet sees it). The header row is the first row that names the unit's name
column and its level or province (or the row after ``skip_rows`` title rows); the row below it is a second header
row when it has no unit name (a merged group header above sub-headers: "Đánh giá nội bộ" over "Ngày" and
"Điểm không phù hợp"). A title row may name the roster's year ("… NĂM 2025").
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from isocheck.base.errors import InputError
from isocheck.workflows.roster.columns import (
    ALIASES,
    BY_KEY,
    COLUMNS,
    IGNORED_KEYS,
    NO,
    YES,
    Column,
    RosterRow,
    header_key,
)
from isocheck.workflows.roster.dropped import Dropped

SEARCHED_ROWS = 30  # where the header row is looked for
_NUMBERING = re.compile(r"\(?\s*\d{1,2}\s*\)?")  # "(1) (2) (3)…" under the headers
_TITLE_YEAR = re.compile(r"\bnam ((?:19|20)\d\d)\b")


@dataclass
class Roster:
    """The agency rows of a roster, what was left out while reading it, and where its year comes from."""

    rows: list[RosterRow]
    dropped: list[Dropped]
    year: int
    year_from_title: int | None = None  # the title row that named the year, when neither --year nor a header did


def read_roster(path: str | Path, year: int | None = None, skip_rows: int | None = None) -> list[RosterRow]:
    """The agency rows of a CSV or XLSX roster (``year`` = ``--year``); see :func:`read_roster_file`."""
    return read_roster_file(path, year, skip_rows).rows


def read_roster_file(path: str | Path, year: int | None = None, skip_rows: int | None = None) -> Roster:
    """Read a roster; ``year`` (``--year``) must agree with any year in the headers; ``skip_rows`` title rows come
    before the header row (found by itself when not given)."""
    path = Path(path)
    file = str(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InputError.of(file, "roster.not_roster", {"suffix": suffix or path.name})
    if path.is_dir():
        raise InputError.of(file, "roster.is_folder")
    if not path.exists():
        raise InputError.of(file, "file.not_found")
    records = _csv_records(path) if suffix == ".csv" else _xlsx_records(path)
    records = [[unicodedata.normalize("NFC", cell).replace("\xa0", " ").strip() for cell in r] for r in records]
    if not any(any(r) for r in records):
        raise InputError.of(file, "roster.empty")
    width = max(len(r) for r in records)
    records = [r + [""] * (width - len(r)) for r in records]
    top = _header_row(file, records, skip_rows)
    header = _merged_header(records, top)
    body = top + (2 if header.two_rows else 1)
    if body < len(records) and _numbering(dict(enumerate(records[body]))):
        body += 1  # "(1) (2) (3)…" under the headers
    keys, headers, header_years, dropped = _match_headers(file, records, header, top + 1, body)
    roster_year, from_title = _roster_year(file, records[:top], header_years, year, top + 1)
    rows: list[RosterRow] = []
    seen: dict[tuple[str, str], int] = {}
    for number, record in enumerate(records[body:], start=body + 1):
        cells = {key: record[i] for key, i in keys.items()}
        if not any(cells.values()):
            continue
        if (
            not any(cells.get(k) for k in ("level", "province", "standard"))
            and len([v for v in cells.values() if v]) == 1
        ):
            dropped.append(Dropped(file, number, None, "drop.group_row", row_level=True))
            continue
        row = RosterRow(file, number, roster_year, cells, headers)
        if row.identity[0] and row.identity in seen:
            twice = {"name": cells["name"], "first": seen[row.identity], "line": number}
            if row.identity[1]:
                raise InputError.of(file, "roster.twice_under", {**twice, "parent": cells["parent"]},
                                    field=headers["name"], line=number)  # fmt: skip
            raise InputError.of(file, "roster.twice", twice, field=headers["name"], line=number)
        seen.setdefault(row.identity, number)
        rows.append(row)
    if not rows:
        raise InputError.of(file, "roster.no_rows")
    return Roster(rows, dropped, roster_year, from_title)


def _numbering(cells: dict[Any, str]) -> bool:
    filled = [v for v in cells.values() if v]
    return len(filled) > 1 and all(_NUMBERING.fullmatch(v) for v in filled)


def _csv_records(path: Path) -> list[list[str]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError.of(str(path), "roster.not_utf8", {"byte": exc.start}) from None
    lines = [line for line in text.strip().splitlines() if line.strip()][:SEARCHED_ROWS]
    delimiter = ";" if sum(line.count(";") for line in lines) > sum(line.count(",") for line in lines) else ","
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise InputError.of(str(path), "roster.csv_unreadable", {"reason": str(exc)}) from None


def _xlsx_records(path: Path) -> list[list[str]]:
    """The first sheet's cells as text; a merged range's value in each of its cells."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise InputError.of(str(path), "roster.xlsx_unreadable") from None
    try:
        sheet = book.worksheets[0]
        records = [[_xlsx_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        for merged in sheet.merged_cells.ranges:
            value = records[merged.min_row - 1][merged.min_col - 1]
            for r in range(merged.min_row - 1, merged.max_row):
                for c in range(merged.min_col - 1, merged.max_col):
                    records[r][c] = value
        return records
    finally:
        book.close()


def _xlsx_text(value: Any) -> str:
    """A workbook value as the text a CSV export would hold (dates as yyyy-mm-dd)."""
    if value is None:
        return ""
    if isinstance(value, (dt.datetime, dt.date)):
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    if isinstance(value, bool):
        return YES[0] if value else NO[0]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _header_row(file: str, records: list[list[str]], skip_rows: int | None) -> int:
    """The index of the header row: after ``skip_rows``, or the first that names the name column and the level or
    province column."""
    if skip_rows is not None:
        if skip_rows >= len(records):
            raise InputError.of(file, "roster.skip_too_many", {"skip": skip_rows, "rows": len(records)})
        return skip_rows
    for i, record in enumerate(records[:SEARCHED_ROWS]):
        named = {_column_of(cell)[0] for cell in record if cell}
        if BY_KEY["name"] in named and named & {BY_KEY["level"], BY_KEY["province"]}:
            return i
    raise InputError.of(file, "roster.no_header", {"rows": min(len(records), SEARCHED_ROWS)})


@dataclass(frozen=True)
class _Header:
    texts: list[str]  # per sheet column: the header as written ("Đánh giá nội bộ / Ngày" for two rows)
    candidates: list[list[str]]  # per sheet column: the texts to try, best first
    two_rows: bool


def _merged_header(records: list[list[str]], top: int) -> _Header:
    """The header of each sheet column, from one header row or from a group row above a sub-header row."""
    upper = records[top]
    lower = records[top + 1] if top + 1 < len(records) else []
    name_at = next((i for i, cell in enumerate(upper) if _column_of(cell)[0] is BY_KEY["name"]), None)
    two = (
        bool(lower)
        and name_at is not None
        and not _numbering(dict(enumerate(lower)))
        and (not lower[name_at] or lower[name_at] == upper[name_at])
        and any(cell and cell != upper[i] for i, cell in enumerate(lower))
    )
    group, filled = "", []
    for i, cell in enumerate(upper):  # a CSV export writes a merged group once, at its first column
        group = cell or (group if lower and lower[i] else "")
        filled.append(group)
    # a sub-header row names a column (alone or under its group): an agency row with a blank name never does
    two = (
        two
        and not any(re.fullmatch(r"[\d\s/.:-]+", cell) for cell in lower if cell)  # numbers, dates: an agency row
        and any(
            low
            and low != up
            and (_column_of(low)[0] or _column_of(f"{up} {low}")[0] or header_key(low) in IGNORED_KEYS)
            for up, low in zip(filled, lower, strict=True)
        )
    )
    if not two:
        return _Header(upper, [[cell] for cell in upper], False)
    texts, candidates = [], []
    for up, low in zip(filled, lower, strict=True):
        if not low or low == up:
            texts.append(up)
            candidates.append([up])
        else:
            texts.append(f"{up} / {low}" if up else low)
            candidates.append([low, f"{up} {low}", up] if up else [low])
    return _Header(texts, candidates, True)


def _match_headers(file: str, records: list[list[str]], header: _Header, line: int, body: int):
    """Column key → index, column key → header as written, the years the headers name, and the columns not read."""
    keys: dict[str, int] = {}
    headers: dict[str, str] = {}
    years: dict[int, str] = {}
    dropped: list[Dropped] = []
    for i, (text, candidates) in enumerate(zip(header.texts, header.candidates, strict=True)):
        if not text:
            if any(r[i] for r in records[body:]):
                raise InputError.of(file, "roster.column_no_header", {"index": i + 1}, line=line)
            continue
        if any(header_key(c) in IGNORED_KEYS for c in candidates):
            if header_key(text) not in {"stt", "tt", "so tt", "so thu tu"}:
                dropped += [
                    Dropped(file, n, text, "drop.ignored_column")
                    for n, r in enumerate(records[body:], body + 1)
                    if r[i]
                ]
            continue
        column, header_year = next(((c, y) for c, y in map(_column_of, candidates) if c is not None), (None, None))
        if column is None:
            close = difflib.get_close_matches(header_key(candidates[0]), list(ALIASES), n=1, cutoff=0.6)
            if close:
                raise InputError.of(file, "roster.unknown_column", {"header": text, "close": ALIASES[close[0]].vi},
                                    field=text, line=line)  # fmt: skip
            raise InputError.of(file, "roster.unknown_column_docs", {"header": text}, field=text, line=line)
        if column.key in keys and header.texts[keys[column.key]] == text and not any(r[i] for r in records[body:]):
            continue  # one merged header cell over an empty column
        if column.key in keys:
            raise InputError.of(file, "roster.column_repeats", {"header": text, "other": headers[column.key]},
                                field=text, line=line)  # fmt: skip
        keys[column.key], headers[column.key] = i, text
        if header_year is not None:
            if years and header_year not in years:
                other = next(iter(years))
                raise InputError.of(file, "roster.two_years",
                                    {"other": other, "other_header": years[other], "year": header_year},
                                    field=text, line=line)  # fmt: skip
            years[header_year] = text
    for column in COLUMNS:
        if column.required and column.key not in keys:
            raise InputError.of(file, "roster.required_missing", {"vi": column.vi, "key": column.key}, line=line)
    return keys, headers, years, dropped


def _roster_year(file: str, titles: list[list[str]], years: dict[int, str], year: int | None, line: int):
    """The roster year (``--year``, else the headers', else a title row's) and the title row it came from."""
    for found, text in years.items():
        if year is not None and found != year:
            raise InputError.of(file, "roster.year_disagrees", {"found": found, "year": year}, field=text, line=line)
    if year is not None or years:
        return (year if year is not None else next(iter(years))), None
    for number, record in enumerate(titles, start=1):
        named = {int(y) for cell in record for y in _TITLE_YEAR.findall(header_key(cell))}
        if len(named) == 1:
            return named.pop(), number
    raise InputError.of(file, "roster.no_year", line=line)


def _column_of(header: str) -> tuple[Column | None, int | None]:
    """The column a header names, and the year written in it (``Mục tiêu chất lượng năm 2021``)."""
    key = header_key(header)
    if key in ALIASES:
        return ALIASES[key], None
    found = re.fullmatch(r"(.+) ((?:19|20)\d\d)", key)
    if found is None:
        return None, None
    for base in (found.group(1), found.group(1).removesuffix(" nam")):
        if base in ALIASES:
            return ALIASES[base], int(found.group(2))
    return None, None
