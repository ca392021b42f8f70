"""The legal-change impact list (``isocheck impact``) as a table in Vietnamese or English, or as JSON."""

from __future__ import annotations

import json
from typing import Any

from tabulate import tabulate

from isocheck import __version__
from isocheck.base.calendar import days_between
from isocheck.text.catalog import pairs
from isocheck.text.ui import format_value, pick, ui
from isocheck.workflows.impact import Impact, Touched

_WORDS: dict[str, tuple[str, str]] = pairs("words:impact.")  # (vi, en) by key, from the gettext catalog
_SHOWN = 3  # TTHC listed per agency in the table; the JSON lists them all


def _w(key: str, lang: str, **values: Any) -> str:
    text = pick(_WORDS[key], lang)
    return text.format(**{k: format_value(v, lang) for k, v in values.items()}) if values else text


def status(t: Touched, impact: Impact, lang: str) -> tuple[str, str, int]:
    """``(kind, text, days)`` of one agency: built on time / late, open, due today, or overdue."""
    if t.built_in_on is not None:
        late = days_between(impact.deadline, t.built_in_on)
        if late > 0:
            return "built_late", _w("built_late", lang, date=t.built_in_on, days=late), late
        return "built_on_time", _w("built_on_time", lang, date=t.built_in_on), late
    left = impact.days_left()
    if left > 0:
        return "open", _w("open", lang, days=left), -left
    if left == 0:
        return "due_today", _w("due_today", lang), 0
    return "overdue", _w("overdue", lang, days=-left), -left


def _procedures(t: Touched, lang: str) -> str:
    shown = [f"{code} {name} ({field})" for code, name, field in t.procedures[:_SHOWN]]
    if len(t.procedures) > _SHOWN:
        shown.append(_w("more", lang, count=len(t.procedures) - _SHOWN))
    return "\n".join(shown)


def _header(impact: Impact, lang: str) -> list[str]:
    c = impact.change
    scope = [
        f"{_w(key, lang)} {', '.join(values)}" for key, values in (("fields", c.fields), ("codes", c.codes)) if values
    ]
    citation = impact.parameter.citation.format(lang)
    title = f" — {c.title}" if c.title else ""
    return [
        _w("title", lang),
        f"{_w('document', lang)}: {c.number}{title} · {_w('in_force', lang)} {format_value(c.effective_on, lang)}",
        f"{_w('scope', lang)}: {'; '.join(scope)}",
        f"{_w('deadline', lang)}: {format_value(impact.deadline, lang)} "
        f"({_w('basis', lang, months=impact.months, citation=citation)}) · "
        f"{_w('as_of', lang)}: {format_value(impact.as_of, lang)}",
    ]


def render_table(impact: Impact, lang: str) -> str:
    out = [*_header(impact, lang), ""]
    touched = impact.touched
    if touched:
        built = sum(1 for t in touched if t.built_in_on is not None)
        out.append(_w("verdict", lang, count=len(touched), built=built, open=len(touched) - built))
        rows = [
            [
                i,
                f"{t.ident.name}\n{ui(f'level.{t.ident.level}', lang)}",
                _procedures(t, lang),
                format_value(impact.deadline, lang),
                status(t, impact, lang)[1].replace("; ", ";\n"),
            ]
            for i, t in enumerate(touched, 1)
        ]
        headers = [_w(f"col.{k}", lang) for k in ("no", "agency", "procedures", "deadline", "status")]
        out += ["", f"{_w('touched', lang)} ({len(touched)})"]
        out.append(tabulate(rows, headers=headers, tablefmt="grid", maxcolwidths=[4, 30, 46, 11, 32]))
    else:
        out.append(_w("none", lang))
    for key, items in (("untouched", impact.untouched), ("unknown", impact.unknown)):
        if items:
            out += ["", f"{_w(key, lang)} ({len(items)})"]
            out += [f"  - {agency.agency.name} ({file})" for file, agency in items]
    if impact.unreadable:
        out += ["", f"{_w('unreadable', lang)} ({len(impact.unreadable)})"]
        out += [f"  - {exc.text(lang)}" for _, exc in impact.unreadable]
    if touched:
        out += ["", _w("next", lang, number=impact.change.number, date=impact.change.effective_on.isoformat())]
    return "\n".join(out) + "\n"


def impact_dict(impact: Impact, lang: str, rules_version: str) -> dict[str, Any]:
    c = impact.change
    entries = []
    for t in impact.touched:
        kind, text, days = status(t, impact, lang)
        entries.append(
            {
                "file": t.file,
                "name": t.ident.name,
                "level": t.ident.level,
                "province": t.ident.province,
                "procedures": [{"code": code, "name": name, "field": f} for code, name, f in t.procedures],
                "deadline": impact.deadline.isoformat(),
                "built_in_on": t.built_in_on.isoformat() if t.built_in_on else None,
                "status": kind,
                "days_late": days,
                "status_text": text,
            }
        )
    statuses = [e["status"] for e in entries]
    return {
        "tool": "isocheck",
        "version": __version__,
        "as_of": impact.as_of.isoformat(),
        "rules_version": rules_version,
        "lang": lang,
        "document": c.model_dump(mode="json"),
        "deadline": impact.deadline.isoformat(),
        "months": impact.months,
        "basis": impact.parameter.citation.record(lang),
        "summary": {
            "touched": len(entries),
            "built_in": sum(1 for s in statuses if s.startswith("built")),
            "open": statuses.count("open") + statuses.count("due_today"),
            "overdue": statuses.count("overdue"),
            "untouched": len(impact.untouched),
            "unknown": len(impact.unknown),
            "unreadable": len(impact.unreadable),
        },
        "touched": entries,
        "untouched": [{"file": f, "name": a.agency.name} for f, a in impact.untouched],
        "unknown": [{"file": f, "name": a.agency.name} for f, a in impact.unknown],
        "unreadable": [{"file": f, "error": exc.text(lang)} for f, exc in impact.unreadable],
    }


def render_json(impact: Impact, lang: str, rules_version: str) -> str:
    return json.dumps(impact_dict(impact, lang, rules_version), ensure_ascii=False, indent=2) + "\n"
