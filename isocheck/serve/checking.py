"""One posted form, checked as the command line checks a fact file: typed, validated, then judged.

:func:`check_form` reads the form (:mod:`isocheck.serve.formdata`), validates the document with the fact
model and the date plausibility check (an event after the as-of date), and runs the rules when it is
valid. Every problem is the command line's :class:`~isocheck.base.errors.InputError`, placed at the form
name of its field (the nearest one the form has), in the page's language. :func:`saved_text` is the text
that saving would write, checked the same way once more as it will be read back.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from typing import Any

import yaml
from pydantic import ValidationError

from isocheck.api import Report, check_agency
from isocheck.base.errors import InputError
from isocheck.facts.model import Agency, validate_agency
from isocheck.facts.parse import loc_of, path_text
from isocheck.facts.plausibility import check_dates
from isocheck.facts.validation import field_errors
from isocheck.law.applicability import check_applies
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
    partial: bool = False  # the report leaves out the rows and values that are wrong


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
    """Show ``error`` next to the input of ``loc`` (the nearest the form has) and in the list; once per
    input (a date typed wrongly is not also "missing")."""
    names = checked.parsed.names
    while loc and loc not in names:
        loc = loc[:-1]
    if loc and names[loc] in checked.errors:
        return
    if loc:
        checked.errors[names[loc]] = error.detail.text(lang)
    checked.messages.append(error.text(lang))


def problems(data: dict[str, Any], file: str, as_of: dt.date) -> list[tuple[tuple, InputError]]:
    """What is wrong with the document ``data``: every model error, else the first event after ``as_of``."""
    try:
        agency = Agency.model_validate(data)
    except ValidationError as exc:
        return field_errors(exc, file, Agency)
    try:
        check_dates(agency, as_of, file, {})
        check_applies(agency, as_of, file)  # a level that no longer exists, a basis that contradicts it
    except InputError as exc:
        return [(loc_of(exc.field or ""), exc)]
    return []


def _pruned(data: dict[str, Any], locs: list[tuple]) -> dict[str, Any]:
    """``data`` without the list items (or, outside lists, the values) where ``locs`` point."""
    data = copy.deepcopy(data)
    for loc in sorted({_item_of(loc) for loc in locs if loc}, key=lambda x: (len(x), x), reverse=True):
        parent: Any = data
        for part in loc[:-1]:
            parent = parent[part] if isinstance(parent, (dict, list)) and _has(parent, part) else None
        if isinstance(parent, (dict, list)) and _has(parent, loc[-1]):
            del parent[loc[-1]]
    return data


def _item_of(loc: tuple) -> tuple:
    indexes = [i for i, part in enumerate(loc) if isinstance(part, int)]
    return loc[: indexes[-1] + 1] if indexes else loc


def _has(container: Any, key: Any) -> bool:
    return key in container if isinstance(container, dict) else isinstance(key, int) and 0 <= key < len(container)


def check_form(pairs: list[tuple[str, str]], file: str, settings: Settings, pack: RulePack) -> Checked:
    """The form's document checked: its problems by field and the report. While some rows or values are
    wrong the rest is still checked, without them (``partial``); with a required value missing, nothing."""
    parsed = parse_form(pairs, FIELDS)
    checked = Checked(parsed, {}, [], None)
    for loc, problem in parsed.problems.items():
        _place(checked, loc, InputError(file, problem, path_text(loc)), settings.lang)
    data = for_check(parsed.data)
    found = problems(data, file, settings.as_of)
    for _ in range(20):  # each round leaves out what was wrong; a late date is found one at a time
        if not found:
            break
        for loc, error in found:
            _place(checked, loc, error, settings.lang)
        pruned = _pruned(data, [loc for loc, _ in found])
        if pruned == data:  # a required value is missing: nothing to judge
            break
        data, found = pruned, problems(pruned, file, settings.as_of)
    if not found:
        checked.partial = bool(checked.errors)
        agency = Agency.model_validate(data)
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
