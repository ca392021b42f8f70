"""``isocheck explain``: why rules failed or passed — legal basis, conditions, facts, remedies."""

from __future__ import annotations

import json

import click

from isocheck import __version__
from isocheck.api import check_file, load_pack
from isocheck.cli.language import Command
from isocheck.cli.options import (
    ANNOUNCE_ON,
    AS_OF,
    CATALOGUE,
    FACT_FILE,
    LANG,
    OUTPUT,
    OVERLAY,
    PROFILE,
    RULES_DIR,
    YEAR,
    announce_on_date,
    as_of_date,
    emit,
    input_errors,
    known_rule,
)
from isocheck.text.ui import ui


@click.command("explain", cls=Command)
@FACT_FILE
@AS_OF
@YEAR
@click.option(
    "--rule",
    "rule_id",
    default=None,
    help="Explain this rule for every subject, whatever its outcome. Default: every failed rule.",
)
@PROFILE
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@LANG
@OUTPUT("the explanations")
@RULES_DIR
@OVERLAY
@CATALOGUE
@ANNOUNCE_ON
@input_errors
def explain_command(
    fact_file, as_of, year, rule_id, profile, fmt, lang, output, rules_dir, overlay_file, catalogue_file, announce_on
) -> None:
    """Explain why rules failed (or passed): legal basis, conditions, facts, what would make it pass."""
    from isocheck.explain.explanation import explain, render_text, select

    day = as_of_date(as_of, year)
    planned = announce_on_date(announce_on, day, profile)
    pack = load_pack(rules_dir, overlay_file, day, catalogue_file)
    if rule_id is not None:
        known_rule(pack, rule_id)
        profile = "all"
    report = check_file(fact_file, day, profile, pack, year=year, announce_on=planned)
    explanations = [explain(f, fact_file, day, lang) for f in select(report.findings, rule_id)]
    if fmt == "json":
        text = (
            json.dumps(
                {
                    "tool": "isocheck",
                    "version": __version__,
                    "agency": report.agency.agency.name,
                    "file": fact_file,
                    "as_of": day.isoformat(),
                    "announce_on": planned.isoformat() if planned else None,
                    "rules_version": pack.version,
                    "lang": lang,
                    "explanations": explanations,
                },
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
    elif explanations:
        text = render_text(explanations, lang)
    else:
        text = ui("explain.nothing", lang) + "\n"
    emit(text, output, (fact_file,))
