"""The documentation commands: ``isocheck docs``, ``isocheck schema facts`` and ``isocheck init``.

``docs`` writes the generated documents (the rule catalogue, the fact-file reference and the fact
file's JSON Schema) into ``--out-dir`` (default ``docs``); ``docs --check`` writes nothing and exits 1
naming every committed document that differs from what would be generated now (CI runs it).
Registered on the ``isocheck`` group at the end of :mod:`isocheck.cli`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from isocheck.cli_options import EXIT_FINDINGS, EXIT_OK, LANG, OUTPUT, RULES_DIR, emit, input_errors
from isocheck.errors import InputError
from isocheck.rulepack import RulePack, load_pack

# generated document -> what it is generated from
DOCUMENTS: dict[str, str] = {
    "rules.md": "rules",
    "facts.md": "facts",
    "fact-file.schema.json": "schema",
}
REGENERATE = "isocheck docs"


def generated_docs(pack: RulePack) -> dict[str, str]:
    """Every generated document's file name and text, for ``pack``."""
    from isocheck.fact_reference import render_fact_reference, schema_text
    from isocheck.rule_catalogue import render_catalogue

    render = {"rules": lambda: render_catalogue(pack), "facts": lambda: render_fact_reference(pack),
              "schema": schema_text}
    return {name: render[kind]() for name, kind in DOCUMENTS.items()}


def stale_docs(out_dir: str | Path, docs: dict[str, str]) -> list[Path]:
    """The documents under ``out_dir`` that are missing or differ from ``docs``."""
    stale = []
    for name, text in docs.items():
        path = Path(out_dir) / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(path)
    return stale


@click.command("docs")
@click.option("--out-dir", default="docs", show_default=True, type=click.Path(file_okay=False),
              help="Folder of the generated documents.")
@click.option("--only", type=click.Choice(sorted(set(DOCUMENTS.values()))), default=None,
              help="Generate one document: the rule catalogue, the fact-file reference or the JSON Schema.")
@click.option("--all", "all_docs", is_flag=True, help="Generate every document (the default).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write one document (the rule catalogue, or the --only one) to this file; '-' for standard output.")
@click.option("--check", is_flag=True,
              help="Write nothing; exit 1 naming each document that is missing or out of date, 0 if all are current.")
@RULES_DIR
@input_errors
def docs_command(out_dir, only, all_docs, output, check, rules_dir) -> None:
    """Generate the rule catalogue, the fact-file reference and its JSON Schema.

    By default writes docs/rules.md, docs/facts.md and docs/fact-file.schema.json from the rule pack
    and the fact model.

    \b
      isocheck docs                      # regenerate all three in docs/
      isocheck docs --check              # CI: exit 1 if a committed one is stale
      isocheck docs -o rules.md          # only the rule catalogue, to rules.md
      isocheck docs --only facts -o -    # only the fact-file reference, to standard output
    """
    if all_docs and (only or output):
        raise click.UsageError("--all generates every document; it cannot be combined with --only or -o.")
    if output and check:
        raise click.UsageError("--check compares the documents in --out-dir; it cannot be combined with -o.")
    docs = generated_docs(load_pack(rules_dir))
    if output:
        kind = only or "rules"
        name = next(n for n, k in DOCUMENTS.items() if k == kind)
        emit(docs[name], None if output == "-" else output)
        return
    if only:
        docs = {n: t for n, t in docs.items() if DOCUMENTS[n] == only}
    if check:
        stale = stale_docs(out_dir, docs)
        command = REGENERATE + ("" if out_dir == "docs" else f" --out-dir {out_dir}")
        for path in stale:
            click.echo(f"isocheck: {path} is out of date; regenerate it with `{command}`", err=True)
        if not stale:
            click.echo(f"generated documents in {out_dir} are up to date")
        sys.exit(EXIT_FINDINGS if stale else EXIT_OK)
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        emit(text, str(Path(out_dir) / name))
        click.echo(f"wrote {Path(out_dir) / name}")


@click.command("schema")
@click.argument("what", type=click.Choice(["facts"]))
@OUTPUT("the JSON Schema")
@input_errors
def schema_command(what, output) -> None:
    """Print the JSON Schema of a file isocheck reads: `facts` (the agency fact file).

    Editors use it to complete and check fact files as you type (see docs/facts.md).
    """
    from isocheck.fact_reference import schema_text

    emit(schema_text(), output)


@click.command("init")
@click.option("--level", required=True, type=click.Choice(["commune", "district", "department", "sub-department"]),
              help="Administrative level of the agency.")
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
    from isocheck.template import render_template

    if output and Path(output).exists() and not force:
        raise InputError(output, "already exists; choose another file or add --force to overwrite it")
    if output and not Path(output).absolute().parent.is_dir():
        raise InputError(output, "the folder does not exist; create it first")
    for value, option in ((name, "--name"), (province, "--province")):
        if value is not None and not value.strip():
            raise click.BadParameter("must not be empty", param_hint=option)
    emit(render_template(level, lang, name, province, pack=load_pack(rules_dir)), output)
    if output:
        click.echo(f"wrote {output}; fill it in, then run: isocheck check {output}", err=True)
