"""The rule file's schema (pydantic, ``extra="forbid"``): a rule, its texts, dates in force and origin.

One rule per file, ``rules/<area>/<requirement>.yaml``; :mod:`isocheck.pack.rules` loads and checks them.
Conditions are parsed and checked against the subject kinds' fields by :mod:`isocheck.pack.conditions`;
citations (and the bilingual :class:`Text`) are :mod:`isocheck.law.citations`' own.
"""

from __future__ import annotations

import string
from functools import cached_property
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from isocheck.facts.model import LEVELS
from isocheck.facts.types import Bool, Date, Ident, Int, StandardVersion, Str
from isocheck.law.citations import Citation, Text
from isocheck.pack import conditions as cond
from isocheck.pack.origin import NATIONAL, Origin
from isocheck.subjects.fields import SUBJECT_KINDS

Severity = Literal["major", "minor", "observation"]
SEVERITIES: tuple[str, ...] = ("major", "minor", "observation")
PROFILES: tuple[str, ...] = ("pre-announcement", "annual", "inspection")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TextList(_Strict):
    vi: list[Str] = Field(min_length=1)
    en: list[Str] = Field(min_length=1)

    def get(self, lang: str) -> list[str]:
        return self.vi if lang == "vi" else self.en


class AppliesTo(_Strict):
    levels: list[Literal[LEVELS]] = Field(default=list(LEVELS), min_length=1)  # type: ignore[valid-type]
    standards: list[StandardVersion] = Field(default=[2008, 2015], min_length=1)


class Effective(_Strict):
    from_: Date = Field(alias="from")
    until: Date | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Graded(_Strict):
    """A lesser nonconformity of the same rule. When ``fail_when`` of the rule does not hold and this ``fail_when``
    does, the rule fails at this severity (no more severe than the rule's): an inspector's "partly" is not "does
    not conform". ``message`` (default: the rule's) and ``findings_per`` (default: the rule's list) for it."""

    severity: Severity
    fail_when: dict[str, Any]
    message: Text | None = None
    findings_per: Str | None = None


class Rule(_Strict):
    id: Ident
    version: Int = Field(1, ge=1)
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
    requires: list[Str] = []
    findings_per: Str | None = Field(None, description="Item list: a failure gives one finding per item.")
    judgment: Bool = Field(False, description="True when the rule relies on an auditor's attested judgment.")
    graded: Graded | None = Field(None, description="A lesser nonconformity and its severity (e.g. 'partly').")
    message: Text
    pending_message: Text | None = None
    due_date_field: Str | None = Field(
        None,
        description="Date shown as a pending finding's due date (a subject display field); default: the subject's.",
    )
    pass_message: Text | None = None
    remediation: Text
    evidence: TextList

    _origin: Origin = PrivateAttr(default=NATIONAL)

    @property
    def origin(self) -> Origin:
        """Where the rule comes from: the national pack (perhaps changed by a province overlay) or an overlay."""
        return self._origin

    def tailored(self, origin: Origin, **changes: Any) -> Rule:
        """A copy with ``changes`` applied (e.g. ``severity``) and its ``origin``, validated afresh."""
        copy = Rule.model_validate({**self.model_dump(by_alias=True), **changes})
        copy._origin = origin
        return copy

    @field_validator("profiles")
    @classmethod
    def _unique_profiles(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("profiles are listed twice")
        return value

    @model_validator(mode="after")
    def _graded_is_lesser(self) -> Rule:
        if self.graded is not None and SEVERITIES.index(self.graded.severity) < SEVERITIES.index(self.severity):
            raise ValueError(f"graded.severity {self.graded.severity} is more severe than the rule's {self.severity}")
        return self

    def with_severity(self, origin: Origin, severity: str) -> Rule:
        """A copy at ``severity`` (a province overlay's change): a graded severity above it comes down to it."""
        changes: dict[str, Any] = {"severity": severity}
        if self.graded is not None and SEVERITIES.index(self.graded.severity) < SEVERITIES.index(severity):
            changes["graded"] = {**self.graded.model_dump(by_alias=True), "severity": severity}
        return self.tailored(origin, **changes)

    @cached_property
    def conditions(self) -> dict[str, tuple | None]:
        return {
            "not_applicable_when": self._parse("not_applicable_when"),
            "fail_when": self.fail_condition,
            "graded.fail_when": self.graded_condition,
            "pending_when": self._parse("pending_when"),
        }

    @cached_property
    def graded_condition(self) -> tuple | None:
        """The parsed ``graded.fail_when`` (None without a graded severity)."""
        return None if self.graded is None else cond.parse(self.graded.fail_when, self.subject, "graded.fail_when")

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
        return cond.outcome_branches(
            c["not_applicable_when"], self.fail_condition, c["pending_when"], self.requires, c["graded.fail_when"]
        )

    @property
    def area(self) -> str:
        return self.id.split(".", 1)[0]

    def citation_text(self, lang: str, standard: int | None = None) -> str:
        """Every citation, short ("điểm b khoản 4 Điều 4 QĐ 19/2014/QĐ-TTg; TCVN ISO 9001:2015 mục 9.2"); TCVN
        ISO 9001 clauses in the agency's edition ``standard``, or in every edition the rule cites."""
        key = (lang, standard)
        if key not in self._citation_texts:
            texts = [c.format(lang, standard) for c in self.citations]
            provincial = self.origin.citation(lang)  # the province overlay's decisions, if it changed the rule
            self._citation_texts[key] = "; ".join([*texts, provincial] if provincial else texts)
        return self._citation_texts[key]

    @cached_property
    def _citation_texts(self) -> dict[tuple[str, int | None], str]:
        return {}

    def citations_data(self, lang: str = "vi", standard: int | None = None) -> list[dict]:
        """The citations as plain dicts (the JSON form), each with how it reads in ``lang``: made once per
        language and edition (every finding of the rule renders them), a fresh copy of each dict per call."""
        key = (lang, standard)
        if key not in self._citations_data:
            self._citations_data[key] = [
                {**c.model_dump(mode="json", exclude_none=True, exclude={"note"}), "text": c.format(lang, standard)}
                for c in self.citations
            ]
        return [dict(c) for c in self._citations_data[key]]

    @cached_property
    def _citations_data(self) -> dict[tuple[str, int | None], list[dict]]:
        return {}

    @cached_property
    def referenced_fields(self) -> list[str]:
        """Every subject field the rule's conditions and ``requires`` use, in first-seen order."""
        c = self.conditions
        names = (
            cond.fields_of(c["not_applicable_when"])
            + cond.fields_of(c["fail_when"])
            + cond.fields_of(c["graded.fail_when"])
            + cond.fields_of(c["pending_when"])
            + list(self.requires)
        )
        return list(dict.fromkeys(names))

    @cached_property
    def message_placeholders(self) -> list[str]:
        """The ``{placeholders}`` of the messages, in both languages."""
        names: list[str] = []
        graded = self.graded.message if self.graded is not None else None
        for text in (self.message, graded, self.pending_message, self.pass_message):
            if text is not None:
                for lang in ("vi", "en"):
                    names.extend(f for _, f, _, _ in string.Formatter().parse(text.get(lang)) if f)
        return list(dict.fromkeys(names))


class PackInfo(_Strict):
    name: Str
    version: Str = Field(pattern=r"^\d+\.\d+\.\d+$")
