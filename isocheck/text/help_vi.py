"""The command line's help in Vietnamese (``isocheck … --help`` under ``--lang vi``, the default).

The texts are entries of the gettext catalog (:mod:`isocheck.text.catalog`; edit them in
``isocheck/locale/vi/LC_MESSAGES/isocheck.po``): ``help:isocheck rules show`` a command's help, ``option:as_of``
an option's help in every command, ``option:check output`` where a command words it its own way, ``default``
and ``metavar`` click's words of the help, each with the English of the command modules as its msgid
(``scripts/catalogs extract`` reads it from click). ``COMMANDS`` is each command's help by its path
(``"rules show"``); ``OPTIONS`` each option's help by its name, or by ``(command path, name)``;
:class:`isocheck.cli.language.Command` shows these instead of the English under Vietnamese. A help
without an entry stays English, and tests/test_vietnamese.py names it.
"""

from __future__ import annotations

from isocheck.text.catalog import by_english, keyed

COMMANDS: dict[str, str] = {
    context.removeprefix("isocheck").strip(): texts["vi"] for context, texts in keyed("help:").items()
}


def _option(context: str) -> str | tuple[str, str]:
    """``as_of`` for an option's help in every command, ``("rules show", "fmt")`` for one command's own."""
    path, _, name = context.rpartition(" ")
    return (path, name) if path else name


OPTIONS: dict[str | tuple[str, str], str] = {
    _option(context): texts["vi"] for context, texts in keyed("option:").items()
}

DEFAULTS_VI: dict[str, str] = by_english("default")  # the show_default texts that are words, not values
METAVARS_VI: dict[str, str] = by_english("metavar")  # click's names of value types in the help
