"""``isocheck import ROSTER -o OUT_DIR``: a province roster (CSV or XLSX) → one fact file per agency.

Prints one line per fact file and a summary; warnings (cells that cannot become facts) go to stderr, after
the progress bar drawn there while the rows are converted (on a terminal only, and not with ``--quiet``).
Exit codes: 0 imported; 2 bad input or usage (nothing written), including a fact file that exists with
other content when ``--force`` is not given.
"""

from __future__ import annotations

import click

from isocheck.cli.language import Command
from isocheck.cli.options import LANG, QUIET, input_errors, progress
from isocheck.text.ui import fill, ui
from isocheck.workflows.roster import read_roster
from isocheck.workflows.roster.write import write_fact_files


@click.command("import", cls=Command)
@click.argument("roster", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder to write the fact files into (created if missing).",
)
@click.option(
    "--year",
    type=click.IntRange(2014, 2100),
    default=None,
    help="Year the roster covers. Default: the year in its headers (e.g. 'Mục tiêu chất lượng 2021').",
)
@click.option("--force", is_flag=True, help="Overwrite fact files whose content differs.")
@LANG
@QUIET
@input_errors
def import_command(roster, out_dir, year, force, lang, quiet) -> None:
    """Import a roster (one row per agency, CSV or XLSX) into one YAML fact file per agency.

    \b
    The columns, marks and blanks are explained in docs/roster.md. Example:
      isocheck import fixtures/province-ha-tinh-2021/roster.csv -o facts/
    """
    warnings: list[str] = []
    rows = read_roster(roster, year)
    try:
        with progress(len(rows), ui("progress.import", lang), quiet) as bar:
            results = write_fact_files(rows, out_dir, force=force, warn=warnings.append, step=lambda: bar.update(1))
    finally:  # after the bar, so that no warning is drawn over it; also when nothing could be written
        for message in warnings:
            click.echo(f"isocheck: {ui('warning', lang)}: {message}", err=True)
    for (path, status), row in zip(results, rows, strict=False):
        values = {"status": ui(f"import.status.{status}", lang), "path": path, "line": row.line}
        click.echo(fill(ui("import.line", lang), {**values, "name": row.cells["name"]}, "en"))
    counts = {s: sum(1 for _, status in results if status == s) for s in ("written", "overwritten", "unchanged")}
    summary = {"count": len(results), "roster": roster, "year": rows[0].year, "out_dir": out_dir, **counts}
    many = fill(ui("import.warnings.many", lang), {"count": len(warnings)}, lang)
    said = ui("import.warnings.one", lang) if len(warnings) == 1 else many
    click.echo(fill(ui("import.summary", lang), {**summary, "warnings": said}, "en"))
