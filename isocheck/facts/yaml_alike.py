"""Whether yaml-rs (YAML 1.2) reads a text exactly as isocheck's strict path (PyYAML, YAML 1.1) does.

Comparing the two readings value by value after parsing cannot see how a number was written (``010``
and ``10`` both come back from yaml-rs as ten), so :func:`reads_alike` looks at the text, and says
no when it holds anything the two may read differently, or anything the strict path refuses or
rewrites:

- anchors, aliases, tags, complex keys, directives (``&a``, ``*a``, ``!foo``, ``!!binary``, ``? ``, ``%``);
- a character PyYAML refuses or reads as a line break (controls, ``\\x85``, U+2028/2029, a BOM, a
  lone carriage return), a tab, a backslash (an escape may spell a text that is not NFC), a text
  that is not NFC;
- a plain scalar that looks like a number or a date and is not one both read alike — a canonical
  whole number (``2015``, ``-1``), a decimal (``1.001193``), a real ``YYYY-MM-DD`` date or a dotted
  code (``1.001193.000.00.00.H42``); ``010``, ``0o17``, ``12e3``, ``1_000``, ``.inf``, ``1:20``,
  ``2021-02-30`` and timestamps are read by the strict path;
- a quoted date (yaml-rs reads ``'2021-11-16'`` as a date), the YAML 1.1 booleans yaml-rs reads as
  text (``yes``, ``no``, ``on``, ``off`` in their three spellings), ``=`` and ``<<``;
- a key that would not be text (``true:``, ``null:``, ``~:``, an empty key, a decimal, a date, a
  collection);
- in a flow collection, what PyYAML refuses and yaml-rs may accept (``[|x]``, ``[- x]``, ``{a:}``,
  ``{a: |}``: a ``|`` or ``>`` after ``:`` that is not a block scalar's header is refused anywhere),
  and a flow collection that goes on past the end of a line (PyYAML refuses a key that does;
  :func:`isocheck.facts.limits.scan` tells);
- a block scalar (``|``, ``>``) with no line of text, or at the very end of a text without a final
  line break (yaml-rs adds one), or in a text with a line that begins with a date (yaml-rs reads a
  block scalar that holds one as a date);
- more characters than :data:`~isocheck.facts.limits.MAX_VALUES` (the fast path must never hold more
  values than the strict path allows).

The YAML 1.1 words (``yes``, ``=``, ``<<``, ``true:`` …) can also be told after yaml-rs has read the text
(:func:`words_alike`): a plain scalar PyYAML reads as one of them is, to yaml-rs, a text equal to the word
(or a key that is not text), and yaml-rs reads no other spelling as such a text, so a reading with no such
text and no such key needs no scan for them (a quoted ``'yes'`` fails it, and the scan then decides).
:func:`isocheck.facts.yaml_fast.fast_yaml` asks :func:`reads_alike` with ``words=False`` before reading
and :func:`words_alike` after, which costs a walk of the values instead of the scan (the most expensive
one: its words start with the commonest letters).

A token counts only where a node may start: at the start of a line, after ``:`` or a flow
indicator, after ``- `` or ``? `` (a token after a plain blank is inside a longer text: ``TCVN ISO
9001:2015``). Each pattern is a regular expression led by a character or a class, so that the
regular-expression engine skips to the candidates at C speed; the few candidates are checked in
Python. (No YAML library classifies a text this way without parsing it, hence these patterns; the
differential test in ``tests/test_yaml_paths.py`` is what proves them.)
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

from isocheck.facts import limits

_END = r"(?![^\s,\[\]{}#])"  # where a plain token ends: before a blank, a flow indicator, '#' or the end
_WHOLE = r"(?=[ \t\r]*(?:$|#|[,\]}]|:))"  # ... and so does its scalar (or it is a key)
_TOKEN_CHARS = "0-9A-Za-z_.:+-"
_INT = r"[-+]?(?:0|[1-9][0-9]*)"
_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
# the tokens both read alike: a whole number (also as a key), a decimal, a date (checked to be real), a dotted code
_ALIKE = re.compile(
    rf"{_INT}(?:{_END}|:(?!\S))|(?:{_INT}\.[0-9]+|{_DATE}|[0-9][0-9A-Za-z_-]*(?:\.[0-9A-Za-z_-]*){{2,}}){_END}"
)
_NUMBER = re.compile(  # a number or a date: a whole token (more than 100 characters: not read, it goes strict),
    # or one followed by blanks and a digit (2021-11-16 10:00 is a timestamp to yaml-rs, text to PyYAML)
    # after a separator, a line break, a separator and a blank, two blanks, or at the start of the text after
    # none or one blank (checked then by _at_node_start); the first look-behind, what all of them have in common,
    # turns away most digits (inside a code, a name) at once
    r"[-+.0-9_](?<![^:\[{,\n \t].)"
    r"(?:(?<=[:\[{,\n].)|(?<=[:\[{,\n?-] .)|(?<=[ \t][ \t].)|(?<![\s\S].)|(?<=\A[ \t].))"
    r"(?:(?<=[-+])(?=[.0-9_])|(?<![-+]))"
    rf"(?:(?:[0-9A-Za-z_.+-]|:(?=\S)){{0,100}}(?:{_WHOLE}|(?=[ \t]+[0-9]))|[{_TOKEN_CHARS}]{{100}})",
    re.M,
)
_WHOLE_AT = re.compile(_WHOLE, re.M)
_DAY = re.compile(_DATE + _END)
_WORDS = ("Yes", "yes", "YES", "No", "no", "NO", "On", "on", "ON", "Off", "off", "OFF")  # YAML 1.1 booleans
_NULLS = ("true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL")


def _word(word: str) -> str:
    """``word`` as a whole word: the pattern starts with it (so the engine skips to it), then looks back."""
    return rf"{re.escape(word)}(?<![\w.+-]{re.escape(word)})"


# candidates that count where a node may start (checked by _at_node_start), each led by a literal or a class
# so that the engine skips to them at C speed; (characters, pattern): the pattern runs only if one occurs
_CANDIDATES: tuple[tuple[str, re.Pattern], ...] = (
    ("&*!?%", re.compile(r"[&*!?%](?<![^\s:\[{,][&*!?%])")),  # anchor, alias, tag, complex key, directive
    (":", re.compile(r":(?<![^\s\[{,]:)(?![^\s,\[\]{}])")),  # an empty key
)
_WORD_CHARS = "yYnNoOtTfF=<~"
_WORD_TOKENS = re.compile(
    "|".join(
        [f"{_word(w)}{_WHOLE}" for w in _WORDS]  # YAML 1.1 only: yaml-rs reads them as text
        + [f"={_WHOLE}", f"<<{_WHOLE}"]  # value and merge keys
        + [rf"{_word(w)}:(?![^\s,\[\]{{}}])" for w in _NULLS]  # keys that are not text
        + [r"~:(?![^\s,\[\]{}])"]
    ),
    re.M,
)
_WORD_TEXTS = frozenset((*_WORDS, "=", "<<"))  # what yaml-rs reads those of them that are values or keys as
_ANYWHERE: tuple[tuple[str, re.Pattern], ...] = (
    ("'", re.compile(r"'[ \t]*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")),  # a quoted date: yaml-rs reads it as a date
    ('"', re.compile(r'"[ \t]*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}')),
    (":", re.compile(r":[,\[\]{}]")),  # ':' before a flow indicator: PyYAML refuses what yaml-rs may read as a key
    ("]", re.compile(r"\][ \t]*:(?![^\s,\[\]{}])")),  # a collection as a key: yaml-rs reads it, PyYAML refuses
    ("}", re.compile(r"\}[ \t]*:(?![^\s,\[\]{}])")),
    ("[", re.compile(r"\[[ \t]*(?:[|>@`]|-[ \t])")),  # in a flow collection, what PyYAML refuses
    ("{", re.compile(r"\{[ \t]*(?:[|>@`]|-[ \t])")),
    (",", re.compile(r",[ \t]*(?:[|>@`]|-[ \t])")),
    # a value led by '|' or '>' that is not a block scalar's header: in a flow collection ({b: |}, [a: >-])
    # yaml-rs reads it as text, PyYAML refuses it (a header ends its line: a flow collection that goes on
    # past it goes on past the line, which limits.scan tells)
    ("|>", re.compile(r":[ \t]+[|>](?![-+0-9]*[ \t]*(?:#|\r?$))", re.M)),
    ("\r", re.compile(r"\r(?!\n)")),  # a line break of old Macs, which yaml-rs does not read as one
    # a tab, a backslash, a control character, NEL, U+2028/2029, a BOM, a lone surrogate
    (
        "",
        re.compile(r"[^\n\r\x20-\x5b\x5d-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"),
    ),
)
# a block scalar indicator ('|' or '>' and its indicators, then the end of the line or a comment)
_BLOCK = re.compile(r"[|>](?<![^\s\[{,:][|>])[-+0-9]*(?=[ \t]*(?:#|\r?$))", re.M)
_DATE_LINE = re.compile(r"^[ \t]+[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}", re.M)  # yaml-rs reads a block scalar's date
_BLANK_LINES = re.compile(r"(?:[ \t]*\r?\n)*( *)")
_INDENT = re.compile(" *")


def reads_alike(text: str, flows_on_one_line: bool | None = None, *, words: bool = True) -> bool:
    """True when yaml-rs reads ``text`` as the strict path does (see the module docstring).
    ``flows_on_one_line``: what :func:`isocheck.facts.limits.scan` found (scanned here when not given);
    ``words=False`` leaves out the YAML 1.1 words, for :func:`words_alike` to tell once yaml-rs has read it."""
    if len(text) >= limits.MAX_VALUES or not unicodedata.is_normalized("NFC", text):
        return False
    if any(_occurs(chars, text) and pattern.search(text) is not None for chars, pattern in _ANYWHERE):
        return False
    for chars, pattern in _CANDIDATES:
        if _occurs(chars, text) and any(_at_node_start(text, m.start()) for m in pattern.finditer(text)):
            return False
    if words and not _no_word_tokens(text):
        return False
    for match in _NUMBER.finditer(text):
        start = match.start()
        if _at_node_start(text, start) and not (_WHOLE_AT.match(text, match.end()) and _alike(text, start)):
            return False
    if flows_on_one_line is None:
        flows_on_one_line = not limits.scan(text)[1]
    if not flows_on_one_line:
        return False
    if not ("|" in text or ">" in text) or _BLOCK.search(text) is None:
        return True
    return text.endswith("\n") and not _empty_block(text) and _DATE_LINE.search(text) is None


def words_alike(data: object, text: str) -> bool:
    """True when no YAML 1.1 word of the module docstring is read differently in ``text``, which yaml-rs read
    as ``data``: no text in ``data`` is one of :data:`_WORD_TEXTS` and every key is a text (the scan of
    :func:`reads_alike` decides where this says no: a quoted ``'yes'``, a whole number as a key). A merge key
    is always scanned for (a yaml-rs that merged it would leave no ``<<`` in ``data``)."""
    if "<<" not in text and _texts_and_keys_plain(data):
        return True
    return _no_word_tokens(text)


def _no_word_tokens(text: str) -> bool:
    """True when no YAML 1.1 word of the module docstring starts a node in ``text`` (the scan)."""
    if not _occurs(_WORD_CHARS, text):
        return True
    return not any(_at_node_start(text, m.start()) for m in _WORD_TOKENS.finditer(text))


_SCALARS = frozenset((int, float, bool, type(None), dt.date, dt.datetime))  # what else yaml-rs gives back


def _texts_and_keys_plain(data: object) -> bool:
    """True when every key in ``data`` is a text and no text (key or value) is one of :data:`_WORD_TEXTS`;
    False too for a value of any other type than yaml-rs's (not looked into: the scan decides)."""
    words, scalars = _WORD_TEXTS, _SCALARS
    stack = [data]
    while stack:
        node = stack.pop()
        values: Iterable[object]
        if type(node) is dict:
            for key in node:
                if type(key) is not str or key in words:
                    return False
            values = node.values()
        elif type(node) is list:
            values = node
        else:
            return False
        for value in values:
            kind = type(value)
            if kind is str:
                if value in words:
                    return False
            elif kind is dict or kind is list:
                stack.append(value)
            elif kind not in scalars:
                return False
    return True


def _occurs(chars: str, text: str) -> bool:
    return not chars or any(char in text for char in chars)


def _alike(text: str, start: int) -> bool:
    """True when the token at ``start`` is one both readers read alike (a date only if it is a real day:
    yaml-rs returns 2021-02-30 as text, PyYAML refuses it)."""
    if _ALIKE.match(text, start) is None:
        return False
    day = _DAY.match(text, start)
    if day is not None:
        try:
            dt.date.fromisoformat(text[start : start + 10])
        except ValueError:
            return False
    return True


def _at_node_start(text: str, index: int) -> bool:
    """True when a node may start at ``index``: after the indentation of a line, after ':' or a flow
    indicator (and blanks), after '- ' or '? '."""
    i = index
    while i and text[i - 1] in " \t":
        i -= 1
    if i == 0 or text[i - 1] in "\n:[{,":
        return True
    return i < index and text[i - 1] in "?-"


def _empty_block(text: str) -> bool:
    """True when a block scalar has no line of text: the next line that is not blank is indented no more
    than the line of its indicator (or there is none). yaml-rs reads it as a line break, PyYAML as empty."""
    checked = -1
    for match in _BLOCK.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        if start == checked:  # one indicator per line counts (the others are in its comment)
            continue
        checked = start
        indent = _INDENT.match(text, start).end() - start  # type: ignore[union-attr]  # ' *' always matches
        end = text.find("\n", match.end())
        if end < 0:
            return True
        following = _BLANK_LINES.match(text, end + 1)
        if following is None or following.end() == len(text) or len(following.group(1)) <= indent:
            return True
    return False
