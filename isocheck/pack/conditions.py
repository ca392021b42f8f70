"""Rule conditions: parsing, checking against the subject field catalogue, negation, outcome branches.

A condition in a rule file is a mapping, every entry of which must hold:
    ``days_after_deadline: {gt: 0}``         comparison (eq, ne, lt, le, gt, ge)
    ``is_current: true``                     shorthand for ``{eq: true}``
    ``any: [{...}, {...}]`` / ``all: [...]`` one / every sub-condition
Internally a condition is a small tree of tuples:
    ("and", [..]) ("or", [..]) ("cmp", field, op, value) ("known", field) ("unknown", field)
    ("true",) ("false",)

:func:`outcome_branches` turns one rule into mutually exclusive, exhaustive branches, one outcome
each (three-valued logic: a condition whose fields are unknown is undecided), that both the
durable-rules engine and the reference evaluator match. Every subject therefore
matches exactly one branch per rule; anything else is reported as ``error``, never as a pass.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from isocheck.subjects.fields import FIELDS

OPS = ("eq", "ne", "lt", "le", "gt", "ge")
_NEGATED_OP = {"eq": "ne", "ne": "eq", "lt": "ge", "ge": "lt", "le": "gt", "gt": "le"}
TRUE: tuple = ("true",)
FALSE: tuple = ("false",)


class ConditionError(ValueError):
    """A condition that does not fit the field catalogue; ``path`` locates it inside the rule."""

    def __init__(self, path: str, problem: str):
        self.path = path
        super().__init__(problem)


def parse(raw: Any, kind: str, path: str) -> tuple:
    """Parse a condition mapping for subject ``kind``; raise :class:`ConditionError` when malformed."""
    if not isinstance(raw, dict) or not raw:
        raise ConditionError(path, f"expected a non-empty mapping of field conditions, found {raw!r}")
    parts = []
    for key, value in raw.items():
        here = f"{path}.{key}"
        if key in ("all", "any"):
            if not isinstance(value, list) or not value:
                raise ConditionError(here, f"'{key}' takes a non-empty list of conditions")
            subs = [parse(v, kind, f"{here}[{i}]") for i, v in enumerate(value)]
            parts.append(("and" if key == "all" else "or", subs))
            continue
        parts.extend(_comparisons(key, value, kind, here))
    return parts[0] if len(parts) == 1 else ("and", parts)


def _comparisons(field: str, value: Any, kind: str, path: str) -> list[tuple]:
    fields = FIELDS[kind]
    if field not in fields:
        import difflib

        close = difflib.get_close_matches(field, list(fields), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise ConditionError(path, f"'{field}' is not a field of subject '{kind}'{hint}; fields: {', '.join(fields)}")
    ops = value if isinstance(value, dict) else {"eq": value}
    result = []
    for op, operand in ops.items():
        if op not in OPS:
            raise ConditionError(f"{path}.{op}", f"unknown operator '{op}'; expected one of {', '.join(OPS)}")
        result.append(("cmp", field, op, _typed(operand, fields[field][0], f"{path}.{op}")))
    return result


def _typed(value: Any, type_name: str, path: str) -> int | str:
    if type_name == "bool":
        if not isinstance(value, bool):
            raise ConditionError(path, f"expected true or false, found {value!r}")
        return int(value)
    if type_name == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConditionError(path, f"expected a whole number, found {value!r}")
        return value
    if not isinstance(value, str):
        raise ConditionError(path, f"expected text, found {value!r}")
    return value


def fields_of(cond: tuple | None) -> list[str]:
    """Fields referenced by a condition, in first-seen order."""
    if cond is None:
        return []
    seen: list[str] = []
    for node in _nodes(cond):
        if node[0] in ("cmp", "known", "unknown") and node[1] not in seen:
            seen.append(node[1])
    return seen


def _nodes(cond: tuple) -> Iterable[tuple]:
    yield cond
    if cond[0] in ("and", "or"):
        for sub in cond[1]:
            yield from _nodes(sub)


def negate(cond: tuple) -> tuple:
    """Logical negation, valid where every referenced field is known."""
    tag = cond[0]
    if tag == "and":
        return ("or", [negate(c) for c in cond[1]])
    if tag == "or":
        return ("and", [negate(c) for c in cond[1]])
    if tag == "cmp":
        return ("cmp", cond[1], _NEGATED_OP[cond[2]], cond[3])
    if tag == "known":
        return ("unknown", cond[1])
    if tag == "unknown":
        return ("known", cond[1])
    return FALSE if cond == TRUE else TRUE


def _combine(tag: str, identity: tuple, absorbing: tuple, parts: tuple) -> tuple:
    """``tag`` ("and"/"or") of parts, flattened; ``identity`` parts dropped, an ``absorbing`` part wins."""
    flat: list[tuple] = []
    for part in parts:
        if part == identity:
            continue
        if part == absorbing:
            return absorbing
        flat.extend(part[1] if part[0] == tag else [part])
    if not flat:
        return identity
    return flat[0] if len(flat) == 1 else (tag, flat)


def conj(*parts: tuple) -> tuple:
    """AND of parts, flattened, with TRUE dropped and FALSE absorbing."""
    return _combine("and", TRUE, FALSE, parts)


def disj(*parts: tuple) -> tuple:
    """OR of parts, flattened, with FALSE dropped and TRUE absorbing."""
    return _combine("or", FALSE, TRUE, parts)


def all_known(fields: Iterable[str]) -> tuple:
    return conj(*[("known", f) for f in fields])


def any_unknown(fields: Iterable[str]) -> tuple:
    return disj(*[("unknown", f) for f in fields])


def definitely(cond: tuple, value: bool) -> tuple:
    """Three-valued logic: the condition under which ``cond`` is known to be ``value``.

    A comparison is decided only when its field is known; AND is false as soon as one part is known
    false, OR true as soon as one part is known true — whatever the other parts' fields.
    """
    tag = cond[0]
    if tag in ("and", "or"):
        parts = [definitely(c, value) for c in cond[1]]
        # an AND is known true when every part is; known false when any part is (OR: the reverse)
        every = (tag == "and") == value
        return conj(*parts) if every else disj(*parts)
    if tag == "cmp":
        return conj(("known", cond[1]), cond if value else negate(cond))
    if tag in ("known", "unknown", "true", "false"):  # always decided
        return cond if value else negate(cond)
    raise ValueError(f"unknown condition node {cond!r}")


def undecided(cond: tuple) -> tuple:
    """The condition under which ``cond`` is neither known true nor known false."""
    return conj(negate(definitely(cond, True)), negate(definitely(cond, False)))


GRADED = "fail_graded"  # the outcome of a rule's lesser nonconformity (its ``graded`` block): a fail


def outcome_branches(
    not_applicable_when: tuple | None,
    fail_when: tuple,
    pending_when: tuple | None,
    requires: Iterable[str] = (),
    graded: tuple | None = None,
) -> list[tuple[str, tuple]]:
    """Mutually exclusive, exhaustive ``(outcome, condition)`` branches for one rule, in priority order.

    Conditions are judged in three-valued logic (known true / known false / undecided because a
    field they need is unknown):
    1. not_applicable — the not-applicable condition is known true;
    2. not_evaluable — it is undecided;
    3. fail — it is known false and the fail condition is known true (a failure is never hidden
       as pending, and is reported even if fields that could not change it are unknown);
    4. not_evaluable — the fail condition is undecided;
    4a. fail_graded — with a graded (lesser) fail condition: the fail condition is known false and the graded one
        known true (a fail at the graded severity);
    4b. not_evaluable — the fail condition is known false and the graded one undecided;
    5. pending — the fail conditions are known false and the pending condition known true;
    6. not_evaluable — the pending condition is undecided;
    7. pass — every condition is known false.
    Fields named in ``requires`` must be known for any outcome other than not_applicable.
    """
    required = all_known(requires)
    na_true = definitely(not_applicable_when, True) if not_applicable_when else FALSE
    na_false = definitely(not_applicable_when, False) if not_applicable_when else TRUE
    applicable = conj(na_false, required)
    branches: list[tuple[str, tuple]] = [("not_applicable", na_true)]
    if not_applicable_when:
        branches.append(("not_evaluable", undecided(not_applicable_when)))
    if requires:
        branches.append(("not_evaluable", conj(na_false, any_unknown(requires))))
    fail_false = definitely(fail_when, False)
    branches.append(("fail", conj(applicable, definitely(fail_when, True))))
    branches.append(("not_evaluable", conj(applicable, undecided(fail_when))))
    if graded is not None:
        branches.append((GRADED, conj(applicable, fail_false, definitely(graded, True))))
        branches.append(("not_evaluable", conj(applicable, fail_false, undecided(graded))))
        fail_false = conj(fail_false, definitely(graded, False))
    if pending_when is not None:
        branches.append(("pending", conj(applicable, fail_false, definitely(pending_when, True))))
        branches.append(("not_evaluable", conj(applicable, fail_false, undecided(pending_when))))
        branches.append(("pass", conj(applicable, fail_false, definitely(pending_when, False))))
    else:
        branches.append(("pass", conj(applicable, fail_false)))
    return [(outcome, cond) for outcome, cond in branches if cond != FALSE]


def holds(cond: tuple, fact: dict[str, Any]) -> bool:
    """Evaluate a condition tree on a flat fact (the reference semantics).

    A comparison on an absent field is false, as in durable-rules.
    """
    tag = cond[0]
    if tag == "and":
        return all(holds(c, fact) for c in cond[1])
    if tag == "or":
        return any(holds(c, fact) for c in cond[1])
    if tag == "known":
        return cond[1] in fact
    if tag == "unknown":
        return cond[1] not in fact
    if tag == "true":
        return True
    if tag == "false":
        return False
    _, field, op, value = cond
    if field not in fact:
        return False
    actual = fact[field]
    if op == "eq":
        return actual == value
    if op == "ne":
        return actual != value
    if op == "lt":
        return actual < value
    if op == "le":
        return actual <= value
    if op == "gt":
        return actual > value
    return actual >= value


def describe(cond: tuple) -> str:
    """A compact human-readable form, e.g. ``days_after_deadline > 0``."""
    symbols = {"eq": "=", "ne": "≠", "lt": "<", "le": "≤", "gt": ">", "ge": "≥"}
    tag = cond[0]
    if tag in ("and", "or"):
        joiner = " and " if tag == "and" else " or "
        return "(" + joiner.join(describe(c) for c in cond[1]) + ")"
    if tag == "cmp":
        return f"{cond[1]} {symbols[cond[2]]} {cond[3]}"
    if tag in ("known", "unknown"):
        return f"{cond[1]} {tag}"
    return tag
