"""``isocheck import ROSTER -o OUT_DIR``: a province roster (CSV or XLSX) → one fact file per agency.

Prints one line per fact file and a summary; what could not become facts (cells, heading rows, rows whose version
is unknown) goes to stderr as one summary grouped by column and reason, in the chosen language, after the progress
bar drawn there while the rows are converted (on a terminal only, and not with ``--quiet``).
Exit codes: 0 imported; 2 bad input or usage (nothing written), including a fact file that exists with
other content when ``--force`` is not given.
"""

from __future__ import annotations

import click

from isocheck.base.errors import Problem
from isocheck.cli.language import Command
from isocheck.cli.options import LANG, QUIET, Day, input_errors, progress
from isocheck.text.ui import fill, ui
from isocheck.workflows.roster import read_roster_file
from isocheck.workflows.roster.dropped import Dropped, summary_lines
from isocheck.workflows.roster.write import write_fact_files_of


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
    help="Year the roster covers. Default: the year in its headers (e.g. 'Mục tiêu chất lượng 2021'), or in its "
    "title row ('… NĂM 2025').",
)
@click.option(
    "--skip-rows",
    type=click.IntRange(0, 1000),
    default=None,
    help="Title rows before the header row. Default: the header row is found by itself (the row naming 'Tên đơn vị').",
)
@click.option(
    "--mandated-by",
    default=None,
    help="Number of the provincial decision that requires the communes and public service units of the roster to "
    "apply a QMS (QĐ 19 Điều 2 khoản 2), e.g. '121/KH-UBND'; with --mandated-on and --mandated-issuer. Without it "
    "their duty is left out (every rule of theirs is then not evaluable).",
)
@click.option("--mandated-on", type=Day(), default=None, help="Date of that decision.")
@click.option("--mandated-issuer", default=None, help="Who issued it, e.g. 'UBND tỉnh Hà Tĩnh'.")
@click.option("--force", is_flag=True, help="Overwrite fact files whose content differs.")
@LANG
@QUIET
@input_errors
def import_command(
    roster, out_dir, year, skip_rows, mandated_by, mandated_on, mandated_issuer, force, lang, quiet
) -> None:
    """Import a roster (one row per agency, CSV or XLSX) into one YAML fact file per agency.

    \b
    The columns, marks and blanks are explained in docs/roster.md. Example:
      isocheck import fixtures/province-ha-tinh-2021/roster.csv -o facts/
    """
    duty = _mandate(mandated_by, mandated_on, mandated_issuer, lang)
    read = read_roster_file(roster, year, skip_rows)
    dropped: list[Dropped] = list(read.dropped)
    warning = f"isocheck: {ui('warning', lang)}: "
    try:
        with progress(len(read.rows), ui("progress.import", lang), quiet) as bar:
            results = write_fact_files_of(
                read.rows, out_dir, force=force, warn=dropped.append, step=lambda: bar.update(1), duty=duty
            )
    finally:  # after the bar, so that no warning is drawn over it; also when nothing could be written
        if read.year_from_title is not None:
            said = Problem("import.year_from_title", year=read.year, line=read.year_from_title).text(lang)
            click.echo(warning + f"{roster}: {said}", err=True)
        for i, line in enumerate(summary_lines(dropped, lang)):
            click.echo((warning + f"{roster}: " if i == 0 else "") + line, err=True)
    if duty is None and (unknown := [w.row.line for w in results if w.duty_unknown]):
        lines = ", ".join(str(line) for line in unknown)  # every rule of theirs would be not evaluable: say so
        said = Problem("import.duty_unknown", count=len(unknown), lines=lines).text(lang)
        click.echo(warning + f"{roster}: {said}", err=True)
    for path, status, row, _ in results:
        values = {"status": ui(f"import.status.{status}", lang), "path": path, "line": row.line}
        click.echo(fill(ui("import.line", lang), {**values, "name": row.cells["name"]}, "en"))
    counts = {s: sum(1 for w in results if w.status == s) for s in ("written", "overwritten", "unchanged")}
    summary = {"count": len(results), "roster": roster, "year": read.year, "out_dir": out_dir, **counts}
    left_out = sum(1 for d in dropped if not d.kept)
    many = fill(ui("import.warnings.many", lang), {"count": left_out}, lang)
    said = ui("import.warnings.one", lang) if left_out == 1 else many
    click.echo(fill(ui("import.summary", lang), {**summary, "warnings": said}, "en"))


def _mandate(number, day, issuer, lang: str) -> dict | None:
    """The ``qms_duty`` the three --mandated-* options give (all three, or none)."""
    given = [number, day, issuer]
    if all(v is None for v in given):
        return None
    if any(v is None for v in given) or not str(number).strip() or not str(issuer).strip():
        raise click.UsageError(ui("usage.mandate_all_three", lang))
    return {"basis": "mandated", "decision": number.strip(), "issued_on": day.date(), "issuer": issuer.strip()}
