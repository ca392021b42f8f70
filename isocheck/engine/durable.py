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

Several agencies per session (:meth:`Engine.evaluate_many`, the batch): durable-rules' cost is its Python
glue per *firing* (a JSON round trip of the session state each time), not its C core. Every rule is
therefore compiled with ``cap`` — one firing hands the action every match of that branch at once — and a
batch worker asserts a chunk of agencies' facts in one session, each fact carrying its agency's place in
the chunk (:data:`AGENCY`, which also keeps identical agencies' facts distinct), so about forty firings
serve a whole chunk instead of forty per agency. The outcome bookkeeping reads each match as the plain dict
under durable-rules' ``Content`` wrapper, inline in the firing (:meth:`Engine._record`); an action wrapper
(tests) still sees one match at a time, as ``c.m``. Fact identity is a 32-bit hash: the more facts in one
session, the likelier two distinct facts collide, which durable-rules reports as ``MessageObservedException``
(the fact is dropped). A session holds at most :data:`MAX_SESSION_FACTS` facts, and a session that raised or
recorded any exception is matched again one agency per session, as before — so the outcomes never depend on
how agencies were grouped (``tests/test_engine_sessions.py``).
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
AgencyMarker = Callable[[int], None]

AGENCY = "_agency"  # the field of every fact that says which agency of the session it belongs to
MAX_SESSION_FACTS = 2000  # facts per shared session: a hash collision there is rare, and then retried
_CAP = 1_000_000  # matches handed to one firing: more than a session ever holds


class _Match:
    """One match of a capped firing, as the action of an uncapped rule would see it (``c.m``)."""

    __slots__ = ("m",)

    def __init__(self, m) -> None:
        self.m = m


class Engine:
    """One compiled durable-rules ruleset for a list of rules; evaluates one agency per session
    (:meth:`evaluate`), or a chunk of agencies per session (:meth:`evaluate_many`)."""

    name = "durable"

    def __init__(self, rules: Iterable[Rule], action_wrapper: ActionWrapper | None = None):
        self.rules = list(rules)
        self.ruleset = f"isocheck_{os.getpid()}_{next(_NAMES)}"
        self._fired: set[tuple[int, str, str, str]] = set()  # (agency, rule, subject, outcome)
        self._action_errors: dict[tuple[int | None, str | None, str], str] = {}  # (agency, subject, rule)
        self._marker: AgencyMarker | None = None
        definition: dict[str, dict] = {}
        for index, rule in enumerate(self.rules):
            for b, (outcome, condition) in enumerate(rule.branches):
                pattern = {"$and": [{"kind": rule.subject}, *_as_list(compile_condition(condition))]}
                if action_wrapper is None:
                    run = self._record(rule, outcome)
                else:
                    run = self._each(self._guarded(action_wrapper(self._action(rule, outcome), rule, outcome), rule))
                definition[f"r{index}_b{b}_{outcome}"] = {"all": [{"m": pattern}], "cap": _CAP, "run": run}
        definition["sink"] = {
            "all": [{"m": {"$ex": {"kind": 1}}}, {"never": {"kind": "__never__"}}],
            "run": lambda c: None,
        }
        _host().register_rulesets({self.ruleset: definition})

    def _action(self, rule: Rule, outcome: str) -> Callable[[object], None]:
        fired = self._fired

        def action(c) -> None:
            m = c.m
            fired.add((m[AGENCY], rule.id, m["subject"], outcome))

        return action

    def _guarded(self, action: Callable[[object], None], rule: Rule) -> Callable[[object], None]:
        errors = self._action_errors

        def guarded(c) -> None:
            try:
                action(c)
            except BaseException as exc:
                agency, subject = _subject_of(c)
                errors[(agency, subject, rule.id)] = f"{type(exc).__name__}: {exc}"

        return guarded

    def _each(self, action: Callable[[object], None]) -> Callable[[object], None]:
        """A capped firing: ``action`` once per match, the agency marker told when the agency changes."""

        def each(c) -> None:
            marker, current = self._marker, None
            for m in _matches(c):
                if marker is not None and m.get(AGENCY) != current:
                    current = m.get(AGENCY)
                    marker(current)
                action(_Match(m))

        return each

    def _record(self, rule: Rule, outcome: str) -> Callable[[object], None]:
        """:meth:`_each` of the guarded :meth:`_action`, inlined (no action wrapper: the batch's case): one
        firing hands about a chunk's worth of matches, and three calls per match were most of the glue."""
        fired, errors, rule_id = self._fired, self._action_errors, rule.id

        def record(c) -> None:
            marker, current = self._marker, None
            for m in _matches(c):
                agency = m.get(AGENCY)
                if marker is not None and agency != current:
                    current = agency
                    marker(current)
                try:
                    fired.add((agency, rule_id, m["subject"], outcome))
                except BaseException as exc:
                    where, subject = _subject_of(_Match(m))
                    errors[(where, subject, rule_id)] = f"{type(exc).__name__}: {exc}"

        return record

    def evaluate(self, subjects: list[Subject]) -> tuple[Outcomes, Errors]:
        """Match one agency's subjects in a fresh session; return outcomes and errors per (rule, subject)."""
        return self._session([subjects])[0]

    def evaluate_many(
        self, agencies: list[list[Subject]], marker: AgencyMarker | None = None
    ) -> list[tuple[Outcomes, Errors]]:
        """:meth:`evaluate` for each agency's subjects, in sessions of several agencies (at most
        :data:`MAX_SESSION_FACTS` facts each). ``marker(i)`` is called before the rules act on agency
        ``i`` (the batch records which agency a dying worker was checking)."""
        results: list[tuple[Outcomes, Errors]] = []
        for group in _groups(agencies):
            self._marker = None if marker is None else _shifted(marker, len(results))
            try:
                found = self._session(group) if len(group) > 1 else None
                if found is None or any(errors for _, errors in found):  # a collision, or any trouble: alone
                    found = []
                    for k, subjects in enumerate(group):
                        if self._marker is not None:
                            self._marker(k)
                        found.extend(self._session([subjects]))
            finally:
                self._marker = None
            results.extend(found)
        return results

    def _session(self, agencies: list[list[Subject]]) -> list[tuple[Outcomes, Errors]]:
        """Match every agency's subjects in one fresh session; outcomes and errors per agency."""
        facts = []
        sid = f"a{next(_SIDS)}"
        for k, subjects in enumerate(agencies):
            for subject in subjects:
                fact = subject.engine_fact(sid)
                fact[AGENCY] = k
                facts.append(fact)
        if not facts:  # durable-rules segfaults on an empty assert_facts batch
            return [({}, {}) for _ in agencies]
        self._fired.clear()
        self._action_errors.clear()
        engine_error: str | None = None
        host = _host()
        try:
            state = host.assert_facts(self.ruleset, facts)
            if isinstance(state, dict) and state.get("exception"):
                engine_error = f"engine: {state['exception']}"
        except _durable.MessageObservedException:
            engine_error = "engine: two facts of this agency have the same identity (MessageObservedException)"
        except Exception as exc:
            engine_error = f"engine: {type(exc).__name__}: {exc}"
        finally:
            with contextlib.suppress(Exception):
                host.delete_state(self.ruleset, sid)
        outcomes: list[Outcomes] = [defaultdict(set) for _ in agencies]
        for k, rule_id, subject_id, outcome in self._fired:
            outcomes[k][(rule_id, subject_id)].add(outcome)
        errors: list[Errors] = [{} for _ in agencies]
        for (agency, failed_on, rule_id), text in self._action_errors.items():
            for agency_errors in errors if agency is None else [errors[agency]]:
                agency_errors[(rule_id, failed_on)] = text
        if engine_error is not None:
            for agency_errors in errors:
                agency_errors[("*", None)] = engine_error
        return [(dict(o), e) for o, e in zip(outcomes, errors, strict=True)]


def _shifted(marker: AgencyMarker, base: int) -> AgencyMarker:
    return lambda k: marker(base + k)


def _groups(agencies: list[list[Subject]]) -> Iterable[list[list[Subject]]]:
    """Consecutive agencies with at most :data:`MAX_SESSION_FACTS` facts together (an agency with more: alone)."""
    group: list[list[Subject]] = []
    size = 0
    for subjects in agencies:
        if group and size + len(subjects) > MAX_SESSION_FACTS:
            yield group
            group, size = [], 0
        group.append(subjects)
        size += len(subjects)
    if group:
        yield group


def _matches(c) -> list:
    """The matches of a capped firing as plain dicts (durable-rules wraps each in a ``Content``, whose every
    read is a Python call)."""
    found = c.m if isinstance(c.m, list) else [c.m]
    return [getattr(m, "_d", m) for m in found]


def _subject_of(c) -> tuple[int | None, str | None]:
    """(agency, subject) of the match an action failed on; (None, None) when it cannot be read."""
    try:
        return c.m[AGENCY], c.m["subject"]
    except Exception:
        return None, None


def _as_list(compiled: dict | None) -> list[dict]:
    if compiled is None:
        return []
    if "$and" in compiled and len(compiled) == 1:
        return compiled["$and"]
    return [compiled]
