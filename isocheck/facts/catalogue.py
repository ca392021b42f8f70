"""The province's published list of TTHC (TT26 Điều 4 khoản 2: the provincial People's Committee lists and
classifies the TTHC of each body and posts the list), read from the public service portal's export.

``read_catalogue(path)`` reads a ``.csv`` or ``.xlsx`` export (:mod:`isocheck.facts.catalogue_sheet`) as such
exports are: title rows above the table, a header row found by its Vietnamese column names (a header merged over
two rows is read as one: "Quyết định công bố / Ngày có hiệu lực"), an STT column, field (lĩnh vực) heading rows
("I. LĨNH VỰC HỘ TỊCH") where there is no field column, a level (cấp thực hiện) per row or, without that column,
in the title ("… CẤP XÃ"), blank and total rows. Each TTHC has its code, name, field, levels, the body that
handles it (when the export says), the announcing decision and its date in force, and — when the export marks
it abolished — the date the abolition takes effect.

TTHC codes are compared character by character. A code stored as a number in a workbook is recovered only when
its cell shows all six decimals (number format ``0.000000``): 1.00119 shown as ``1.001190`` is 1.001190; a number
shown another way is refused, because 1.001190 typed into a General cell is stored and shown as 1.00119.

:meth:`Catalogue.for_agency` selects the TTHC of one agency: its level, and — when the export names the body —
the TTHC whose body is the agency (a generic body such as "UBND cấp xã" covers every agency of the level).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from isocheck.base.errors import InputError
from isocheck.facts.catalogue_sheet import Cell, Row, problem_at, read_rows
from isocheck.text.ui import Words, words

# agency level (facts.model.Level) -> the catalogue's level
LEVEL_OF_AGENCY = {"department": "province", "sub_department": "province", "district": "district", "commune": "commune"}
# the catalogue's levels in words, Vietnamese and English (the catalog's words:catalogue.level.*): what messages
# call them, and what a level cell or the export's title is matched against (folded)
_LEVELS = words("words:catalogue.level.")
LEVEL_WORDS: dict[str, Words] = {level: _LEVELS[level] for level in ("province", "district", "commune")}
CODE = re.compile(r"^([0-9]\.[0-9]{6})(?:\.[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.H[0-9]{2})?$")
HEADER_SEARCH_ROWS = 30
# column -> what a header cell says (folded: lower case, no diacritics); the first column matching wins
_COLUMNS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    # key, a header containing one of these…, …and none of these
    ("stt", ("stt",), ()),
    ("code", ("ma tthc", "ma thu tuc", "ma so", "ma ho so tthc", "code"), ()),
    ("name", ("ten thu tuc", "ten tthc", "name"), ()),
    ("field", ("linh vuc", "field"), ()),
    ("level", ("cap thuc hien", "cap giai quyet", "level"), ()),
    ("agency", ("co quan thuc hien", "co quan giai quyet", "don vi thuc hien", "agency"), ()),
    ("abolished_by", ("quyet dinh bai bo", "qd bai bo"), ()),
    ("abolished_on", ("ngay bai bo", "ngay het hieu luc", "het hieu luc tu"), ()),
    ("in_force", ("hieu luc", "ngay ap dung", "in force"), ("het hieu luc",)),
    ("decision", ("quyet dinh cong bo", "qd cong bo", "so quyet dinh", "decision"), ("ngay", "bai bo")),
    ("status", ("tinh trang", "trang thai", "status"), ()),
)
REQUIRED = ("code", "name")
# what a check needs besides (the page of `isocheck serve` needs the code, name and field only)
FOR_CHECKS = (("decision", "Quyết định công bố"), ("in_force", "Ngày có hiệu lực"))
_ABOLISHED = ("bai bo", "het hieu luc", "huy bo", "abolished")
_TOTAL = re.compile(r"^(tong|cong)\b")
_SECTION = re.compile(r"^(?:[IVXLC]+|[0-9]+|[A-Z])[.)]?\s+(.+)$")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def fold(text: str) -> str:
    """Lower case, no diacritics, spaces collapsed: how header and body names are compared."""
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())


@dataclass(frozen=True)
class Entry:
    """One TTHC of the catalogue."""

    code: str
    name: str
    field: str
    levels: frozenset[str]  # province | district | commune
    agency: str  # the body that handles it, as the export writes it ('' when not given)
    decision: str  # the announcing decision ('' when not given)
    in_force: dt.date | None  # the decision's date in force
    abolished_on: dt.date | None  # when the export marks it abolished: the day the abolition takes effect
    abolished: bool
    row: int

    def in_force_on(self, day: dt.date) -> bool:
        return self.in_force is None or self.in_force <= day


@dataclass(frozen=True)
class Catalogue:
    """A province's TTHC catalogue, as read from one export file."""

    file: str
    title: str
    entries: tuple[Entry, ...]
    recovered: tuple[str, ...]  # rows whose numeric code was recovered from its six-decimal format
    has_agency_column: bool

    @property
    def name(self) -> str:
        return Path(self.file).name

    def for_agency(self, level: str, name: str) -> list[Entry]:
        """The TTHC of an agency of ``level`` (facts.model.Level) named ``name``."""
        wanted = LEVEL_OF_AGENCY[level]
        me = fold(name)
        return [e for e in self.entries if wanted in e.levels and _handled_by(e.agency, me, wanted)]


def _handled_by(agency: str, me: str, level: str) -> bool:
    """True when the body cell names the agency, or is empty or generic ("UBND cấp xã")."""
    bodies = [fold(b) for b in re.split(r"[;\n]", agency) if b.strip()]
    if not bodies:
        return True
    generic = {"province": ("cap tinh",), "district": ("cap huyen",), "commune": ("cap xa", "xa, phuong", "xa phuong")}
    return any(any(g in b for g in generic[level]) or me.startswith(b) or b in me for b in bodies)


def read_catalogue(path: str | Path, for_checks: bool = True) -> Catalogue:
    """Read a catalogue export. Raises :class:`InputError` naming the file, the row and what was expected.
    ``for_checks``: the announcing decision and its date in force are required (the 3-month clock runs from it)."""
    file = str(path)
    rows = read_rows(path)
    header_at, columns = _header(rows, file)
    for key, column in FOR_CHECKS if for_checks else ():
        if key not in columns:
            raise problem_at(file, header_at + 1, "catalogue.missing_column", column=column,
                             found=_found(rows[header_at]))  # fmt: skip
    title = " ".join(dict.fromkeys(c.text() for row in rows[:header_at] for c in row if c.text()))
    title_level = _title_level(title)
    if "level" not in columns and title_level is None:
        raise problem_at(file, header_at + 1, "catalogue.missing_column", column="Cấp thực hiện",
                         found=_found(rows[header_at]))  # fmt: skip
    body_start = header_at + 1
    while body_start < len(rows) and _is_subheader(rows[body_start], columns):
        body_start += 1
    entries: list[Entry] = []
    recovered: list[str] = []
    section = ""
    seen: dict[tuple[str, str], int] = {}
    for index in range(body_start, len(rows)):
        row, number = rows[index], index + 1
        cells = {key: (row[i] if i < len(row) else Cell(None)) for key, i in columns.items()}
        code_cell = cells["code"]
        texts = list(dict.fromkeys(c.text() for c in row if c.text()))  # a merged heading repeats its text
        heading = len(texts) == 1 and not CODE.match(code_cell.text())
        if not code_cell.text() or heading:
            if texts and not _TOTAL.match(fold(texts[0])):
                section = _section(texts) or section
            continue
        code = _code(code_cell, file, number, recovered)
        entry = _entry(cells, code, number, file, section, title_level)
        if for_checks and entry.in_force is None and not entry.abolished:
            raise problem_at(file, number, "catalogue.empty_cell", column="Ngày có hiệu lực")
        identity = (code, fold(entry.agency))
        if identity in seen:
            raise problem_at(file, number, "catalogue.duplicate", code=code, other=seen[identity])
        seen[identity] = number
        entries.append(entry)
    if not entries:
        raise problem_at(file, header_at + 1, "catalogue.empty")
    return Catalogue(file, title, tuple(entries), tuple(recovered), "agency" in columns)


def _found(row: Row) -> str:
    return ", ".join(c.text() for c in row if c.text()) or "—"


def _header(rows: list[Row], file: str) -> tuple[int, dict[str, int]]:
    """The header row's index and the column of each key; a second header row under merged cells adds its words."""
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        labels = [fold(c.text()) for c in row]
        if not all(k in _columns(labels) for k in REQUIRED):
            continue
        if i + 1 < len(rows):  # a two-row header: "Quyết định công bố" over "Số" and "Ngày có hiệu lực"
            below = [fold(c.text()) for c in rows[i + 1]]
            if not any(CODE.match(b) for b in below):
                below += [""] * (len(labels) - len(below))
                labels = [
                    f"{a} / {b}" if b and b != a else a for a, b in zip(labels, below[: len(labels)], strict=True)
                ]
        columns = _columns(labels)
        if len(columns) >= 3:
            return i, columns
    expected = "STT, Mã TTHC, Tên thủ tục hành chính, Lĩnh vực, Cấp thực hiện, Quyết định công bố, Ngày hiệu lực"
    raise InputError.of(file, "catalogue.no_header", {"rows": HEADER_SEARCH_ROWS, "columns": expected})


def _columns(labels: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, label in enumerate(labels):
        if not label:
            continue
        for key, wanted, unwanted in _COLUMNS:
            if key not in found and any(w in label for w in wanted) and not any(u in label for u in unwanted):
                found[key] = i
                break
    return found


def _is_subheader(row: Row, columns: dict[str, int]) -> bool:
    """The second row of a two-row header, or a row numbering the columns (1), (2), … under the header."""
    i = columns["code"]
    code = row[i].text() if i < len(row) else ""
    if CODE.match(code):
        return False
    texts = [c.text() for c in row if c.text()]
    return not texts or all(re.fullmatch(r"\(?\d+\)?", t) for t in texts) or fold(code).startswith(("ma", "so"))


def _title_level(title: str) -> str | None:
    folded = fold(title)
    found = [level for level, (vi, _) in LEVEL_WORDS.items() if fold(vi) in folded]
    return found[0] if len(found) == 1 else None


def _section(texts: list[str]) -> str:
    """The field named by a heading row ("I. LĨNH VỰC HỘ TỊCH" -> "Hộ tịch"), or ''."""
    match = _SECTION.match(unicodedata.normalize("NFC", " ".join(texts)))
    if not match:
        return ""
    name = match.group(1).strip()
    if fold(name).startswith("linh vuc "):
        name = name[len("lĩnh vực ") :].strip()
    return name[:1].upper() + name[1:].lower() if name.isupper() else name


def _code(cell: Cell, file: str, row: int, recovered: list[str]) -> str:
    value = cell.value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        shows_six = re.fullmatch(r"0\.0{6}|#?0\.0{6}", cell.number_format or "") is not None
        if shows_six:
            recovered.append(str(row))
            text = f"{value:.6f}"
        elif isinstance(value, float) and CODE.match(repr(value)):
            text = repr(value)  # the number itself has six decimals: nothing was lost
        else:
            raise problem_at(file, row, "catalogue.number_code", value=repr(value))
    else:
        text = cell.text()
    match = CODE.match(text)
    if not match:
        raise problem_at(file, row, "catalogue.bad_code", code=text)
    return match.group(1)


def _entry(cells: dict[str, Cell], code: str, row: int, file: str, section: str, title_level: str | None) -> Entry:
    name = cells["name"].text()
    if not name:
        raise problem_at(file, row, "catalogue.empty_cell", column="Tên thủ tục hành chính")
    field = cells["field"].text() if "field" in cells else section
    if not field:
        raise problem_at(file, row, "catalogue.empty_cell", column="Lĩnh vực")
    levels = _levels(cells["level"].text(), file, row) if "level" in cells else frozenset({title_level or ""})
    status = fold(cells["status"].text()) if "status" in cells else ""
    abolished_on = _date(cells.get("abolished_on"), file, row, "Ngày hết hiệu lực")
    abolished = abolished_on is not None or any(word in status for word in _ABOLISHED)
    return Entry(
        code=code,
        name=name,
        field=field,
        levels=levels,
        agency=cells["agency"].text() if "agency" in cells else "",
        decision=cells["decision"].text() if "decision" in cells else "",
        in_force=_date(cells.get("in_force"), file, row, "Ngày có hiệu lực"),
        abolished_on=abolished_on,
        abolished=abolished,
        row=row,
    )


def _levels(text: str, file: str, row: int) -> frozenset[str]:
    folded = fold(text)
    found = {level for level, (vi, en) in LEVEL_WORDS.items() if fold(vi) in folded or en in folded}
    if not found:
        raise problem_at(file, row, "catalogue.bad_level", value=text)
    return frozenset(found)


def _date(cell: Cell | None, file: str, row: int, column: str) -> dt.date | None:
    if cell is None or cell.value is None or cell.text() == "":
        return None
    value = cell.value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 20000 < value < 80000:
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(value))  # a workbook's date serial number
    text = cell.text()
    match = _DMY.match(text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year, month, day)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise problem_at(file, row, "catalogue.bad_date", value=text, column=column) from None
