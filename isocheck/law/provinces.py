"""The provinces by date, and what an old province became (``law/administration/provinces.csv``).

The file lists every change of a province: a rename (Tỉnh Thừa Thiên Huế → Thành phố Huế, 01/01/2025), a merger
(Tỉnh Quảng Bình → Tỉnh Quảng Trị, 01/07/2025) or a province that continues (Tỉnh Hà Tĩnh → Tỉnh Hà Tĩnh). From it
each official name gets the days it is in force and the name that takes over after it: 63 provinces until
30/06/2025, 34 from 01/07/2025. :func:`province_on` maps a name as a fact file writes it ("Quảng Bình", "TP. Hồ Chí
Minh", "Hoà Bình") to the province it belongs to on a day — what a province batch or a baseline across the 2025
merger needs to put old and new names together. Names are compared by their stem: the type word ("Tỉnh", "Thành
phố", "TP."), case, spaces, hyphens and diacritics dropped (:func:`stem`), which the loader checks keeps every two
provinces of a day apart. The CSV is read with the standard ``csv`` module; the mapping logic is this project's own.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from isocheck.base.errors import InputError
from isocheck.base.shipped import shipped_dir
from isocheck.law.periods import ONE_DAY
from isocheck.text.problems import Found, Problem

HEADER = ("old_province", "new_province", "effective_from", "confidence", "source")
CONFIDENCE = ("high", "medium", "low", "unconfirmed")
_TYPE = re.compile(r"^(?:tinh|thanh pho|tp\.?)\s+|^tp\.", re.IGNORECASE)  # matched once diacritics are gone
_TYPES = (("Thành phố ", "thành phố ", "city"), ("Tỉnh ", "tỉnh ", "province"))
_FIRST = dt.date.min  # the data starts with the provinces as they were when QĐ 19/2014 took effect


def stem(name: str) -> str:
    """A province name without its type word, case, diacritics, hyphens and extra spaces: "quang tri"."""
    text = unicodedata.normalize("NFD", name.strip().lower())
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").replace("đ", "d")
    text = _TYPE.sub("", " ".join(text.split()))
    return " ".join(text.replace("-", " ").replace("–", " ").split())


@dataclass(frozen=True)
class Province:
    """One official name of a province and the days it is in force; ``successor`` takes over the day after
    ``valid_until`` (None: still in force)."""

    name: str
    valid_from: dt.date
    valid_until: dt.date | None = None
    successor: str | None = None
    confidence: str = "high"  # of the change that ends it (or of its creation while it is in force)
    source: str = ""

    @property
    def stem(self) -> str:
        return stem(self.name)

    def covers(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)

    def in_sentence(self, lang: str) -> str:
        """ "tỉnh Quảng Trị", "thành phố Huế"; "Quảng Trị province", "Huế city"."""
        for prefix, vi, en in _TYPES:
            if self.name.startswith(prefix):
                rest = self.name[len(prefix) :]
                return f"{vi}{rest}" if lang == "vi" else f"{rest} {en}"
        return self.name


class ProvinceMap:
    """Every official name with its days in force and successor; lookups by stem and date."""

    def __init__(self, provinces: dict[str, Province]):
        self.provinces = provinces
        self._by_stem: dict[str, list[Province]] = {}
        for province in provinces.values():
            self._by_stem.setdefault(province.stem, []).append(province)
        self._before: dict[str, list[str]] = {}
        for province in provinces.values():
            if province.successor is not None:
                self._before.setdefault(province.successor, []).append(province.name)

    def on(self, day: dt.date) -> list[Province]:
        """The provinces in force on ``day``, by name."""
        return sorted((p for p in self.provinces.values() if p.covers(day)), key=lambda p: p.name)

    def province_on(self, name: str, day: dt.date) -> Province | None:
        """The province a place called ``name`` belongs to on ``day``, or None when no province was ever called so.

        A name in force on ``day`` is that province; an earlier name is followed through its successors to ``day``;
        a later name is followed back to the one name it replaced (a rename, never a merger) when that one is in
        force on ``day``."""
        candidates = self._by_stem.get(stem(name), [])
        for province in candidates:
            if province.covers(day):
                return province
        ended = [p for p in candidates if p.valid_until is not None and p.valid_until < day]
        if ended:
            current: Province | None = max(ended, key=lambda p: p.valid_from)
            while current is not None and not current.covers(day):
                current = self.provinces.get(current.successor) if current.successor else None
            return current
        for province in sorted(candidates, key=lambda p: p.valid_from):  # named after a later change: go back
            current = province
            while not current.covers(day):
                before = self._before.get(current.name, [])
                if len(before) != 1:
                    break
                current = self.provinces[before[0]]
            if current.covers(day):
                return current
        return None


def default_file() -> Path:
    return shipped_dir("_law", "law") / "administration" / "provinces.csv"


@functools.cache
def load_provinces(path: Path | None = None) -> ProvinceMap:
    """Read and check the provinces file. Raises :class:`InputError` naming the line."""
    path = path or default_file()
    file = str(path)
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    if not rows or tuple(rows[0]) != HEADER:
        raise InputError.of(file, "admin.csv_header", {"expected": ",".join(HEADER)}, line=1)
    changes: list[tuple[int, str, str, dt.date, str, str]] = []
    for number, row in enumerate(rows[1:], start=2):
        if not row:
            continue
        if len(row) != len(HEADER):
            raise InputError.of(file, "admin.csv_row", {"count": len(HEADER), "found": len(row)}, line=number)
        old, new, day, confidence, source = (cell.strip() for cell in row)
        try:
            effective = dt.date.fromisoformat(day)
        except ValueError:
            raise InputError(file, Problem("type.date", found=Found(day)), "effective_from", number) from None
        if confidence not in CONFIDENCE:
            raise InputError.of(file, "admin.confidence", {"found": Found(confidence)}, field="confidence", line=number)
        for name in (old, new):
            if not name.startswith(("Tỉnh ", "Thành phố ")):
                raise InputError.of(file, "admin.province_name", {"name": name}, line=number)
        changes.append((number, old, new, effective, confidence, source))
    return _build(file, changes)


def _build(file: str, changes: list[tuple[int, str, str, dt.date, str, str]]) -> ProvinceMap:
    """Each name's days in force and successor, from the changes; checked for ambiguity.

    A name is in force from the start of the data when a change names it as the old name no later than any change
    that creates it (Tỉnh Quảng Trị continues on 01/07/2025 while absorbing Tỉnh Quảng Bình); otherwise from the
    first change that creates it (Thành phố Huế, 01/01/2025). It ends the day before the one change that gives it
    another name (a rename or a merger)."""
    provinces: dict[str, Province] = {}
    names = {c[1] for c in changes} | {c[2] for c in changes}
    for name in sorted(names):
        created = [c for c in changes if c[2] == name and c[1] != name]
        as_old = [c[3] for c in changes if c[1] == name]
        start = min(c[3] for c in created) if created else _FIRST
        if as_old and min(as_old) <= start:
            start = _FIRST
        origin = min(created, key=lambda c: c[3]) if created and start != _FIRST else None
        ends = [c for c in changes if c[1] == name and c[2] != name]
        if len(ends) > 1:
            second = max(ends, key=lambda c: c[0])
            raise InputError.of(
                file, "admin.province_twice", {"name": name, "date": min(ends, key=lambda c: c[0])[3]}, line=second[0]
            )
        if ends:
            _, _, successor, day, confidence, source = ends[0]
            provinces[name] = Province(name, start, day - ONE_DAY, successor, confidence, source)
        else:
            confidence, source = (origin[4], origin[5]) if origin else ("high", "")
            provinces[name] = Province(name, start, None, None, confidence, source)
    result = ProvinceMap(provinces)
    for day in sorted({_FIRST, *(c[3] for c in changes)}):
        seen: dict[str, str] = {}
        for province in result.on(day):
            other = seen.setdefault(province.stem, province.name)
            if other != province.name:
                raise InputError.of(file, "admin.province_key", {"name": province.name, "other": other, "date": day})
    return result


def province_on(name: str, day: dt.date) -> Province | None:
    """The province a place called ``name`` belongs to on ``day`` (shipped data); None for an unknown name.

    For a batch or a baseline across the 2025 merger: ``province_on("Quảng Bình", day).name`` is "Tỉnh Quảng
    Bình" up to 30/06/2025 and "Tỉnh Quảng Trị" from 01/07/2025."""
    return load_provinces().province_on(name, day)


def provinces_on(day: dt.date) -> list[Province]:
    """The provinces and centrally run cities in force on ``day`` (shipped data)."""
    return load_provinces().on(day)


def province_name_on(name: str, day: dt.date) -> str:
    """The official name of the province a place called ``name`` belongs to on ``day``; ``name`` as written when no
    province of the data was ever called so (a batch then keeps the agency under the name its file gives)."""
    province = province_on(name, day)
    return province.name if province is not None else name
