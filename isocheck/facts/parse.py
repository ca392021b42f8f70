"""Reads YAML or JSON documents strictly: UTF-8 only, duplicate keys rejected, line and column numbers kept.

``load_document`` returns the parsed data and a :class:`LineMap` from field paths
(``("announcements", 0, "date")``) to 1-based line numbers (with columns), so validation errors can
point at a line. Every problem is an :class:`InputError`, in isocheck's words whatever the parser:
a file over :data:`MAX_FILE_BYTES` is refused before it is read, and a text nested deeper than
:data:`~isocheck.facts.limits.MAX_DEPTH` levels or holding a number of more than
:data:`~isocheck.facts.limits.MAX_DIGITS` digits before any parser reads it
(:mod:`isocheck.facts.limits`).

One meaning for a YAML file: YAML 1.1 as PyYAML's safe loader reads it (``yes``/``no`` are booleans),
except the numbers YAML 1.1 and 1.2 read differently (``010``, ``1:20``), which are refused with a
message saying what to write. A text that yaml-rs provably reads the same way takes the fast path
(:mod:`isocheck.facts.yaml_fast`); every other text, and every error, goes through the strict path
(:mod:`isocheck.facts.yaml_strict`), so the value or the error is the same either way.
All text is normalised to Unicode NFC (keys and values, YAML and JSON): a name typed in decomposed
form (NFD, as some keyboards and macOS file names produce) is the same name.
"""

from __future__ import annotations

import codecs
import json
import unicodedata
from pathlib import Path
from typing import Any

from isocheck.base.errors import InputError
from isocheck.facts import limits
from isocheck.facts.positions import LineMap, line_of, loc_of, path_text, position_of
from isocheck.facts.yaml_fast import fast_yaml
from isocheck.facts.yaml_strict import load_yaml
from isocheck.text.problems import Count, Size, glossed

__all__ = [
    "MAX_FILE_BYTES",
    "InputError",
    "LineMap",
    "line_of",
    "load_document",
    "load_json_document",
    "loc_of",
    "path_text",
    "position_of",
]

MAX_FILE_BYTES = 50 * 1024 * 1024  # a fact file is a few kilobytes; the biggest rule file under ten
_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def load_document(path: str | Path) -> tuple[Any, LineMap]:
    """Parse one YAML or JSON file (JSON when its name ends in ``.json``); return ``(data, lines)``.
    Raises :class:`InputError`."""
    path = Path(path)
    return _load(path, json_text=path.suffix.lower() == ".json")


def load_json_document(path: str | Path) -> tuple[Any, LineMap]:
    """Parse one JSON file whatever its name (a previous batch result); as :func:`load_document`."""
    return _load(Path(path), json_text=True)


def _load(path: Path, json_text: bool) -> tuple[Any, LineMap]:
    file = str(path)
    text = _decode(_read_bytes(path), file)
    # isocheck's own limits, before any parser (whose limits and words vary)
    deep, spans = (limits.too_deep(text), True) if json_text else limits.scan(text)
    _check_limits(text, file, deep)
    try:
        return _load_json(text, file) if json_text else fast_yaml(text, file, flows_on_one_line=not spans)
    except RecursionError:  # e.g. merge keys (<<) that merge each other
        raise InputError.of(file, "doc.too_deep", {"limit": limits.MAX_DEPTH}) from None


def _check_limits(text: str, file: str, deep: tuple[int, int] | None) -> None:
    if deep is not None:
        raise InputError.of(file, "doc.too_deep", {"limit": limits.MAX_DEPTH}, line=deep[0], column=deep[1])
    long = limits.long_number(text)
    if long is not None:
        line, column, digits = long
        raise InputError.of(
            file,
            "doc.long_number",
            {"digits": Count(digits), "limit": Count(limits.MAX_DIGITS)},
            line=line,
            column=column,
        )


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
    nfc = "\\u" in text or not unicodedata.is_normalized("NFC", text)  # an escape too may spell a decomposed text
    try:
        data = json.loads(text, object_pairs_hook=_unique_nfc_keys if nfc else _unique_keys)
    except _DuplicateKey as dup:
        _json_positions(text, file)  # raises the error with both lines when YAML can read this JSON
        raise InputError.of(file, "key.duplicate_unlocated", {"key": dup.key}) from None
    except json.JSONDecodeError as exc:
        raise InputError.of(
            file, "json.invalid", {"detail": glossed(exc.msg)}, line=exc.lineno, column=exc.colno
        ) from None
    if nfc:
        data = _nfc(data)
    return data, _json_positions(text, file)


def _unique_nfc_keys(pairs: list) -> dict:
    return _unique_keys([(_nfc(key), value) for key, value in pairs])


def _nfc(value: Any) -> Any:
    """``value`` with every text in it (keys and values) in Unicode NFC."""
    if isinstance(value, str):
        return value if unicodedata.is_normalized("NFC", value) else unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(item) for item in value]
    if isinstance(value, dict):
        return {_nfc(key): _nfc(item) for key, item in value.items()}
    return value


def _json_positions(text: str, file: str) -> LineMap:
    """The positions in a JSON text, read by the YAML parser (JSON is YAML); empty when it cannot read it
    (e.g. tabs). Duplicate keys and excessive depth are still errors."""
    try:
        return load_yaml(text, file)[1]
    except InputError as exc:
        if exc.detail.key in ("key.duplicate", "doc.too_deep", "doc.too_many_values"):
            raise
        return LineMap()
