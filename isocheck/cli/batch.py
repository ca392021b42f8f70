"""``isocheck batch``: check a province's agencies in parallel and stream the matrix and summary."""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import sys
import unicodedata
from typing import IO

import click

from isocheck import __version__
from isocheck.api import load_pack
from isocheck.base.output import output_stream, refuse_inputs
from isocheck.cli.language import Command, current
from isocheck.cli.options import (
    AS_OF,
    EXIT_FINDINGS,
    EXIT_INPUT,
    EXIT_OK,
    FAIL_ON,
    LANG,
    OUTPUT,
    OVERLAY,
    QUIET,
    RULES_DIR,
    WAIVERS,
    YEAR,
    as_of_date,
    input_errors,
    load_options,
    profile_option,
    progress,
    warn,
)
from isocheck.engine.findings import gate
from isocheck.report.batch import BATCH_FORMATS, BatchHeader, BatchSummary
from isocheck.report.escape import printable
from isocheck.text.ui import fill, ui
from isocheck.workflows.baseline import BaselineTotals, load_baseline
from isocheck.workflows.batch import BatchConfig, Interrupted, StrictStop, collect_files, run_batch
from isocheck.workflows.batch.cache import FILE_NAME, cache_dir
from isocheck.workflows.batch.pool import WorkersFailed, signals_as_interrupted
from isocheck.workflows.matrix import LevelSummary

EXIT_SIGNAL = 128


@click.command("batch", cls=Command)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@AS_OF
@YEAR
@profile_option("inspection", "Which rules to run.")
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
@click.option(
    "--csv-delimiter",
    "csv_delimiter",
    type=click.Choice([";", ",", "tab"]),
    default=";",
    show_default=True,
    help="The CSV format's separator: ';' for Excel under Vietnamese settings, ',' elsewhere.",
)
@click.option("--workers", type=click.IntRange(1, 64), default=None, help="Worker processes (default: one per CPU).")
@click.option("--strict", is_flag=True, help="Stop at the first bad fact file (exit 2) instead of reporting it.")
@click.option(
    "--no-cache",
    "no_cache",
    is_flag=True,
    help=f"Read every fact file again. By default validated agencies are kept in {cache_dir() / FILE_NAME} "
    "(ISOCHECK_CACHE_DIR or XDG_CACHE_HOME change where), by file path, size, times, tool and rule-pack versions.",
)
@QUIET
@click.option("--evaluator", type=click.Choice(["durable", "reference"]), default="durable", hidden=True)
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
    csv_delimiter,
    workers,
    strict,
    no_cache,
    quiet,
    evaluator,
) -> None:
    """Check many agencies (fact files or folders of them) and print the province matrix: one row per
    agency grouped by level, the summary by level, and with --baseline what changed since last time.

    Agencies are written as they finish (JSON and CSV in file order). The table, Markdown, HTML, XLSX
    and DOCX formats follow a provincial report: the provincial level (departments with their
    sub-departments and units), the district level (while it exists), the commune level; units right
    under their parent; names in Vietnamese alphabetical order; an "x/N" totals row per column for each
    level and for the whole. With --format csv -o OUT.csv the findings (one row per agency and result
    not passed: nonconformity, rule error, not evaluable, not yet due, waived) are also written to
    OUT.findings.csv beside it, with the same separator and byte-order mark.

    Files inside the folders are found recursively; links that lead out of the folders given, FIFOs and
    devices are skipped with a warning. An agency is identified by its file's path relative to the folder
    given (baselines match on it).

    Exit codes: 0 every agency checked without a nonconformity at or above --fail-on; 1 otherwise (or an
    agency could not be checked, or the workers could not start); 2 bad usage, a bad rule/waiver/baseline
    file, an output that cannot be written, or --strict met a bad fact file; 130 (143) stopped by Ctrl-C
    (SIGTERM), nothing written.
    """
    with signals_as_interrupted():
        try:
            code = _batch(
                paths, as_of, year, profile, fmt, lang, fail_on, output, rules_dir, overlay_file, waivers_file,
                baseline_file, workers, strict, not no_cache, evaluator, csv_delimiter=csv_delimiter, quiet=quiet,
            )  # fmt: skip
        except StrictStop as stop:
            click.echo(f"isocheck: {ui('usage.error_label', lang)}: {printable(str(stop))}", err=True)
            code = EXIT_INPUT
        except BrokenPipeError:  # the reader of standard output went away (`isocheck batch … | head`)
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            code = EXIT_SIGNAL + signal.SIGPIPE
        except WorkersFailed as failed:
            click.echo(f"isocheck: {ui('usage.error_label', lang)}: ", err=True, nl=False)
            click.echo(fill(ui("batch.workers_failed", lang), {"times": failed.times}, "en"), err=True)
            code = EXIT_FINDINGS
        except (Interrupted, KeyboardInterrupt) as stop:
            signum = getattr(stop, "signum", signal.SIGINT)
            name = "Ctrl-C" if signum == signal.SIGINT else signal.Signals(signum).name
            click.echo(f"isocheck: {fill(ui('batch.interrupted', lang), {'signal': name}, 'en')}", err=True)
            code = EXIT_SIGNAL + signum
    sys.exit(code)


def _batch(
    paths, as_of, year, profile, fmt, lang, fail_on, output, rules_dir, overlay_file, waivers_file, baseline_file,
    workers, strict, cache, evaluator, *, csv_delimiter=";", quiet=False,
) -> int:  # fmt: skip
    day = as_of_date(as_of, year)
    pack = load_pack(rules_dir, overlay_file, day)
    waivers = load_options(pack, waivers_file, None)["waivers"]
    baseline = load_baseline(baseline_file) if baseline_file else None
    files, skipped = collect_files(list(paths))
    for s in skipped:
        warn(
            fill(ui("batch.skipped", lang), {"path": s.path, "reason": ui(f"batch.skip.{s.reason}", lang)}, "en"), lang
        )
    format_class = BATCH_FORMATS[fmt]
    if format_class.binary and output is None and sys.stdout.isatty():
        raise click.UsageError(fill(ui("usage.binary_needs_output", current()), {"format": fmt}, "en"))
    config = BatchConfig(
        as_of=day,
        profile=profile,
        year=year,
        lang=lang,
        evaluator=evaluator,
        results=format_class.results and (format_class.companion_suffix is None or output is not None),
        non_pass_only=format_class.non_pass_only,
        cache=cache,
    )
    header = BatchHeader(
        as_of=day,
        year=year or day.year,
        profile=profile,
        rules_version=pack.version,
        lang=lang,
        tool_version=__version__,
        baseline_file=baseline_file,
        skipped=[{"path": s.path, "reason": s.reason} for s in skipped],
        overlay=pack.tailoring.record(lang) if pack.tailoring is not None else None,
        rule_titles={rule.id: rule.title.get(lang) for rule in pack.rules},
        csv_delimiter="\t" if csv_delimiter == "tab" else csv_delimiter,
        as_of_defaulted=as_of is None,
    )
    inputs = [f.path for f in files] + [p for p in (overlay_file, waivers_file, baseline_file) if p]
    tally = _Tally(fail_on)
    companion = format_class.companion_path(output)  # the CSV findings beside -o out.csv
    if companion is not None:
        refuse_inputs(companion, [*inputs, output])
    with output_stream(output, inputs) as out, _companion(companion, inputs) as side:
        writer = format_class(out, header)
        writer.companion = side
        writer.start()
        entries = run_batch(
            files,
            config,
            pack,
            waivers,
            baseline=baseline,
            workers=workers,
            strict=strict,
            prepare=functools.partial(format_class.prepare, lang=lang),
        )
        with progress(len(files), ui("progress.batch", lang), quiet) as bar:
            for entry in entries:
                tally.add(entry)
                writer.agency(entry)
                bar.update(1)
        writer.end(BatchSummary(tally.summary.to_dict(), tally.totals.totals if baseline is not None else None))
    if companion is not None and not quiet:
        click.echo(f"isocheck: {fill(ui('batch.findings_written', lang), {'path': companion}, 'en')}", err=True)
    for roster_year, count in sorted(tally.roster_years.items()):
        if year is None and roster_year != day.year:
            values = {"count": count, "roster_year": roster_year, "year": day.year, "as_of": day.strftime("%d/%m/%Y")}
            warn(fill(ui("batch.roster_year", lang), values, "en"), lang)
    for name, found in tally.duplicates():
        files_text = ", ".join(found)
        warn(
            fill(ui("batch.duplicate_name", lang), {"name": name, "count": len(found), "files": files_text}, "en"), lang
        )
    return EXIT_FINDINGS if tally.attention else EXIT_OK


def _companion(path: str | None, inputs: list) -> contextlib.AbstractContextManager[IO[bytes] | None]:
    """The second output beside ``-o`` (written atomically with it), or nothing."""
    return output_stream(path, inputs) if path is not None else contextlib.nullcontext(None)


class _Tally:
    """What the parent keeps while entries stream by: the summary, the baseline totals, the exit gate and,
    per agency name, its first file (to warn about a name in several files)."""

    def __init__(self, fail_on: str):
        self.fail_on = fail_on
        self.summary = LevelSummary()
        self.totals = BaselineTotals()
        self.attention = False
        self.first: dict[str, str] = {}
        self.roster_years: dict[int, int] = {}  # the year a roster's marks are for → how many files
        self.repeated: dict[str, tuple[str, list[str]]] = {}

    def add(self, entry) -> None:
        self.summary.add(entry)
        self.totals.add(entry)
        if entry.get("roster_year") is not None:
            self.roster_years[entry["roster_year"]] = self.roster_years.get(entry["roster_year"], 0) + 1
        if entry["status"] != "checked":
            self.attention = True
            return
        counts = entry["counts"]
        pairs = [("error", "minor")] * counts["outcomes"].get("error", 0)
        pairs += [("fail", sev) for sev, n in counts["nonconformities_by_severity"].items() if n]
        self.attention = self.attention or gate(pairs, self.fail_on)
        key = " ".join(
            unicodedata.normalize("NFC", f"{entry['name']} / {entry.get('parent') or ''}").casefold().split()
        )
        first = self.first.setdefault(key, entry["file"])
        if first != entry["file"]:
            self.repeated.setdefault(key, (entry["name"], [first]))[1].append(entry["file"])

    def duplicates(self):
        """(name, files) of each agency name found in more than one file."""
        return list(self.repeated.values())
