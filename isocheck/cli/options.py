"""Options, argument and helpers shared by every ``isocheck`` command (click only).

Command modules import from here, never from :mod:`isocheck.cli`, so each command can live in its own
module and be registered on the group in ``cli.py``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import sys

import click

from isocheck.base.errors import InputError
from isocheck.base.output import write_atomic
from isocheck.pack.rules import PROFILES, SEVERITIES
from isocheck.report.escape import printable, printable_output

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2

LANG = click.option(
    "--lang",
    type=click.Choice(["vi", "en"]),
    default="en",
    show_default=True,
    help="Language of the report (Vietnamese or English).",
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
    default=None,
    help="A province overlay (YAML) beside the national pack, or a shipped one by name (ha-tinh.example): "
    "rules it skips, severities it changes, parameters it sets and criteria it adds, each with its decision.",
)
FACT_FILE = click.argument("fact_file", type=click.Path(dir_okay=False))
AS_OF = click.option(
    "--as-of",
    "as_of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Evaluate as of this date (YYYY-MM-DD). Default: today.",
)
YEAR = click.option(
    "--year",
    type=click.IntRange(2014, 2100),
    default=None,
    help="Calendar year under review for yearly duties. Default: the as-of year.",
)
PROFILE = click.option(
    "--profile",
    type=click.Choice([*list(PROFILES), "all"]),
    default="all",
    show_default=True,
    help="Which rules to run.",
)
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
    """Turn InputError into one message on stderr, in the command's ``--lang`` (English without one),
    and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except InputError as exc:
            lang = "vi" if kwargs.get("lang") == "vi" else "en"
            click.echo(f"isocheck: {'lỗi' if lang == 'vi' else 'error'}: {printable(exc.text(lang))}", err=True)
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
    from isocheck.text.ui import ui

    click.echo(f"isocheck: {ui('warning', lang)}: {printable(message)}", err=True)


def as_of_date(as_of, year: int | None) -> dt.date:
    as_of_date = as_of.date() if as_of else dt.date.today()
    if year is not None and year > as_of_date.year:
        raise click.BadParameter(f"{year} is after the as-of year {as_of_date.year}", param_hint="--year")
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
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Planned announcement date (pre-announcement profile): also list what falls due "
    "between the as-of date and then.",
)


def announce_on_date(announce_on, day, profile: str):
    """The planned announcement date of ``--announce-on``, checked against the profile and the as-of date."""
    if announce_on is None:
        return None
    if profile != "pre-announcement":
        raise click.BadParameter("only with --profile pre-announcement", param_hint="--announce-on")
    if announce_on.date() < day:
        raise click.BadParameter(f"{announce_on.date()} is before the as-of date {day}", param_hint="--announce-on")
    return announce_on.date()


def known_rule(pack, rule_id: str) -> None:
    """A usage error for a rule id that is not in the pack, with a did-you-mean."""
    if rule_id not in pack.by_id:
        close = difflib.get_close_matches(rule_id, list(pack.by_id), n=3)
        hint = f" Did you mean: {', '.join(close)}?" if close else " See `isocheck rules list`."
        raise click.BadParameter(f"no rule with id '{rule_id}'.{hint}", param_hint="--rule")
