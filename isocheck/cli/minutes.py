"""``isocheck minutes``: the inspection minutes (biên bản kiểm tra, TT26 Mẫu 21. BBKT) as a Word document."""

from __future__ import annotations

import os
import sys

import click

from isocheck.api import check_file, load_pack
from isocheck.base.errors import InputError
from isocheck.base.output import write_atomic
from isocheck.cli.language import Command
from isocheck.cli.options import (
    ANNOUNCE_ON,
    AS_OF,
    CATALOGUE,
    FACT_FILE,
    FAIL_ON,
    LANG,
    OVERLAY,
    RULES_DIR,
    WAIVERS,
    YEAR,
    announce_on_date,
    as_of_date,
    exit_code,
    input_errors,
    load_options,
    profile_option,
)
from isocheck.text.problems import Problem


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def _refuse_inputs(output: str, inputs: list[str | None]) -> None:
    """The minutes never overwrite one of the files they are made from."""
    for name in inputs:
        if name is not None and _same_file(output, name):
            raise InputError(
                output,
                Problem("minutes.output_is_input"),
            )


def _write(output: str, data: bytes) -> None:
    try:
        write_atomic(output, data)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputError(output, Problem("minutes.not_written", reason=reason)) from None


@click.command("minutes", cls=Command)
@FACT_FILE
@AS_OF
@YEAR
@profile_option(
    "inspection", "Which rules to run (the periodic inspection by default; pre-announcement before an announcement)."
)
@LANG
@click.option(
    "--inspection",
    "inspection_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Inspection particulars (YAML): team, decision, place and date of signing, the agency's "
    "representatives. Without it the minutes leave dotted blanks to fill in by hand.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    required=True,
    help="Write the minutes to this .docx file (atomically).",
)
@FAIL_ON
@RULES_DIR
@OVERLAY
@CATALOGUE
@ANNOUNCE_ON
@WAIVERS
@input_errors
def minutes_command(
    fact_file,
    as_of,
    year,
    profile,
    lang,
    inspection_file,
    output,
    fail_on,
    rules_dir,
    overlay_file,
    catalogue_file,
    announce_on,
    waivers_file,
) -> None:
    """The inspection minutes (biên bản kiểm tra, TT26 Điều 37 khoản 2 điểm b) as a Word document:
    legal grounds, inspection team, contents of TT26 Điều 36 with their results, nonconformities,
    conclusion, requests with the 2-month corrective-action deadline, signature blocks.

    \b
      isocheck minutes xa.yaml --as-of 2021-11-16 --inspection kiem-tra.yaml -o bien-ban.docx
    """
    from isocheck.report.minutes import render_minutes
    from isocheck.report.minutes.inspection import load_inspection

    _refuse_inputs(output, [fact_file, inspection_file, waivers_file, overlay_file, catalogue_file])
    day = as_of_date(as_of, year)
    pack = load_pack(rules_dir, overlay_file, day, catalogue_file)
    report = check_file(
        fact_file,
        day,
        profile,
        pack,
        year=year,
        announce_on=announce_on_date(announce_on, day, profile),
        **load_options(pack, waivers_file, None),
    )
    inspection = load_inspection(inspection_file, day) if inspection_file else None
    _write(output, render_minutes(report, inspection, lang))
    sys.exit(exit_code(report, fail_on))
