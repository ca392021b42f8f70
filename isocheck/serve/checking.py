"""One posted form, checked as the command line checks a fact file: typed, validated, then judged.

:func:`check_form` reads the form (:mod:`isocheck.serve.formdata`), validates the document with the fact
model and the date plausibility check (an event after the as-of date), and runs the rules when it is
valid. Every problem is the command line's :class:`~isocheck.base.errors.InputError`, placed at the form
name of its field (the nearest one the form has), in the page's language. :func:`saved_text` is the text
that saving would write, checked the same way once more as it will be read back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import yaml
from pydantic import ValidationError

from isocheck.api import Report, check_agency
from isocheck.base.errors import InputError
from isocheck.facts.model import Agency, validate_agency
from isocheck.facts.parse import loc_of
from isocheck.facts.plausibility import check_dates
from isocheck.facts.validation import field_errors
from isocheck.pack.rules import RulePack
from isocheck.serve import yamldoc
from isocheck.serve.formdata import KEEP, Bad, Parsed, parse_form
from isocheck.serve.schema import FormField, form_fields

FIELDS: tuple[FormField, ...] = form_fields(Agency)


@dataclasses.dataclass(frozen=True)
class Settings:
    """How the page checks: as of which day, which rules, in which language."""

    as_of: dt.date
    profile: str
    lang: str


@dataclasses.dataclass
class Checked:
    parsed: Parsed
    errors: dict[str, str]  # form name -> the problem, next to its input
    messages: list[str]  # every problem as the command line prints it
    report: Report | None


def for_check(value: Any) -> Any:
    """The document the live check judges: values that could not be typed, and values kept from the
    file that the form cannot show, left out."""
    if isinstance(value, dict):
        return {k: for_check(v) for k, v in value.items() if v is not KEEP and not isinstance(v, Bad)}
    if isinstance(value, list):
        return [for_check(v) for v in value]
    return value


def for_save(value: Any) -> Any:
    """The document a draft saves: a value that could not be typed written as the text typed."""
    if isinstance(value, dict):
        return {k: for_save(v) for k, v in value.items()}
    if isinstance(value, list):
        return [for_save(v) for v in value]
    return value.raw if isinstance(value, Bad) else value


def _place(checked: Checked, loc: tuple, error: InputError, lang: str) -> None:
    names = checked.parsed.names
    while loc and loc not in names:
        loc = loc[:-1]
    if loc:
        checked.errors.setdefault(names[loc], error.detail.text(lang))
    checked.messages.append(error.text(lang))


def validate(checked: Checked, data: dict[str, Any], file: str, settings: Settings) -> Agency | None:
    """The agency ``data`` describes, or None with every problem placed in ``checked``."""
    try:
        agency = Agency.model_validate(data)
    except ValidationError as exc:
        for loc, error in field_errors(exc, file, Agency):
            _place(checked, loc, error, settings.lang)
        return None
    try:
        check_dates(agency, settings.as_of, file, {})
    except InputError as exc:
        _place(checked, loc_of(exc.field or ""), exc, settings.lang)
        return None
    return agency


def check_form(pairs: list[tuple[str, str]], file: str, settings: Settings, pack: RulePack) -> Checked:
    """The form's document checked: its problems by field and, when it is valid, the report."""
    parsed = parse_form(pairs, FIELDS)
    checked = Checked(parsed, {}, [], None)
    for name, problem in parsed.problems.items():
        checked.errors[name] = problem.text(settings.lang)
        checked.messages.append(InputError(file, problem, name).text(settings.lang))
    agency = validate(checked, for_check(parsed.data), file, settings)
    if agency is not None:
        checked.report = check_agency(agency, settings.as_of, pack, settings.profile, file=file)
    return checked


def saved_text(checked: Checked, original: str, file: str, settings: Settings, draft: bool) -> str | None:
    """The text saving writes, or None when it would not be a valid fact file (then ``checked`` holds why;
    a draft is written all the same)."""
    text = yamldoc.save_text(original, for_save(checked.parsed.data), FIELDS, checked.parsed.origins)
    if draft:
        return text
    if checked.errors:
        return None
    try:  # what the file will say, with what the form kept from it unseen (an unknown key, say)
        check_dates(validate_agency(yaml.safe_load(text), file), settings.as_of, file, {})
    except InputError as exc:
        _place(checked, loc_of(exc.field or ""), exc, settings.lang)
        return None
    return text
