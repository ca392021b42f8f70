"""``isocheck impact``: which agencies a new legal document puts on the three-month clock, and their deadline.

Exit codes: 0 the list is complete; 1 some agency file could not be read (it is listed with its error);
2 bad usage or a bad document (one message, nothing written).
"""

from __future__ import annotations

import sys

import click

from isocheck.api import load_pack
from isocheck.base.errors import InputError
from isocheck.cli.language import Command
from isocheck.cli.options import (
    AS_OF,
    EXIT_FINDINGS,
    EXIT_OK,
    LANG,
    OUTPUT,
    RULES_DIR,
    Day,
    as_of_date,
    emit,
    input_errors,
)
from isocheck.report.impact import render_json, render_table
from isocheck.workflows.batch.inputs import collect_files
from isocheck.workflows.impact import LegalChange, assess, load_change, validate_change


@click.command("impact", cls=Command)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--document",
    "document_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="The new legal document as a YAML/JSON file: number, title, effective_on, fields, codes.",
)
@click.option("--number", default=None, help="Number of the new legal document, e.g. 04/2020/TT-BTP.")
@click.option("--title", default=None, help="Its title (optional).")
@click.option(
    "--effective-on",
    "effective_on",
    type=Day(),
    default=None,
    help="The day it takes effect (YYYY-MM-DD).",
)
@click.option("--field", "fields", multiple=True, help="A field (lĩnh vực) of the TTHC it touches; repeat for more.")
@click.option("--code", "codes", multiple=True, help="A TTHC code it touches; repeat for more.")
@AS_OF
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@LANG
@OUTPUT("the list")
@RULES_DIR
@input_errors
def impact_command(
    paths, document_file, number, title, effective_on, fields, codes, as_of, fmt, lang, output, rules_dir
) -> None:
    """List the agencies a new legal document touches (their TTHC in its fields or codes) and the deadline to
    build it into their QMS: three months from its effective date (QĐ 19/2014 Điều 4 khoản 4 điểm a).

    \b
      isocheck impact facts/ --number 04/2020/TT-BTP --effective-on 2020-07-16 --field "Hộ tịch" --lang vi
      isocheck impact fixtures/*.yaml --document fixtures/legal-changes/tt-04-2020-tt-btp.yaml --format json
    """
    change = _document(document_file, number, title, effective_on, fields, codes)
    day = as_of_date(as_of, None)
    pack = load_pack(rules_dir)
    files, _skipped = collect_files(list(paths))  # links out of the folders, FIFOs… are not read
    impact = assess(change, [f.path for f in files], pack.parameters, day)
    text = render_json(impact, lang, pack.version) if fmt == "json" else render_table(impact, lang)
    emit(text, output)
    sys.exit(EXIT_FINDINGS if impact.unreadable else EXIT_OK)


def _document(document_file, number, title, effective_on, fields, codes) -> LegalChange:
    given = any(v for v in (number, title, effective_on, fields, codes))
    if document_file is not None:
        if given:
            raise InputError.of("--document", "impact.options_and_file")
        return load_change(document_file)
    if not number or effective_on is None:
        raise InputError.of("--number, --effective-on", "impact.needs_document")
    data = {"number": number, "title": title, "effective_on": effective_on.date(), "fields": list(fields),
            "codes": list(codes)}  # fmt: skip
    return validate_change(data, "--number/--effective-on/--field/--code")
