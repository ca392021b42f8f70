"""Finds English words in a text meant to be Vietnamese (the test of English leaks, test_vietnamese.py).

Vietnamese is written in syllables of a fixed shape — an optional initial consonant (b, ch, ngh, qu, tr…),
one to three vowels, an optional final (c, ch, m, n, ng, nh, p, t) — so nearly every English word fails
that shape ("error", "file", "missing", "and", "with", "is"); a short list catches the few English words
that happen to fit it ("the", "not", "try", "you"). Quoted text, paths, option names, rule ids and
words with digits or underscores are left out first: they are the user's data or codes, not sentences.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_VOWELS = "aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
_SYLLABLE = re.compile(rf"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[{_VOWELS}]{{1,3}}(ch|nh|ng|[cmnpt])?")
_FITTING = {"the", "not", "try", "you", "see", "mean", "but", "then", "than", "at", "it", "on", "me", "we"}
_FITTING |= {"he", "go", "may", "man", "ten", "hat", "cut", "per", "due", "use", "yes", "page", "time", "name", "made"}
_WORD = re.compile(r"[A-Za-zÀ-ỹĐđ]+")
_LEFT_OUT = (
    re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|“[^”\n]*”|`[^`\n]*`"),  # quoted: the user's values, commands
    re.compile(r"\S*[/\\_\d@]\S*"),  # paths, codes, numbers, dates
    re.compile(r"\S*[A-Za-z]\.[a-z]\S*"),  # rule ids, file names
    re.compile(r"--?[a-z][\w-]*"),  # option names
)


def english_words(text: str, allowed: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """The words of ``text`` that are not Vietnamese and not ``allowed`` (names, acronyms, codes)."""
    for pattern in _LEFT_OUT:
        text = pattern.sub(" ", text)
    found = []
    for word in _WORD.findall(text):
        if len(word) == 1 or word in allowed:  # điểm a, b, c…
            continue
        lower = word.lower()
        if lower in _FITTING or not _SYLLABLE.fullmatch(lower):
            found.append(word)
    return found


class _Visible(HTMLParser):
    """The text a reader sees in an HTML page: its text and its title/alt attributes, not its style."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        self._hidden += tag in ("style", "script")
        self.parts += [value for name, value in attrs if name in ("title", "alt", "aria-label") and value]

    def handle_endtag(self, tag):
        self._hidden -= tag in ("style", "script")

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    return "\n".join(parser.parts)
