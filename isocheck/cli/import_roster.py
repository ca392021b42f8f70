"""``isocheck import ROSTER -o OUT_DIR``: a province roster (CSV or XLSX) → one fact file per agency.

Prints one line per fact file and a summary; warnings (cells that cannot become facts) go to stderr.
Exit codes: 0 imported; 2 bad input or usage (nothing written), including a fact file that exists with
other content when ``--force`` is not given.
"""

from __future__ import annotations

import click

from isocheck.cli.options import input_errors
from isocheck.workflows.roster import read_roster
from isocheck.workflows.roster.write import write_fact_files


@click.command("import")
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
@input_errors
def import_command(roster, out_dir, year, force) -> None:
    """Import a roster (one row per agency, CSV or XLSX) into one YAML fact file per agency.

    \b
    The columns, marks and blanks are explained in docs/roster.md. Example:
      isocheck import fixtures/province-ha-tinh-2021/roster.csv -o facts/
    """
    warnings: list[str] = []

    def warn(message: str) -> None:
        warnings.append(message)
        click.echo(f"isocheck: warning: {message}", err=True)

    rows = read_roster(roster, year)
    results = write_fact_files(rows, out_dir, force=force, warn=warn)
    for (path, status), row in zip(results, rows, strict=False):
        click.echo(f"{status}: {path} (row {row.line}: {row.cells['name']})")
    counts = {s: sum(1 for _, status in results if status == s) for s in ("written", "overwritten", "unchanged")}
    click.echo(
        f"{len(results)} agencies imported from {roster} (year {rows[0].year}) into {out_dir}: "
        f"{counts['written']} written, {counts['overwritten']} overwritten, {counts['unchanged']} unchanged; "
        f"{len(warnings)} warning{'' if len(warnings) == 1 else 's'}."
    )
