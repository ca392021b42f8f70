"""What each fact-file field means to the people who fill it in, written in the model class beside its fields.

Every model of :mod:`isocheck.facts.model` ends with a ``meanings`` table, one entry per field: the
Vietnamese text, an English one where the model's ``description`` is missing or too terse for the
reference, a top-level section's short title, and the two exceptions to "left out = unknown, null =
none" (a field where leaving it out means null; a section or date where null is as unknown as leaving
it out). The fact reference (``docs/facts.md``) and the ``isocheck init`` template read it through
:func:`meaning_of`, so a new model field brings its texts with it (``tests/test_docs_generated.py`` names
a field without one). The JSON Schema (``docs/fact-file.schema.json``) keeps the model's English
``description`` alone.

Why a table at the end of each class rather than an argument of each ``Field(...)``: the field lines
themselves are being retyped on another branch (strict types); a table one blank line below them merges
with that work without a conflict. Moving an entry into its ``Field(json_schema_extra=...)`` later is
mechanical.

:func:`path_meaning` reads the same tables for a fact path as findings name it
(``announcements[1].head_confirmed_on``): the report's "missing facts" column glosses each path in the reader's
language, so an ISO secretary reads what to add, not only where.
"""

from __future__ import annotations

import functools
import re
import types
import typing
from dataclasses import dataclass

from pydantic import BaseModel


@dataclass(frozen=True)
class Meaning:
    """A field's meaning: ``vi`` always; ``en`` where the model's description does not say it well enough."""

    vi: str
    en: str | None = None
    title: tuple[str, str] | None = None  # a top-level section's heading (vi, en)
    absent_is_null: bool = False  # leaving the field out means the same as writing null
    null_is_unknown: bool = False  # null is as unknown as leaving the field out


class Meanings(dict[str, Meaning]):
    """A model's ``meanings`` table: ``field=Meaning(...)``, or ``field="Vietnamese text"`` for the plain case."""

    def __init__(self, **texts: str | Meaning):
        super().__init__({name: t if isinstance(t, Meaning) else Meaning(t) for name, t in texts.items()})


def meaning_of(model: type[BaseModel], field: str) -> Meaning | None:
    """The meaning the ``meanings`` table of ``model`` gives ``field``, or None."""
    table = getattr(model, "meanings", None)
    return table.get(field) if isinstance(table, Meanings) else None


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
