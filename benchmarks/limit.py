"""The practical limit of a batch on this machine: read each fact file, parse it with yaml-rs, and decide the
rule pack's 35 rules as hand-written Python predicates, in 2 processes — no validation, no engine, no
report. ``isocheck batch`` is measured against this in the same run (benchmarks/bench.py).

    python benchmarks/limit.py FOLDER [--workers 2] [--json]

Prints the wall time and the number of nonconformities found (per rule id, with --json), a sanity check
that the predicates judge what the rules judge on the generated agencies (``benchmarks/generate.py``).
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import yaml_rs

AS_OF = dt.date(2021, 11, 16)
YEAR = AS_OF.year
TRANSITION = dt.date(2021, 6, 30)


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def judge(a: dict) -> list[str]:
    """The rule ids that fail for one agency (profile inspection), decided by hand."""
    fails = []
    ident, qms = a.get("agency", {}), a.get("qms", {})
    std = ident.get("standard")
    anns = a.get("announcements") or []
    current = max(anns, key=lambda x: x["date"]) if anns else None
    audits = a.get("internal_audits") or []
    reviews = a.get("management_reviews") or []
    if not anns:
        fails.append("announcement.announced")
    if current is not None:
        day = current["date"]
        approved = (qms.get("documents_approved") or {}).get("issued_on")
        if approved is None or approved > day:
            fails.append("announcement.documents-approved-before")
        if not any(x["date"] <= day for x in audits):
            fails.append("announcement.internal-audit-before")
        if not any(x["date"] <= day for x in reviews):
            fails.append("announcement.management-review-before")
        open_at = sum(
            1
            for x in audits
            if x["date"] <= day
            for c in x.get("corrective_actions") or []
            if c.get("closed_on") is None or c["closed_on"] > day
        )
        if open_at:
            fails.append("announcement.nonconformities-corrected-before")
        if current.get("head_confirmed_on") is None:
            fails.append("announcement.head-confirmed-effectiveness")
        for key, rule in (
            ("notified_dost_on", "notified-dost"),
            ("posted_at_premises", "posted-at-premises"),
            ("published_on_website", "published-on-website"),
        ):
            if not current.get(key):
                fails.append(f"announcement.{rule}")
    for change in a.get("scope_changes") or []:
        if not any(x["date"] >= change["date"] for x in anns):
            fails.append("announcement.reannounced-after-scope-change")
    for c in a.get("consultants") or []:
        if not c.get("certified"):
            fails.append("contracting.consultant-certified")
        if not c.get("experts_have_cards"):
            fails.append("contracting.consultant-experts-carded")
    fails.extend("contracting.no-certification-body" for _ in a.get("certification_bodies") or [])
    if std == 2008:
        if not qms.get("quality_manual"):
            fails.append("documents.quality-manual-2008")
        if not qms.get("management_representative"):
            fails.append("organisation.management-representative-2008")
        for p in qms.get("mandatory_procedures") or []:
            if not p.get("built"):
                fails.append("documents.mandatory-procedures-2008")
            elif p.get("operated") == "no":
                fails.append("documents.mandatory-procedures-operated-2008")
        if AS_OF > TRANSITION:
            fails.append("maintenance.transition-to-iso-9001-2015")
    objectives = [o for o in qms.get("quality_objectives") or [] if o.get("year") == YEAR]
    if not objectives:
        fails.append("documents.quality-objectives-yearly")
    else:
        if objectives[0].get("measurable") is False:
            fails.append("documents.quality-objectives-measurable")
        if objectives[0].get("has_plan") is False:
            fails.append("documents.quality-objectives-plan")
    if not qms.get("quality_policy"):
        fails.append("documents.quality-policy")
    if not any(p.get("year") == YEAR for p in qms.get("maintenance_plans") or []):
        fails.append("maintenance.yearly-maintenance-plan")
    if not qms.get("steering_committee"):
        fails.append("organisation.iso-steering-committee")
    if not qms.get("iso_secretary"):
        fails.append("organisation.iso-secretary")
    for x in audits:
        overdue = [
            c
            for c in x.get("corrective_actions") or []
            if c.get("closed_on") is None and (c.get("due_on") or AS_OF) < AS_OF
        ]
        if overdue:
            fails.append("maintenance.audit-nonconformities-closed")
    for doc in a.get("legal_documents") or []:
        deadline = _add_months(doc["effective_on"], 3)
        built = doc.get("built_in_on")
        if (built or AS_OF) > deadline and (built is not None or deadline < AS_OF):
            fails.append("maintenance.legal-changes-within-three-months")
    fails.extend("maintenance.management-review-minutes" for r in reviews if not r.get("minutes"))
    for report in a.get("reports") or []:
        if report.get("year") == YEAR and report.get("submitted_on") is None and report.get("due_on", AS_OF) < AS_OF:
            fails.append("maintenance.yearly-report-submitted")
    uncovered = [p for p in a.get("procedures") or [] if p.get("internal_procedure") is False]
    mismatched = [p for p in a.get("procedures") or [] if p.get("internal_procedure") and not p.get("matches_one_stop")]
    fails.extend("scope.covers-every-tthc" for _ in uncovered)
    fails.extend("scope.procedures-match-one-stop-software" for _ in mismatched)
    return fails


def judge_files(paths: list[str]) -> Counter:
    """A worker's job: read each file, parse it with yaml-rs, judge it (also timed by benchmarks/stages.py)."""
    counts: Counter = Counter()
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            counts.update(judge(yaml_rs.loads(handle.read())))
    return counts


def run(folder: Path, workers: int = 2) -> dict:
    paths = sorted(str(p) for p in folder.glob("*.yaml"))
    size = max(1, len(paths) // (workers * 16))
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    start = time.perf_counter()
    total: Counter = Counter()
    with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
        for counts in pool.map(judge_files, chunks):
            total.update(counts)
    return {
        "agencies": len(paths),
        "seconds": round(time.perf_counter() - start, 3),
        "fails": dict(sorted(total.items())),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    args = parser.parse_args()
    result = run(args.folder, args.workers)
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"{result['agencies']} agencies in {result['seconds']} s; {sum(result['fails'].values())} nonconformities"
        )


if __name__ == "__main__":
    sys.exit(main())
