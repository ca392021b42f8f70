"""Text and JSON views of the rule pack for ``isocheck rules list`` and ``isocheck rules show``."""

from __future__ import annotations

import json
from typing import Any

from tabulate import tabulate

from isocheck.pack.conditions import describe
from isocheck.pack.rules import Rule, RulePack
from isocheck.report.overlay import changes_lines, header_line
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
    other = "en" if lang == "vi" else "vi"
    c = rule.conditions
    lines = [
        f"{rule.id}  (v{rule.version})",
        f"  {rule.title.get(lang)}",
        f"  {rule.title.get(other)}",
        "",
        f"{_label('severity', lang)}: {ui(f'severity_short.{rule.severity}', lang)}"
        + (f" ({_label('graded', lang)}: {ui(f'severity_short.{rule.graded.severity}', lang)})" if rule.graded else ""),
        f"{_label('requirement', lang)}: {rule.requirement.get(lang)}",
        f"{_label('subject', lang)}: {rule.subject}",
        f"{_label('profiles', lang)}: {', '.join(rule.profiles)}",
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
    if c["not_applicable_when"]:
        lines.append(f"  not_applicable_when: {describe(c['not_applicable_when'])}")
    lines.append(f"  fail_when: {describe(rule.fail_condition)}")
    if rule.graded is not None and rule.graded_condition is not None:
        lines.append(f"  graded.fail_when ({rule.graded.severity}): {describe(rule.graded_condition)}")
    if c["pending_when"]:
        lines.append(f"  pending_when: {describe(c['pending_when'])}")
    if rule.findings_per:
        lines.append(f"  findings_per: {rule.findings_per}")
    lines += ["", f"{_label('message', lang)}: {rule.message.get(lang)}"]
    if rule.pending_message:
        lines.append(f"{_label('pending_message', lang)}: {rule.pending_message.get(lang)}")
    lines += [f"{_label('remediation', lang)}: {rule.remediation.get(lang)}", f"{_label('evidence', lang)}:"]
    lines += [f"  - {e}" for e in rule.evidence.get(lang)]
    return "\n".join(lines) + "\n"


_LABELS = {
    "severity": ("Mức độ", "Severity"),
    "graded": ("khi đạt một phần", "when partly met"),
    "requirement": ("Yêu cầu", "Requirement"),
    "subject": ("Đối tượng", "Subject"),
    "profiles": ("Phạm vi kiểm tra", "Profiles"),
    "levels": ("Áp dụng cho cấp", "Levels"),
    "standards": ("Phiên bản tiêu chuẩn", "Standard versions"),
    "effective": ("Hiệu lực", "In force"),
    "judgment": ("Cần đánh giá chuyên gia", "Needs auditor judgment"),
    "citations": ("Căn cứ pháp lý", "Legal basis"),
    "origin": ("Nguồn", "Origin"),
    "note": ("Ghi chú", "Note"),
    "conditions": ("Điều kiện", "Conditions"),
    "message": ("Thông báo khi không đạt", "Message when failed"),
    "pending_message": ("Thông báo khi chưa đến hạn", "Message when pending"),
    "remediation": ("Khắc phục", "Remediation"),
    "evidence": ("Bằng chứng cần xuất trình", "Evidence to ask for"),
}


def _label(key: str, lang: str) -> str:
    return pick(_LABELS[key], lang)
