"""pydantic's validation errors as one translated :class:`InputError`: field path, line and column, what
was found and what was expected (with "did you mean" for a misspelt field name).

Each common pydantic error type maps to a message of :mod:`isocheck.text.problems`; an unknown type keeps
pydantic's English text. A validator that raises ``ValueError(Problem(...))`` is shown translated, and
the ``isocheck`` errors of :mod:`isocheck.facts.types` are shown as the problem they carry.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, RootModel, ValidationError
from pydantic_core import ErrorDetails

from isocheck.base.errors import InputError
from isocheck.facts.parse import path_text, position_of
from isocheck.facts.types import VISIBLE_PATTERN, invisible_problem
from isocheck.text.problems import Alternatives, Found, Problem, impossible_date

_UNIONS = (typing.Union, types.UnionType)
# pydantic error type -> message key; the message shows the value found
_FOUND = {
    "date_parsing": "type.date",
    "date_from_datetime_parsing": "type.date",
    "date_type": "type.date",
    "date_from_datetime_inexact": "type.date_exact",
    "int_parsing": "type.int",
    "int_type": "type.int",
    "int_from_float": "type.int",
    "int_parsing_size": "type.int",
    "float_parsing": "type.float",
    "float_type": "type.float",
    "bool_parsing": "type.bool",
    "bool_type": "type.bool",
    "string_type": "type.str",
    "list_type": "type.list",
    "dict_type": "type.mapping",
    "model_type": "type.mapping",
    "model_attributes_type": "type.mapping",
}
# pydantic error type -> (message key, the limit in the error's context)
_LIMITS = {
    "greater_than_equal": ("type.ge", "ge"),
    "greater_than": ("type.gt", "gt"),
    "less_than_equal": ("type.le", "le"),
    "less_than": ("type.lt", "lt"),
}


def _reported(exc: ValidationError) -> list[ErrorDetails]:
    """pydantic's errors, less the "missing" of a misspelt key: it is named once, as the misspelling."""
    errors = exc.errors(include_url=False)
    unknown_in = {tuple(e["loc"][:-1]) for e in errors if e["type"] == "extra_forbidden"}
    errors = [e for e in errors if not (e["type"] == "missing" and tuple(e["loc"][:-1]) in unknown_in)] or errors
    return errors


def validation_error(exc: ValidationError, file: str, lines: dict, model: type[BaseModel]) -> InputError:
    """pydantic's errors as one InputError naming field, line, column and expectation of the first, with
    the others (one per field, in file order) attached: every problem is shown in one run."""
    by_loc: dict[tuple, ErrorDetails] = {}
    for error in _reported(exc):
        loc, _ = _resolve(model, tuple(error["loc"]))
        # a value that fits a union member's type but not isocheck's rule for it (a date in year 9999 where a
        # number or a date may stand): say what is wrong with it, not that it should have been the other member
        if loc not in by_loc or (error["type"] == "isocheck" and by_loc[loc]["type"] != "isocheck"):
            by_loc[loc] = error
    found = []
    for loc, error in by_loc.items():
        line, column = position_of(lines, loc, value=error["type"] not in ("missing", "extra_forbidden"))
        found.append(InputError(file, _problem(error, model, loc), path_text(loc) or None, line, column))
    first, *others = found
    return first.with_others(others) if others else first


def field_errors(exc: ValidationError, file: str, model: type[BaseModel]) -> list[tuple[tuple, InputError]]:
    """Every error of ``exc``, one message per field, with the field's location (a form shows each
    next to its field; the command line shows the first, :func:`validation_error`)."""
    errors = _reported(exc)
    found: dict[tuple, InputError] = {}
    for error in errors:
        loc, _ = _resolve(model, tuple(error["loc"]))
        if loc not in found:
            found[loc] = InputError(file, _problem(error, model, loc), path_text(loc) or None)
    return list(found.items())


def _problem(error: ErrorDetails, model: type[BaseModel], loc: tuple) -> Problem:
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    found = Found(value)
    if kind == "isocheck":  # a problem of isocheck's own (isocheck.facts.types)
        return ctx["problem"]
    if kind == "missing":
        return Problem("field.missing")
    if kind == "extra_forbidden":
        return _unknown_field(model, loc)
    if kind in _FOUND:
        dated = impossible_date(value) if kind.startswith("date") and isinstance(value, str) else None
        return dated or Problem(_FOUND[kind], found=found)
    if kind in _LIMITS:
        key, name = _LIMITS[kind]
        if kind == "greater_than_equal" and ctx.get(name) == 0:
            return Problem("type.not_negative", found=found)
        return Problem(key, limit=ctx.get(name), found=found)
    if kind == "literal_error":
        return Problem("type.literal", expected=Alternatives(str(ctx.get("expected"))), found=found)
    if kind == "string_too_short":
        limit = ctx.get("min_length")
        return Problem("type.not_empty") if limit == 1 else Problem("type.min_chars", limit=limit, found=found)
    if kind == "too_short":
        return Problem("type.min_items", limit=ctx.get("min_length"), count=ctx.get("actual_length"))
    if kind == "string_pattern_mismatch":
        invisible = invisible_problem(value) if ctx.get("pattern") == VISIBLE_PATTERN else None
        return invisible or Problem("type.pattern", pattern=ctx.get("pattern"), found=found)
    if kind in ("value_error", "assertion_error"):
        cause = ctx.get("error")
        args = getattr(cause, "args", None) or (None,)
        return Problem("type.value", detail=args[0] if isinstance(args[0], Problem) else str(cause))
    return Problem.plain(f"{error['msg']}, found {found.text('en')}")


def _unknown_field(model: type[BaseModel], loc: tuple) -> Problem:
    name = str(loc[-1])
    allowed = _field_names(_resolve(model, loc[:-1])[1])
    close = difflib.get_close_matches(name, allowed, n=1)
    return Problem(
        "field.unknown",
        name=name,
        hint=Problem("field.did_you_mean", close=close[0]) if close else "",
        allowed=Problem("field.allowed", fields=", ".join(allowed)) if allowed else "",
    )


def _field_names(annotation: Any) -> list[str]:
    model = _unwrap(annotation)
    if isinstance(model, type) and issubclass(model, BaseModel):
        return [f.alias or name for name, f in model.model_fields.items()]
    return []


def _resolve(model: type[BaseModel], loc: tuple) -> tuple[tuple, Any]:
    """Walk a pydantic error location through the annotations: the location without the union-member
    tags pydantic inserts (``int``, ``date``), and the annotation reached (None when unknown)."""
    clean: list = []
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        args = typing.get_args(current)
        origin = typing.get_origin(current)
        if current is None:
            pass
        elif isinstance(current, type) and issubclass(current, BaseModel):
            fields = {f.alias or name: f for name, f in current.model_fields.items()}
            current = fields[part].annotation if part in fields else None
        elif origin in (list, tuple, set, frozenset):
            current = args[0] if args and isinstance(part, int) else None
        elif origin is dict:
            current = args[1] if len(args) == 2 else None
        elif origin in _UNIONS:  # the member pydantic tried is named in the location, not a field
            current = None
            continue
        else:
            current = None
        clean.append(part)
    return tuple(clean), current


def _unwrap(annotation: Any) -> Any:
    """Optional[X] -> X, Annotated[X, ...] -> X, a RootModel -> its root annotation."""
    while True:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if typing.get_origin(annotation) in _UNIONS and len(args) == 1:
            annotation = args[0]
        elif typing.get_origin(annotation) is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif isinstance(annotation, type) and issubclass(annotation, RootModel):
            annotation = annotation.model_fields["root"].annotation
        else:
            return annotation
