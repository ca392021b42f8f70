"""``isocheck schema facts``: the JSON Schema of the fact file, for editors."""

from __future__ import annotations

import click

from isocheck.cli.language import Command
from isocheck.cli.options import OUTPUT, emit, input_errors


@click.command("schema", cls=Command)
@click.argument("what", type=click.Choice(["facts"]))
@OUTPUT("the JSON Schema")
@input_errors
def schema_command(what, output) -> None:
    """Print the JSON Schema of a file isocheck reads: `facts` (the agency fact file).

    Editors use it to complete and check fact files as you type (see docs/facts.md).
    """
    from isocheck.docs.schema import schema_text

    emit(schema_text(), output)
