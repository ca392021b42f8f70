"""Explanations of findings for auditors: legal basis, requirement, condition table with actual values
and how derived values were computed, facts consulted with their fact-file paths, what would make
the finding pass, remediation and the evidence to ask for.

:func:`explain` builds a language-specific dict (the JSON form); :func:`render_text` prints it.
The condition values come from the same flat facts the engine matched; the truth values from the
reference semantics (conditions.holds), which the engine is property-tested to agree with.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tabulate import tabulate

from isocheck.engine.findings import Finding
from isocheck.explain.judged import judgement_records
from isocheck.explain.remedies import remedy_for
from isocheck.facts.missing import missing_text
from isocheck.law.citations import Citation
from isocheck.pack.conditions import holds
from isocheck.subjects.fields import Subject, derived, readable
from isocheck.text.catalog import pairs
from isocheck.text.ui import format_value, pick, ui

_SYMBOL = {"eq": "=", "ne": "≠", "lt": "<", "le": "≤", "gt": ">", "ge": "≥"}
_PARTS = ("not_applicable_when", "fail_when", "graded.fail_when", "pending_when")

_WORDS: dict[str, tuple[str, str]] = pairs("words:explain.")  # (vi, en) by key, from the gettext catalog


def word(key: str, lang: str) -> str:
    """A word of the explanation in the chosen language (shared with the HTML report)."""
    return pick(_WORDS[key], lang)


_CODES = {code: _WORDS[f"code.{code}"][0] for code in ("yes", "no", "not_triggered")}  # a fact file's own words


def _value(kind: str, name: str, value: Any, lang: str) -> str:
    """A condition's value as the reader reads it; in Vietnamese a fact file's own word (``no``) is glossed."""
    if lang == "vi" and isinstance(value, str) and value in _CODES:
        return f"{_CODES[value]} ({value})"
    return format_value(readable(kind, name, value), lang)


def _subject(finding: Finding) -> Subject:
    """The subject a finding was judged on (every finding of an evaluation has one)."""
    if finding.subject is None:
        raise ValueError(f"finding {finding.id} carries no subject to explain")
    return finding.subject


def _condition_rows(finding: Finding, lang: str) -> list[dict[str, Any]]:
    subject = _subject(finding)
    kind, fact = subject.kind, subject.fields
    if kind != finding.rule.subject:  # no subject of the rule's kind: judged on the agency, nothing to compare
        return []
    rows = []
    for part in _PARTS:
        cond = finding.rule.conditions[part]
        if cond is None:
            continue
        for leaf in _leaves(cond):
            _, name, op, expected = leaf
            known = name in fact
            rows.append(
                {
                    "part": part,
                    "field": name,
                    "meaning": derived(kind, name).meaning(lang),
                    "actual": _value(kind, name, fact[name], lang) if known else word("not_provided", lang),
                    "test": f"{_SYMBOL[op]} {_value(kind, name, expected, lang)}",
                    "holds": holds(leaf, fact) if known else None,
                    "how": subject.how(name, lang),
                }
            )
    return rows


def _leaves(cond: tuple):
    if cond[0] in ("and", "or"):
        for sub in cond[1]:
            yield from _leaves(sub)
    elif cond[0] == "cmp":
        yield cond


def _facts(finding: Finding, file: str, lang: str) -> list[dict[str, Any]]:
    subject = _subject(finding)
    rule = finding.rule
    rows = []
    for name in rule.referenced_fields:
        known = name in subject.fields
        rows.append(
            {
                "field": name,
                "value": _value(subject.kind, name, subject.fields[name], lang)
                if known
                else word("not_provided", lang),
                "file": file,
                "paths": list(subject.sources.get(name, []) if known else subject.missing.get(name, [])),
                "provided": known,
            }
        )
    if finding.item:
        rows.append(
            {
                "field": "item",
                "value": finding.subject_label.get(lang, finding.subject_id),
                "file": file,
                "paths": [finding.item["source"]],
                "provided": True,
            }
        )
    return rows


def _to_pass(finding: Finding, as_of: dt.date, lang: str) -> dict[str, Any]:
    if finding.outcome == "pass":
        return {"text": word("already", lang), "change": False}
    if finding.outcome == "not_applicable":
        reason = finding.message(lang)
        return {"text": word("na", lang).format(reason=reason), "change": False}
    if finding.outcome == "not_evaluable":
        missing = "; ".join(missing_text(path, lang) for path in finding.missing)
        return {"text": word("provide", lang).format(missing=missing), "change": False}
    if finding.outcome == "error":
        return {"text": word("error", lang), "change": False}
    remedy = remedy_for(finding.rule, _subject(finding), finding.outcome, as_of, finding.item)
    if remedy is None:
        return {"text": word("no_remedy", lang), "change": False}
    return {"text": remedy.text(lang), "change": True}


def explain(finding: Finding, file: str, as_of: dt.date, lang: str) -> dict[str, Any]:
    """One finding, explained (the JSON form)."""
    rule = finding.rule
    return {
        "rule": {
            "id": rule.id,
            "version": rule.version,
            "title": rule.title.get(lang),
            "severity": rule.severity,
            "effective": {
                "from": rule.effective.from_.isoformat(),
                "until": rule.effective.until.isoformat() if rule.effective.until else None,
            },
            "citations": [_citation(c, finding.standard, lang) for c in rule.citations],
            "judgment": rule.judgment,
            "graded": rule.graded.severity if rule.graded is not None else None,
            "origin": rule.origin.record(lang),
        },
        "severity": finding.severity,
        "judgements": judgement_records(finding, lang),
        "requirement": rule.requirement.get(lang),
        "subject": {
            "kind": finding.subject_kind,
            "id": finding.subject_id,
            "label": finding.subject_label.get(lang, finding.subject_id),
        },
        "outcome": finding.outcome,
        "message": finding.message(lang),
        "due_date": finding.due_date.isoformat() if finding.due_date else None,
        "conditions": _condition_rows(finding, lang),
        "facts": _facts(finding, file, lang),
        "missing": list(finding.missing),
        "to_pass": _to_pass(finding, as_of, lang),
        "remediation": finding.render(lang)["remediation"],
        "evidence": rule.evidence.get(lang),
    }


def _citation(citation: Citation, standard: int | None, lang: str) -> dict[str, Any]:
    """A citation as data with the whole cited clause; ``quote_vi`` is always there (for TCVN ISO 9001, which is
    never quoted, the clause's Vietnamese title)."""
    record = citation.record(lang, standard)
    record.setdefault("quote_vi", citation.quote("vi", standard))
    return record


def select(findings: list[Finding], rule_id: str | None) -> list[Finding]:
    """Without a rule id: every nonconformity and rule error. With one: that rule, every subject."""
    if rule_id is not None:
        return [f for f in findings if f.rule_id == rule_id]
    return [f for f in findings if f.outcome in ("fail", "error")]


def render_text(explanations: list[dict[str, Any]], lang: str) -> str:
    return "\n".join(_render_one(e, lang) for e in explanations)


def _citation_lines(c: dict[str, Any], lang: str) -> list[str]:
    """One citation: how it reads and its quote, where the words come from, then the whole cited clause."""
    lines = [f"  - {c['text']}: {c['quote']}" if c.get("clauses") else f"  - {c['text']}: “{c['quote']}”"]
    if c.get("note"):
        lines.append(f"    {word('note', lang)}: {c['note']}")
    law = c.get("law")
    if law:
        lines.append(f"    {word('law_text', lang)} ({law['anchor']}):")
        lines += [f"    │ {line}" for line in law["text"].splitlines()]
    return lines


def _judgement_lines(r: dict[str, Any], lang: str) -> list[str]:
    """One judgement as the explanation prints it: the criterion and what it judges, then who saw what where."""
    missing = word("not_recorded", lang)
    lines = [f"  - {word('criterion', lang)} {r['criterion']}: {r['what']}"]
    if r.get("item"):
        lines[0] += f" — {r['item']}"
    lines.append(f"    {word('judgement', lang)}: {r['judgement']}")
    if r.get("differs"):
        lines.append(f"    {word('differs', lang)}: {r['differs']}")
    lines.append(f"    {word('note_seen', lang)}: {r['note'] or missing}")
    lines.append(f"    {word('seen_in', lang)}: {r['seen_in'] or missing}")
    lines.append(f"    {word('judged_by', lang)}: {r['judged_by'] or missing}")
    day = r.get("judged_on")
    lines.append(f"    {word('judged_on', lang)}: {format_value(dt.date.fromisoformat(day), lang) if day else missing}")
    lines.append(f"    ← {r['file_path']}")
    return lines


_WITHOUT_SEVERITY = ("pass", "not_applicable")  # a severity is what a nonconformity would weigh: none to weigh


def _render_one(e: dict[str, Any], lang: str) -> str:
    rule = e["rule"]
    outcome = ui(f"outcome.{e['outcome']}", lang).upper()
    if e["outcome"] not in _WITHOUT_SEVERITY:
        severity = e.get("severity", rule["severity"])
        outcome += f" ({ui(f'severity_short.{severity}', lang)})"
    lines = [
        "═" * 100,
        f"{rule['id']} — {rule['title']}",
        f"{word('outcome', lang)}: {outcome} · {word('subject', lang)}: {e['subject']['label']}",
        f"{word('finding', lang)}: {e['message']}",
    ]
    if e["due_date"]:
        lines.append(f"{word('due', lang)}: {format_value(dt.date.fromisoformat(e['due_date']), lang)}")
    lines += ["", f"{word('basis', lang)}:"]
    for c in rule["citations"]:
        lines += _citation_lines(c, lang)
    until = rule["effective"]["until"]
    in_force = f"{word('from', lang)} {format_value(dt.date.fromisoformat(rule['effective']['from']), lang)}"
    if until:
        in_force += f" {word('until', lang)} {format_value(dt.date.fromisoformat(until), lang)}"
    lines.append(f"  {word('in_force', lang)}: {in_force} · {word('version', lang)} {rule['version']}")
    origin = rule.get("origin")
    if origin and (origin["source"] != "national" or origin["changes"]):
        lines.append(f"  {word('origin', lang)}: {origin['label']}")
        lines += [f"    - {c['text']}: {c['decision']['text']} — {c['reason']}" for c in origin["changes"]]
    lines += ["", f"{word('requires', lang)}: {e['requirement']}", "", f"{word('conditions', lang)}:"]
    table = [
        [
            word(f"part.{r['part']}", lang),
            f"{r['field']}\n({r['meaning']})",
            r["actual"],
            r["test"],
            word("unknown" if r["holds"] is None else ("true" if r["holds"] else "false"), lang),
            r["how"],
        ]
        for r in e["conditions"]
    ]
    headers = [word(f"col.{k}", lang) for k in ("part", "field", "actual", "test", "result", "how")]
    lines.append(
        tabulate(
            table, headers=headers, tablefmt="simple_grid", maxcolwidths=[14, 30, 14, 10, 7, 40], disable_numparse=True
        )
    )
    if e.get("judgements"):
        lines += ["", f"{word('judged', lang)}:"]
        for r in e["judgements"]:
            lines += _judgement_lines(r, lang)
    lines += ["", f"{word('facts', lang)}:"]
    for f in e["facts"]:
        where = f"{f['file']}: {', '.join(f['paths'])}" if f["paths"] else word("not_provided", lang)
        if not f["provided"]:
            where = f"{word('not_provided', lang)} ({', '.join(f['paths'])})"
        lines.append(f"  - {f['field']} = {f['value']}  ← {where}")
    lines += ["", f"{word('to_pass', lang)}: {e['to_pass']['text']}"]
    if e["remediation"]:
        lines.append(f"{word('remediation', lang)}: {e['remediation']}")
    lines.append(f"{word('evidence', lang)}:")
    lines += [f"  - {item}" for item in e["evidence"]]
    return "\n".join(lines) + "\n"
