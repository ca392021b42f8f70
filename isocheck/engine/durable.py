"""durable-rules, contained. The only module that imports ``durable``.

How each observed engine behaviour (DESIGN.md) is answered here:
- actions on a background thread: ``Host._run`` is replaced by a no-op before any host exists, so
  actions run synchronously inside ``assert_facts``;
- an exception inside an action never reaches the caller: every action is wrapped, the exception is
  recorded against its rule and subject, and the returned state's ``exception`` is checked as well;
  either gives that rule ``error`` for that agency;
- a fact matching no rule raises ``MessageNotHandledException`` and would skip the whole batch: a
  *sink* rule matches every fact and never fires (its second pattern never matches);
- identical facts raise ``MessageObservedException``: every fact carries its unique subject id;
- at most 1,024 live sessions per ruleset: one fresh sid per agency, ``delete_state`` in ``finally``;
- the per-sid state object is matched by ``m`` patterns: every rule starts with a ``kind`` guard;
- an empty ``assert_facts`` batch crashes the process: never sent (nothing to match anyway);
- events are consumed by the first matching rule: only facts are asserted, never events;
- ``none()`` depends on assertion order: not used — absence is derived in Python (derive.py), and
  every rule compiles to mutually exclusive branches (conditions.outcome_branches);
- an OR fires once per true branch: firings are collected as a set of outcomes;
- types: facts carry ints and strs only (bools as 0/1, dates as day counts);
- definitions are mutated and names cannot be reused: each Engine compiles a fresh definition under
  a unique ruleset name.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from collections import defaultdict
from collections.abc import Callable, Iterable

import durable.engine as _durable

from isocheck.pack.rules import Rule
from isocheck.subjects.fields import Subject

# Switch the background dispatch thread off before the first Host is created.
_durable.Host._run = lambda self: None

_HOST: _durable.Host | None = None
_NAMES = itertools.count(1)
_SIDS = itertools.count(1)

_OPS = {"lt": "$lt", "le": "$lte", "gt": "$gt", "ge": "$gte", "ne": "$neq"}

Outcomes = dict[tuple[str, str], set[str]]
Errors = dict[tuple[str, str | None], str]


def _host() -> _durable.Host:
    global _HOST
    if _HOST is None:
        _HOST = _durable.Host()
    return _HOST


def reset_host() -> None:
    """Forget the host inherited from a parent process (batch workers are forked); the next Engine
    creates its own."""
    global _HOST
    _HOST = None


def compile_condition(node: tuple) -> dict | None:
    """A condition tree (conditions.py) as durable-rules JSON; None for TRUE."""
    tag = node[0]
    if tag in ("and", "or"):
        parts = [p for p in (compile_condition(c) for c in node[1]) if p is not None]
        return {"$and" if tag == "and" else "$or": parts}
    if tag == "known":
        return {"$ex": {node[1]: 1}}
    if tag == "unknown":
        return {"$nex": {node[1]: 1}}
    if tag == "true":
        return None
    if tag == "false":  # never produced by outcome_branches; kept total for safety
        return {"kind": "__never__"}
    _, field, op, value = node
    if op == "eq":
        return {field: value}
    return {_OPS[op]: {field: value}}


ActionWrapper = Callable[[Callable[[object], None], Rule, str], Callable[[object], None]]


class Engine:
    """One compiled durable-rules ruleset for a list of rules; evaluates one agency per call."""

    name = "durable"

    def __init__(self, rules: Iterable[Rule], action_wrapper: ActionWrapper | None = None):
        self.rules = list(rules)
        self.ruleset = f"isocheck_{os.getpid()}_{next(_NAMES)}"
        self._fired: set[tuple[str, str, str]] = set()
        self._action_errors: Errors = {}
        definition: dict[str, dict] = {}
        for index, rule in enumerate(self.rules):
            for b, (outcome, condition) in enumerate(rule.branches):
                pattern = {"$and": [{"kind": rule.subject}, *_as_list(compile_condition(condition))]}
                action = self._action(rule, outcome)
                if action_wrapper is not None:
                    action = action_wrapper(action, rule, outcome)
                definition[f"r{index}_b{b}_{outcome}"] = {"all": [{"m": pattern}], "run": self._guarded(action, rule)}
        definition["sink"] = {
            "all": [{"m": {"$ex": {"kind": 1}}}, {"never": {"kind": "__never__"}}],
            "run": lambda c: None,
        }
        _host().register_rulesets({self.ruleset: definition})

    def _action(self, rule: Rule, outcome: str) -> Callable[[object], None]:
        fired = self._fired

        def action(c) -> None:
            fired.add((rule.id, c.m["subject"], outcome))

        return action

    def _guarded(self, action: Callable[[object], None], rule: Rule) -> Callable[[object], None]:
        errors = self._action_errors

        def guarded(c) -> None:
            try:
                action(c)
            except BaseException as exc:
                errors[(rule.id, _subject_of(c))] = f"{type(exc).__name__}: {exc}"

        return guarded

    def evaluate(self, subjects: list[Subject]) -> tuple[Outcomes, Errors]:
        """Match one agency's subjects in a fresh session; return outcomes and errors per (rule, subject)."""
        if not subjects:  # durable-rules segfaults on an empty assert_facts batch
            return {}, {}
        sid = f"a{next(_SIDS)}"
        self._fired.clear()
        self._action_errors.clear()
        errors: Errors = {}
        host = _host()
        try:
            state = host.assert_facts(self.ruleset, [s.engine_fact(sid) for s in subjects])
            if isinstance(state, dict) and state.get("exception"):
                errors[("*", None)] = f"engine: {state['exception']}"
        except _durable.MessageObservedException:
            errors[("*", None)] = "engine: two facts of this agency have the same identity (MessageObservedException)"
        except Exception as exc:
            errors[("*", None)] = f"engine: {type(exc).__name__}: {exc}"
        finally:
            with contextlib.suppress(Exception):
                host.delete_state(self.ruleset, sid)
        outcomes: Outcomes = defaultdict(set)
        for rule_id, subject_id, outcome in self._fired:
            outcomes[(rule_id, subject_id)].add(outcome)
        errors.update(self._action_errors)
        return dict(outcomes), errors


def _subject_of(c) -> str | None:
    try:
        return c.m["subject"]
    except Exception:
        return None


def _as_list(compiled: dict | None) -> list[dict]:
    if compiled is None:
        return []
    if "$and" in compiled and len(compiled) == 1:
        return compiled["$and"]
    return [compiled]
