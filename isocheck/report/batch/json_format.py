"""The batch as one JSON document (``--format json``), streamed: the run's parameters, then each agency
as it finishes (in file order) with every result, then the entries skipped and the summary by level and by
rule (``summary.by_rule``: each rule's findings counted by outcome, over every agency checked).

Each agency is encoded in its worker (:meth:`JsonFormat.prepare`, msgspec), already indented for its
place in the document, so the parent only copies bytes. The layout is that of
``json.dumps(indent=2, ensure_ascii=False)``; a baseline (``--baseline``) is this document.
"""

from __future__ import annotations

from typing import Any

import msgspec

from isocheck.engine.findings import OUTCOMES
from isocheck.report.batch.base import BatchFormat, BatchSummary


def _as_json_does(value: Any) -> Any:
    """What ``json.dumps`` writes for a subclass of a JSON type (a ``MonthDay`` is a ``str``)."""
    for base in (str, int, float):
        if isinstance(value, base):
            return base(value)
    if isinstance(value, dict):
        return dict(value)
    if isinstance(value, (list, tuple)):
        return list(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


_encode = msgspec.json.Encoder(enc_hook=_as_json_does).encode


def _indented(value: Any, depth: int) -> bytes:
    text = msgspec.json.format(_encode(value), indent=2)
    return text.replace(b"\n", b"\n" + b" " * (2 * depth))


_NESTED_HEAD, _NESTED_TAIL = len(b"[\n  [\n"), len(b"\n  ]\n]")


def _agency_bytes(value: Any) -> bytes:
    """``value`` as the document writes it in its list of agencies (four spaces in, as ``_indented(value, 2)``
    after them): formatted inside two lists, which indents every line in the same pass (no copy to shift them)."""
    return msgspec.json.format(b"[[" + _encode(value) + b"]]", indent=2)[_NESTED_HEAD:-_NESTED_TAIL]


class JsonFormat(BatchFormat):
    results = True

    @staticmethod
    def prepare(entry: dict[str, Any], lang: str) -> dict[str, Any]:
        body = {k: v for k, v in entry.items() if k not in ("changes", "roster_year", "parent")}
        if "changes" in entry:
            body["changes"] = entry["changes"]
        body.setdefault("results", [])
        small = {k: v for k, v in entry.items() if k != "results"}
        small["encoded"] = _agency_bytes(body)
        small["rule_outcomes"] = [(r["rule_id"], r["outcome"]) for r in body["results"]]  # for summary.by_rule
        return small

    def start(self) -> None:
        h = self.header
        head = {
            "tool": "isocheck",
            "version": h.tool_version,
            "as_of": h.as_of.isoformat(),
            "year": h.year,
            "profile": h.profile,
            "rules_version": h.rules_version,
            "lang": h.lang,
        }
        text = _indented(head, 0)
        self.out.write(text[:-2] + b',\n  "agencies": [')
        self.first = True
        self.by_rule: dict[str, dict[str, int]] = {}

    def agency(self, entry: dict[str, Any]) -> None:
        prepared = entry if "encoded" in entry else self.prepare(entry, self.lang)
        for rule, outcome in prepared.get("rule_outcomes") or ():
            counts = self.by_rule.setdefault(rule, dict.fromkeys(OUTCOMES, 0))
            counts[outcome] = counts.get(outcome, 0) + 1
        self.out.write(b"\n" if self.first else b",\n")
        self.out.write(prepared["encoded"])
        self.first = False

    def end(self, summary: BatchSummary) -> None:
        by_rule = {rule: self.by_rule[rule] for rule in sorted(self.by_rule)}
        tail: dict[str, Any] = {"skipped": self.header.skipped, "summary": {"by_level": summary.by_level}}
        tail["summary"]["by_rule"] = by_rule  # per rule: its findings by outcome (one per agency, or per item)
        if self.header.overlay is not None:  # each result carries its rule's origin
            tail["overlay"] = self.header.overlay
        if summary.baseline is not None:
            tail["summary"]["baseline"] = {"file": self.header.baseline_file, **summary.baseline}
        text = _indented(tail, 0)
        self.out.write(b"\n  ]," if not self.first else b"],")
        self.out.write(text[1:] + b"\n")
