"""User-interface texts in Vietnamese and English, and message filling with language-aware values.

Rule texts live in the rule files. The report's own words (headings, outcome and severity names, default
messages, the province matrix, the command line's lines) are the entries of the gettext catalog whose
context is their key (``msgctxt "outcome.fail"``, :mod:`isocheck.text.catalog`): edit them in
``isocheck/locale/vi/LC_MESSAGES/isocheck.po``. This module looks them up and formats dates the way each
audience reads them (Vietnamese ``16/11/2021``, English ``2021-11-16``).
"""

from __future__ import annotations

import datetime as dt
import functools
import string
from typing import Any, NamedTuple

from isocheck.text.catalog import keyed, pairs

LANGS = ("vi", "en")

_UI: dict[str, dict[str, str]] = keyed()  # {key: {"vi": …, "en": …}}, one dict access per word


def ui(key: str, lang: str) -> str:
    return _UI[key][lang]


def pick(pair: tuple[str, str], lang: str) -> str:
    """The Vietnamese or English member of a ``(vi, en)`` pair (the local word tables of views)."""
    return pair[0] if lang == "vi" else pair[1]


@functools.cache
def words(prefix: str) -> dict[str, Words]:
    """``{key: Words}`` of the contexts ``prefix`` + key (``words:subjects.``): value words, read once at import
    (the modules of one prefix share the table; read it, do not change it)."""
    return {key: Words(vi, en) for key, (vi, en) in pairs(prefix).items()}


def ui_keys() -> list[str]:
    return list(_UI)


def filled(template: Words, **values: Any) -> Words:
    """``template`` (words with ``{name}`` placeholders, e.g. from :func:`words`) filled in each language: dates,
    yes/no and words as that language writes them (:func:`format_value`)."""
    return Words(fill(template.vi, values, "vi"), fill(template.en, values, "en"))


class Words(NamedTuple):
    """A value that is itself words, in both languages (e.g. "theo báo cáo, không rõ ngày"): messages show the
    words of their language."""

    vi: str
    en: str

    def get(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


def format_value(value: Any, lang: str) -> str:
    """A fact value as text for messages: dates per language, booleans as yes/no, lists joined."""
    if value is None:
        return ui("not_yet", lang)
    if isinstance(value, Words):
        return value.get(lang)
    if isinstance(value, bool):
        return ui("yes" if value else "no", lang)
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y") if lang == "vi" else value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(format_value(v, lang) for v in value) if value else "—"
    if isinstance(value, float):  # points: 0,25 in Vietnamese, 0.25 in English, no trailing zeros
        text = f"{round(value, 2):g}"
        return text.replace(".", ",") if lang == "vi" else text
    return str(value)


class _Values(dict):
    def __init__(self, values: dict[str, Any], lang: str):
        super().__init__()
        self._values = values
        self._lang = lang

    def __missing__(self, key: str) -> str:
        if key not in self._values:
            raise KeyError(f"message placeholder {{{key}}} has no value")
        return format_value(self._values[key], self._lang)


def fill(template: str, values: dict[str, Any], lang: str) -> str:
    """Fill ``{name}`` placeholders from ``values``; an unknown placeholder raises KeyError."""
    try:  # str.format_map: the same fields, conversions and format specs as string.Formatter, in C
        return template.format_map(_Values(values, lang))
    except Exception:  # a positional field ('{0}', '{}') or a broken template: string.Formatter's own error
        return string.Formatter().vformat(template, (), _Values(values, lang))
