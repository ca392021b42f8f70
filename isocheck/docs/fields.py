"""The fact file's fields, walked from the model, and which rules read each of them.

:func:`fact_fields` walks :class:`isocheck.facts.model.Agency` in model order, so a new model field appears
in the reference (``docs/facts.md``), the JSON Schema and the ``isocheck init`` template on its own. A
field's texts are read through :mod:`isocheck.facts.meaning`: its English is the model's ``description``
(or the ``meanings`` table's where that is missing or terse), its Vietnamese is in the gettext catalog
(``fact:<Model>.<field>``; ``tests/test_docs_generated.py`` and ``tests/test_catalogs.py`` check every
field has both).

Which rules read a field is not written by hand: every derived field declares the fact-file paths it is
computed from (``isocheck/subjects/<kind>.py``; :func:`field_sources`), and :func:`rules_by_path` joins
them with each rule's ``referenced_fields`` and its ``applies_to``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import re
import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from isocheck.facts.meaning import FieldMeaning, meaning_of
from isocheck.facts.model import LEVELS, Agency
from isocheck.pack.rules import RulePack
from isocheck.subjects.fields import KINDS
from isocheck.text.catalog import pairs
from isocheck.text.ui import pick

_WORDS: dict[str, tuple[str, str]] = pairs("words:docs.")  # (vi, en) by key, from the gettext catalog


def subject_name(kind: str, lang: str) -> str:
    """What one subject of ``kind`` is (rules are judged per subject)."""
    return pick(KINDS[kind].title, lang) if kind in KINDS else kind


def section_title(name: str, lang: str) -> str:
    """The short title of a top-level section of the fact file (a heading of docs/facts.md and the template)."""
    meaning = meaning_of(Agency, name)
    return pick(meaning.title, lang) if meaning is not None and meaning.title is not None else name


# -- the model walk ----------------------------------------------------------------------------------


def _unwrap(annotation: Any) -> Any:
    """The type inside ``Optional[...]`` and ``Annotated[...]`` (the strict types of isocheck.facts.types)."""
    if typing.get_origin(annotation) is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _unwrap(inner[0]) if len(inner) == 1 else annotation
    return annotation


@dataclasses.dataclass(frozen=True)
class FactField:
    """One field of the fact file: its path (lists as ``[]``), owner model and pydantic field info."""

    path: str
    owner: type[BaseModel]
    name: str
    info: FieldInfo

    @property
    def key(self) -> str:
        return f"{self.owner.__name__}.{self.name}"

    @property
    def section(self) -> str:
        return re.split(r"[.\[]", self.path, maxsplit=1)[0]

    @property
    def depth(self) -> int:
        return self.path.count(".")

    @property
    def value_type(self) -> Any:
        """The field's type, without ``| None``."""
        return _unwrap(self.info.annotation)

    @property
    def is_list(self) -> bool:
        return typing.get_origin(self.value_type) is list

    @property
    def model(self) -> type[BaseModel] | None:
        """The model of a nested mapping, or of a list's items."""
        t = _unwrap(typing.get_args(self.value_type)[0]) if self.is_list else self.value_type
        return t if isinstance(t, type) and issubclass(t, BaseModel) else None

    @property
    def required(self) -> bool:
        return self.info.is_required()

    @property
    def default(self) -> Any:
        return None if self.required else self.info.default

    @property
    def only_2008(self) -> bool:
        return "2008 only" in (self.info.description or "")

    @property
    def texts(self) -> FieldMeaning | None:
        """The field's texts: Vietnamese from the catalog, the model's ``meanings`` (isocheck/facts/meaning.py)."""
        return meaning_of(self.owner, self.name)

    def meaning(self, lang: str) -> str:
        """Vietnamese from the catalog; English from the model's ``meanings`` if given, else the description."""
        text = self.texts
        if lang == "vi":
            return text.vi if text else ""
        return (text.en if text and text.en else None) or self.info.description or ""

    def type_text(self, lang: str) -> str:
        t = self.value_type
        if self.is_list:
            return pick(_WORDS["type_list"], lang)
        if self.model is not None:
            return pick(_WORDS["type_mapping"], lang)
        if typing.get_origin(t) is typing.Literal:
            return pick(_WORDS["type_choice"], lang)
        names = {bool: "type_bool", int: "type_int", dt.date: "type_date", str: "type_text"}
        return pick(_WORDS[names[t]], lang) if t in names else str(t)

    @property
    def bounds(self) -> tuple[Any, Any]:
        """The (minimum, maximum) of a number field, None where unbounded."""
        return (
            next((m.ge for m in self.info.metadata if hasattr(m, "ge")), None),
            next((m.le for m in self.info.metadata if hasattr(m, "le")), None),
        )

    def allowed(self, lang: str) -> str:
        """Allowed values: the choices, a number range, or non-empty text."""
        t = self.value_type
        if typing.get_origin(t) is typing.Literal:
            return " | ".join(f"`{v}`" for v in typing.get_args(t))
        ge, le = self.bounds
        if ge is not None and le is not None:
            return f"{ge}–{le}"
        if ge is not None:
            return f"≥ {ge}"
        if any(getattr(m, "min_length", 0) for m in self.info.metadata):
            return pick(_WORDS["not_empty"], lang)
        return ""

    def presence(self, lang: str) -> str:
        """What leaving the field out means, and what null / [] means."""
        if self.required:
            return pick(_WORDS["required"], lang)
        if self.default is not None:
            default = self.default if isinstance(self.default, str) else json.dumps(self.default)
            return pick(_WORDS["left_out_default"], lang).format(d=default)
        if self.texts is not None and self.texts.absent_is_null:
            return pick(_WORDS["left_out_null"], lang)
        if self.is_list:
            return pick(_WORDS["left_out_unknown_empty_none"], lang)
        if (
            self.value_type is bool
            or (self.texts is not None and self.texts.null_is_unknown)
            or (self.value_type is dt.date and "null =" not in self.meaning("en"))
        ):
            return pick(_WORDS["left_out_or_null_unknown"], lang)
        return pick(_WORDS["left_out_unknown_null_none"], lang)


@functools.cache
def fact_fields(model: type[BaseModel] = Agency, prefix: str = "") -> tuple[FactField, ...]:
    """Every field under ``model`` in model order, depth first (a list's item fields follow the list)."""
    fields: list[FactField] = []
    for name, info in model.model_fields.items():
        field = FactField(f"{prefix}{name}", model, name, info)
        fields.append(field)
        if field.model is not None:
            fields += fact_fields(field.model, f"{field.path}{'[]' if field.is_list else ''}.")
    return tuple(fields)


def fact_field(path: str) -> FactField | None:
    return _by_path().get(path)


@functools.cache
def _by_path() -> dict[str, FactField]:
    return {f.path: f for f in fact_fields()}


# -- which rules read which field --------------------------------------------------------------------


def field_sources() -> dict[tuple[str, str], list[str]]:
    """(subject kind, condition field) → the fact-file paths it is computed from, as each field declares them
    (``tests/test_subjects.py`` checks the declarations against the paths derive records)."""
    return {(k, name): sorted(f.sources) for k, kind in KINDS.items() for name, f in kind.fields.items()}


def rules_by_path(pack: RulePack) -> dict[str, list[str]]:
    """Fact-file path → ids of the rules that read it (through a condition field or ``applies_to``)."""
    sources = field_sources()
    result: dict[str, list[str]] = {}
    for rule in pack.rules:
        paths = {p for name in rule.referenced_fields for p in sources[(rule.subject, name)]}
        if set(rule.applies_to.levels) != set(LEVELS):
            paths.add("agency.level")
        if set(rule.applies_to.standards) != {2008, 2015}:
            paths.add("agency.standard")
        for path in paths:
            result.setdefault(path, []).append(rule.id)
    return result


def rules_under(by_path: dict[str, list[str]], path: str) -> list[str]:
    """Rules reading ``path`` or anything inside it, sorted."""
    found = {r for p, rules in by_path.items() if p == path or p.startswith((f"{path}.", f"{path}[]")) for r in rules}
    return sorted(found)
