"""TCVN ISO 9001 clause numbers and titles per edition (``law/tcvn-iso-9001.yaml``).

The standards are not public texts: the pack cites clause numbers, and reports show the clause's title
in the agency's own edition (2015 §9.2 "Internal audit", 2008 §8.2.2 "Internal audit"). A clause the
table does not list is a rule-pack error, so no citation points at a clause that does not exist. A
clause without a known title is shown under its parent's title.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from isocheck.facts.parse import load_document
from isocheck.facts.validation import validation_error
from isocheck.law.texts import default_law_dir
from isocheck.text.ui import ui

STANDARD = "TCVN ISO 9001"
EDITIONS: tuple[int, ...] = (2015, 2008)


class _Title(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    vi: str | None
    en: str | None


class _Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    vi: str
    en: str


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    source: _Source
    editions: dict[int, dict[str, _Title]]


@dataclass(frozen=True)
class Standards:
    editions: dict[int, dict[str, _Title]]
    source: _Source

    def has(self, edition: int, clause: str) -> bool:
        return clause in self.editions.get(edition, {})

    def title(self, edition: int, clause: str, lang: str) -> tuple[str, str | None]:
        """``(clause whose title is shown, title)``: the clause's own, else its nearest titled parent's."""
        table = self.editions[edition]
        number = clause
        while True:
            entry = table.get(number)
            title = getattr(entry, lang) if entry is not None else None
            if title or "." not in number:
                return number, title
            number = number.rsplit(".", 1)[0]

    def label(self, edition: int, clause: str, lang: str) -> str:
        """The clause's title as reports show it: «Đánh giá nội bộ», or "thuộc mục 6.2 «…»" for an untitled one."""
        shown, title = self.title(edition, clause, lang)
        if title is None:
            return ""
        quoted = f"«{title}»" if lang == "vi" else f"“{title}”"
        if shown == clause:
            return quoted
        return ui("clause.under", lang).format(clause=shown, title=quoted)


@functools.cache
def load_standards(root: Path | None = None) -> Standards:
    path = (root or default_law_dir()) / "tcvn-iso-9001.yaml"
    data, lines = load_document(path)
    try:
        parsed = _File.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, str(path), lines, _File) from None
    return Standards(parsed.editions, parsed.source)
