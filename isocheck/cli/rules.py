"""``isocheck rules list`` and ``isocheck rules show``: the rules of the pack."""

from __future__ import annotations

import click

from isocheck.api import load_pack
from isocheck.cli.options import LANG, PROFILE, RULES_DIR, input_errors, known_rule
from isocheck.report.rules import render_list, render_show


@click.group("rules")
def rules_group() -> None:
    """List or show the rules of the pack."""


@rules_group.command("list")
@LANG
@PROFILE
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@RULES_DIR
@input_errors
def rules_list(lang, profile, fmt, rules_dir) -> None:
    """Every rule: id, severity, title, citation."""
    pack = load_pack(rules_dir)
    click.echo(render_list(pack, pack.select(profile), lang, fmt), nl=False)


@rules_group.command("show")
@click.argument("rule_id")
@LANG
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@RULES_DIR
@input_errors
def rules_show(rule_id, lang, fmt, rules_dir) -> None:
    """One rule in full: legal basis, conditions, messages, remediation, evidence."""
    pack = load_pack(rules_dir)
    known_rule(pack, rule_id)
    click.echo(render_show(pack.by_id[rule_id], lang, fmt), nl=False)
