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
"""

from __future__ import annotations

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
