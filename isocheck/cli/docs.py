"""``isocheck docs``: write the generated documents (the rule catalogue, the fact-file reference and the fact
file's JSON Schema) into ``--out-dir`` (default ``docs``); ``docs --check`` writes nothing and exits 1
naming every committed document that differs from what would be generated now (CI runs it).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from isocheck.cli.language import Command
from isocheck.cli.options import EXIT_FINDINGS, EXIT_OK, RULES_DIR, emit, input_errors
from isocheck.pack.rules import RulePack, load_pack

# generated document -> what it is generated from
DOCUMENTS: dict[str, str] = {
    "rules.md": "rules",
    "facts.md": "facts",
    "fact-file.schema.json": "schema",
}
REGENERATE = "isocheck docs"


def generated_docs(pack: RulePack) -> dict[str, str]:
    """Every generated document's file name and text, for ``pack``."""
    from isocheck.docs.catalogue import render_catalogue
    from isocheck.docs.facts import render_fact_reference
    from isocheck.docs.schema import schema_text

    render = {
        "rules": lambda: render_catalogue(pack),
        "facts": lambda: render_fact_reference(pack),
        "schema": schema_text,
    }
    return {name: render[kind]() for name, kind in DOCUMENTS.items()}


def stale_docs(out_dir: str | Path, docs: dict[str, str]) -> list[Path]:
    """The documents under ``out_dir`` that are missing or differ from ``docs``."""
    stale = []
    for name, text in docs.items():
        path = Path(out_dir) / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(path)
    return stale


@click.command("docs", cls=Command)
@click.option(
    "--out-dir",
    default="docs",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder of the generated documents.",
)
@click.option(
    "--only",
    type=click.Choice(sorted(set(DOCUMENTS.values()))),
    default=None,
    help="Generate one document: the rule catalogue, the fact-file reference or the JSON Schema.",
)
@click.option("--all", "all_docs", is_flag=True, help="Generate every document (the default).")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write one document (the rule catalogue, or the --only one) to this file; '-' for standard output.",
)
@click.option(
    "--check",
    is_flag=True,
    help="Write nothing; exit 1 naming each document that is missing or out of date, 0 if all are current.",
)
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
