"""The fast YAML path: yaml-rs (a Rust parser, ~15x faster than PyYAML's C loader, which still builds
every node in Python), taken only when the text provably means the same to both readers.

:func:`fast_yaml` asks :func:`isocheck.facts.yaml_alike.reads_alike` whether yaml-rs reads the text as
the strict path (:mod:`isocheck.facts.yaml_strict`) would, and reads it with yaml-rs only then (the YAML 1.1
words are told from what yaml-rs read: :func:`isocheck.facts.yaml_alike.words_alike`); a text
that does not read alike, that yaml-rs refuses, or that is not one mapping (a stream of several
documents comes back as a list) goes the strict way. Every error therefore comes from the strict
path, with its message, line and column, and a text the fast path accepts gives the value the strict
path would give (``tests/test_yaml_paths.py`` checks both). The line map is computed by the strict
path only if an error needs it (:class:`_LazyLineMap`).
"""

from __future__ import annotations

from typing import Any

try:  # optional: without it every file takes the strict path
    import yaml_rs
except ImportError:  # pragma: no cover — yaml-rs has wheels for the supported platforms
    yaml_rs = None  # type: ignore[assignment]

from isocheck.facts.positions import LineMap
from isocheck.facts.yaml_alike import reads_alike, words_alike
from isocheck.facts.yaml_strict import load_yaml


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

    def __bool__(self) -> bool:  # ``lines or {}`` must not compute the map: it always holds the root
        return True

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


def fast_yaml(text: str, file: str, flows_on_one_line: bool | None = None) -> tuple[Any, LineMap]:
    """yaml-rs when ``text`` means the same to it and to the strict path; the strict path otherwise.
    ``flows_on_one_line``: what :func:`isocheck.facts.limits.scan` found (scanned here when not given)."""
    if yaml_rs is None or not reads_alike(text, flows_on_one_line, words=False):
        return load_yaml(text, file)
    try:
        data = yaml_rs.loads(text)
    except Exception:  # its errors and words are its own: the strict path says what is wrong
        return load_yaml(text, file)
    if type(data) is not dict or not words_alike(data, text):
        return load_yaml(text, file)
    return data, _LazyLineMap(lambda: load_yaml(text, file)[1])
