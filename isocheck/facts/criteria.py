"""The catalogue of criteria an inspector judges on site (``criteria.yaml`` beside this module), and the words
of a judgement.

A judgement (:class:`isocheck.facts.evidence.Judgement`) names its criterion by a stable id such as
``quality_manual.framework_model``; this catalogue says what each criterion judges (vi, en), what one judgement of
it is about (the agency as a whole, one mandatory procedure, one TTHC, one field of TTHC, one audit or review), the
judgements it takes, the rule that reads it and the subject field that carries it, the editions of TCVN ISO 9001 it
applies to, and its citation. The catalogue is data: a criterion is added by an entry in the YAML file, a derived
field that reads it and a rule (``tests/test_criteria.py`` checks the three agree).
"""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from isocheck.text.catalog import pairs

JUDGEMENTS: tuple[str, ...] = ("conforms", "partly", "does_not_conform", "not_yet_due", "not_applicable")
_WORDS: dict[str, tuple[str, str]] = pairs("words:criteria.")  # (vi, en) by key, from the gettext catalog
# a judgement's words, as an inspector writes them in the minutes (words:criteria.judgement.<value>)
JUDGEMENT_WORDS: dict[str, tuple[str, str]] = {value: _WORDS[f"judgement.{value}"] for value in JUDGEMENTS}
# what may differ between a TTHC's internal procedure and its announcement decision: the keys are the fact
# file's values (a Literal of isocheck.facts.evidence), their words are words:criteria.aspect.<key>
ASPECTS: dict[str, tuple[str, str]] = {
    key: _WORDS[f"aspect.{key}"] for key in ("time_limit", "steps", "dossier", "fees", "legal_basis")
}
ITEM_KINDS: tuple[str, ...] = ("none", "mandatory_procedure", "tthc", "tthc_field", "audit", "review")
_FILE = Path(__file__).with_name("criteria.yaml")


@dataclass(frozen=True)
class Criterion:
    """One criterion of the catalogue."""

    id: str
    what: tuple[str, str]  # (vi, en)
    item: str  # one of ITEM_KINDS
    judgements: tuple[str, ...]
    rule: str  # id of the rule that reads it
    reads: str  # "<subject kind>.<field>" that carries it
    standards: tuple[int, ...]
    citation: dict[str, Any]  # instrument, article, clause, point
    basis: dict[int, tuple[str, str]]  # per edition: what the item is judged against (a document outside law/)
    items_not_for: dict[int, tuple[str, ...]]  # per edition: items that are judged under another criterion

    def text(self, lang: str) -> str:
        return self.what[0] if lang == "vi" else self.what[1]

    def basis_text(self, standard: int, lang: str) -> str:
        pair = self.basis.get(standard)
        return "" if pair is None else (pair[0] if lang == "vi" else pair[1])


def _criterion(cid: str, raw: dict[str, Any]) -> Criterion:
    judgements = tuple(raw["judgements"])
    unknown = set(judgements) - set(JUDGEMENTS)
    if unknown or raw["item"] not in ITEM_KINDS:
        raise ValueError(f"criteria.yaml: {cid}: bad judgements {sorted(unknown)} or item {raw['item']!r}")
    return Criterion(
        id=cid,
        what=(raw["what"]["vi"], raw["what"]["en"]),
        item=raw["item"],
        judgements=judgements,
        rule=raw["rule"],
        reads=raw["reads"],
        standards=tuple(raw.get("standards", (2008, 2015))),
        citation=dict(raw["citation"]),
        basis={int(k): (v["vi"], v["en"]) for k, v in (raw.get("basis") or {}).items()},
        items_not_for={int(k): tuple(v) for k, v in (raw.get("items_not_for") or {}).items()},
    )


@functools.cache
def criteria() -> dict[str, Criterion]:
    """Every criterion, by id, in the order of the catalogue file."""
    raw = yaml.safe_load(_FILE.read_text(encoding="utf-8"))
    return {cid: _criterion(cid, entry) for cid, entry in raw.items()}


def criterion(cid: str) -> Criterion:
    """The criterion ``cid`` (a :class:`KeyError` for an id a subject module reads that is not in the catalogue)."""
    return criteria()[cid]


def closest(cid: str) -> str | None:
    """The catalogue id nearest a misspelt one, or None."""
    close = difflib.get_close_matches(cid, list(criteria()), n=1, cutoff=0.5)
    return close[0] if close else None


def judgement_words(value: str, lang: str) -> str:
    vi, en = JUDGEMENT_WORDS[value]
    return vi if lang == "vi" else en


def aspect_words(names: list[str] | tuple[str, ...], lang: str) -> str:
    return ", ".join(ASPECTS[n][0 if lang == "vi" else 1] for n in names)
