"""``isocheck init``: an annotated fact-file template for a new agency."""

from __future__ import annotations

from pathlib import Path

import click

from isocheck.base.errors import InputError
from isocheck.cli.language import Command
from isocheck.cli.options import LANG, OUTPUT, RULES_DIR, emit, input_errors
from isocheck.docs.example_agency import LEVEL_CHOICES
from isocheck.pack.rules import load_pack
from isocheck.text.ui import fill, ui


@click.command("init", cls=Command)
@click.option(
    "--level",
    required=True,
    type=click.Choice(LEVEL_CHOICES),
    help="Administrative level of the agency, spelt as 'level:' in the fact file (sub_department, with an "
    "underscore, for a sub-department).",
)
@LANG
@click.option("--name", default=None, help="The agency's official name (default: an example name for the level).")
@click.option("--province", default=None, help="Province (default: Hà Tĩnh).")
@OUTPUT("the template")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@RULES_DIR
@input_errors
def init_command(level, lang, name, province, output, force, rules_dir) -> None:
    """Write an annotated fact-file template for a new agency.

    Every field is present with a realistic example value for the level and a comment (in --lang)
    saying what it means, whether it is required and which rules read it. Replace the values, then
    run `isocheck check FILE`.

    \b
      isocheck init --level commune --lang vi --name "UBND xã Thạch Hạ" -o thach-ha.yaml
    """
    from isocheck.docs.template import render_template

    if output and Path(output).exists() and not force:
        raise InputError.of(output, "init.exists")
    if output and not Path(output).absolute().parent.is_dir():
        raise InputError.of(output, "init.no_folder")
    for value, option in ((name, "--name"), (province, "--province")):
        if value is not None and not value.strip():
            raise click.BadParameter(ui("usage.empty", lang), param_hint=option)
    emit(render_template(level, lang, name, province, pack=load_pack(rules_dir)), output)
    if output:
        click.echo(fill(ui("init.wrote", lang), {"output": output}, lang), err=True)
