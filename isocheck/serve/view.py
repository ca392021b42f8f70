"""What the form template prints: one :class:`Node` per field of a fact document, in model order.

A node holds the field's form name (:mod:`isocheck.serve.formdata`), its texts in the page's language,
the value as the form shows it (dates dd/mm/yyyy, ``true``/``false`` for a yes/no choice), the state of
its "none" checkbox and the markers that keep what the form cannot show. Lists hold one node per item
(``rows``); a new row is built from the same fields with no value (:func:`new_row`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets
from typing import Any

from isocheck.serve.dates import show_day
from isocheck.serve.schema import FormField
from isocheck.serve.words import word


def dom_id(name: str) -> str:
    """An HTML id for a form name (``procedures.r7.code`` → ``procedures-r7-code``)."""
    return name.replace(".", "-")


@dataclasses.dataclass
class Node:
    field: FormField
    name: str
    lang: str
    value: str = ""
    none: bool = False  # the "none" checkbox is ticked
    was: str = ""  # "null" / "empty": what the file had where the form shows a blank
    keep: bool = False  # the file holds something here the form cannot show
    children: list[Node] = dataclasses.field(default_factory=list)
    rows: list[Row] = dataclasses.field(default_factory=list)
    example: str = ""

    @property
    def id(self) -> str:
        return dom_id(self.name)

    @property
    def label(self) -> str:
        return self.field.label(self.lang)

    @property
    def help(self) -> str:
        return self.field.help(self.lang)

    @property
    def none_label(self) -> str | None:
        return self.field.none_label(self.lang)

    @property
    def width(self) -> str:
        """How wide a table cell's input wants to be, from the length of the field's example."""
        size = len(self.example)
        return "wide" if size > 30 else ("mid" if size > 12 else "narrow")

    @property
    def filled(self) -> bool:
        """Anything is written here (a value, null, or in a nested field or row)."""
        return bool(self.value or self.none or self.was or self.keep or self.rows) or any(
            c.filled for c in self.children
        )

    @property
    def choices(self) -> list[tuple[str, str]]:
        if self.field.kind == "bool":
            return [("true", word("yes", self.lang)), ("false", word("no", self.lang))]
        return [(str(c), self.field.choice_label(c, self.lang)) for c in self.field.choices]


@dataclasses.dataclass
class Row:
    token: str
    name: str
    origin: int | None
    cells: list[Node]

    @property
    def id(self) -> str:
        return dom_id(self.name)


def shown(value: Any) -> str:
    """A scalar as the form shows it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return show_day(value)
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return "" if value is None else str(value)


def _fits(field: FormField, value: Any) -> bool:
    if field.kind == "group":
        return isinstance(value, dict)
    if field.kind in ("list", "lines"):
        return isinstance(value, list) and (field.kind == "lines" or all(isinstance(item, dict) for item in value))
    return not isinstance(value, (dict, list))


def nodes(fields: tuple[FormField, ...], data: Any, prefix: str, lang: str, examples: dict[str, Any]) -> list[Node]:
    """The nodes of ``fields`` filled from ``data`` (a mapping of the fact document, or nothing)."""
    data = data if isinstance(data, dict) else {}
    return [node(f, data, f"{prefix}.{f.name}" if prefix else f.name, lang, examples) for f in fields]


def node(field: FormField, data: dict, name: str, lang: str, examples: dict[str, Any]) -> Node:
    here = Node(field, name, lang, example=shown(examples.get(field.path)))
    present = field.name in data
    value = data.get(field.name)
    if present and value is None:
        here.none, here.was = field.none_label(lang) is not None, "null"
    elif present and not _fits(field, value):
        here.keep, here.value = True, repr(value)[:200]
        value = None
    elif present and value in ({}, []) and not isinstance(value, bool):
        here.none = field.kind == "list"
        here.was = "empty" if value == {} else ""
    if field.kind == "group":
        here.children = nodes(field.children, value, name, lang, examples)
    elif field.kind == "list":
        here.rows = [row(field, name, str(i), i, item, lang, examples) for i, item in enumerate(value or [])]
    elif not here.keep:
        here.value = shown(value)
    return here


def row(
    field: FormField, list_name: str, token: str, origin: int | None, item: Any, lang: str, examples: dict[str, Any]
) -> Row:
    name = f"{list_name}.{token}"
    return Row(token, name, origin, nodes(field.children, item, name, lang, examples))


def new_row(field: FormField, list_name: str, lang: str, examples: dict[str, Any], item: Any = None) -> Row:
    """A row for a new item of the list ``field`` (named ``list_name`` in the form), with a fresh token."""
    return row(field, list_name, "n" + secrets.token_hex(4), None, item or {}, lang, examples)
