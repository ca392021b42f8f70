"""The inspection minutes (biên bản kiểm tra) as a Word document: ``isocheck minutes``.

TT26 Điều 37 khoản 2 điểm b requires minutes on Mẫu 21. BBKT, signed by the head of the inspection team
and the inspected agency, in two copies. The codified text gives the form's name and what the minutes
rest on, not its layout; this document follows what the article requires, in the presentation of
Nghị định 30/2020/NĐ-CP (:mod:`.layout`): the inspecting body and the national heading, number, place
and date, the legal grounds (QĐ 19/2014, TT 26/2014, the inspection plan and the decision establishing
the team), the participants, the contents of TT26 Điều 36 with their results, the results per
nonconforming rule, the conclusion, the requests with the two-month corrective-action deadline
(Điều 37 khoản 2 điểm c), the agency's comments, the closing formula and the two signature blocks.
Whatever the inspection file (:mod:`.inspection`) does not give is a dotted blank, never invented.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence

import docx
from docx.document import Document as DocumentType

from isocheck.report.minutes import content as c
from isocheck.report.minutes import layout as lay
from isocheck.report.minutes.inspection import Inspection
from isocheck.report.minutes.words import BLANK, SHORT_BLANK, w

__all__ = ["Inspection", "render_minutes"]


def render_minutes(report, inspection: Inspection | None, lang: str) -> bytes:
    """The minutes of ``report`` (one agency's check) as the bytes of a .docx file."""
    inspection = inspection or Inspection.model_validate({})  # nothing known: every particular a blank
    document = docx.Document()
    lay.setup(document)
    _properties(document, report, inspection, lang)
    _heading(document, report, inspection, lang)
    _grounds(document, report, inspection, lang)
    _participants(document, report, inspection, lang)
    res = c.results(report, lang)
    _contents(document, report, res, lang)
    _results(document, report, res, lang)
    lay.heading(document, w("s.conclusion", lang))
    for text in c.conclusion(report, res, lang):
        lay.paragraph(document, text, indent=True)
    lay.heading(document, w("s.requests", lang))
    lay.paragraph(document, w("q.intro", lang, agency=report.agency.agency.name), indent=True)
    for text in c.requests(report, res, inspection, lang):
        lay.paragraph(document, text, indent=True)
    _closing(document, report, inspection, lang)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _properties(document: DocumentType, report, inspection: Inspection, lang: str) -> None:
    props = document.core_properties
    props.title = lay.clean(f"{w('title', lang)} — {report.agency.agency.name}")
    props.subject = "TT 26/2014/TT-BKHCN, Mẫu 21. BBKT"
    props.author = props.last_modified_by = "isocheck"
    props.comments = lay.clean(f"isocheck {report.tool_version}, rules {report.pack.version}, {report.file}")
    props.language = lang
    when = dt.datetime.combine(inspection.signed_on or report.as_of, dt.time())
    props.created = props.modified = when
    props.revision = 1


def _heading(document: DocumentType, report, inspection: Inspection, lang: str) -> None:
    left_mm, right_mm = 62, lay.TEXT_WIDTH_MM - 62
    table = lay.two_columns(document, (left_mm, right_mm))
    left, right = table.rows[0].cells
    lay.cell_line(left, (inspection.inspecting_body or BLANK).upper(), size=12)
    lay.rule(lay.cell_line(left, w("team", lang), bold=True, size=12), 28, left_mm)
    number = (
        w("number", lang, number=inspection.number) if inspection.number else w("number_blank", lang, blank=SHORT_BLANK)
    )
    lay.cell_line(left, number)
    lay.cell_line(right, w("nation", lang), bold=True, size=12)
    lay.rule(lay.cell_line(right, w("motto", lang), bold=True, size=13), 62, right_mm)
    lay.cell_line(right, c.date_line(inspection, lang), italic=True)
    ident = report.agency.agency
    title = lay.paragraph(document, w("title", lang), bold=True, size=14, align="center", after=0)
    title.paragraph_format.space_before = lay.Pt(18)
    lay.paragraph(
        document, w("subtitle", lang, standard=ident.standard, agency=ident.name), bold=True, align="center", after=12
    )


def _grounds(document: DocumentType, report, inspection: Inspection, lang: str) -> None:
    for key in ("ground.qd19", "ground.tt26"):
        lay.paragraph(document, w(key, lang), italic=True, indent=True)
    body = inspection.inspecting_body or BLANK
    if inspection.plan is not None:
        p = inspection.plan
        lay.paragraph(
            document,
            w("ground.plan", lang, number=p.number, date=p.issued_on, issuer=p.issued_by or body),
            italic=True,
            indent=True,
        )
    d = inspection.decision
    values = (
        {"number": d.number, "date": d.issued_on, "issuer": d.issued_by or body}
        if d is not None
        else {"number": BLANK, "date": f"{SHORT_BLANK}/{SHORT_BLANK}/{SHORT_BLANK}", "issuer": BLANK}
    )
    lay.paragraph(document, w("ground.decision", lang, **values), italic=True, indent=True)
    venue = inspection.venue or w("venue_blank", lang, agency=report.agency.agency.name)
    opening = w(
        "opening", lang, date=c.long_date(inspection.signed_on, lang), venue=venue, agency=report.agency.agency.name
    )
    lay.paragraph(document, opening, indent=True)


def _participants(document: DocumentType, report, inspection: Inspection, lang: str) -> None:
    lay.heading(document, w("s.members", lang))
    lay.paragraph(document, w("s.team", lang), bold=True, indent=True)
    if inspection.team:
        for m in inspection.team:
            role = w(f"role.{m.role}", lang)
            lay.paragraph(document, w("person", lang, name=m.name, position=m.position, role=role), indent=True)
    else:
        for role in ("head", "member", "member"):
            lay.paragraph(document, w("person_blank", lang, blank=BLANK, role=w(f"role.{role}", lang)), indent=True)
    lay.paragraph(document, w("s.agency", lang, agency=report.agency.agency.name), bold=True, indent=True)
    people = inspection.agency_representatives
    for person in people:
        lay.paragraph(document, w("representative", lang, name=person.name, position=person.position), indent=True)
    for _ in range(0 if people else 2):
        lay.paragraph(document, w("representative_blank", lang, blank=BLANK), indent=True)


def _contents(document: DocumentType, report, res: c.Results, lang: str) -> None:
    lay.heading(document, w("s.contents", lang))
    lay.paragraph(document, w("contents.intro", lang), indent=True)
    rows = c.content_rows(report, res, lang)
    headers = [w("col.no", lang), w("col.content", lang), w("col.result", lang)]
    table = lay.grid(document, headers, [r[:3] for r in rows], (13, 100, 52))
    for row, (*_, clause) in zip(table.rows[1:], rows, strict=True):
        if clause:  # a clause of Điều 36: its line in bold, spanning the table
            lay.span_bold(row)


def _results(document: DocumentType, report, res: c.Results, lang: str) -> None:
    lay.heading(document, w("s.results", lang))
    lay.paragraph(document, w("r.passed", lang, n=res.numbers["passed"]), bold=True, indent=True)
    passed = "; ".join(res.passed) + "." if res.passed else w("r.none_passed", lang)
    lay.paragraph(document, passed, indent=True)
    n = res.numbers["nonconformities"]
    if not res.nonconformities:
        lay.paragraph(document, w("r.no_nonconformity", lang, n=n), bold=True, indent=True)
    else:
        lay.paragraph(document, w("r.nonconformities", lang, n=n), bold=True, indent=True)
    for item in res.nonconformities:
        g = item.group
        head = w(
            "r.item",
            lang,
            ref=item.ref,
            title=g.rule.title.get(lang),
            severity=c.severity_word(g.severity, lang),
            citation=g.rule.citation_text(lang),
        )
        lay.paragraph(document, head, italic=True, indent=True).paragraph_format.keep_with_next = True
        if len(g.findings) == 1:
            lay.paragraph(document, f"- {g.findings[0].message(lang)}", indent=True)
        else:
            lay.paragraph(
                document, w("r.cases", lang, count=len(g.findings)), indent=True
            ).paragraph_format.keep_with_next = True
            headers = [w("col.no", lang), w("col.subject", lang), w("col.finding", lang)]
            lay.grid(document, headers, c.case_rows(g, lang), (13, 45, 107))
            lay.paragraph(document, "", after=2)
    tables: tuple[
        tuple[str, tuple[str, ...], Callable[[c.Results, str], Sequence[Sequence[str]]], tuple[int, ...]], ...
    ] = (
        ("open", ("col.no", "col.content", "col.subject", "col.missing"), c.open_rows, (13, 62, 35, 55)),
        ("pending", ("col.no", "col.finding", "col.due"), c.pending_rows, (13, 124, 28)),
        ("waived", ("col.no", "col.content", "col.finding"), c.waived_rows, (13, 62, 90)),
    )
    for name, names, rows, widths in tables:
        if not getattr(res, name):
            continue
        title = lay.paragraph(document, w(f"r.{name}", lang, n=res.numbers[name]), bold=True, indent=True)
        title.paragraph_format.keep_with_next = True
        lay.grid(document, [w(h, lang) for h in names], rows(res, lang), widths)
        r = report.readiness
        if name == "pending" and r is not None and r.announce_on is not None and r.falls_due:
            items = ", ".join(f.rule.title.get(lang) for f in r.falls_due)
            lay.paragraph(document, w("r.falls_due", lang, announce_on=r.announce_on, items=items), indent=True)


def _closing(document: DocumentType, report, inspection: Inspection, lang: str) -> None:
    lay.paragraph(document, w("opinion", lang), bold=True, indent=True).paragraph_format.keep_with_next = True
    for _ in range(3):
        lay.dotted_line(document)
    for text in (w("closing", lang), w("ended", lang, blank="……")):
        lay.paragraph(document, text, indent=True).paragraph_format.keep_with_next = True  # with the signatures
    table = lay.two_columns(document, (lay.TEXT_WIDTH_MM / 2, lay.TEXT_WIDTH_MM / 2), rows=2, keep=True)
    representative = inspection.agency_representatives[0].name if inspection.agency_representatives else ""
    head = inspection.head.name if inspection.head else ""
    blocks = (("sign.agency", "sign.agency_hint", representative), ("sign.head", "sign.head_hint", head))
    for column, (role, hint, name) in enumerate(blocks):
        top, bottom = table.rows[0].cells[column], table.rows[1].cells[column]
        lay.cell_line(top, w(role, lang), bold=True)
        lay.cell_line(top, w(hint, lang), italic=True)
        for _ in range(4):  # room to sign (and seal)
            lay.cell_line(bottom, "")
        lay.cell_line(bottom, name, bold=True)
