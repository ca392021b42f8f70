"""Text and JSON views of the rule pack for ``isocheck rules list`` and ``isocheck rules show``."""

from __future__ import annotations

import json
import re
from typing import Any

from tabulate import tabulate

from isocheck.explain.explanation import word
from isocheck.pack.conditions import describe
from isocheck.pack.rules import Rule, RulePack
from isocheck.report.overlay import changes_lines, header_line
from isocheck.subjects.fields import KINDS, derived, readable
from isocheck.text.catalog import pairs
from isocheck.text.ui import format_value, pick, ui


def list_rows(rules: list[Rule], lang: str) -> list[dict]:
    rows = []
    for r in rules:
        row: dict[str, Any] = {
            "id": r.id,
            "severity": r.severity,
            "title": r.title.get(lang),
            "citation": r.citation_text(lang),
            "profiles": list(r.profiles),
        }
        if r.origin.source != "national" or r.origin.changes:
            row["origin"] = r.origin.record(lang)
        rows.append(row)
    return rows


def render_list(pack: RulePack, rules: list[Rule], lang: str, fmt: str) -> str:
    rows = list_rows(rules, lang)
    tailoring = pack.tailoring
    if fmt == "json":
        doc = {"rules_version": pack.version, "overlay": tailoring.record(lang) if tailoring else None, "rules": rows}
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    table = [[r["id"], ui(f"severity_short.{r['severity']}", lang), r["title"], r["citation"]] for r in rows]
    headers = [ui("col.id", lang), ui("col.severity", lang), ui("col.title", lang), ui("col.citation", lang)]
    widths = [46, 11, 56, 44]
    if tailoring is not None:  # where each rule comes from, when a province overlay is applied
        for line, rule in zip(table, rules, strict=True):
            line.append(rule.origin.label(lang))
        headers.append(_label("origin", lang))
        widths = [40, 11, 44, 36, 30]
    text = tabulate(table, headers=headers, tablefmt="simple", maxcolwidths=widths)
    text += f"\n\n{len(rows)} · {ui('report.rules_version', lang)} {pack.version}\n"
    if tailoring is not None:
        text += "\n".join(["", header_line(tailoring, lang), "", *changes_lines(tailoring, lang)]) + "\n"
    return text


def rule_dict(rule: Rule, lang: str = "en") -> dict:
    data = rule.model_dump(mode="json", by_alias=True, exclude_none=True)
    data["branches"] = [{"outcome": o, "condition": describe(c)} for o, c in rule.branches]
    data["origin"] = rule.origin.record(lang)
    return data


def render_show(rule: Rule, lang: str, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(rule_dict(rule, lang), ensure_ascii=False, indent=2) + "\n"
    c = rule.conditions
    lines = [
        f"{rule.id}  (v{rule.version})",
        f"  {rule.title.get(lang)}",
        *([f"  {rule.title.get('vi')}"] if lang == "en" else []),  # the Vietnamese title an English reader meets
        "",
        f"{_label('severity', lang)}: {ui(f'severity_short.{rule.severity}', lang)}"
        + (f" ({_label('graded', lang)}: {ui(f'severity_short.{rule.graded.severity}', lang)})" if rule.graded else ""),
        f"{_label('requirement', lang)}: {rule.requirement.get(lang)}",
        f"{_label('subject', lang)}: {pick(KINDS[rule.subject].title, lang)}",
        f"{_label('profiles', lang)}: {', '.join(ui(f'profile.{p}', lang) for p in rule.profiles)}",
        f"{_label('levels', lang)}: {', '.join(ui(f'level.{lv}', lang) for lv in rule.applies_to.levels)}",
        f"{_label('standards', lang)}: {', '.join('TCVN ISO 9001:' + str(s) for s in rule.applies_to.standards)}",
        f"{_label('effective', lang)}: {format_value(rule.effective.from_, lang)}"
        + (f" → {format_value(rule.effective.until, lang)}" if rule.effective.until else ""),
        f"{_label('judgment', lang)}: {ui('yes' if rule.judgment else 'no', lang)}",
        f"{_label('origin', lang)}: {rule.origin.label(lang)}",
    ]
    for change in rule.origin.changes:
        lines.append(f"  - {change.describe(lang)}: {change.decision.format(lang)} — {change.reason.get(lang)}")
    lines += ["", f"{_label('citations', lang)}:"]
    for cit in rule.citations:
        lines.append(f"  - {cit.format(lang)}")
        lines.append(f"    {cit.quote(lang) if cit.is_standard else '“' + cit.quote(lang) + '”'}")
        if cit.note is not None:
            lines.append(f"    {_label('note', lang)}: {cit.note.get(lang)}")
    lines += ["", f"{_label('conditions', lang)}:"]
    for part, cond in (("not_applicable_when", c["not_applicable_when"]), ("fail_when", rule.fail_condition)):
        if cond:
            lines.append(f"  {word(f'part.{part}', lang)}: {in_words(cond, rule.subject, lang)}")
    if rule.graded is not None and rule.graded_condition is not None:
        severity = ui(f"severity_short.{rule.graded.severity}", lang)
        lines.append(f"  {_label('graded', lang)} ({severity}): {in_words(rule.graded_condition, rule.subject, lang)}")
    if c["pending_when"]:
        lines.append(f"  {word('part.pending_when', lang)}: {in_words(c['pending_when'], rule.subject, lang)}")
    if rule.findings_per:
        items = pick(_ITEMS.get(rule.findings_per, (rule.findings_per, rule.findings_per)), lang)
        lines.append(f"  {_label('findings_per', lang)}: {items} [{rule.findings_per}]")
    lines += ["", f"{_label('message', lang)}: {_placeholders(rule.message.get(lang), rule.subject, lang)}"]
    if rule.pending_message:
        text = _placeholders(rule.pending_message.get(lang), rule.subject, lang)
        lines.append(f"{_label('pending_message', lang)}: {text}")
    lines += [
        f"{_label('remediation', lang)}: {_placeholders(rule.remediation.get(lang), rule.subject, lang)}",
        f"{_label('evidence', lang)}:",
    ]
    lines += [f"  - {e}" for e in rule.evidence.get(lang)]
    return "\n".join(lines) + "\n"


_LABELS: dict[str, tuple[str, str]] = pairs("words:rules_show.label.")  # (vi, en), from the gettext catalog


def _label(key: str, lang: str) -> str:
    return pick(_LABELS[key], lang)


_ITEMS: dict[str, tuple[str, str]] = pairs("words:rules_show.items.")  # the item lists of findings_per
_SYMBOL = {"eq": "=", "ne": "≠", "lt": "<", "le": "≤", "gt": ">", "ge": "≥"}
_JOIN: dict[str, tuple[str, str]] = pairs("words:rules_show.join.")  # " và ", " hoặc "
_KNOWN: dict[str, tuple[str, str]] = pairs("words:rules_show.known.")


def in_words(cond: tuple, kind: str, lang: str, top: bool = True) -> str:
    """A rule condition in words: each field's meaning with its name in brackets, the test, the value
    (inner "and"/"or" groups in brackets)."""
    tag = cond[0]
    if tag in _JOIN:
        text = pick(_JOIN[tag], lang).join(in_words(c, kind, lang, top=False) for c in cond[1])
        return text if top else f"({text})"
    if tag == "cmp":
        field = derived(kind, cond[1])
        value = format_value(readable(kind, cond[1], cond[3]) if field.type == "bool" else cond[3], lang)
        return f"{field.meaning(lang)} [{cond[1]}] {_SYMBOL[cond[2]]} {value}"
    if tag in _KNOWN:
        return f"{derived(kind, cond[1]).meaning(lang)} [{cond[1]}] {pick(_KNOWN[tag], lang)}"
    return describe(cond)


def _placeholders(template: str, kind: str, lang: str) -> str:
    """A message template for reading: each ``{name}`` shown as ``‹meaning›`` of the field it is filled from,
    or as the code in backquotes when it is not a field of the subject."""

    def one(match: re.Match) -> str:
        name = match[1]
        fields = KINDS[kind].fields
        return f"‹{fields[name].meaning(lang)}›" if name in fields else f"`{{{name}}}`"

    return re.sub(r"\{(\w+)\}", one, template)
