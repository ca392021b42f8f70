"""The live result beside the form: the verdict, each nonconformity with its legal basis, explanation and
what would make it pass (:func:`isocheck.explain.explanation.explain`), then what is pending, what could
not be judged for want of a fact, the rule errors, and what passed.

Each finding links the fields it read to their inputs in the form: the fact-file paths the explanation
names (``procedures[3].internal_procedure``) become the form's element ids through the names the posted
form gave each location (:class:`isocheck.serve.formdata.Parsed`).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from isocheck.engine.findings import Finding
from isocheck.explain.explanation import explain
from isocheck.facts.model import Agency
from isocheck.facts.parse import loc_of, path_text
from isocheck.report.table import verdict_lines
from isocheck.serve.schema import FormField, form_fields, walk
from isocheck.serve.view import dom_id
from isocheck.text.ui import format_value, ui


def _verdict_class(report) -> str:
    summary = report.summary
    if report.readiness is not None:
        return "ok" if report.readiness.ready else "nc"
    if summary.outcomes.get("error", 0):
        return "error"
    if sum(summary.nonconformities.values()):
        return "nc"
    return "incomplete" if summary.outcomes.get("not_evaluable", 0) else "ok"


@functools.cache
def _by_path() -> dict[str, FormField]:
    return {f.path: f for f in walk(form_fields(Agency))}


def _links(paths: list[str], names: dict[tuple, str], lang: str) -> list[dict[str, str]]:
    """Links to the inputs of the fact-file ``paths`` a finding read, named by the inputs' labels (a row by
    its list's label and number); a list is not linked when one of its rows is."""
    locs: list[tuple] = []
    for path in paths:
        loc = loc_of(path.replace("[*]", ""))
        while loc and loc not in names:
            loc = loc[:-1]
        if loc and loc not in locs:
            locs.append(loc)
    links = []
    for loc in locs:
        if any(other[: len(loc)] == loc and other != loc for other in locs):
            continue
        numbers = [part + 1 for part in loc if isinstance(part, int)]
        fields = [part for part in loc if not isinstance(part, int)]
        field = _by_path().get(re.sub(r"\.(\d+)", "[]", ".".join(map(str, loc))).removesuffix("[]"))
        label = field.label(lang) if field is not None else ".".join(fields)
        suffix = f" #{numbers[-1]}" if numbers and isinstance(loc[-1], int) else ""
        links.append({"path": path_text(loc), "label": label + suffix, "target": "in-" + dom_id(names[loc])})
    return links


def _card(finding: Finding, report, names: dict[tuple, str], lang: str) -> dict[str, Any]:
    e = explain(finding, report.file, report.as_of, lang)
    paths = [p for fact in e["facts"] for p in fact["paths"]]
    return {
        "id": finding.id,
        "rule": finding.rule_id,
        "title": e["rule"]["title"],
        "severity": ui(f"severity_short.{finding.severity}", lang),
        "severity_key": finding.severity,
        "subject": e["subject"]["label"],
        "message": e["message"],
        "citations": [{"text": c["text"], "quote": c.get("quote_vi", "")} for c in e["rule"]["citations"]],
        "requirement": e["requirement"],
        "to_pass": e["to_pass"]["text"],
        "remediation": e["remediation"],
        "due": format_value(finding.due_date, lang) if finding.due_date else "",
        "links": _links(paths, names, lang),
    }


def _line(finding: Finding, names: dict[tuple, str], lang: str) -> dict[str, Any]:
    return {
        "id": finding.id,
        "rule": finding.rule_id,
        "title": finding.rule.title.get(lang),
        "subject": finding.subject_label.get(lang, finding.subject_id),
        "message": finding.message(lang),
        "due": format_value(finding.due_date, lang) if finding.due_date else "",
        "links": _links(list(finding.missing), names, lang),
    }


def results(report, names: dict[tuple, str], lang: str) -> dict[str, Any]:
    """The result panel's data for ``report``."""
    by_outcome: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_outcome.setdefault(finding.outcome, []).append(finding)
    lines = verdict_lines(report, lang)
    if report.readiness is not None:
        lines.insert(0, ui(f"readiness.{report.readiness.verdict}", lang))
    return {
        "verdict": {"cls": _verdict_class(report), "lines": lines},
        "nonconformities": [_card(f, report, names, lang) for f in by_outcome.get("fail", [])],
        "errors": [_line(f, names, lang) for f in by_outcome.get("error", [])],
        "pending": [_card(f, report, names, lang) for f in by_outcome.get("pending", [])],
        "not_evaluable": [_line(f, names, lang) for f in by_outcome.get("not_evaluable", [])],
        "passed": [_line(f, names, lang) for f in by_outcome.get("pass", []) + by_outcome.get("waived", [])],
        "not_applicable": [_line(f, names, lang) for f in by_outcome.get("not_applicable", [])],
    }
