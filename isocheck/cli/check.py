"""``isocheck check``: check one agency fact file and print its findings in any report format."""

from __future__ import annotations

import sys

import click

from isocheck.api import EVALUATORS, check_file, load_pack
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
from isocheck.report import FORMATS


@click.command("check", cls=Command)
@FACT_FILE
@AS_OF
@YEAR
@PROFILE
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="table", show_default=True)
@LANG
@FAIL_ON
@OUTPUT("the report")
@RULES_DIR
@OVERLAY
@ANNOUNCE_ON
@WAIVERS
@RUBRIC
@click.option("--evaluator", type=click.Choice(EVALUATORS), default="durable", hidden=True)
@input_errors
def check_command(
    fact_file,
    as_of,
    year,
    profile,
    fmt,
    lang,
    fail_on,
    output,
    rules_dir,
    overlay_file,
    announce_on,
    waivers_file,
    rubric_file,
    evaluator,
) -> None:
    """Check one agency fact file (YAML or JSON) and report its findings.

    \b
    Pre-announcement inspection (verdict READY / NOT READY):
      isocheck check agency.yaml --profile pre-announcement [--announce-on 2022-03-01]
    Yearly self-assessment with a scoring rubric:
      isocheck check agency.yaml --profile annual --year 2021 --rubric rubrics/ha-tinh-7.2.example.yaml

    Exit codes: 0 nothing at or above --fail-on; 1 a nonconformity at or above --fail-on, a rule error, or
    the verdict NOT READY (also when only missing facts block it; not with --fail-on none); 2 bad input.
    """
    day = as_of_date(as_of, year)
    pack = load_pack(rules_dir, overlay_file, day)
    report = check_file(
        fact_file,
        day,
        profile,
        pack,
        evaluator,
        year=year,
        announce_on=announce_on_date(announce_on, day, profile),
        **load_options(pack, waivers_file, rubric_file),
    )
    report.as_of_defaulted = as_of is None
    emit(FORMATS[fmt](report, lang), output, (fact_file, overlay_file, waivers_file, rubric_file))
    sys.exit(exit_code(report, fail_on))
