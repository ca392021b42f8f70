"""The words of input errors in Vietnamese and English: a catalogue of message keys, and :class:`Problem`.

The catalogue is the gettext catalog's entries of context ``problem:<key>`` (:mod:`isocheck.text.catalog`;
edit them in ``isocheck/locale/vi/LC_MESSAGES/isocheck.po``, English the msgid, Vietnamese the msgstr).

A :class:`Problem` is a catalogue key with its parameters (or a plain text); ``problem.text(lang)``
fills the template of that language. A parameter may itself have a ``text(lang)`` method (a nested
Problem, a :class:`Found` value, a :class:`Size`), so a message can be built from parts.
Values taken from the input file are shown as the file writes them (dates ``2021-11-16``;
:mod:`isocheck.text.values`); third-party parser texts get their Vietnamese from :mod:`isocheck.text.glossary`.
"""

from __future__ import annotations

import functools
import string
from typing import Any

from isocheck.text.catalog import keyed
from isocheck.text.glossary import CLEARER, GLOSSARY
from isocheck.text.values import Alternatives, Count, Found, Size, impossible_date, param_text

__all__ = ["LANGS", "MESSAGES", "Alternatives", "Count", "Found", "Problem", "Size", "glossed", "impossible_date"]

LANGS = ("vi", "en")

# the input-problem messages: the catalog's entries of context "problem:<key>" (isocheck/locale/vi/…/isocheck.po)
MESSAGES: dict[str, dict[str, str]] = keyed("problem:")


class Problem:
    """A catalogue message (``key`` and its parameters) or a plain text; ``text(lang)`` renders it."""

    __slots__ = ("_plain", "key", "params")
    key: str | None  # None for a plain text
    params: dict[str, Any]
    _plain: dict[str, str] | None  # {"en": …, "vi": …} of a plain text

    def __init__(self, key: str, /, **params: Any):
        if key not in MESSAGES:
            raise KeyError(f"no input-error message {key!r}")
        missing = _placeholders(key) - set(params)
        if missing:  # fail where the error is raised, not later when it is printed
            raise KeyError(f"input-error message {key!r} needs {', '.join(sorted(missing))}")
        self.key, self.params, self._plain = key, params, None

    @classmethod
    def plain(cls, en: str, vi: str | None = None) -> Problem:
        """A text outside the catalogue: English, and Vietnamese when known (else the English)."""
        problem = cls.__new__(cls)
        problem.key, problem.params, problem._plain = None, {}, {"en": en, "vi": vi if vi is not None else en}
        return problem

    def text(self, lang: str = "en") -> str:
        lang = lang if lang in LANGS else "en"
        if self._plain is not None:
            return self._plain[lang]
        if self.key is None:
            raise ValueError("a Problem is either a catalogue message or a plain text")
        values = {name: param_text(value, lang) for name, value in self.params.items()}
        return MESSAGES[self.key][lang].format(**values)

    def __str__(self) -> str:
        return self.text("en")

    def __repr__(self) -> str:
        return f"Problem({self.key if self.key is not None else self.text('en')!r})"


@functools.cache
def _placeholders(key: str) -> set[str]:
    return {name for text in MESSAGES[key].values() for _, name, _, _ in string.Formatter().parse(text) if name}


def glossed(english: str) -> Problem:
    """A third-party English problem text (YAML, JSON, str.format) with its Vietnamese when known."""
    for needle, vi in GLOSSARY:
        if needle in english:
            return Problem.plain(CLEARER.get(english, english), vi)
    return Problem.plain(english)
