"""Compare a batch run with a previous one (``--baseline previous.json``): per agency, which
nonconformities are new, which were resolved and which remain.

Agencies are matched by name (files may move between runs), falling back to the file path for
entries without a name (input errors). Findings are matched by their stable id
``<rule id>@<subject id>``; only nonconformities (outcome ``fail``) are compared.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from isocheck.base.errors import InputError
from isocheck.facts.parse import load_json_document


def _key(entry: dict[str, Any]) -> str:
    return entry.get("name") or entry.get("file") or ""


def _failing(entry: dict[str, Any]) -> set[str]:
    return {r["id"] for r in entry.get("results") or [] if r.get("outcome") == "fail"}


def load_baseline(path: str | Path) -> dict[str, set[str]]:
    """Failing finding ids per agency from a previous ``isocheck batch --format json`` output."""
    data, _ = load_json_document(path)  # isocheck's limits and messages; texts in NFC, as the agencies' names
    if not isinstance(data, dict) or not isinstance(data.get("agencies"), list):
        raise InputError.of(str(path), "baseline.not_batch", field="agencies")
    baseline = {}
    for i, entry in enumerate(data["agencies"]):
        try:
            if not isinstance(entry, dict) or not isinstance(entry.get("results", []), list):
                raise TypeError
            baseline[_key(entry)] = _failing(entry)
        except (KeyError, TypeError, AttributeError):
            raise InputError.of(str(path), "baseline.bad_entry", field=f"agencies[{i}]") from None
    return baseline


def compare(agencies: list[dict[str, Any]], baseline: dict[str, set[str]]) -> dict[str, int]:
    """Add ``changes`` (new / resolved / remaining ids, ``in_baseline``) to each entry; return the totals."""
    totals = {"new": 0, "resolved": 0, "remaining": 0, "agencies_not_in_baseline": 0}
    for entry in agencies:
        key = _key(entry)
        if entry.get("status") != "checked":  # no result this time: nothing can be called new or resolved
            entry["changes"] = {
                "in_baseline": key in baseline,
                "new": [],
                "resolved": [],
                "remaining": [],
                "unknown": True,
            }
            continue
        now = _failing(entry)
        before = baseline.get(key)
        if before is None:
            totals["agencies_not_in_baseline"] += 1
            before = set()
        ids = {"new": sorted(now - before), "resolved": sorted(before - now), "remaining": sorted(now & before)}
        entry["changes"] = {"in_baseline": key in baseline, **ids}
        for k, found in ids.items():
            totals[k] += len(found)
    return totals
