"""The command line (click only): one module per command, registered on the ``isocheck`` group here.

Exit codes: 0 no nonconformity at or above ``--fail-on``; 1 nonconformities found, a rule ended
in error, or the pre-announcement verdict is NOT READY; 2 bad input or usage. Bad input prints one
line naming file, line and field — no traceback. Every message is in the run's language
(:mod:`isocheck.cli.language`: ``--lang``, ``ISOCHECK_LANG``, ``isocheck.toml``, Vietnamese).
Commands call the library through :mod:`isocheck.api` and the stage packages; shared options are in
:mod:`isocheck.cli.options`.
"""

from __future__ import annotations

import click

from isocheck import __version__
from isocheck.cli.batch import batch_command
from isocheck.cli.check import check_command
from isocheck.cli.docs import docs_command
from isocheck.cli.explain import explain_command
from isocheck.cli.impact import impact_command
from isocheck.cli.import_roster import import_command
from isocheck.cli.init import init_command
from isocheck.cli.language import Group, install
from isocheck.cli.minutes import minutes_command
from isocheck.cli.report import report_command
from isocheck.cli.rules import rules_group
from isocheck.cli.schema import schema_command
from isocheck.cli.serve import serve_command


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="isocheck")
def cli() -> None:
    """Check a state agency's QMS (TCVN ISO 9001) against QĐ 19/2014/QĐ-TTg and TT 26/2014/TT-BKHCN."""


for _command in (
    check_command,
    report_command,
    minutes_command,
    explain_command,
    rules_group,
    batch_command,
    docs_command,
    schema_command,
    init_command,
    import_command,
    impact_command,
    serve_command,
):
    cli.add_command(_command)


install()  # click's own words in the run's language (isocheck.cli.language)


def main() -> None:
    cli(prog_name="isocheck")
