"""The command line (click only): ``isocheck check``, ``report``, ``explain``, ``rules list|show``.

Exit codes: 0 no nonconformity at or above ``--fail-on``; 1 nonconformities found (or a rule ended
in error); 2 bad input or usage. Bad input prints one line naming file, line and field — no traceback.
"""

from __future__ import annotations

import json
import sys

import click

from isocheck import __version__
from isocheck.api import EVALUATORS, check_file
from isocheck.cli_options import (ANNOUNCE_ON, AS_OF, EXIT_FINDINGS, EXIT_OK, FACT_FILE, FAIL_ON, LANG, OUTPUT,
                                  PROFILE, RUBRIC, RULES_DIR, WAIVERS, YEAR, as_of_date, emit, input_errors,
                                  load_options)
from isocheck.findings import worst_gate
from isocheck.i18n import ui
from isocheck.reporters import FORMATS
from isocheck.rule_views import render_list, render_show
from isocheck.rulepack import load_pack


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="isocheck")
def cli() -> None:
    """Check a state agency's QMS (TCVN ISO 9001) against QĐ 19/2014/QĐ-TTg and TT 26/2014/TT-BKHCN."""


@cli.command()
@FACT_FILE
@AS_OF
@YEAR
@PROFILE
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="table", show_default=True)
@LANG
@FAIL_ON
@OUTPUT("the report")
@RULES_DIR
@ANNOUNCE_ON
@WAIVERS
@RUBRIC
@click.option("--evaluator", type=click.Choice(EVALUATORS), default="durable", hidden=True)
@input_errors
def check(fact_file, as_of, year, profile, fmt, lang, fail_on, output, rules_dir, announce_on, waivers_file,
          rubric_file, evaluator) -> None:
    """Check one agency fact file (YAML or JSON) and report its findings.

    \b
    Pre-announcement inspection (verdict READY / NOT READY):
      isocheck check agency.yaml --profile pre-announcement [--announce-on 2022-03-01]
    Yearly self-assessment with a scoring rubric:
      isocheck check agency.yaml --profile annual --year 2021 --rubric rubrics/ha-tinh-7.2.example.yaml
    """
    day = as_of_date(as_of, year)
    pack = load_pack(rules_dir)
    report = check_file(fact_file, day, profile, pack, evaluator, year=year,
                        announce_on=_announce_on(announce_on, day, profile),
                        **load_options(pack, waivers_file, rubric_file))
    emit(FORMATS[fmt](report, lang), output)
    sys.exit(EXIT_FINDINGS if worst_gate(report.findings, fail_on) else EXIT_OK)



@cli.command("report")
@FACT_FILE
@AS_OF
@YEAR
@PROFILE
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True,
              help="Language of the report (Vietnamese by default for this page).")
@FAIL_ON
@OUTPUT("the HTML page")
@RULES_DIR
@ANNOUNCE_ON
@WAIVERS
@RUBRIC
@input_errors
def report_command(fact_file, as_of, year, profile, lang, fail_on, output, rules_dir, announce_on, waivers_file,
                   rubric_file) -> None:
    """The inspection report as one self-contained HTML page (Vietnamese by default): verdict, counts,
    every nonconformity with its explanation, pending, not-evaluable and error results."""
    from isocheck.reporters.html import render

    day = as_of_date(as_of, year)
    pack = load_pack(rules_dir)
    report = check_file(fact_file, day, profile, pack, year=year,
                        announce_on=_announce_on(announce_on, day, profile),
                        **load_options(pack, waivers_file, rubric_file))
    emit(render(report, lang), output)
    sys.exit(EXIT_FINDINGS if worst_gate(report.findings, fail_on) else EXIT_OK)


@cli.command("explain")
@FACT_FILE
@AS_OF
@YEAR
@click.option("--rule", "rule_id", default=None,
              help="Explain this rule for every subject, whatever its outcome. Default: every failed rule.")
@PROFILE
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@LANG
@OUTPUT("the explanations")
@RULES_DIR
@input_errors
def explain_command(fact_file, as_of, year, rule_id, profile, fmt, lang, output, rules_dir) -> None:
    """Explain why rules failed (or passed): legal basis, conditions, facts, what would make it pass."""
    from isocheck.explain import explain, render_text, select

    day = as_of_date(as_of, year)
    pack = load_pack(rules_dir)
    if rule_id is not None:
        _known_rule(pack, rule_id)
        profile = "all"
    report = check_file(fact_file, day, profile, pack, year=year)
    explanations = [explain(f, fact_file, day, lang) for f in select(report.findings, rule_id)]
    if fmt == "json":
        text = json.dumps({"tool": "isocheck", "version": __version__, "agency": report.agency.agency.name,
                           "file": fact_file, "as_of": day.isoformat(), "rules_version": pack.version,
                           "lang": lang, "explanations": explanations}, ensure_ascii=False, indent=2) + "\n"
    elif explanations:
        text = render_text(explanations, lang)
    else:
        text = ui("explain.nothing", lang) + "\n"
    emit(text, output)


def _announce_on(announce_on, day, profile: str):
    if announce_on is None:
        return None
    if profile != "pre-announcement":
        raise click.BadParameter("only with --profile pre-announcement", param_hint="--announce-on")
    if announce_on.date() < day:
        raise click.BadParameter(f"{announce_on.date()} is before the as-of date {day}", param_hint="--announce-on")
    return announce_on.date()


def _known_rule(pack, rule_id: str) -> None:
    if rule_id not in pack.by_id:
        import difflib

        close = difflib.get_close_matches(rule_id, list(pack.by_id), n=3)
        hint = f" Did you mean: {', '.join(close)}?" if close else " See `isocheck rules list`."
        raise click.BadParameter(f"no rule with id '{rule_id}'.{hint}", param_hint="--rule")


@cli.group()
def rules() -> None:
    """List or show the rules of the pack."""


@rules.command("list")
@LANG
@PROFILE
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@RULES_DIR
@input_errors
def rules_list(lang, profile, fmt, rules_dir) -> None:
    """Every rule: id, severity, title, citation."""
    pack = load_pack(rules_dir)
    click.echo(render_list(pack, pack.select(profile), lang, fmt), nl=False)


@rules.command("show")
@click.argument("rule_id")
@LANG
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@RULES_DIR
@input_errors
def rules_show(rule_id, lang, fmt, rules_dir) -> None:
    """One rule in full: legal basis, conditions, messages, remediation, evidence."""
    pack = load_pack(rules_dir)
    _known_rule(pack, rule_id)
    click.echo(render_show(pack.by_id[rule_id], lang, fmt), nl=False)


def main() -> None:
    cli(prog_name="isocheck")


from isocheck.cli_batch import batch_command  # noqa: E402 — commands in their own modules register here

cli.add_command(batch_command, "batch")

from isocheck.cli_docs import docs_command, init_command, schema_command  # noqa: E402

cli.add_command(docs_command, "docs")
cli.add_command(schema_command, "schema")
cli.add_command(init_command, "init")

from isocheck.cli_import import import_command  # noqa: E402
cli.add_command(import_command, "import")
