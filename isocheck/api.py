"""The library's entry points: check one agency fact file against the rule pack.

The command line (:mod:`isocheck.cli`) is a thin layer over these; other tools call them too::

    from isocheck.api import check_file, load_pack
    report = check_file("agency.yaml", datetime.date(2021, 11, 16), profile="pre-announcement")
    for finding in report.findings: ...
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from isocheck.engine.evaluators import EVALUATORS, after_fork, evaluator_for
from isocheck.engine.findings import Finding
from isocheck.facts.catalogue import read_catalogue
from isocheck.law.overlay import load_overlay
from isocheck.pack import rules as _rules
from isocheck.pack.rules import RulePack
from isocheck.pack.tailoring import apply_overlay
from isocheck.workflows.check import Report, check_agency, check_file


def load_pack(
    root: str | Path | None = None,
    overlay: str | Path | None = None,
    as_of: dt.date | None = None,
    catalogue: str | Path | None = None,
) -> RulePack:
    """The rule pack (default: the bundled one), tailored by a province ``overlay`` file (or a shipped one by
    name, ``ha-tinh.example``) as of ``as_of`` (default: today) when one is given; with the province's TTHC
    ``catalogue`` (a portal export, .csv or .xlsx), every agency's scope is checked against it."""
    pack = _rules.load_pack(root)
    if overlay is not None:
        pack = apply_overlay(pack, load_overlay(overlay), as_of or dt.date.today())
    if catalogue is not None:
        pack = pack.with_catalogue(read_catalogue(catalogue))
    return pack


__all__ = [
    "EVALUATORS",
    "Finding",
    "Report",
    "RulePack",
    "after_fork",
    "check_agency",
    "check_file",
    "evaluator_for",
    "load_pack",
]
