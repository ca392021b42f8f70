"""Vietnamese alphabetical order of names ("Thạch Đài" before "Thạch Trung", "Can Lộc" before "Cẩm Bình").

The Unicode Collation Algorithm (pyuca, with the default DUCET table) gets most of it right — "Đ"
after "D", accents after the plain letter — but treats ă, â, ê, ô, ơ, ư as accented a, e, o, u, so
"Cẩm" sorts before "Can". Vietnamese (as CLDR's ``vi`` tailoring has it) counts them as letters of their
own, and the tones as a second-level difference in the order: none, huyền, hỏi, ngã, sắc, nặng. pyuca
has no tailoring, so that layer is written here: the key compares letters in the Vietnamese alphabet
first (every other character by its pyuca primary weight, before the letters), tones second, and the
name itself last (lower case before capitals). pyuca's table loads once (under a second); a key then
costs about 50 µs (20,000 names in about a second on the project's 2-core machine).
"""

from __future__ import annotations

import functools
import unicodedata

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {letter: i for i, letter in enumerate(_ALPHABET)}
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve (ă), circumflex (â ê ô), horn (ơ ư)
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền, hỏi, ngã, sắc, nặng


@functools.cache
def _collator():
    import pyuca  # loads the DUCET table (about a second): only when names are sorted

    return pyuca.Collator()


@functools.cache
def _weight(char: str) -> int:
    """pyuca's first (primary) weight of a character that is not a Vietnamese letter."""
    weights = _collator().sort_key(char)
    return weights[0] if weights else 0


def _letters(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """``(letters, tones)``: each character's place — a Vietnamese letter by the alphabet, any other
    character (space, digit, punctuation) by pyuca's first weight, before every letter — and its tone."""
    letters: list[tuple[int, int]] = []
    tones: list[int] = []
    for char in unicodedata.normalize("NFD", text.casefold()):
        if char in _LETTER_MARKS and letters:
            base = _ALPHABET[letters[-1][1]] if letters[-1][0] == 1 else None
            composed = unicodedata.normalize("NFC", base + char) if base else None
            if composed in _RANK:
                letters[-1] = (1, _RANK[composed])
            continue
        if char in _TONES:
            if tones:
                tones[-1] = _TONES[char]
            continue
        if unicodedata.combining(char):
            continue
        if char in _RANK:
            letters.append((1, _RANK[char]))
        else:
            letters.append((0, _weight(char)))
        tones.append(0)
    return letters, tones


def sort_key(name: str) -> tuple:
    """The key that puts names in Vietnamese alphabetical order."""
    letters, tones = _letters(name)
    return (letters, tones, name.swapcase())  # then lower case before capitals, as UCA has it
