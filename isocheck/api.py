"""The library's entry points: check one agency fact file against the rule pack.

The command line (:mod:`isocheck.cli`) is a thin layer over these; other tools call them too::

    from isocheck.api import check_file, load_pack
    report = check_file("agency.yaml", datetime.date(2021, 11, 16), profile="pre-announcement")
    for finding in report.findings: ...
"""

from __future__ import annotations

from isocheck.engine.evaluators import EVALUATORS, after_fork, evaluator_for
from isocheck.engine.findings import Finding
from isocheck.pack.rules import RulePack, load_pack
from isocheck.workflows.check import Report, check_agency, check_file

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
