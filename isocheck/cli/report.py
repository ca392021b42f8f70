"""``isocheck report``: one agency's inspection report as a self-contained HTML page."""

from __future__ import annotations

import sys

import click

from isocheck.api import check_file, load_pack
from isocheck.cli.options import (
    ANNOUNCE_ON,
    AS_OF,
    EXIT_FINDINGS,
    EXIT_OK,
    FACT_FILE,
    FAIL_ON,
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
    input_errors,
    load_options,
)
from isocheck.engine.findings import worst_gate


@click.command("report")
@FACT_FILE
@AS_OF
@YEAR
@PROFILE
@click.option(
    "--lang",
    type=click.Choice(["vi", "en"]),
    default="vi",
    show_default=True,
    help="Language of the report (Vietnamese by default for this page).",
)
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
    every nonconformity with its explanation, pending, not-evaluable and error results."""
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
    emit(render(report, lang), output, (fact_file, overlay_file, waivers_file, rubric_file))
    sys.exit(EXIT_FINDINGS if worst_gate(report.findings, fail_on) else EXIT_OK)
