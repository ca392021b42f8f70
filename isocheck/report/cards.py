"""The finding cards of the HTML report: one card per rule, built from the findings' explanations.

A card holds what its findings share once (legal basis, requirement, condition rows, what would make
it pass, remediation, evidence) and what differs per finding in a table of cases: subject, message,
where the subject is in the fact file, and — only when they differ — the due date, what would make
it pass and the remediation. Condition and fact rows that differ between findings are numbered with
the cases they belong to. Plain data only; the template (``card.html.j2``) prints it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from isocheck.explain.explanation import explain, word
from isocheck.report.grouping import Group
from isocheck.text.catalog import pairs
from isocheck.text.ui import fill, format_value, pick, ui

_WORDS: dict[str, tuple[str, str]] = pairs("words:cards.")  # (vi, en) by key, from the gettext catalog


def card_word(key: str, lang: str) -> str:
    return pick(_WORDS[key], lang)


def _date(iso: str | None, lang: str) -> str:
    return format_value(dt.date.fromisoformat(iso), lang) if iso else ""


def _in_force(rule: dict[str, Any], lang: str) -> str:
    text = f"{word('from', lang)} {_date(rule['effective']['from'], lang)}"
    if rule["effective"]["until"]:
        text += f" {word('until', lang)} {_date(rule['effective']['until'], lang)}"
    return f"{word('in_force', lang)}: {text} · {word('version', lang)} {rule['version']}"


def _checks(x: dict[str, Any], lang: str) -> list[dict[str, str]]:
    """The condition rows of one explanation with the fact-file paths of their fields, then the facts
    consulted that no condition names. The item a finding is about is its subject, not a row."""
    facts = {f["field"]: f for f in x["facts"]}
    rows = []
    for r in x["conditions"]:
        state = "unknown" if r["holds"] is None else ("true" if r["holds"] else "false")
        rows.append(
            {
                "part": word(f"part.{r['part']}", lang),
                "field": r["field"],
                "meaning": r["meaning"],
                "actual": r["actual"],
                "test": r["test"],
                "state": state,
                "holds": word(state, lang),
                "how": r["how"],
                "source": _source(facts.get(r["field"]), lang),
            }
        )
    named = {r["field"] for r in x["conditions"]} | {"item"}
    for f in x["facts"]:
        if f["field"] not in named:
            rows.append(
                {
                    "part": card_word("fact", lang),
                    "field": f["field"],
                    "meaning": "",
                    "actual": f["value"],
                    "test": "",
                    "state": "none",
                    "holds": "",
                    "how": "",
                    "source": _source(f, lang),
                }
            )
    return rows


def _source(fact: dict[str, Any] | None, lang: str) -> str:
    if fact is None:
        return ""
    paths = ", ".join(fact["paths"])
    if fact["provided"]:
        return paths
    return f"{word('not_provided', lang)} ({paths})" if paths else word("not_provided", lang)


def _item_source(x: dict[str, Any]) -> str:
    return next((", ".join(f["paths"]) for f in x["facts"] if f["field"] == "item"), "")


def _merge_checks(per_case: list[list[dict[str, str]]], lang: str) -> tuple[list[dict[str, str]], bool]:
    """Rows shared by every case once; rows that differ numbered with their cases (1-based)."""
    order: list[tuple] = []
    cases: dict[tuple, list[int]] = {}
    rows: dict[tuple, dict[str, str]] = {}
    for number, case_rows in enumerate(per_case, 1):
        for row in case_rows:
            key = tuple(sorted(row.items()))
            if key not in cases:
                order.append(key)
                cases[key], rows[key] = [], row
            cases[key].append(number)
    numbered = any(len(cases[k]) < len(per_case) for k in order)
    merged = []
    for key in order:
        shared = len(cases[key]) == len(per_case)
        merged.append({**rows[key], "numbers": card_word("all", lang) if shared else ", ".join(map(str, cases[key]))})
    return merged, numbered


_SLOT = "\x00"  # where a case's subject id stood in a shared text (a character no real text holds)


def _shared_pattern(texts: list[tuple[str, str]]) -> str | None:
    """The one text the cases share once each names its own subject id (:data:`_SLOT` in its place), or
    None when they differ in more than that."""
    patterns = {text.replace(subject, _SLOT) for text, subject in texts if subject}
    if len(patterns) != 1:
        return None
    pattern = patterns.pop()
    return pattern if _SLOT in pattern else None


def build_card(group: Group, report, number: int, lang: str) -> dict[str, Any]:
    """The card of one group of nonconformities (``number``: its place in the report, for the anchor)."""
    xs = [explain(f, report.file, report.as_of, lang) for f in group.findings]
    first = xs[0]
    rule = first["rule"]
    cases = [
        {
            "number": n,
            "subject": x["subject"]["label"],
            "message": x["message"],
            "source": _item_source(x),
            "due": _date(x["due_date"], lang),
            "to_pass": x["to_pass"]["text"],
            "remediation": x["remediation"],
        }
        for n, x in enumerate(xs, 1)
    ]
    varies = {key: len({c[key] for c in cases}) > 1 for key in ("to_pass", "remediation")}
    common_to_pass = cases[0]["to_pass"]
    pattern = _shared_pattern([(c["to_pass"], f.subject_id) for c, f in zip(cases, group.findings, strict=True)])
    if varies["to_pass"] and pattern is not None:  # differs only by the subject it names: once, not per row
        varies["to_pass"], common_to_pass = False, pattern.replace(_SLOT, card_word("each", lang))
    columns = {
        "source": any(c["source"] for c in cases),
        "due": any(c["due"] for c in cases),
        **varies,
    }
    checks, numbered = _merge_checks([_checks(x, lang) for x in xs], lang)
    if len(xs) == 1:
        numbered = False
    return {
        "anchor": f"f{number}",
        "severity": group.severity,
        "badge": ui(f"severity_short.{group.severity}", lang),
        "title": rule["title"],
        "rule_id": rule["id"],
        "count_text": fill(card_word("count", lang), {"count": len(cases)}, lang),
        "citation": group.findings[0].citation_text(lang),  # TCVN clauses numbered as in the agency's edition
        "requirement": first["requirement"],
        "basis": [{"text": c["text"], "quote": c["quote"], "law": c.get("law")} for c in rule["citations"]],
        "whole_clause": card_word("whole_clause", lang),
        "origin": _origin(rule.get("origin")),
        "in_force": _in_force(rule, lang),
        "judgment": ui("report.judgment", lang) if rule["judgment"] else "",
        "cases": cases,
        "columns": columns,
        "case_headers": _case_headers(columns, lang),
        "checks": checks,
        "checks_numbered": numbered,
        "check_headers": _check_headers(numbered, lang),
        "to_pass": "" if varies["to_pass"] else common_to_pass,
        "remediation": "" if varies["remediation"] else cases[0]["remediation"],
        "evidence": first["evidence"],
    }


def _origin(origin: dict[str, Any] | None) -> dict[str, Any] | None:
    """Where the rule comes from, when not plainly the national pack: a province's criterion, or a national
    rule the province's overlay changed (each change with its decision)."""
    if not origin or (origin["source"] == "national" and not origin["changes"]):
        return None
    return {
        "label": origin["label"],
        "changes": [f"{c['text']}: {c['decision']['text']} — {c['reason']}" for c in origin["changes"]],
    }


def _case_headers(columns: dict[str, bool], lang: str) -> list[dict[str, str]]:
    headers = [
        {"text": card_word("no", lang), "cls": "no"},
        {"text": ui("col.subject", lang), "cls": "subject"},
        {"text": ui("col.message", lang), "cls": ""},
    ]
    optional = [
        ("source", ui("col.source", lang)),
        ("due", ui("col.due", lang)),
        ("to_pass", word("to_pass", lang)),
        ("remediation", word("remediation", lang)),
    ]
    headers += [{"text": text, "cls": key.replace("_", "-")} for key, text in optional if columns[key]]
    return headers


def _check_headers(numbered: bool, lang: str) -> list[dict[str, str]]:
    names = [word(f"col.{k}", lang) for k in ("part", "field", "actual", "test", "result")]
    headers = [{"text": text, "cls": ""} for text in [*names, card_word("source_how", lang)]]
    return [{"text": card_word("no", lang), "cls": "no"}, *headers] if numbered else headers
