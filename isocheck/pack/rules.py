"""The rule pack: rule file schema (pydantic), loading, and the checks a rule file must pass.

One rule per file, ``rules/<area>/<requirement>.yaml``; the id must be ``<area>.<requirement>``.
``rules/pack.yaml`` carries the pack version; ``rules/parameters.yaml`` the dated legal parameters.
"""

from __future__ import annotations

import difflib
import os
import string
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from isocheck.base.errors import InputError
from isocheck.facts.model import LEVELS, validation_error
from isocheck.facts.parse import load_document, loc_of, position_of
from isocheck.facts.types import Bool, Date, Ident, Int, StandardVersion, Str
from isocheck.law.parameters import Parameters, load_parameters
from isocheck.pack import conditions as cond
from isocheck.subjects.fields import FIELDS, SUBJECT_KINDS
from isocheck.text.problems import Found, Problem, glossed

Severity = Literal["major", "minor", "observation"]
SEVERITIES: tuple[str, ...] = ("major", "minor", "observation")
PROFILES: tuple[str, ...] = ("pre-announcement", "annual", "inspection")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Strict):
    """A text in Vietnamese (full diacritics) and English."""

    vi: Str = Field(min_length=1)
    en: Str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


class TextList(_Strict):
    vi: list[Str] = Field(min_length=1)
    en: list[Str] = Field(min_length=1)

    def get(self, lang: str) -> list[str]:
        return self.vi if lang == "vi" else self.en


class Citation(_Strict):
    instrument: Str = Field(min_length=1)
    article: Int | None = None
    clause: Int | None = None
    point: Str | None = None
    section: Str | None = Field(None, pattern=r"^\d+(\.\d+)*$", description="Clause of a standard, e.g. '5.2'.")
    quote_vi: Str = Field(min_length=1, description="Short quote of the legal text in Vietnamese.")

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
    standards: list[StandardVersion] = Field(default=[2008, 2015], min_length=1)


class Effective(_Strict):
    from_: Date = Field(alias="from")
    until: Date | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


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
    message: Text
    pending_message: Text | None = None
    due_date_field: Str | None = Field(
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
            "fail_when": self._parse("fail_when"),
            "pending_when": self._parse("pending_when"),
        }

    def _parse(self, name: str) -> tuple | None:
        raw = getattr(self, name)
        return None if raw is None else cond.parse(raw, self.subject, name)

    @cached_property
    def branches(self) -> list[tuple[str, tuple]]:
        c = self.conditions
        return cond.outcome_branches(c["not_applicable_when"], c["fail_when"], c["pending_when"], self.requires)

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
    name: Str
    version: Str = Field(pattern=r"^\d+\.\d+\.\d+$")


class RulePack:
    """Rules (sorted by id), the pack version and the dated parameters."""

    def __init__(self, root: Path, info: PackInfo, rules: list[Rule], parameters: Parameters):
        self.root = root
        self.info = info
        self.rules = sorted(rules, key=lambda r: r.id)
        self.parameters = parameters
        self.by_id = {r.id: r for r in self.rules}

    @property
    def version(self) -> str:
        return self.info.version

    def select(self, profile: str) -> list[Rule]:
        if profile == "all":
            return list(self.rules)
        return [r for r in self.rules if profile in r.profiles]


def default_rules_dir() -> Path:
    """The bundled rule pack: ``isocheck/_rulepack`` in an installed wheel, else ``<repo>/rules``."""
    override = os.environ.get("ISOCHECK_RULES")
    if override:
        return Path(override)
    packaged = Path(__file__).parent.parent / "_rulepack"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"


def load_pack(root: str | Path | None = None) -> RulePack:
    """Load and check every rule file under ``root``. Raises :class:`InputError` on the first problem."""
    root = Path(root) if root is not None else default_rules_dir()
    info_path = root / "pack.yaml"
    data, lines = load_document(info_path)
    try:
        info = PackInfo.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, str(info_path), lines, PackInfo) from None
    parameters = load_parameters(root / "parameters.yaml")
    rules: list[Rule] = []
    seen: dict[str, Path] = {}
    for path in sorted(root.glob("*/*.yaml")):
        rule = load_rule(path, root)
        if rule.id in seen:
            raise InputError.of(str(path), "rule.duplicate_id", {"id": rule.id, "other": seen[rule.id]}, field="id")
        seen[rule.id] = path
        rules.append(rule)
    if not rules:
        raise InputError.of(str(root), "rules.none")
    return RulePack(root, info, rules, parameters)


def load_rule(path: Path, root: Path) -> Rule:
    data, lines = load_document(path)
    file = str(path)
    if not isinstance(data, dict):
        raise InputError.of(file, "rule.not_mapping", {"found": Found(data)}, **_at(lines, ()))
    try:
        rule = Rule.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, file, lines, Rule) from None
    expected_id = f"{path.parent.name}.{path.stem}"
    if rule.id != expected_id:
        raise InputError.of(
            file,
            "rule.id_mismatch",
            {"id": rule.id, "expected": expected_id},
            field="id",
            **_at(lines, ("id",), value=True),
        )
    try:
        _ = rule.branches  # parses and checks every condition against the field catalogue
    except cond.ConditionError as exc:
        raise InputError.of(
            file, "rule.condition", {"detail": exc.args[0]}, field=exc.path, **_at(lines, loc_of(exc.path))
        ) from None
    for i, name in enumerate(rule.requires):
        if name not in FIELDS[rule.subject]:
            close = difflib.get_close_matches(name, list(FIELDS[rule.subject]), n=1)
            raise InputError.of(
                file,
                "rule.requires_unknown",
                {
                    "name": name,
                    "subject": rule.subject,
                    "hint": Problem("field.did_you_mean", close=close[0]) if close else "",
                },
                field=f"requires[{i}]",
                **_at(lines, ("requires", i), value=True),
            )
    if rule.not_applicable_when is not None and rule.not_applicable_reason is None:
        raise InputError.of(
            file, "rule.needs_na_reason", field="not_applicable_reason", **_at(lines, ("not_applicable_when",))
        )
    if rule.pending_when is not None and rule.pending_message is None:
        raise InputError.of(
            file, "rule.needs_pending_message", field="pending_message", **_at(lines, ("pending_when",))
        )
    _check_placeholders(rule, file, lines)
    return rule


def _at(lines: dict, loc: tuple, value: bool = False) -> dict:
    """``line`` and ``column`` of a rule-file location, as keyword arguments of :meth:`InputError.of`."""
    line, column = position_of(lines, loc, value)
    return {"line": line, "column": column}


def _check_placeholders(rule: Rule, file: str, lines: dict) -> None:
    """Every {placeholder} must be a plain name (the values come from the subject at run time)."""
    for name in ("message", "pending_message", "pass_message", "remediation"):
        text = getattr(rule, name)
        if text is None:
            continue
        for lang in ("vi", "en"):
            try:
                parsed = list(string.Formatter().parse(text.get(lang)))
            except ValueError as exc:
                raise InputError.of(
                    file,
                    "rule.bad_placeholder",
                    {"detail": glossed(str(exc))},
                    field=f"{name}.{lang}",
                    **_at(lines, (name, lang), value=True),
                ) from None
            for _, field_name, _, _ in parsed:
                if field_name is not None and not field_name.isidentifier():
                    raise InputError.of(
                        file,
                        "rule.placeholder_not_name",
                        {"name": field_name},
                        field=f"{name}.{lang}",
                        **_at(lines, (name, lang), value=True),
                    )
