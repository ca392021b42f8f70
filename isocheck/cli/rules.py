"""``isocheck rules list`` and ``isocheck rules show``: the rules of the pack."""

from __future__ import annotations

import click

from isocheck.api import load_pack
from isocheck.cli.language import Group
from isocheck.cli.options import LANG, OVERLAY, PROFILE, RULES_DIR, input_errors, known_rule
from isocheck.report.rules import render_list, render_show
from isocheck.text.click_messages import USAGE_VI


@click.group("rules", cls=Group)
def rules_group() -> None:
    """List or show the rules of the pack."""


@rules_group.command("list")
@LANG
@PROFILE
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@RULES_DIR
@OVERLAY
@input_errors
def rules_list(lang, profile, fmt, rules_dir, overlay_file) -> None:
    """Every rule: id, severity, title, citation; with --overlay, where each rule comes from."""
    pack = load_pack(rules_dir, overlay_file)
    click.echo(render_list(pack, pack.select(profile), lang, fmt), nl=False)


@rules_group.command("show")
@click.argument("rule_id")
@LANG
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@RULES_DIR
@OVERLAY
@input_errors
def rules_show(rule_id, lang, fmt, rules_dir, overlay_file) -> None:
    """One rule in full: legal basis, conditions, messages, remediation, evidence, and where it comes from."""
    pack = load_pack(rules_dir, overlay_file)
    known_rule(pack, rule_id, USAGE_VI["RULE_ID"] if lang == "vi" else "RULE_ID")  # the argument, as usage names it
    click.echo(render_show(pack.by_id[rule_id], lang, fmt), nl=False)
