"""The machine-readable report: one JSON document, deterministic (sorted, no timestamps besides as-of)."""

from __future__ import annotations

import json
from typing import Any

from isocheck.engine.findings import NONCONFORMITY


def report_dict(report, lang: str) -> dict[str, Any]:
    """The documented JSON report. With the pre-announcement profile it carries the top-level
    ``verdict`` (``ready`` | ``not_ready``) and ``blocking`` finding ids; with a rubric, ``score``."""
    ident = report.agency.agency
    summary = report.summary
    result = {
        "tool": "isocheck",
        "version": report.tool_version,
        "agency": {
            "name": ident.name,
            "level": ident.level,
            "province": ident.province,
            "standard": ident.standard,
            "file": report.file,
        },
        "as_of": report.as_of.isoformat(),
        "year": report.year,
        "profile": report.profile,
        "rules_version": report.pack.version,
        "overlay": report.pack.tailoring.record(lang) if report.pack.tailoring is not None else None,
        "lang": lang,
        "summary": {
            **summary.to_dict(),
            "nonconformities": sum(1 for f in report.findings if f.outcome == NONCONFORMITY),
        },
    }
    if report.readiness is not None:
        result.update(report.readiness.to_dict())
    if report.score is not None:
        result["score"] = report.score.to_dict(lang)
    result["results"] = [f.render(lang) for f in report.findings]
    return result


def render(report, lang: str) -> str:
    return json.dumps(report_dict(report, lang), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
