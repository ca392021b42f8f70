"""Vietnamese for click's own words: usage errors, help headings, the version line.

click marks its messages with gettext (``_()`` and ``ngettext()`` in each of its modules) but ships no
catalogue; :mod:`isocheck.cli.language` hands these translations to click under ``--lang vi``. They are
the entries of isocheck's gettext catalog (:mod:`isocheck.text.catalog`) of context ``click``, whose msgid is
click's exact English message id (click 8.1–8.x), and ``usage`` (the words of the usage line). A message
missing there stays English and the test of English leaks (tests/test_vietnamese.py) names it;
``tests/test_catalogs.py`` compares the catalog with every message of click's sources (but those only a
programmer can meet: declaring commands wrongly, ``click.edit``…). Some
translations leave out a placeholder whose value click fills in English (``{number_type}``, a path's
``{name}``) or in a form an inspector does not read (``{format}`` = ``'%Y-%m-%d'``: every date option of
isocheck takes that one format).
"""

from __future__ import annotations

from isocheck.text.catalog import by_english, plurals

GETTEXT_VI: dict[str, str] = by_english("click")

# ngettext: English singular → Vietnamese, which has one form for both (a gettext plural entry of the catalog).
NGETTEXT_VI: dict[str, str] = plurals("click")

# The usage line's words ("isocheck check [OPTIONS] FACT_FILE"): click builds them from metavars.
USAGE_VI: dict[str, str] = by_english("usage")
