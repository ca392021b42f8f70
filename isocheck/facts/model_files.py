"""Load a YAML/JSON file and validate it against a pydantic model, with the tool's one-line errors.

Used by the small data files a user passes on the command line (waivers, rubrics); the fact file and
rule pack have their own loaders because they check more than the schema.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from isocheck.base.errors import InputError
from isocheck.facts.model import validation_error
from isocheck.facts.parse import load_document
from isocheck.text.problems import Problem

M = TypeVar("M", bound=BaseModel)


def unknown_rule(file: str, rule_id: str, known: set[str], field: str) -> InputError:
    """The error for a rule id that is not in the pack, with a did-you-mean."""
    close = difflib.get_close_matches(rule_id, sorted(known), n=1)
    hint = Problem("field.did_you_mean", close=close[0]) if close else ""
    return InputError.of(file, "rule.unknown_id", {"rule": rule_id, "hint": hint}, field=field)


def load_model(path: str | Path, model: type[M], what: str) -> M:
    """Parse ``path`` and validate it as ``model``; ``what`` names the file kind in the top-level error."""
    data, lines = load_document(path)
    if not isinstance(data, dict):
        raise InputError.of(str(path), "doc.not_mapping", {"what": what, "found": type(data).__name__})
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, str(path), lines, model) from None
