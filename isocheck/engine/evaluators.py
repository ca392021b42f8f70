"""Which evaluator matches the rules: durable-rules (the default) or the pure-Python reference evaluator.

Compiling a durable-rules ruleset is the slow part, so each process keeps one compiled evaluator per
(rule pack, profile, kind). A forked batch worker drops the ones it inherited (:func:`after_fork`).
"""

from __future__ import annotations

import sys

from isocheck.engine.reference import ReferenceEvaluator
from isocheck.pack.rules import RulePack

EVALUATORS = ("durable", "reference")
_EVALUATOR_CACHE: dict[tuple, object] = {}


def after_fork() -> None:
    """In a forked worker process: drop the engines inherited from the parent; each worker builds its own."""
    _EVALUATOR_CACHE.clear()
    engine = sys.modules.get("isocheck.engine.durable")
    if engine is not None:
        engine.reset_host()


def evaluator_for(pack: RulePack, profile: str, kind: str = "durable"):
    """A compiled evaluator for the profile's rules, cached per process (compiling is the slow part)."""
    rules = pack.select(profile)
    key = (id(pack), profile, kind)
    if key not in _EVALUATOR_CACHE:
        if kind == "durable":
            from isocheck.engine.durable import Engine  # the only durable import, loaded when needed

            _EVALUATOR_CACHE[key] = Engine(rules)
        elif kind == "reference":
            _EVALUATOR_CACHE[key] = ReferenceEvaluator(rules)
        else:
            raise ValueError(f"unknown evaluator {kind!r}; expected one of {EVALUATORS}")
    return _EVALUATOR_CACHE[key]
