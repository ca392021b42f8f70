"""The rule file's schema (pydantic, ``extra="forbid"``): a rule, its texts, citations and dates in force.

One rule per file, ``rules/<area>/<requirement>.yaml``; :mod:`isocheck.pack.rules` loads and checks them.
Conditions are parsed and checked against the subject kinds' fields by :mod:`isocheck.pack.conditions`.
"""

from __future__ import annotations

import datetime as dt
import string
from functools import cached_property
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from isocheck.facts.model import LEVELS
from isocheck.pack import conditions as cond
from isocheck.subjects.fields import SUBJECT_KINDS

Severity = Literal["major", "minor", "observation"]
SEVERITIES: tuple[str, ...] = ("major", "minor", "observation")
PROFILES: tuple[str, ...] = ("pre-announcement", "annual", "inspection")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Strict):
    """A text in Vietnamese (full diacritics) and English."""

    vi: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


class TextList(_Strict):
    vi: list[str] = Field(min_length=1)
    en: list[str] = Field(min_length=1)

    def get(self, lang: str) -> list[str]:
        return self.vi if lang == "vi" else self.en


class Citation(_Strict):
    instrument: str = Field(min_length=1)
    article: int | None = None
    clause: int | None = None
    point: str | None = None
    section: str | None = Field(None, pattern=r"^\d+(\.\d+)*$", description="Clause of a standard, e.g. '5.2'.")
    quote_vi: str = Field(min_length=1, description="Short quote of the legal text in Vietnamese.")

    def format(self, lang: str) -> str:
        if self.section is not None:
            return f"{self.instrument} {'mục' if lang == 'vi' else '§'}{' ' if lang == 'vi' else ''}{self.section}"
        parts = [_SHORT.get(self.instrument, self.instrument)]
        words = _CITATION_WORDS[lang]
        if self.article is not None:
            parts.append(f"{words[0]} {self.article}")
        if self.clause is not None:
            parts.append(f"{words[1]} {self.clause}")
        if self.point is not None:
            parts.append(f"{words[2]} {self.point}")
        return " ".join([*parts[1:][::-1], parts[0]]) if lang == "vi" else ", ".join(parts)


_SHORT = {
    "Quyết định 19/2014/QĐ-TTg": "QĐ 19/2014/QĐ-TTg",
    "Thông tư 26/2014/TT-BKHCN": "TT 26/2014/TT-BKHCN",
    "Thông tư 116/2015/TT-BTC": "TT 116/2015/TT-BTC",
}
_CITATION_WORDS = {"vi": ("Điều", "khoản", "điểm"), "en": ("Art.", "cl.", "pt.")}


class AppliesTo(_Strict):
    levels: list[Literal[LEVELS]] = Field(default=list(LEVELS), min_length=1)  # type: ignore[valid-type]
    standards: list[Literal[2008, 2015]] = Field(default=[2008, 2015], min_length=1)


class Effective(_Strict):
    from_: dt.date = Field(alias="from")
    until: dt.date | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Rule(_Strict):
    id: str
    version: int = Field(1, ge=1)
    title: Text
    requirement: Text = Field(description="What the rule requires, in one plain sentence.")
    severity: Severity
    citations: list[Citation] = Field(min_length=1)
    applies_to: AppliesTo = AppliesTo()
    effective: Effective
    profiles: list[Literal[PROFILES]] = Field(min_length=1)  # type: ignore[valid-type]
    subject: Literal[SUBJECT_KINDS]  # type: ignore[valid-type]
    not_applicable_when: dict[str, Any] | None = None
    not_applicable_reason: Text | None = None
    fail_when: dict[str, Any]
    pending_when: dict[str, Any] | None = None
    requires: list[str] = []
    findings_per: str | None = Field(None, description="Item list: a failure gives one finding per item.")
    judgment: bool = Field(False, description="True when the rule relies on an auditor's attested judgment.")
    message: Text
    pending_message: Text | None = None
    due_date_field: str | None = Field(
        None,
        description="Date shown as a pending finding's due date (a subject display field); default: the subject's.",
    )
    pass_message: Text | None = None
    remediation: Text
    evidence: TextList

    @field_validator("profiles")
    @classmethod
    def _unique_profiles(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("profiles are listed twice")
        return value

    @cached_property
    def conditions(self) -> dict[str, tuple | None]:
        return {
            "not_applicable_when": self._parse("not_applicable_when"),
            "fail_when": self.fail_condition,
            "pending_when": self._parse("pending_when"),
        }

    @cached_property
    def fail_condition(self) -> tuple:
        """The parsed ``fail_when`` (every rule has one)."""
        return cond.parse(self.fail_when, self.subject, "fail_when")

    def _parse(self, name: str) -> tuple | None:
        raw = getattr(self, name)
        return None if raw is None else cond.parse(raw, self.subject, name)

    @cached_property
    def branches(self) -> list[tuple[str, tuple]]:
        c = self.conditions
        return cond.outcome_branches(c["not_applicable_when"], self.fail_condition, c["pending_when"], self.requires)

    @property
    def area(self) -> str:
        return self.id.split(".", 1)[0]

    def citation_text(self, lang: str) -> str:
        return self._citation_texts[lang]

    @cached_property
    def _citation_texts(self) -> dict[str, str]:
        return {lang: "; ".join(c.format(lang) for c in self.citations) for lang in ("vi", "en")}

    @cached_property
    def citations_data(self) -> list[dict]:
        """The citations as plain dicts (the JSON form)."""
        return [c.model_dump(exclude_none=True) for c in self.citations]

    @cached_property
    def referenced_fields(self) -> list[str]:
        """Every subject field the rule's conditions and ``requires`` use, in first-seen order."""
        c = self.conditions
        names = (
            cond.fields_of(c["not_applicable_when"])
            + cond.fields_of(c["fail_when"])
            + cond.fields_of(c["pending_when"])
            + list(self.requires)
        )
        return list(dict.fromkeys(names))

    @cached_property
    def message_placeholders(self) -> list[str]:
        """The ``{placeholders}`` of the messages, in both languages."""
        names: list[str] = []
        for text in (self.message, self.pending_message, self.pass_message):
            if text is not None:
                for lang in ("vi", "en"):
                    names.extend(f for _, f, _, _ in string.Formatter().parse(text.get(lang)) if f)
        return list(dict.fromkeys(names))


class PackInfo(_Strict):
    name: str
    version: str = Field(pattern=r"^\d+\.\d+\.\d+$")
