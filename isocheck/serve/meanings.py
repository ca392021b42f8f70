"""The one adapter between the web form and the texts the fact model carries: meanings, section titles, examples.

The form is generated from the model (:mod:`isocheck.serve.schema`); what each field *means* to the person
filling it in is metadata of the model, read here and nowhere else, so that moving those texts needs one
edit in this module:

- :func:`meaning` — a field's meaning in Vietnamese or English (:func:`isocheck.facts.meaning.meaning_of`:
  the Vietnamese from the gettext catalog, the English from the model's ``meanings`` table beside its fields,
  else the field's pydantic ``description``).
- :func:`section_title` — the short title of a top-level section (``docs/facts.md`` and ``isocheck init``
  use the same).
- :func:`examples` — an example value for each field path, from the consistent example agency of
  ``isocheck init`` for the agency's level.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from pydantic import BaseModel

from isocheck.facts.meaning import meaning_of


@functools.cache
def meaning(model: type[BaseModel], name: str, lang: str) -> str:
    """What field ``name`` of ``model`` means, in ``lang`` (``vi`` or ``en``); empty when nothing says."""
    entry = meaning_of(model, name)
    if lang == "vi":
        return (entry.vi if entry is not None else "") or ""
    english = entry.en if entry is not None and entry.en else None
    return english or model.model_fields[name].description or ""


def section_title(name: str, lang: str) -> str:
    """The short title of the top-level section ``name`` of the fact file."""
    from isocheck.docs.facts import section_title as title

    return title(name, lang)


@functools.cache
def examples(level: str, year: int) -> dict[str, Any]:
    """An example value for each field path (``procedures[].code``), from the example agency of
    ``isocheck init`` for ``level``; fields the example leaves out have none."""
    from isocheck.docs.template import Commented, NoneYet, placeholders

    found: dict[str, Any] = {}
    stack: list[tuple[Any, str]] = [(placeholders(level, year), "")]
    while stack:
        value, path = stack.pop()
        if isinstance(value, Commented):  # shown commented out in the template: still a good example
            value = value.value
        elif isinstance(value, NoneYet):  # written as [] in the template, with an example item
            value = [value.example]
        if isinstance(value, dict):
            stack += [(child, f"{path}.{key}" if path else str(key)) for key, child in value.items()]
        elif isinstance(value, list) and value:
            stack.append((value[0], f"{path}[]"))
        elif isinstance(value, (str, int, bool, dt.date)):
            found.setdefault(path, value)
    return found
