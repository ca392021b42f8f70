"""The web page's own words, in Vietnamese and English (the field texts come from the model)."""

from __future__ import annotations

from typing import Any

from isocheck.text.catalog import pairs

WORDS: dict[str, tuple[str, str]] = pairs("words:serve.")  # (vi, en) by key, from the gettext catalog


def word(key: str, lang: str, **values: Any) -> str:
    """The text ``key`` in ``lang`` (``vi`` or ``en``), with ``values`` filled in."""
    vi, en = WORDS[key]
    text = vi if lang == "vi" else en
    return text.format(**values) if values else text
