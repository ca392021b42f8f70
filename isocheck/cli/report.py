"""``isocheck report``: one agency's inspection report as a self-contained HTML page."""

from __future__ import annotations

import sys

import click

from isocheck.api import check_file, load_pack
from isocheck.cli.language import Command
from isocheck.cli.options import (
    ANNOUNCE_ON,
    AS_OF,
    FACT_FILE,
    FAIL_ON,
    LANG,
    OUTPUT,
    OVERLAY,
    PROFILE,
    RUBRIC,
    RULES_DIR,
    WAIVERS,
    YEAR,
    announce_on_date,
    as_of_date,
    emit,
    exit_code,
    input_errors,
    load_options,
)


@click.command("report", cls=Command)
@FACT_FILE
@AS_OF
@YEAR
@PROFILE
@LANG
@FAIL_ON
@OUTPUT("the HTML page")
@RULES_DIR
@OVERLAY
@ANNOUNCE_ON
@WAIVERS
@RUBRIC
@input_errors
def report_command(
    fact_file,
    as_of,
    year,
    profile,
    lang,
    fail_on,
    output,
    rules_dir,
    overlay_file,
    announce_on,
    waivers_file,
    rubric_file,
) -> None:
    """The inspection report as one self-contained HTML page (Vietnamese by default): verdict, counts,
    every nonconformity with its explanation, pending, not-evaluable and error results.

    Exit codes as for `isocheck check`: 1 also when the pre-announcement verdict is NOT READY.
    """
    from isocheck.report.html import render

    day = as_of_date(as_of, year)
    pack = load_pack(rules_dir, overlay_file, day)
    report = check_file(
        fact_file,
        day,
        profile,
        pack,
        year=year,
        announce_on=announce_on_date(announce_on, day, profile),
        **load_options(pack, waivers_file, rubric_file),
    )
    report.as_of_defaulted = as_of is None
    emit(render(report, lang), output, (fact_file, overlay_file, waivers_file, rubric_file))
    sys.exit(exit_code(report, fail_on))
