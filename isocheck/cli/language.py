"""The language the command line speaks, and click's own words in it.

The language of a run is, first found: ``--lang`` on the command line, ``ISOCHECK_LANG``, ``lang`` in
``isocheck.toml``, Vietnamese (:mod:`isocheck.cli.settings`). click prints its usage errors while it is
still parsing, before a command has its ``--lang``; so :class:`Group` reads the settings and looks for
``--lang`` in the arguments before click parses them, and keeps the answer for the run.

click marks its messages with gettext but has no catalogue of its own: :func:`install` replaces the
``_``/``ngettext`` names in click's modules with functions that look the message up in
:mod:`isocheck.text.click_messages` while an isocheck command runs in Vietnamese, and return click's
English otherwise (click used by another program in the same process is untouched). The Vietnamese is
isocheck's own gettext catalog (context ``click``); it is handed to click by hand, not bound to click's
gettext domain, because click's domain is the global one (``messages``) that every gettext user of the
process shares.
"""

from __future__ import annotations

import contextlib
import contextvars
import gettext
import importlib
import os
import sys
from collections.abc import Iterator, Sequence

import click

from isocheck.base.errors import InputError
from isocheck.cli.settings import LANGS, Settings, load_settings
from isocheck.report.escape import printable
from isocheck.text import help_vi
from isocheck.text.click_messages import GETTEXT_VI, NGETTEXT_VI, USAGE_VI
from isocheck.text.ui import ui

_RUN: contextvars.ContextVar[tuple[Settings, str] | None] = contextvars.ContextVar("isocheck_run", default=None)
_CLICK_MODULES: tuple[str, ...] = ("core", "types", "exceptions", "parser", "decorators", "formatting", "termui")
# utils; and those click imports only when needed (the progress bar, shell completion, the Windows console): lazily()
_CLICK_MODULES += ("utils", "_termui_impl", "shell_completion", "_winconsole")


def settings() -> Settings:
    """The defaults of this run (read once per run; outside a run, from the working folder now)."""
    run = _RUN.get()
    return run[0] if run is not None else load_settings()


def current() -> str:
    """The language of this run's messages: ``--lang`` if given, else the settings' language."""
    run = _RUN.get()
    return run[1] if run is not None else settings().lang


def default_lang() -> str:
    """The default of every ``--lang``: ``ISOCHECK_LANG``, ``isocheck.toml`` or Vietnamese."""
    return settings().lang


def lang_in(args: Sequence[str]) -> str | None:
    """The value of the last ``--lang`` among ``args`` (before ``--``), if it is a known language."""
    found = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else arg[7:] if arg.startswith("--lang=") else None
        if value in LANGS:
            found = value
    return found


def _gettext(message: str) -> str:
    if _RUN.get() is not None and current() == "vi":
        return GETTEXT_VI.get(message, message)
    return gettext.gettext(message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    if _RUN.get() is not None and current() == "vi":
        translated = NGETTEXT_VI.get(singular)
        if translated is not None:
            return translated
    return gettext.ngettext(singular, plural, n)


def install() -> None:
    """Give click's modules the translating ``_`` and ``ngettext`` (idempotent)."""
    for name in _CLICK_MODULES:
        module = sys.modules.get(f"click.{name}")
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = _gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext  # type: ignore[attr-defined]


def lazily(name: str) -> None:
    """Import the click module ``name`` that click imports only when it needs it (``_termui_impl`` for the
    progress bar, ``shell_completion``), and give it the translating ``_`` before it speaks."""
    importlib.import_module(f"click.{name}")
    install()


@contextlib.contextmanager
def _vietnamese_help(command: click.Command, ctx: click.Context) -> Iterator[None]:
    """The command's help, its options' help, defaults and value names, and its subcommands' help in
    Vietnamese (:mod:`isocheck.text.help_vi`) while click writes the help; restored afterwards."""
    path = " ".join(ctx.command_path.split()[1:])
    saved: list[tuple[object, str, object]] = []

    def swap(obj: object, attr: str, value: object) -> None:
        saved.append((obj, attr, getattr(obj, attr)))
        setattr(obj, attr, value)

    swap(command, "help", help_vi.COMMANDS.get(path, command.help))
    for param in command.get_params(ctx):
        if not isinstance(param, click.Option):
            continue
        text = help_vi.OPTIONS.get((path, param.name or ""), help_vi.OPTIONS.get(param.name or ""))
        if text is not None:
            swap(param, "help", text)
        if isinstance(param.show_default, str):
            swap(param, "show_default", help_vi.DEFAULTS_VI.get(param.show_default, param.show_default))
        if not param.is_flag and not isinstance(param.type, click.Choice):
            name = param.make_metavar(ctx)
            swap(param, "metavar", help_vi.METAVARS_VI.get(name, name))
    for name, sub in getattr(command, "commands", {}).items():
        swap(sub, "help", help_vi.COMMANDS.get(f"{path} {name}".strip(), sub.help))
        swap(sub, "short_help", None)
    try:
        yield
    finally:
        for obj, attr, value in reversed(saved):
            setattr(obj, attr, value)


class _Localised:
    """The usage line and the help of a click command (or group) in the run's language."""

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """click's ``--help`` in the run's language: click makes it once per command and keeps it, so in a process
        that runs several commands (the tests, a script calling ``cli.main``) it kept the first run's language."""
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = _gettext("Show this message and exit.")
        return option

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = super().collect_usage_pieces(ctx)  # type: ignore[misc]
        return [USAGE_VI.get(p, p) for p in pieces] if current() == "vi" else pieces

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if current() != "vi":
            return super().format_help(ctx, formatter)  # type: ignore[misc]
        with _vietnamese_help(self, ctx):  # type: ignore[arg-type]
            return super().format_help(ctx, formatter)  # type: ignore[misc]


class Command(_Localised, click.Command):
    """A click command whose usage line and help speak the run's language."""


class Group(_Localised, click.Group):
    """The ``isocheck`` group: reads the settings and the language before click parses anything."""

    command_class = Command

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        args = list(sys.argv[1:] if args is None else args)
        if _RUN.get() is not None:  # already inside a run (a nested call): keep its language
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            found = load_settings()
        except InputError as exc:
            lang = lang_in(args) or "vi"
            message = f"isocheck: {ui('usage.error_label', lang)}: {printable(exc.text(lang))}"
            click.echo(message, err=True)
            sys.exit(2)
        token = _RUN.set((found, lang_in(args) or found.lang))
        if any(name.endswith("_COMPLETE") for name in os.environ):  # shell completion: its messages too
            lazily("shell_completion")
        try:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        finally:
            _RUN.reset(token)
