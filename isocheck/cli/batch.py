"""``isocheck batch``: check a province's agencies in parallel and print the matrix and summary."""

from __future__ import annotations

import sys

import click

from isocheck import __version__
from isocheck.api import load_pack
from isocheck.cli.options import (
    AS_OF,
    EXIT_FINDINGS,
    EXIT_INPUT,
    EXIT_OK,
    FAIL_ON,
    LANG,
    OUTPUT,
    OVERLAY,
    RULES_DIR,
    WAIVERS,
    YEAR,
    as_of_date,
    emit,
    input_errors,
    load_options,
)
from isocheck.engine.findings import gate
from isocheck.pack.rules import PROFILES
from isocheck.report.batch import BATCH_FORMATS, batch_document
from isocheck.workflows.baseline import compare, load_baseline
from isocheck.workflows.batch import BatchConfig, StrictStop, collect_files, run_batch


@click.command("batch")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@AS_OF
@YEAR
@click.option(
    "--profile",
    type=click.Choice([*list(PROFILES), "all"]),
    default="inspection",
    show_default=True,
    help="Which rules to run.",
)
@click.option("--format", "fmt", type=click.Choice(list(BATCH_FORMATS)), default="table", show_default=True)
@LANG
@FAIL_ON
@OUTPUT("the batch result")
@RULES_DIR
@OVERLAY
@WAIVERS
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="A previous 'batch --format json' result: show new, resolved and remaining findings.",
)
@click.option("--workers", type=click.IntRange(1, 64), default=None, help="Worker processes (default: one per CPU).")
@click.option("--strict", is_flag=True, help="Stop at the first bad fact file (exit 2) instead of reporting it.")
@input_errors
def batch_command(
    paths,
    as_of,
    year,
    profile,
    fmt,
    lang,
    fail_on,
    output,
    rules_dir,
    overlay_file,
    waivers_file,
    baseline_file,
    workers,
    strict,
) -> None:
    """Check many agencies (fact files or folders of them) and print the province matrix: one row per
    agency grouped by level, the summary by level, and with --baseline what changed since last time.

    Exit codes: 0 every agency checked without a nonconformity at or above --fail-on; 1 otherwise (or an
    agency could not be checked); 2 bad usage, a bad rule/waiver/baseline file, or --strict met a bad fact file.
    """
    day = as_of_date(as_of, year)
    pack = load_pack(rules_dir, overlay_file, day)
    waivers = load_options(pack, waivers_file, None)["waivers"]
    baseline = load_baseline(baseline_file) if baseline_file else None
    files = collect_files(list(paths))
    config = BatchConfig(as_of=day, profile=profile, year=year, lang=lang)
    try:
        entries = run_batch(files, config, pack, waivers, workers=workers, strict=strict)
    except StrictStop as stop:
        click.echo(f"isocheck: {'lỗi' if lang == 'vi' else 'error'}: {stop}", err=True)
        sys.exit(EXIT_INPUT)
    totals = compare(entries, baseline) if baseline is not None else None
    doc = batch_document(
        entries,
        as_of=day,
        year=year or day.year,
        profile=profile,
        rules_version=pack.version,
        lang=lang,
        tool_version=__version__,
        baseline_totals=totals,
        baseline_file=baseline_file,
    )
    if pack.tailoring is not None:  # the province overlay applied (each result carries its rule's origin)
        doc["overlay"] = pack.tailoring.record(lang)
    emit(BATCH_FORMATS[fmt](doc, lang), output)
    sys.exit(EXIT_FINDINGS if _needs_attention(entries, fail_on) else EXIT_OK)


def _needs_attention(entries, fail_on: str) -> bool:
    if any(e["status"] != "checked" for e in entries):
        return True
    return gate(((r["outcome"], r["severity"]) for e in entries for r in e["results"]), fail_on)
