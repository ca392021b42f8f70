"""Options, argument and helpers shared by every ``isocheck`` command (click only).

Command modules import from here, never from :mod:`isocheck.cli`, so each command can live in its own
module and be registered on the group in ``cli.py``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import functools
import re
import sys
from collections.abc import Iterator
from typing import Any

import click

from isocheck.base.errors import InputError
from isocheck.base.output import write_atomic
from isocheck.cli.language import current, default_lang, lazily, settings
from isocheck.pack.rules import PROFILES, SEVERITIES
from isocheck.report.escape import printable, printable_output
from isocheck.text.ui import fill, ui

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2

LANG = click.option(
    "--lang",
    type=click.Choice(["vi", "en"]),
    default=default_lang,
    show_default="vi, or ISOCHECK_LANG, or lang in ./isocheck.toml",
    help="Language of the output and the messages (Vietnamese or English).",
)
RULES_DIR = click.option(
    "--rules",
    "rules_dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Rule pack folder (default: the bundled pack).",
)
OVERLAY = click.option(
    "--overlay",
    "overlay_file",
    type=click.Path(dir_okay=False),
    default=lambda: settings().overlay,
    show_default="overlay in ./isocheck.toml, if any",
    help="A province overlay (YAML) beside the national pack, or a shipped one by name (ha-tinh.example): "
    "rules it skips, severities it changes, parameters it sets and criteria it adds, each with its decision.",
)
CATALOGUE = click.option(
    "--catalogue",
    "catalogue_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="The province's list of TTHC (.csv or .xlsx as exported from the public service portal): the agency's "
    "scope is also checked against it (TTHC missing from the scope, abolished TTHC still in it, new TTHC on the "
    "three-month clock).",
)
_WRITTEN_AS_DAY = re.compile(r"\d{4}-(?:0?[1-9]|1[0-2])-\d{1,2}")  # a month of the year; the day wrong


class Day(click.DateTime):
    """A date written year-month-day. A date written right that the calendar does not have (``2021-11-31``,
    ``2021-02-29``) is told as such, not as a date in the wrong format (click says only the latter)."""

    def __init__(self) -> None:
        super().__init__(formats=["%Y-%m-%d"])

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:  # refused by click; written year-month-day, it is a day the calendar lacks
            if not (isinstance(value, str) and _WRITTEN_AS_DAY.fullmatch(value.strip())):
                raise
            lang = current()
            self.fail(fill(ui("usage.no_such_day", lang), {"value": printable(value.strip())}, lang), param, ctx)


FACT_FILE = click.argument("fact_file", type=click.Path(dir_okay=False))
AS_OF = click.option(
    "--as-of",
    "as_of",
    type=Day(),
    metavar="YYYY-MM-DD",
    default=None,
    help="Evaluate as of this date (YYYY-MM-DD). Default: today.",
)
YEAR = click.option(
    "--year",
    type=click.IntRange(2014, 2100),
    default=None,
    help="Calendar year under review for yearly duties. Default: the as-of year.",
)


def profile_option(default: str, help: str = "Which rules to run."):
    """``--profile`` defaulting to ``profile`` in ./isocheck.toml, else to the command's ``default``."""
    return click.option(
        "--profile",
        type=click.Choice([*list(PROFILES), "all"]),
        default=lambda: settings().profile or default,
        show_default=f"{default}, or profile in ./isocheck.toml",
        help=help,
    )


PROFILE = profile_option("all")
FAIL_ON = click.option(
    "--fail-on",
    type=click.Choice([*list(SEVERITIES), "none"]),
    default="minor",
    show_default=True,
    help="Exit with 1 when a nonconformity of this severity or worse is found.",
)


def OUTPUT(what: str):  # noqa: N802 — used as a decorator like the options above
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False),
        default=None,
        help=f"Write {what} to this file (atomically: all or nothing; never over an input file). "
        "Default: standard output.",
    )


def input_errors(func):
    """Turn InputError into messages on stderr — one line per problem of the file, up to 20 — in the
    command's ``--lang`` (the run's language without one), and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except InputError as exc:
            lang = kwargs.get("lang") or current()
            for line in exc.lines(lang):  # every problem of the file, one line each
                click.echo(f"isocheck: {ui('error', lang)}: {printable(line)}", err=True)
            sys.exit(EXIT_INPUT)

    return wrapper


def emit(text: str, output: str | None, inputs=()) -> None:
    """Write a command's output to ``output`` (atomically, refused when it is one of ``inputs``) or to
    standard output; a terminal never receives control characters."""
    if output:
        write_atomic(output, text, [i for i in inputs if i])
    else:
        click.echo(printable_output(text) if sys.stdout.isatty() else text, nl=False)


def warn(message: str, lang: str) -> None:
    """One warning line on standard error, in ``lang``."""
    click.echo(f"isocheck: {ui('warning', lang)}: {printable(message)}", err=True)


def as_of_date(as_of, year: int | None) -> dt.date:
    as_of_date = as_of.date() if as_of else dt.date.today()
    if year is not None and year > as_of_date.year:
        text = fill(ui("usage.year_after", current()), {"year": year, "as_of_year": as_of_date.year}, "en")
        raise click.BadParameter(text, param_hint="--year")
    return as_of_date


WAIVERS = click.option(
    "--waivers",
    "waivers_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Waiver file (YAML): approved, time-limited exceptions shown as 'waived'.",
)
RUBRIC = click.option(
    "--rubric",
    "rubric_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Score the agency against this rubric file, or a shipped one by name (ha-tinh-7.2.example).",
)


def load_options(pack, waivers_file: str | None, rubric_file: str | None) -> dict:
    """The waivers and rubric named on the command line, checked against the pack's rule ids."""
    from isocheck.workflows.rubric import load_rubric
    from isocheck.workflows.waivers import load_waivers

    known = set(pack.by_id)
    return {
        "waivers": load_waivers(waivers_file, known) if waivers_file else None,
        "rubric": load_rubric(rubric_file, known) if rubric_file else None,
    }


ANNOUNCE_ON = click.option(
    "--announce-on",
    "announce_on",
    type=Day(),
    metavar="YYYY-MM-DD",
    default=None,
    help="Planned announcement date (pre-announcement profile only): the planned announcement's preconditions "
    "are judged up to that date; the reports also list what falls due between the as-of date and then. "
    "Default: the as-of date.",
)


def announce_on_date(announce_on, day, profile: str):
    """The planned announcement date of ``--announce-on``, checked against the profile and the as-of date."""
    if announce_on is None:
        return None
    if profile != "pre-announcement":
        raise click.BadParameter(ui("usage.announce_profile", current()), param_hint="--announce-on")
    if announce_on.date() < day:
        values = {"announce_on": announce_on.date(), "as_of": day}
        raise click.BadParameter(
            fill(ui("usage.announce_before", current()), values, current()), param_hint="--announce-on"
        )
    return announce_on.date()


def exit_code(report, fail_on: str) -> int:
    """The exit code of a checked agency: 1 when a nonconformity at or above ``fail_on`` is found, a rule
    ended in error, or the pre-announcement verdict is NOT READY (the verdict and the exit code agree;
    ``--fail-on none`` keeps 0 for all but rule errors); 0 otherwise."""
    from isocheck.engine.findings import worst_gate

    not_ready = report.readiness is not None and not report.readiness.ready and fail_on != "none"
    return EXIT_FINDINGS if worst_gate(report.findings, fail_on) or not_ready else EXIT_OK


QUIET = click.option("--quiet", "-q", is_flag=True, help="No progress bar (there is none when not on a terminal).")


@contextlib.contextmanager
def progress(length: int, label: str, quiet: bool) -> Iterator[Any]:
    """click's progress bar on standard error while a terminal is there to see it; otherwise (a file, a
    pipe, ``--quiet``) a bar that draws nothing."""
    if quiet or length < 2 or not sys.stderr.isatty():
        yield _NoBar()
        return
    lazily("_termui_impl")  # the bar's "d" of days in Vietnamese too
    with click.progressbar(length=length, label=label, file=sys.stderr, show_eta=True, show_pos=True) as bar:
        yield bar


class _NoBar:
    def update(self, steps: int) -> None:
        """Nothing to draw."""


def known_rule(pack, rule_id: str, param_hint: str = "--rule") -> None:
    """A usage error for a rule id that is not in the pack, with a did-you-mean (``param_hint``: where the id was
    given, the option or the argument's name)."""
    if rule_id not in pack.by_id:
        lang = current()
        close = difflib.get_close_matches(rule_id, list(pack.by_id), n=3)
        hint = fill(ui("usage.did_you_mean", lang), {"close": ", ".join(close)}, lang) if close else ""
        text = fill(ui("usage.no_rule", lang), {"rule": printable(rule_id)}, lang)
        text += hint or ui("usage.see_rules", lang)
        raise click.BadParameter(text, param_hint=param_hint)
