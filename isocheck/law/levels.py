"""The agency levels as dated data (``law/administration/levels.yaml``): what QĐ 19/2014 Điều 2 asks of each level,
whose supervising unit follows it, and the days it exists.

The file holds one entry per value of ``agency.level`` (the loader checks that the two sets are the same): its
duty — ``must`` (Điều 2 khoản 1) or ``encouraged`` (khoản 2) — with the citation that says so, its route to a
supervising unit (``province``: QĐ 19 Điều 12 khoản 4; ``ministry``: khoản 3), and its versions: the periods it
exists, each with its name. The district level's last version ends on 30/06/2025; the commune level's name
changes on 01/07/2025 (thị trấn out, đặc khu in).
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Literal

from pydantic import Field

from isocheck.base.errors import InputError
from isocheck.facts.model import LEVELS
from isocheck.law.citations import Citation, Text, verify_one
from isocheck.law.dated_data import Strict, Version, administration_dir, check_versions, load_model
from isocheck.law.periods import in_force, last_day

Duty = Literal["must", "encouraged"]
Route = Literal["province", "ministry"]


class LevelVersion(Version):
    name: Text
    ends_because: Text | None = None  # the last version of a level that ends: the instrument that ends it


class Level(Strict):
    level: str = Field(min_length=1)
    duty: Duty
    route: Route
    citation: Citation
    versions: list[LevelVersion] = Field(min_length=1)

    def version_on(self, day: dt.date) -> LevelVersion | None:
        return in_force(self.versions, day)

    @property
    def last_day(self) -> dt.date | None:
        """The last day the level exists (None: it still does)."""
        return last_day(self.versions)

    def abolished_on(self, day: dt.date) -> bool:
        """True when the level no longer exists on ``day`` (after its last version's end)."""
        end = self.last_day
        return end is not None and day > end

    def name(self, day: dt.date, lang: str) -> str:
        """The level's name on ``day`` (before its first version: the first; after the last: the last)."""
        version = self.version_on(day) or (self.versions[0] if day < self.versions[0].valid_from else self.versions[-1])
        return version.name.get(lang)


class LevelFile(Strict):
    levels: list[Level] = Field(min_length=1)


def default_file() -> Path:
    return administration_dir() / "levels.yaml"


@functools.cache
def load_levels(path: Path | None = None) -> dict[str, Level]:
    """Every level by its name, checked: the fact model's levels exactly, each a chain of versions, each citation
    holding against ``law/``. Raises :class:`InputError`."""
    path = path or default_file()
    parsed, lines = load_model(path, LevelFile)
    file = str(path)
    found = [level.level for level in parsed.levels]
    if sorted(found) != sorted(LEVELS) or len(set(found)) != len(found):
        raise InputError.of(
            file, "admin.levels_mismatch", {"found": ", ".join(found), "expected": ", ".join(LEVELS)}, field="levels"
        )
    for i, level in enumerate(parsed.levels):
        verify_one(level.citation, file, lines, ("levels", i, "citation"))
        check_versions(level.versions, file, lines, ("levels", i, "versions"))
    return {level.level: level for level in parsed.levels}


def level(name: str) -> Level:
    """The shipped data of level ``name`` (one of the fact model's levels)."""
    return load_levels()[name]


def encouraged_levels() -> frozenset[str]:
    """The levels QĐ 19 Điều 2 khoản 2 only encourages to apply a QMS (bound by a decision that mandates them)."""
    return frozenset(name for name, found in load_levels().items() if found.duty == "encouraged")
