"""The rule pack: rule file schema (pydantic), loading, and the checks a rule file must pass.

One rule per file, ``rules/<area>/<requirement>.yaml``; the id must be ``<area>.<requirement>``.
``rules/pack.yaml`` carries the pack version; ``rules/parameters.yaml`` the dated legal parameters.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import string
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from isocheck.base.errors import InputError
from isocheck.facts.model import LEVELS, validation_error
from isocheck.facts.parse import load_document, loc_of, path_text, position_of
from isocheck.law.citations import Citation, Text, verify
from isocheck.law.parameters import Parameters, load_parameters
from isocheck.pack import conditions as cond
from isocheck.pack.origin import NATIONAL, Origin
from isocheck.subjects.fields import FIELDS, SUBJECT_KINDS
from isocheck.text.problems import Found, Problem, glossed

Severity = Literal["major", "minor", "observation"]
SEVERITIES: tuple[str, ...] = ("major", "minor", "observation")
PROFILES: tuple[str, ...] = ("pre-announcement", "annual", "inspection")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TextList(_Strict):
    vi: list[str] = Field(min_length=1)
    en: list[str] = Field(min_length=1)

    def get(self, lang: str) -> list[str]:
        return self.vi if lang == "vi" else self.en


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
        """The citations as plain dicts (the JSON form), each with how it reads in ``lang``."""
        return [
            {**c.model_dump(mode="json", exclude_none=True, exclude={"note"}), "text": c.format(lang, standard)}
            for c in self.citations
        ]

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


class RulePack:
    """Rules (sorted by id), the pack version and the dated parameters."""

    def __init__(self, root: Path, info: PackInfo, rules: list[Rule], parameters: Parameters, tailoring: Any = None):
        self.root = root
        self.info = info
        self.rules = sorted(rules, key=lambda r: r.id)
        self.parameters = parameters
        self.by_id = {r.id: r for r in self.rules}
        self.tailoring = tailoring  # the province overlay applied (isocheck.pack.tailoring.Tailoring), or None

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
    check_rule(rule, file, lines)
    return rule


class _Where:
    """Where a rule is written: its file, the file's line map, and the rule's location in it (``()`` for a rule
    file, ``("rules", 0, "rule")`` for a rule a province overlay adds)."""

    def __init__(self, file: str, lines: dict, at: tuple):
        self.file, self.lines, self.at = file, lines, at

    def error(self, key: str, params: dict | None, loc: tuple, value: bool = False) -> InputError:
        full = (*self.at, *loc)
        return InputError.of(self.file, key, params, field=path_text(full) or None, **_at(self.lines, full, value))


def check_rule(rule: Rule, file: str, lines: dict, at: tuple = ()) -> None:
    """Everything a validated rule must also satisfy: conditions against the field catalogue, ``requires``,
    the texts a condition needs, plain placeholders, and citations that hold against the law. Raises
    :class:`InputError` at the rule's own line (``at`` locates the rule inside a larger file)."""
    where = _Where(file, lines, at)
    try:
        _ = rule.branches  # parses and checks every condition against the field catalogue
    except cond.ConditionError as exc:
        raise where.error("rule.condition", {"detail": exc.args[0]}, loc_of(exc.path)) from None
    for i, name in enumerate(rule.requires):
        if name not in FIELDS[rule.subject]:
            close = difflib.get_close_matches(name, list(FIELDS[rule.subject]), n=1)
            hint = Problem("field.did_you_mean", close=close[0]) if close else ""
            params = {"name": name, "subject": rule.subject, "hint": hint}
            raise where.error("rule.requires_unknown", params, ("requires", i), value=True)
    if rule.not_applicable_when is not None and rule.not_applicable_reason is None:
        raise where.error("rule.needs_na_reason", None, ("not_applicable_when",))
    if rule.pending_when is not None and rule.pending_message is None:
        raise where.error("rule.needs_pending_message", None, ("pending_when",))
    _check_placeholders(rule, where)
    verify(rule.citations, file, lines, (*at, "citations"), list(rule.applies_to.standards))


def _at(lines: dict, loc: tuple, value: bool = False) -> dict:
    """``line`` and ``column`` of a rule-file location, as keyword arguments of :meth:`InputError.of`."""
    line, column = position_of(lines, loc, value)
    return {"line": line, "column": column}


def _check_placeholders(rule: Rule, where: _Where) -> None:
    """Every {placeholder} must be a plain name (the values come from the subject at run time)."""
    for name in ("message", "pending_message", "pass_message", "remediation"):
        text = getattr(rule, name)
        if text is None:
            continue
        for lang in ("vi", "en"):
            try:
                parsed = list(string.Formatter().parse(text.get(lang)))
            except ValueError as exc:
                raise where.error("rule.bad_placeholder", {"detail": glossed(str(exc))}, (name, lang), True) from None
            for _, field_name, _, _ in parsed:
                if field_name is not None and not field_name.isidentifier():
                    raise where.error("rule.placeholder_not_name", {"name": field_name}, (name, lang), True)
