"""A rule may only name what its subject has: checked when the pack loads, beyond the conditions.

``requires`` names fields of the subject. A message is filled from the subject's fields and its declared
display values (:class:`isocheck.subjects.registry.SubjectKind`), and, for the finding of one item of a
``findings_per`` list, from that item's keys. A placeholder naming anything else, or with a format
(``{year:%Y}``: values are written the way each language reads them, so none is needed), would load and
then crash the first time the rule fails; here it is an input error naming the file, the line and the
text. The same holds for ``findings_per`` (an item list of the subject) and ``due_date_field`` (a display
value of it).
"""

from __future__ import annotations

import difflib
import string
from collections.abc import Iterable

from isocheck.base.errors import InputError
from isocheck.pack.located import RuleLocation
from isocheck.pack.schema import Rule
from isocheck.subjects.fields import KINDS
from isocheck.subjects.registry import SubjectKind
from isocheck.text.problems import Problem, glossed

TEXTS = ("message", "pending_message", "pass_message", "remediation", "not_applicable_reason")


def check_names(rule: Rule, where: RuleLocation) -> None:
    """Raise :class:`InputError` at the first name in ``rule`` that its subject does not have."""
    kind = KINDS[rule.subject]
    for i, name in enumerate(rule.requires):
        if name not in kind.fields:
            raise _unknown(where, "rule.requires_unknown", ("requires", i), name, rule, None)
    _check_findings_per(rule, kind, where)
    if rule.due_date_field is not None and rule.due_date_field not in kind.display:
        raise _unknown(where, "rule.due_date_unknown", ("due_date_field",), rule.due_date_field, rule, kind.display)
    subject_names = kind.placeholders()
    item_names = list(kind.items[rule.findings_per]) if rule.findings_per is not None else []
    for name in TEXTS:
        text = getattr(rule, name)
        if text is None:
            continue
        # item keys fill the failure of one item; a pending finding is about the subject as a whole
        allowed = subject_names + (item_names if _per_item(rule, name) else [])
        if name == "remediation" and rule.graded is not None and rule.graded.findings_per is not None:
            allowed = [n for n in allowed if n in subject_names or n in kind.items[rule.graded.findings_per]]
        for lang in ("vi", "en"):
            _check_text(text.get(lang), allowed, rule, (name, lang), where)
    _check_graded(rule, kind, subject_names, item_names, where)


def _check_graded(
    rule: Rule, kind: SubjectKind, subject_names: list[str], item_names: list[str], where: RuleLocation
) -> None:
    """A graded (lesser) failure: its item list exists; its message names only the subject's values and the keys
    of the items it expands."""
    graded = rule.graded
    if graded is None:
        return
    per = graded.findings_per
    if per is not None and per not in kind.items:
        raise _unknown(where, "rule.findings_per_unknown", ("graded", "findings_per"), per, rule, kind.items)
    graded_items = list(kind.items[per]) if per is not None else item_names
    if graded.message is not None:
        for lang in ("vi", "en"):
            _check_text(
                graded.message.get(lang), subject_names + graded_items, rule, ("graded", "message", lang), where
            )


def _per_item(rule: Rule, name: str) -> bool:
    return name == "message" or (name == "remediation" and rule.pending_when is None)


def _check_findings_per(rule: Rule, kind: SubjectKind, where: RuleLocation) -> None:
    if rule.findings_per is None or rule.findings_per in kind.items:
        return
    if not kind.items:
        params = {"name": rule.findings_per, "subject": rule.subject}
        raise where.error("rule.findings_per_none", params, ("findings_per",), value=True)
    raise _unknown(where, "rule.findings_per_unknown", ("findings_per",), rule.findings_per, rule, kind.items)


def _check_text(text: str, allowed: list[str], rule: Rule, loc: tuple, where: RuleLocation) -> None:
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise where.error("rule.bad_placeholder", {"detail": glossed(str(exc))}, loc, value=True) from None
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier():
            raise where.error("rule.placeholder_not_name", {"name": name}, loc, value=True)
        if spec or conversion:
            written = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            raise where.error("rule.placeholder_format", {"written": written, "name": name}, loc, value=True)
        if name not in allowed:
            raise _unknown(where, "rule.placeholder_unknown", loc, name, rule, allowed)


def _unknown(
    where: RuleLocation, key: str, loc: tuple, name: str, rule: Rule, names: Iterable[str] | None
) -> InputError:
    """The error for ``name``, not one of ``names`` (default: the subject's fields), with the closest one."""
    candidates = list(KINDS[rule.subject].fields if names is None else names)
    close = difflib.get_close_matches(name, candidates, n=1)
    params = {
        "name": name,
        "subject": rule.subject,
        "hint": Problem("field.did_you_mean", close=close[0]) if close else "",
    }
    if names is not None:
        params["names"] = ", ".join(candidates)
    return where.error(key, params, loc, value=True)
