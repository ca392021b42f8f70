"""The inspector's judgements a finding rests on, as ``explain`` shows them: the evidence of a rule marked
``judgment: true`` is the note, where it was seen, by whom and when — not a date computed from records.

A judgement reaches a finding either through a field of its subject (``Subject.judgements``: the agency-wide
criteria, one mandatory procedure, one audit or review) or through the item of a ``findings_per`` failure (one TTHC
whose internal procedure differs from its decision).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from isocheck.engine.findings import Finding
from isocheck.facts.criteria import aspect_words, criteria, judgement_words
from isocheck.text.ui import format_value


def judgement_records(finding: Finding, lang: str) -> list[dict[str, Any]]:
    """Each judgement the finding rests on, in ``lang`` (the JSON form of explain)."""
    records: list[dict[str, Any]] = []
    subject = finding.subject
    if subject is not None:
        for name in finding.rule.referenced_fields:
            attested = subject.judgements.get(name)
            if attested is not None:
                records.append(_record(attested, lang))
    item = finding.item or {}
    if "criterion" in item and "judgement" in item:
        aspects = item.get("differs")
        records.append(
            _record(
                {
                    "criterion": item["criterion"],
                    "item": item.get("code"),
                    "judgement": item["judgement"],
                    "aspects": [],
                    "note": item.get("note", ""),
                    "seen_in": item.get("seen_in", ""),
                    "judged_by": item.get("judged_by", ""),
                    "judged_on": item.get("judged_on"),
                    "source": item["source"],
                },
                lang,
                differs=format_value(aspects, lang) if aspects else "",
            )
        )
    return records


def _record(r: dict[str, Any], lang: str, differs: str | None = None) -> dict[str, Any]:
    found = criteria()[r["criterion"]]
    item = r.get("item")
    day = r.get("judged_on")
    return {
        "criterion": r["criterion"],
        "what": found.text(lang),
        "item": item.isoformat() if isinstance(item, dt.date) else item,
        "judgement": judgement_words(r["judgement"], lang),
        "judgement_value": r["judgement"],
        "differs": differs if differs is not None else aspect_words(r.get("aspects") or [], lang),
        "note": r.get("note") or "",
        "seen_in": r.get("seen_in") or "",
        "judged_by": r.get("judged_by") or "",
        "judged_on": day.isoformat() if day else None,
        "file_path": r["source"],
    }
