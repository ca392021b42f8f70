"""Reads YAML or JSON documents strictly: UTF-8 only, duplicate keys rejected, line and column numbers kept.

Fast path: a well-formed fact file is parsed by yaml-rs (a Rust parser, ~10x faster than PyYAML's C
loader, which still builds every node in Python) and its line map is computed only if an error needs
it. Anything yaml-rs reads differently from YAML 1.1 as PyYAML reads it (``yes``/``no``, an impossible
date left as text, anchors, merge keys, a duplicate key, a syntax error) goes the strict way: PyYAML's
libyaml-backed loader with duplicate-key rejection and positions, so results and messages are the
same either way (a test compares both on every fixture and on generated agencies).
``load_document`` returns the parsed data and a :class:`LineMap` from field paths
(``("announcements", 0, "date")``) to 1-based line numbers (with columns), so validation errors can
point at a line. Every problem is an :class:`InputError`: a file over :data:`MAX_FILE_BYTES` is
refused before it is read, and a document nested deeper than :data:`MAX_DEPTH` levels is refused
without a RecursionError (or a crash of libyaml's recursive C composer).
"""

from __future__ import annotations

import codecs
import json
import re
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer

try:  # optional: without it every file takes the strict path
    import yaml_rs
except ImportError:  # pragma: no cover — yaml-rs has wheels for the supported platforms
    yaml_rs = None

from isocheck.base.errors import InputError
from isocheck.facts.limits import MAX_DEPTH, shallow, too_deep
from isocheck.text.problems import Found, Problem, Size, glossed, impossible_date

MAX_FILE_BYTES = 50 * 1024 * 1024  # a fact file is a few kilobytes; the biggest rule file under ten
MAX_VALUES = 1_000_000  # nodes visited, aliases counted at each use (the "billion laughs")
# libyaml's composer recurses on the C stack (it crashed at ~25,000 levels with an 8 MB stack); a text
# with more nesting characters than this is composed by PyYAML's composer, which checks the depth.
_C_COMPOSER_SAFE = 5_000
# libyaml's scanner reads flow brackets ahead of the parser and stops at its own nesting limit (1,000 in the
# libyaml of PyYAML 6.0.4): a text with more brackets than this is read by PyYAML's pure-Python scanner.
_C_SCANNER_SAFE = 900

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


class LineMap(dict):
    """Field path → 1-based line of its key (of the item itself, in a list); ``columns``: the 1-based
    column there; ``scalars``: ``(line, column)`` of each scalar value."""

    def __init__(self):
        super().__init__()
        self.columns: dict[tuple, int] = {}
        self.scalars: dict[tuple, tuple[int, int]] = {}

    def mark(self, path: tuple, mark) -> None:
        self[path], self.columns[path] = mark.line + 1, mark.column + 1


class _LazyLineMap(LineMap):
    """A :class:`LineMap` computed on first use (only errors need positions)."""

    def __init__(self, compute):
        dict.__init__(self)
        self._compute = compute

    def _fill(self) -> None:
        if self._compute is not None:
            compute, self._compute = self._compute, None
            lines = compute()
            dict.update(self, lines)
            self.__dict__.update(columns=lines.columns, scalars=lines.scalars)

    def __getattr__(self, name: str):  # ``columns`` and ``scalars`` before the map is filled
        if name in ("columns", "scalars"):
            self._fill()
            return self.__dict__[name]
        raise AttributeError(name)

    def __contains__(self, key) -> bool:
        self._fill()
        return dict.__contains__(self, key)

    def __getitem__(self, key):
        self._fill()
        return dict.__getitem__(self, key)

    def get(self, key, default=None):
        self._fill()
        return dict.get(self, key, default)

    def __iter__(self):
        self._fill()
        return dict.__iter__(self)

    def __len__(self) -> int:
        self._fill()
        return dict.__len__(self)

    def __eq__(self, other) -> bool:
        self._fill()
        return dict.__eq__(self, other)

    def keys(self):
        self._fill()
        return dict.keys(self)

    def items(self):
        self._fill()
        return dict.items(self)

    def values(self):
        self._fill()
        return dict.values(self)

    __hash__ = None  # type: ignore[assignment]


class _StrictLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe loader; :class:`_Walker` rejects duplicate keys and records positions."""


class _TooDeep(Exception):
    def __init__(self, mark):
        self.mark = mark


class _DepthGuard:
    """Mixed into a loader: PyYAML's composer, stopping at :data:`MAX_DEPTH` levels with isocheck's message."""

    depth = 0

    def compose_node(self, parent, index):
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _TooDeep(self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


_PythonComposer = (
    type("_PythonComposer", (Composer, _BaseLoader), {}) if _BaseLoader is not yaml.SafeLoader else yaml.SafeLoader
)


class _GuardedLoader(_DepthGuard, _PythonComposer):  # type: ignore[misc, valid-type]
    """libyaml's events composed by PyYAML's composer, which checks the depth of every node."""

    def __init__(self, stream: str):
        _BaseLoader.__init__(self, stream)
        Composer.__init__(self)


class _PureLoader(_DepthGuard, yaml.SafeLoader):
    """PyYAML's own scanner, parser and composer: for a text with many flow brackets, which libyaml's
    scanner would read ahead past its own nesting limit (1,000 in libyaml 0.2.5) before the composer
    reached isocheck's."""


class _Walker:
    """Builds the data from the node tree: positions, duplicate keys, depth and size limits."""

    def __init__(self, loader: yaml.BaseLoader, file: str):
        self.loader, self.file, self.lines, self.count = loader, file, LineMap(), 0

    def walk(self, node: yaml.Node) -> Any:
        self.lines.mark((), node.start_mark)
        return self.value(node, (), 1)

    def value(self, node: yaml.Node, path: tuple, depth: int) -> Any:
        self.count += 1
        if depth > MAX_DEPTH:  # the position, not the field path: that would be a hundred levels long
            raise self.error(node, (), Problem("doc.too_deep", limit=MAX_DEPTH))
        if self.count > MAX_VALUES:
            raise self.error(
                node,
                (),
                Problem(
                    "doc.too_many_values", limit=Problem.plain(f"{MAX_VALUES:,}", f"{MAX_VALUES:,}".replace(",", "."))
                ),
            )
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, child in enumerate(node.value):
                self.lines.mark((*path, i), child.start_mark)
                items.append(self.value(child, (*path, i), depth + 1))
            return items
        self.lines.scalars[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        return self.scalar(node, path)

    def mapping(self, node: yaml.MappingNode, path: tuple, depth: int) -> dict:
        self.loader.flatten_mapping(node)
        result: dict = {}
        for key_node, value_node in node.value:
            key = self.scalar(key_node, path) if isinstance(key_node, yaml.ScalarNode) else key_node.value
            if isinstance(key, bool) or not isinstance(key, (str, int)):
                raise self.error(key_node, path, Problem("key.not_text", found=Found(key)))
            here = (*path, key)
            if key in result:
                raise self.error(key_node, here, Problem("key.duplicate", key=key, first=self.lines[here]))
            self.lines.mark(here, key_node.start_mark)  # point at the key, not the value below it
            result[key] = self.value(value_node, here, depth + 1)
        return result

    def scalar(self, node: yaml.Node, path: tuple) -> Any:
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.MarkedYAMLError:
            raise
        except Exception as exc:
            # value: an impossible date such as 2021-02-30, a value its explicit tag refuses (!!int abc, !!int '')
            dated = impossible_date(node.value) if node.tag.endswith(":timestamp") else None
            raise self.error(
                node, path, dated or Problem("value.invalid", value=Found(node.value), detail=glossed(str(exc)))
            ) from None

    def error(self, node: yaml.Node, path: tuple, problem: Problem) -> InputError:
        return InputError(
            self.file, problem, path_text(path) or None, node.start_mark.line + 1, node.start_mark.column + 1
        )


def _path_text(path: tuple) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


path_text = _path_text
_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def loc_of(text: str) -> tuple:
    """The location of a field path written by :func:`path_text` (``a.b[0].c`` -> ``("a", "b", 0, "c")``)."""
    return tuple(int(index) if index else name for index, name in _PART.findall(text))


def _read_bytes(path: Path) -> bytes:
    file = str(path)
    try:
        size = path.stat().st_size
        if size <= MAX_FILE_BYTES:
            with path.open("rb") as handle:
                raw = handle.read(MAX_FILE_BYTES + 1)  # a pipe or device may say size 0
            size = len(raw)
    except FileNotFoundError:
        raise InputError.of(file, "file.not_found") from None
    except IsADirectoryError:
        raise InputError.of(file, "file.is_directory") from None
    except PermissionError:
        raise InputError.of(file, "file.no_permission") from None
    except OSError as exc:
        raise InputError.of(file, "file.unreadable", {"reason": exc.strerror or exc}) from None
    if size > MAX_FILE_BYTES:
        raise InputError.of(file, "file.too_large", {"size": Size(size), "limit": Size(MAX_FILE_BYTES)})
    return raw


def _decode(raw: bytes, file: str) -> str:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            raise InputError.of(file, "file.utf16", {"encoding": encoding})
    nul = raw.find(b"\x00")  # UTF-16 without a BOM, or a binary file
    if nul >= 0:
        raise InputError.of(file, "file.nul", **_byte_position(raw, nul))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError.of(
            file,
            "file.not_utf8",
            {"byte": f"{raw[exc.start]:02X}", "offset": exc.start},
            **_byte_position(raw, exc.start),
        ) from None
    if not text.strip():
        raise InputError.of(file, "file.empty")
    return text


def _byte_position(raw: bytes, offset: int) -> dict:
    """``line`` and ``column`` (in characters) of the byte at ``offset``."""
    start = raw.rfind(b"\n", 0, offset) + 1
    return {"line": raw.count(b"\n", 0, offset) + 1, "column": len(raw[start:offset].decode("utf-8", "replace")) + 1}


def load_document(path: str | Path) -> tuple[Any, LineMap]:
    """Parse one YAML or JSON file; return ``(data, lines)``. Raises :class:`InputError`."""
    path = Path(path)
    file = str(path)
    text = _decode(_read_bytes(path), file)
    deep = too_deep(text)  # isocheck's own limit, before any parser (whose limits and words vary by version)
    if deep is not None:
        raise InputError.of(file, "doc.too_deep", {"limit": MAX_DEPTH}, line=deep[0], column=deep[1])
    try:
        if path.suffix.lower() == ".json":
            return _load_json(text, file)
        return _fast_yaml(text, file)
    except RecursionError:  # e.g. merge keys (<<) that merge each other
        raise InputError.of(file, "doc.too_deep", {"limit": MAX_DEPTH}) from None


_ANCHOR_OR_ALIAS = re.compile(r"(?:^|[\s,\[{])[&*][^\s,\[\]{}]")
_QUOTED_DATE = re.compile(r"['\"]\s*\d{4}-\d\d?-\d\d?")  # yaml-rs reads '2021-11-16' (quoted) as a date
_RESOLVERS = yaml.resolver.Resolver.yaml_implicit_resolvers
_STR_TAG = "tag:yaml.org,2002:str"


def _fast_yaml(text: str, file: str) -> tuple[Any, LineMap]:
    """yaml-rs when it reads ``text`` exactly as the strict loader would; the strict loader otherwise.
    (yaml-rs refuses nesting deeper than 256 levels itself, so it needs no depth guard.)"""
    if yaml_rs is None or _ANCHOR_OR_ALIAS.search(text) or _QUOTED_DATE.search(text):
        return _load_yaml(text, file)
    try:
        data = yaml_rs.loads(text)
    except Exception:
        return _load_yaml(text, file)
    if not isinstance(data, dict) or not _same_as_yaml11(data):
        return _load_yaml(text, file)
    return data, _LazyLineMap(lambda: _load_yaml(text, file)[1])


def _same_as_yaml11(value: Any) -> bool:
    """False when a key or text value may mean something else to a YAML 1.1 reader (PyYAML):
    ``yes``/``on``, ``2021-02-30``, ``0017``, ``1_000``, ``<<``…"""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, child in item.items():
                if not isinstance(key, str) or _ambiguous(key):
                    return False
                stack.append(child)
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str) and _ambiguous(item):
            return False
    return True


def _ambiguous(text: str) -> bool:
    """True when PyYAML would read ``text`` written plainly as something other than text, and yaml-rs
    would not: then the text yaml-rs returned may have been written plainly, and the readers differ.
    (If yaml-rs too would read it as a number or date when plain, it came back as text only because it
    was quoted, and PyYAML reads quoted text as text as well.)"""
    for tag, regexp in _RESOLVERS.get(text[:1], ()):
        if tag != _STR_TAG and regexp.match(text):
            try:
                return isinstance(yaml_rs.loads(text), str)
            except Exception:
                return True
    return False


def _load_yaml(text: str, file: str) -> tuple[Any, LineMap]:
    brackets = text.count("[") + text.count("{")
    nesting = brackets + sum(map(text.count, "-:?"))  # every nesting level needs one of these characters
    if brackets > _C_SCANNER_SAFE:
        loader = _PureLoader(text)
    elif nesting > _C_COMPOSER_SAFE or not shallow(text):  # the composer checks the depth of every node too
        loader = _GuardedLoader(text)
    else:
        loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise InputError.of(file, "file.empty")
        walker = _Walker(loader, file)
        return walker.walk(node), walker.lines
    except _TooDeep as exc:
        raise InputError.of(
            file, "doc.too_deep", {"limit": MAX_DEPTH}, line=exc.mark.line + 1, column=exc.mark.column + 1
        ) from None
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(exc, text, file) from None
    except yaml.reader.ReaderError as exc:  # a control character
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        before = text[: exc.position]
        raise InputError.of(
            file,
            "yaml.invalid",
            {"detail": glossed(f"character U+{char:04X}: {exc.reason}")},
            line=before.count("\n") + 1,
            column=exc.position - before.rfind("\n"),
        ) from None
    except (yaml.YAMLError, ValueError) as exc:
        raise InputError.of(file, "yaml.invalid", {"detail": glossed(str(exc))}) from None
    finally:
        loader.dispose()


def _yaml_error(exc: yaml.MarkedYAMLError, text: str, file: str) -> InputError:
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return InputError.of(file, "yaml.invalid", {"detail": glossed(exc.problem or exc.context or "")})
    line = (text.splitlines()[mark.line : mark.line + 1] or [""])[0]
    tab = line[mark.column : mark.column + 1] == "\t"
    detail = Problem("yaml.tab") if tab else glossed(exc.problem or exc.context or "")
    return InputError.of(file, "yaml.invalid", {"detail": detail}, line=mark.line + 1, column=mark.column + 1)


class _DuplicateKey(Exception):
    def __init__(self, key: str):
        self.key = key


def _unique_keys(pairs: list) -> dict:
    result: dict = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _load_json(text: str, file: str) -> tuple[Any, LineMap]:
    try:
        data = json.loads(text, object_pairs_hook=_unique_keys)
    except _DuplicateKey as dup:
        _json_positions(text, file)  # raises the error with both lines when YAML can read this JSON
        raise InputError.of(file, "key.duplicate_unlocated", {"key": dup.key}) from None
    except json.JSONDecodeError as exc:
        raise InputError.of(
            file, "json.invalid", {"detail": glossed(exc.msg)}, line=exc.lineno, column=exc.colno
        ) from None
    return data, _json_positions(text, file)


def _json_positions(text: str, file: str) -> LineMap:
    """The positions in a JSON text, read by the YAML parser (JSON is YAML); empty when it cannot read it
    (e.g. tabs). Duplicate keys and excessive depth are still errors."""
    try:
        return _load_yaml(text, file)[1]
    except InputError as exc:
        if exc.detail.key in ("key.duplicate", "doc.too_deep", "doc.too_many_values"):
            raise
        return LineMap()


def position_of(lines: dict, loc: tuple, value: bool = False) -> tuple[int | None, int | None]:
    """``(line, column)`` of the deepest known node on ``loc`` (pydantic error locations); with ``value``,
    of the scalar value itself when ``loc`` names one."""
    loc = tuple(loc)
    scalars, columns = (lines.scalars, lines.columns) if isinstance(lines, LineMap) else ({}, {})
    if value and loc in scalars:
        return scalars[loc]
    while True:
        if loc in lines:
            return lines[loc], columns.get(loc)
        if not loc:
            return None, None
        loc = loc[:-1]


def line_of(lines: dict, loc: tuple) -> int | None:
    """The line of the deepest known node on ``loc`` (pydantic error locations)."""
    return position_of(lines, loc)[0]
