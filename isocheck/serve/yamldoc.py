"""The fact file as a person keeps it: edits applied to the loaded YAML document, comments and layout kept.

ruamel.yaml's round-trip mode loads the file with its comments, key order, flow or block style, quotes and
indentation; :func:`apply` changes only what the form changed — a value, a key added (at its place in
model order) or removed, a list item added, removed or moved (each kept item keeps its comments, found
through the index it had in the file) — and :func:`dump` writes the document back. A file saved unchanged
is byte-identical; ``tests/test_serve_yaml.py`` checks that on every bundled fact file.

What is new is written as a careful person would write it: block style (a new item of a list whose items
are flow mappings takes their style), dates ``YYYY-MM-DD``, ``null`` spelt out, Vietnamese unescaped, and
any text that a YAML 1.1 reader (PyYAML, isocheck's reader) would take for something else — a code such as
``1.001449``, ``yes``, ``0017``, ``2021-11-16`` — in single quotes; text of several lines as a ``|`` block.
:func:`dump` reads its own output back and refuses to return a text that does not say what was asked.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString, SingleQuotedScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from isocheck.serve.formdata import KEEP
from isocheck.serve.schema import FormField

_NESTED_KEY = re.compile(r"^[^\s#-][^:#]*:[ \t]*(?:#.*)?\n( +)[^\s#-]", re.M)


class NotSaved(Exception):
    """The text written would not read back as the data asked for (never expected; nothing is written)."""


def _yaml(text: str) -> YAML:
    y = YAML()
    y.preserve_quotes = True
    y.width = 1 << 20  # never fold a line the file did not fold
    y.representer.add_representer(type(None), lambda r, _: r.represent_scalar("tag:yaml.org,2002:null", "null"))
    mapping = _NESTED_KEY.search(text)
    _, sequence, offset = load_yaml_guess_indent(text) if text.strip() else (None, None, None)
    y.indent(mapping=len(mapping.group(1)) if mapping else 2, sequence=sequence or 4, offset=offset or 2)
    return y


def load(text: str) -> CommentedMap:
    """The round-trip document of ``text`` (an empty mapping for a new file)."""
    doc = _yaml(text).load(text) if text.strip() else None
    return doc if isinstance(doc, CommentedMap) else CommentedMap()


def dump(doc: CommentedMap, original: str) -> str:
    out = io.StringIO()
    _yaml(original).dump(doc, out)
    return out.getvalue()


def save_text(original: str, data: dict[str, Any], fields: tuple[FormField, ...], origins: dict[tuple, Any]) -> str:
    """The text of the file ``original`` (empty for a new file) holding ``data``: ``original`` itself when
    it already says exactly that (a file opened and saved unchanged stays byte-identical)."""
    if original.strip() and _says(yaml.safe_load(original), data, fields):
        return original
    doc = load(original)
    apply(doc, data, fields, (), origins)
    text = dump(doc, original)
    if not _says(yaml.safe_load(text), data, fields):
        raise NotSaved(text)
    return text


def _says(loaded: Any, wanted: Any, fields: tuple[FormField, ...]) -> bool:
    """True when the document read back holds ``wanted`` for the form ``fields``: each value the same,
    each field left out absent (a :data:`KEEP` value matches what is there; unknown keys are not looked at)."""
    if not isinstance(loaded, dict) or not isinstance(wanted, dict):
        return False
    for field in fields:
        if field.name not in wanted:
            if field.name in loaded:
                return False
            continue
        new, old = wanted[field.name], loaded.get(field.name, _MISSING)
        if new is KEEP:
            continue
        if isinstance(new, dict):
            ok = _says(old, new, field.children)
        elif isinstance(new, list) and field.kind == "list":
            ok = (
                isinstance(old, list)
                and len(old) == len(new)
                and all(_says(o, n, field.children) for o, n in zip(old, new, strict=True))
            )
        else:
            ok = _same(old, new)
        if not ok:
            return False
    return True


_MISSING = object()


def _category(value: Any) -> str:
    for python_type, name in ((bool, "bool"), (int, "int"), (float, "float"), (str, "str"), (dt.datetime, "time")):
        if isinstance(value, python_type):
            return name
    return "date" if isinstance(value, dt.date) else type(value).__name__


def _same(old: Any, new: Any) -> bool:
    if isinstance(new, list) and isinstance(old, list):
        return len(old) == len(new) and all(map(_same, old, new))
    return _category(old) == _category(new) and old == new


def apply(doc: CommentedMap, data: dict[str, Any], fields: tuple[FormField, ...], loc: tuple, origins: dict) -> None:
    """Make the mapping ``doc`` hold ``data`` for the form ``fields``, changing only what differs
    (keys the model does not know are left where they are)."""
    known = [f.name for f in fields]
    for key in [k for k in doc if k in known and k not in data]:
        del doc[key]
    for field in fields:
        if field.name not in data or data[field.name] is KEEP:
            continue
        new, here = data[field.name], (*loc, field.name)
        old = doc.get(field.name)
        if field.name in doc and isinstance(new, dict) and isinstance(old, CommentedMap):
            apply(old, new, field.children, here, origins)
        elif field.name in doc and isinstance(new, list) and new and isinstance(old, CommentedSeq) and old:
            _apply_list(old, new, field, here, origins)
        elif field.name not in doc or not _same(old, new):
            _put(doc, field.name, _node(new, field, here, origins), known)


def _put(doc: CommentedMap, key: str, value: Any, order: list[str]) -> None:
    if key in doc:
        doc[key] = value
        return
    before = [k for k in order[: order.index(key)] if k in doc]
    position = list(doc).index(before[-1]) + 1 if before else 0
    doc.insert(position, key, value)


def _apply_list(seq: CommentedSeq, new: list, field: FormField, loc: tuple, origins: dict) -> None:
    """Rebuild ``seq`` as ``new``: each kept item merged in place, with its comments; new items added."""
    old_items, old_comments = list(seq), dict(seq.ca.items)
    flow = any(isinstance(i, CommentedMap) and i.fa.flow_style() for i in old_items)
    items, comments = [], {}
    for i, value in enumerate(new):
        origin = origins.get((*loc, i))
        if origin is not None and 0 <= origin < len(old_items) and isinstance(old_items[origin], CommentedMap):
            item = old_items[origin]
            apply(item, value, field.children, (*loc, i), origins)
            if origin in old_comments:
                comments[i] = old_comments[origin]
        else:
            item = _node(value, field, (*loc, i), origins, item_of_list=True)
            if flow:
                item.fa.set_flow_style()
        items.append(item)
    list.clear(seq)
    list.extend(seq, items)
    seq.ca.items.clear()
    seq.ca.items.update(comments)


def _node(value: Any, field: FormField, loc: tuple, origins: dict, item_of_list: bool = False) -> Any:
    """A new YAML node for ``value`` (block style; text quoted where a YAML 1.1 reader would misread it)."""
    if isinstance(value, dict):
        mapping = CommentedMap()
        apply(mapping, value, field.children, loc, origins)
        return mapping
    if isinstance(value, list) and field.kind == "list" and not item_of_list:
        seq = CommentedSeq()
        if not value:
            seq.fa.set_flow_style()  # []
        for i, item in enumerate(value):
            seq.append(_node(item, field, (*loc, i), origins, item_of_list=True))
        return seq
    if isinstance(value, list):  # a list of texts
        return CommentedSeq(_text(v) if isinstance(v, str) else v for v in value)
    return _text(value) if isinstance(value, str) else value


def _text(text: str) -> str:
    if "\n" in text:
        return LiteralScalarString(text)
    try:
        plain = yaml.safe_load(text)
    except yaml.YAMLError:
        plain = None
    return text if plain == text and isinstance(plain, str) else SingleQuotedScalarString(text)
