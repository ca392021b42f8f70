"""What each fact-file field means to the people who fill it in: English in the model, Vietnamese in the catalog.

Every model of :mod:`isocheck.facts.model` (and of ``qms_model``, ``contract_model``, ``yearly_model``,
``records``, ``evidence``) ends with a ``meanings`` table. A field's English is its ``description``; the table
adds what the code must say beyond it: an English text where the description is missing or too terse for the
reference (``Meaning(en=…)``), a top-level section's short English title (``title=…``), and the two exceptions
to "left out = unknown, null = none" (a field where leaving it out means null; a section or date where null is
as unknown as leaving it out). The Vietnamese of every field is in the gettext catalog
(``isocheck/locale/vi/LC_MESSAGES/isocheck.po``): ``msgctxt "fact:<Model>.<field>"`` (a section title:
``title:<Model>.<field>``), whose ``msgid`` is that English — the gettext convention, as for the commands'
help: ``scripts/catalogs extract`` harvests the English from the models (:func:`catalog_entries`), and a
reworded English comes back to the translator as a fuzzy entry (CONTRIBUTING.md "Dịch / Translating";
``tests/test_catalogs.py`` fails on a field without Vietnamese or with a stale msgid).

The fact reference (``docs/facts.md``), the ``isocheck init`` template and the web form read a field's texts
through :func:`meaning_of`, resolved once per field. The JSON Schema (``docs/fact-file.schema.json``) keeps
the model's English ``description`` alone.

Why a table at the end of each class rather than an argument of each ``Field(...)``: the field lines
themselves are being retyped on another branch (strict types); a table one blank line below them merges
with that work without a conflict.

:func:`path_meaning` reads the same texts for a fact path as findings name it
(``announcements[1].head_confirmed_on``): the report's "missing facts" column glosses each path in the reader's
language, so an ISO secretary reads what to add, not only where.
"""

from __future__ import annotations

import functools
import importlib
import re
import types
import typing
from dataclasses import dataclass

from pydantic import BaseModel

from isocheck.text.catalog import pairs


@dataclass(frozen=True, kw_only=True)
class Meaning:
    """What a model says of a field beyond its ``description`` (its Vietnamese is in the catalog)."""

    en: str | None = None  # the English, where the description does not say it well enough
    title: str | None = None  # a top-level section's heading in English
    absent_is_null: bool = False  # leaving the field out means the same as writing null
    null_is_unknown: bool = False  # null is as unknown as leaving the field out


class Meanings(dict[str, Meaning]):
    """A model's ``meanings`` table: ``field=Meaning(...)`` for the fields whose description is not all."""

    def __init__(self, **texts: Meaning):
        for name, text in texts.items():
            if not isinstance(text, Meaning):
                raise TypeError(
                    f"meanings {name}={text!r}: a field's Vietnamese goes into isocheck.po (msgctxt "
                    '"fact:<Model>.<field>"), its English into the description or Meaning(en=...)'
                )
        super().__init__(texts)


@dataclass(frozen=True)
class FieldMeaning:
    """A field's texts as readers use them: ``vi`` from the catalog, ``en`` the English of ``Meaning(en=…)`` (None:
    the description says it), the section ``title`` (vi, en), and the two flags."""

    vi: str
    en: str | None = None
    title: tuple[str, str] | None = None
    absent_is_null: bool = False
    null_is_unknown: bool = False


_VI: dict[str, tuple[str, str]] = pairs("fact:")  # {"Agency.qms": (vi, en)}, from the gettext catalog
_TITLES: dict[str, tuple[str, str]] = pairs("title:")


@functools.cache
def meaning_of(model: type[BaseModel], field: str) -> FieldMeaning | None:
    """The texts of ``field`` of a ``model`` that has a ``meanings`` table, or None (no table, no such field).
    A field the catalog has no Vietnamese for reads "" in Vietnamese (``tests/test_catalogs.py`` names it)."""
    table = model.__dict__.get("meanings")
    if not isinstance(table, Meanings) or field not in model.model_fields:
        return None
    declared = table.get(field, Meaning())
    key = f"{model.__name__}.{field}"
    title = None
    if declared.title is not None:
        title = (_TITLES[key][0] if key in _TITLES else declared.title, declared.title)
    return FieldMeaning(
        _VI[key][0] if key in _VI else "", declared.en, title, declared.absent_is_null, declared.null_is_unknown
    )


MODULES = ("model", "qms_model", "contract_model", "yearly_model", "records", "evidence")  # of isocheck.facts


def catalog_entries() -> list[tuple[str, str, str]]:
    """(context, English, translator comment) of every field of every model with a ``meanings`` table: what
    ``scripts/catalogs extract`` writes into the template and ``tests/test_catalogs.py`` finds in the catalog."""
    entries = []
    for module_name in MODULES:
        module = importlib.import_module(f"isocheck.facts.{module_name}")
        for model in vars(module).values():
            if not (isinstance(model, type) and issubclass(model, BaseModel) and model.__module__ == module.__name__):
                continue
            table = model.__dict__.get("meanings")
            if not isinstance(table, Meanings):
                continue
            for field, info in model.model_fields.items():
                declared = table.get(field, Meaning())
                where = f"field {field} of {model.__name__} in the fact file (isocheck/facts/{module_name}.py)"
                entries.append(
                    (
                        f"fact:{model.__name__}.{field}",
                        declared.en or info.description or "",
                        f"What the {where} means.",
                    )
                )
                if declared.title:
                    entries.append((f"title:{model.__name__}.{field}", declared.title, f"The heading of the {where}."))
    return entries


_PATH = re.compile(r"[a-z_]+(?:\[[^\]]*\])?(?:\.[a-z_]+(?:\[[^\]]*\])?)*")
_INDEX = re.compile(r"\[[^\]]*\]")
_ASIDE = re.compile(r"\s*\([^()]*\)")
_CUT = re.compile(r";|\.(?:\s|$)")
_TERSE = 3  # a leaf meaning of this many words or fewer ("Ngày ban hành") is read with its parent's


@functools.lru_cache(maxsize=4096)
def path_meaning(root: type[BaseModel], path: str, lang: str) -> str | None:
    """The short meaning (first clause) of the field a fact ``path`` of a ``root`` document names, in ``lang``;
    None for anything that is not a plain fact path or a field without a text in that language."""
    if not _PATH.fullmatch(path):
        return None
    model: type[BaseModel] | None = root
    texts: list[str | None] = []
    for name in _INDEX.sub("", path).split("."):
        if model is None or name not in model.model_fields:
            return None
        field = model.model_fields[name]
        meaning = meaning_of(model, name)
        if lang == "vi":
            text = meaning.vi if meaning else None
        else:
            text = (meaning.en if meaning else None) or field.description
        texts.append(_first_clause(text) if text else None)
        model = _model_in(field.annotation)
    leaf = texts[-1]
    if leaf and len(texts) > 1 and texts[-2] and len(leaf.split()) <= _TERSE:
        return f"{texts[-2]}: {leaf[0].lower()}{leaf[1:]}"
    return leaf


def path_with_meaning(root: type[BaseModel], path: str, lang: str) -> str:
    """``path`` as a listing shows it: "its meaning (path)", or the path alone where it has no meaning."""
    meaning = path_meaning(root, path, lang)
    return f"{meaning} ({path})" if meaning else path


def _model_in(annotation: object) -> type[BaseModel] | None:
    """The pydantic model inside ``Model``, ``Model | None``, ``list[Model]``, ``Annotated[…]``, or None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType, list, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None


def _first_clause(text: str) -> str:
    text = _ASIDE.sub("", text)
    match = _CUT.search(text)
    return (text[: match.start()] if match else text).strip().rstrip(".")
