"""The supervising unit (đơn vị chủ trì) and the inspecting unit of an agency on a date, and the national
standards body (``law/administration/lead-units.yaml``).

For a body of a province (level route ``province``) the supervising unit is the province's Department of Science
and Technology (QĐ 19/2014 Điều 12 khoản 4) and the inspecting unit its Standards, Metrology and Quality
sub-department (TT 26/2014 Điều 34–35) — until 28/02/2025. From 01/03/2025 the Department is the merged one, and
whether the sub-department survives is unconfirmed, so the inspecting unit is "the unit the Department
designates" unless a dated entry for that province says otherwise. The province is the one the agency's
``province`` belongs to on that date (:mod:`isocheck.law.provinces`): an announcement of 2020 in Quảng Bình was
to be notified to the Department of Quảng Bình, a letter sent in 2026 goes to the Department of Quảng Trị. A body
of a ministry (route ``ministry``) reports to the unit its ministry designates (Điều 12 khoản 3).
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from pydantic import Field

from isocheck.base.errors import InputError
from isocheck.facts.parse import position_of
from isocheck.law.citations import Text
from isocheck.law.dated_data import Strict, Version, administration_dir, check_versions, load_model
from isocheck.law.levels import level
from isocheck.law.periods import in_force
from isocheck.law.provinces import load_provinces
from isocheck.text.problems import Problem


class UnitVersion(Version):
    lead_unit: Text
    inspecting_unit: Text | None = None  # None: not confirmed for this period


class ProvinceUnitVersion(Strict):
    """A dated correction for one province: the unit(s) it changes, with its own source and confidence."""

    province: str = Field(min_length=1)
    valid_from: dt.date
    valid_until: dt.date | None = None
    lead_unit: Text | None = None
    inspecting_unit: Text | None = None
    confidence: str = Field(pattern="^(high|medium|low|unconfirmed)$")
    source: str = Field(min_length=1)


class UnitFile(Strict):
    province: list[UnitVersion] = Field(min_length=1)
    by_province: list[ProvinceUnitVersion] = Field(default_factory=list)
    ministry: list[UnitVersion] = Field(min_length=1)
    directorate: list[UnitVersion] = Field(min_length=1)


_DESIGNATED = Text(
    vi="đơn vị kiểm tra do {lead_unit} giao (Chi cục Tiêu chuẩn Đo lường Chất lượng, nếu còn — chưa xác nhận)",
    en="the inspecting unit {lead_unit} designates (its Standards, Metrology and Quality Sub-department, if it still "
    "exists — not confirmed)",
)


class Units:
    """The dated units of the file, asked for one agency and day."""

    def __init__(self, data: UnitFile):
        self.data = data

    def _entry(self, versions: list[UnitVersion], day: dt.date) -> UnitVersion:
        # before the first version (outside the data): the first one; the lists are open at their end
        return in_force(versions, day) or versions[0]

    def _province_words(self, province: str, day: dt.date, lang: str) -> tuple[str, str | None]:
        """The province in the sentence ("tỉnh Quảng Trị") and its official name, or the name as written."""
        found = load_provinces().province_on(province, day)
        return (found.in_sentence(lang), found.name) if found is not None else (province, None)

    def _correction(self, official: str | None, day: dt.date, attribute: str) -> Text | None:
        if official is None:
            return None
        mine = [v for v in self.data.by_province if v.province == official]
        found = in_force(mine, day)
        return getattr(found, attribute) if found is not None else None

    def lead_unit(self, level_name: str, province: str, day: dt.date, lang: str) -> str:
        """The supervising unit of a body of ``level_name`` in ``province`` on ``day``, in ``lang``."""
        if level(level_name).route == "ministry":
            return self._entry(self.data.ministry, day).lead_unit.get(lang)
        words, official = self._province_words(province, day, lang)
        text = self._correction(official, day, "lead_unit") or self._entry(self.data.province, day).lead_unit
        return text.get(lang).replace("{province}", words)

    def inspecting_unit(self, level_name: str, province: str, day: dt.date, lang: str) -> str:
        """The unit that inspects such a body on ``day``; when unconfirmed, the one its supervising unit designates."""
        if level(level_name).route == "ministry":
            ministry = self._entry(self.data.ministry, day).inspecting_unit
            return (ministry or self._entry(self.data.ministry, day).lead_unit).get(lang)
        words, official = self._province_words(province, day, lang)
        text = self._correction(official, day, "inspecting_unit")
        text = text or self._entry(self.data.province, day).inspecting_unit
        if text is None:
            lead = self.lead_unit(level_name, province, day, lang)
            return _DESIGNATED.get(lang).replace("{lead_unit}", lead)
        return text.get(lang).replace("{province}", words)

    def directorate(self, day: dt.date, lang: str) -> str:
        """The national standards body TT 26/2014 names, under its name on ``day``."""
        return self._entry(self.data.directorate, day).lead_unit.get(lang)


def default_file() -> Path:
    return administration_dir() / "lead-units.yaml"


@functools.cache
def load_units(path: Path | None = None) -> Units:
    """Read and check the units file: every list a chain of versions (per province for the corrections), every
    citation holding, every corrected province a province of the data. Raises :class:`InputError`."""
    path = path or default_file()
    data, lines = load_model(path, UnitFile)
    file = str(path)
    for name in ("province", "ministry", "directorate"):
        check_versions(getattr(data, name), file, lines, (name,))
    provinces = load_provinces()
    for i, correction in enumerate(data.by_province):
        if correction.province not in provinces.provinces:
            line, column = position_of(lines, ("by_province", i, "province"), value=True)
            problem = Problem("admin.unknown_province", name=correction.province)
            raise InputError(file, problem, f"by_province[{i}].province", line, column)
    for name in sorted({c.province for c in data.by_province}):
        places = [i for i, c in enumerate(data.by_province) if c.province == name]
        check_versions([data.by_province[i] for i in places], file, lines, ("by_province",), places)
    return Units(data)


def units() -> Units:
    """The shipped units data."""
    return load_units()
