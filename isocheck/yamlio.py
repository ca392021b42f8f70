"""Reads YAML or JSON documents strictly: UTF-8 only, duplicate keys rejected, line numbers kept.

Uses PyYAML's libyaml-backed loader when available (DESIGN.md: the pure-Python loader is ~7x slower).
``load_document`` returns the parsed data and a map from field paths (``("announcements", 0, "date")``)
to 1-based line numbers, so validation errors can point at a line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from isocheck.errors import InputError

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

LineMap = dict[tuple, int]


class _StrictLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe loader that refuses duplicate mapping keys and records the line of every node."""


def _walk(node: yaml.Node, loader: _StrictLoader, path: tuple, lines: LineMap, file: str) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int)):
                raise InputError(file, f"mapping keys must be text, found {key!r}", _path_text(path),
                                 key_node.start_mark.line + 1)
            if key in result:
                raise InputError(file, f"duplicate key '{key}' (each key may appear once)",
                                 _path_text(path + (key,)), key_node.start_mark.line + 1)
            result[key] = _walk(value_node, loader, path + (key,), lines, file)
            lines[path + (key,)] = key_node.start_mark.line + 1  # point at the key, not the value below it
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_walk(child, loader, path + (i,), lines, file) for i, child in enumerate(node.value)]
    try:
        return loader.construct_object(node, deep=True)
    except ValueError as exc:  # an impossible date such as 2021-02-30
        raise InputError(file, f"'{node.value}' is not a valid value ({exc})", _path_text(path),
                         node.start_mark.line + 1) from None


def _path_text(path: tuple) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


path_text = _path_text


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "file not found") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a directory, expected a YAML or JSON file") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not UTF-8 text (byte {exc.start}); save the file as UTF-8") from None
    if not text.strip():
        raise InputError(str(path), "the file is empty, expected a YAML or JSON mapping")
    return text


def load_document(path: str | Path) -> tuple[Any, LineMap]:
    """Parse one YAML or JSON file; return ``(data, lines)``. Raises :class:`InputError`."""
    path = Path(path)
    text = _read_text(path)
    file = str(path)
    if path.suffix.lower() == ".json":
        return _load_json(text, file), {}
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise InputError(file, "the file is empty, expected a YAML or JSON mapping")
        lines: LineMap = {}
        data = _walk(node, loader, (), lines, file)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise InputError(file, f"not valid YAML: {exc.problem or exc.context}", line=line) from None
    except yaml.YAMLError as exc:
        raise InputError(file, f"not valid YAML: {exc}") from None
    except ValueError as exc:  # e.g. an impossible date such as 2021-02-30
        raise InputError(file, f"not valid YAML: {exc}") from None
    finally:
        loader.dispose()
    return data, lines


def _load_json(text: str, file: str) -> Any:
    def no_duplicates(pairs):
        result = {}
        for key, value in pairs:
            if key in result:
                raise InputError(file, f"duplicate key '{key}' (each key may appear once)")
            result[key] = value
        return result

    try:
        return json.loads(text, object_pairs_hook=no_duplicates)
    except json.JSONDecodeError as exc:
        raise InputError(file, f"not valid JSON: {exc.msg}", line=exc.lineno) from None


def line_of(lines: LineMap, loc: tuple) -> int | None:
    """The line of the deepest known node on ``loc`` (pydantic error locations)."""
    loc = tuple(loc)
    while loc:
        if loc in lines:
            return lines[loc]
        loc = loc[:-1]
    return lines.get(())
