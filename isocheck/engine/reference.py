"""The pure-Python reference evaluator: the same outcome branches as the engine, matched in Python.

It has the same interface as :class:`isocheck.engine.Engine`. A hypothesis test asserts both give
identical outcomes on generated agencies; ``explain`` uses it to show each condition's values.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from isocheck.pack.conditions import holds
from isocheck.pack.rules import Rule
from isocheck.subjects.fields import Subject

Outcomes = dict[tuple[str, str], set[str]]
Errors = dict[tuple[str, str | None], str]


class ReferenceEvaluator:
    name = "reference"

    def __init__(self, rules: Iterable[Rule]):
        self.rules = list(rules)
        self._by_kind: dict[str, list[Rule]] = defaultdict(list)
        for rule in self.rules:
            self._by_kind[rule.subject].append(rule)

    def evaluate(self, subjects: list[Subject]) -> tuple[Outcomes, Errors]:
        outcomes: Outcomes = defaultdict(set)
        for subject in subjects:
            fact = subject.fields
            for rule in self._by_kind.get(subject.kind, ()):
                for outcome, condition in rule.branches:
                    if holds(condition, fact):
                        outcomes[(rule.id, subject.id)].add(outcome)
        return dict(outcomes), {}
