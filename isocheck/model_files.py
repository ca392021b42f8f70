"""Load a YAML/JSON file and validate it against a pydantic model, with the tool's one-line errors.

Used by the small data files a user passes on the command line (waivers, rubrics); the fact file and
rule pack have their own loaders because they check more than the schema.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from isocheck.errors import InputError
from isocheck.facts import validation_error
from isocheck.yamlio import load_document

M = TypeVar("M", bound=BaseModel)


def load_model(path: str | Path, model: type[M], what: str) -> M:
    """Parse ``path`` and validate it as ``model``; ``what`` names the file kind in the top-level error."""
    data, lines = load_document(path)
    if not isinstance(data, dict):
        raise InputError(str(path), f"expected a mapping at the top of the {what}, found {type(data).__name__}")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, str(path), lines, model) from None
