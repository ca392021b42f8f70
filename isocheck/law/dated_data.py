"""What the dated data files of ``law/administration/`` share: a dated version with its confidence and source,
reading a file into its model, and the chain check that names the line of the version that breaks it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from isocheck.base.errors import InputError
from isocheck.base.shipped import shipped_dir
from isocheck.facts.parse import load_document, path_text, position_of
from isocheck.facts.validation import validation_error
from isocheck.law.citations import Citation, verify_one
from isocheck.law.periods import Dated, chain_problem
from isocheck.text.problems import Found, Problem

Confidence = Literal["high", "medium", "low", "unconfirmed"]
M = TypeVar("M", bound=BaseModel)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Version(Strict):
    """One dated version of a datum: the days it is in force, how sure the data is, and where it comes from."""

    valid_from: dt.date
    valid_until: dt.date | None = None
    confidence: Confidence
    source: str = Field(min_length=1)
    citation: Citation | None = None  # where a shipped text (law/) says it; the quote is checked at load


def administration_dir() -> Path:
    return shipped_dir("_law", "law") / "administration"


def load_model(path: Path, model: type[M]) -> tuple[M, dict]:
    """The file read into ``model`` and its line map. Raises :class:`InputError`."""
    data, lines = load_document(path)
    if not isinstance(data, dict):
        what = Problem("what.data_file")
        line, column = position_of(lines, ())
        problem = {"what": what, "found": Found(data)}
        raise InputError.of(str(path), "doc.not_mapping", problem, line=line, column=column)
    try:
        return model.model_validate(data), lines
    except ValidationError as exc:
        raise validation_error(exc, str(path), lines, model) from None


def check_versions(
    versions: Sequence[Dated], file: str, lines: dict, at: tuple, positions: Sequence[int] | None = None
) -> None:
    """Raise :class:`InputError` at the first version of the list at ``at`` that breaks the chain, and at the first
    citation that does not hold against ``law/``. ``positions``: where each version sits in that list, when the
    versions are a part of it (the corrections of one province)."""
    places = list(positions) if positions is not None else list(range(len(versions)))
    broken = chain_problem(versions)
    if broken is not None:
        i, problem = broken
        loc = (*at, places[i], "valid_from")
        line, column = position_of(lines, loc, value=True)
        raise InputError(file, problem, field=path_text(loc), line=line, column=column)
    for i, version in zip(places, versions, strict=True):
        citation = getattr(version, "citation", None)
        if citation is not None:
            verify_one(citation, file, lines, (*at, i, "citation"))
