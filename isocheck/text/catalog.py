"""The interface texts, read once from the gettext catalog: ``isocheck/locale/vi/LC_MESSAGES/isocheck.mo``.

The catalog is the one source of every text a user reads (``isocheck/locale/vi/LC_MESSAGES/isocheck.po``,
compiled by ``scripts/catalogs``; CONTRIBUTING.md "Dịch / Translating"). Each entry's ``msgctxt`` says what it
is and which key the code asks for; its ``msgid`` is the English, its ``msgstr`` the Vietnamese:

- ``outcome.fail`` (no prefix): a report word, :func:`isocheck.text.ui.ui`;
- ``problem:file.not_found``: an input-problem message, :class:`isocheck.text.problems.Problem`;
- ``help:isocheck rules show``, ``option:as_of``, ``option:check output``, ``default``, ``metavar``: the
  command line's help (:mod:`isocheck.text.help_vi`); ``click``, ``usage``: click's own words
  (:mod:`isocheck.text.click_messages`, plural forms as gettext plurals);
- ``words:explain.basis``, ``words:minutes.title``…: the (vi, en) word tables of a view (explain, the HTML
  report's cards, the minutes, the batch summary in Word, the web form, the rules reference), :func:`pairs`;
  ``words:subjects.``, ``words:docs.``, ``words:criteria.``: the value words of the subjects, of the fact
  reference and of an inspector's judgement;
- ``fact:Agency.qms``, ``title:Agency.qms``, ``field:legal_document.built_in``: what a fact field, a section
  and a derived field mean; their English (the msgid) is in the code and harvested from it
  (:mod:`isocheck.facts.meaning`, :mod:`isocheck.subjects.registry`; ``scripts/catalogs extract``);
- ``glossary:NN``, ``toml:NN``: the Vietnamese of a third-party parser's English problem text, tried in the
  order of NN (:mod:`isocheck.text.glossary`, :mod:`isocheck.text.cli_messages`).

Why the key is the context and the English the msgid: the code keeps asking by the stable key when the
English is reworded, while a translator sees the English as the source text in Poedit or Weblate (a command's
help whose English changed in the code comes back to them as a fuzzy entry: ``scripts/catalogs update``).

The standard library reads the file (:class:`gettext.GNUTranslations`, no runtime dependency); the
entries are then turned once into plain dicts, so a lookup in a 20,000-agency batch stays one dict
access. English needs no catalog: it is the ``msgid``. The parsed table of ``GNUTranslations`` is its
``_catalog`` attribute (stable since Python 2, but private): gettext's public API looks a text up by its
English, while isocheck asks by key and needs every entry of a context.
"""

from __future__ import annotations

import gettext
import os

DOMAIN = "isocheck"
SEP = "\x04"  # gettext's separator of context and msgid in a compiled catalog


MO = os.path.join(os.path.dirname(os.path.dirname(__file__)), "locale", "vi", "LC_MESSAGES", f"{DOMAIN}.mo")


def _entries() -> dict[object, str]:
    try:
        with open(MO, "rb") as fp:  # beside the package, in a wheel as in a checkout
            translations = gettext.GNUTranslations(fp)
    except FileNotFoundError:  # a broken install or checkout, not a user's mistake: say how to mend it
        raise RuntimeError(f"isocheck's texts are missing: {MO} (compile them with scripts/catalogs)") from None
    catalog: dict[object, str] = translations._catalog  # type: ignore[attr-defined]
    return catalog


_ENTRIES = _entries()


def _split(entry: object) -> tuple[str, str] | None:
    """The context and msgid of a singular entry, or None for the header and plural forms."""
    if not isinstance(entry, str) or SEP not in entry:
        return None
    context, _, msgid = entry.partition(SEP)
    return context, msgid


WORDS = ("click", "usage", "default", "metavar")  # contexts of click's words, keyed by their English


def kind(context: str | None) -> str:
    """What an entry is, by its context: ``ui`` (a report word: no prefix), ``problem``, ``help``, ``option``,
    ``glossary``, ``toml``, or one of :data:`WORDS`."""
    context = context or ""
    return context.partition(":")[0] if ":" in context else context if context in WORDS else "ui"


def keyed(prefix: str = "") -> dict[str, dict[str, str]]:
    """``{key: {"vi": …, "en": …}}`` of the entries whose context is ``prefix`` + key (no prefix: the report
    words, whose contexts hold no colon)."""
    table: dict[str, dict[str, str]] = {}
    for entry, vi in _ENTRIES.items():
        split = _split(entry)
        if split is None:
            continue
        context, en = split
        if prefix and context.startswith(prefix):
            table[context[len(prefix) :]] = {"vi": vi, "en": en}
        elif not prefix and kind(context) == "ui":
            table[context] = {"vi": vi, "en": en}
    return dict(sorted(table.items()))


def pairs(prefix: str) -> dict[str, tuple[str, str]]:
    """``{key: (vi, en)}`` of the contexts ``prefix`` + key: the word tables of the report views, explain, the
    minutes and the web form (``words:explain.``, ``words:minutes.``…), read with :func:`isocheck.text.ui.pick`."""
    return {key: (texts["vi"], texts["en"]) for key, texts in keyed(prefix).items()}


def by_english(context: str) -> dict[str, str]:
    """English → Vietnamese of the singular entries of one context (click's messages, usage words…)."""
    return {split[1]: vi for entry, vi in _ENTRIES.items() if (split := _split(entry)) and split[0] == context}


def plurals(context: str) -> dict[str, str]:
    """English singular → Vietnamese of the plural entries of one context (Vietnamese has one form)."""
    prefix = context + SEP
    return {
        entry[0][len(prefix) :]: vi
        for entry, vi in _ENTRIES.items()
        if isinstance(entry, tuple) and entry[1] == 0 and entry[0].startswith(prefix)
    }


def ordered(prefix: str) -> tuple[tuple[str, str], ...]:
    """(English, Vietnamese) of the contexts ``prefix`` + NN, in the order of NN (first match wins)."""
    found = [
        (int(split[0][len(prefix) :]), split[1], vi)
        for entry, vi in _ENTRIES.items()
        if (split := _split(entry)) and split[0].startswith(prefix) and split[0][len(prefix) :].isdigit()
    ]
    return tuple((en, vi) for _, en, vi in sorted(found))
