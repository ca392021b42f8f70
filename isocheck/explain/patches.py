"""Fixes of the fact file: what a change of fact is (:class:`Fix`), and the tools fixes are built from.

A fix is a text in both languages ("an internal audit dated between 2021-01-01 and 2021-11-16") and a
patch on the fact document that makes that text true, so a property test can apply it and check the rule
then passes. The texts are the gettext catalog's entries of context ``words:fixes.<key>``
(``isocheck/locale/vi/LC_MESSAGES/isocheck.po``), filled by :func:`said`. :class:`Context` is what a fix is
built from: the subject, the as-of date and the item of a ``findings_per`` finding. The path helpers address
the fact document the way derive's sources do (``announcements[0].notified_dost_on``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from isocheck.subjects.fields import Subject
from isocheck.text.ui import Words, filled, words

Patch = Callable[[dict], None]


@dataclass
class Fix:
    text: Words
    patch: Patch


@dataclass
class Context:
    subject: Subject
    as_of: dt.date
    item: dict | None

    @property
    def year(self) -> int:
        return int(self.subject.id) if self.subject.kind == "year" else self.as_of.year

    def in_year(self) -> dt.date:
        """The latest date in the review year that is not after the as-of date."""
        return min(self.as_of, dt.date(self.year, 12, 31))

    def year_start(self) -> dt.date:
        return min(self.as_of, dt.date(self.year, 1, 1))

    def listed_item(self) -> dict[str, Any]:
        """The item of a ``findings_per`` finding (a fix of an item's field needs one)."""
        if self.item is None:
            raise LookupError(f"a fix of {self.subject.kind} items needs the item of a findings_per finding")
        return self.item


# -- fact-document paths ---------------------------------------------------------------------------

_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def path_parts(path: str) -> list:
    return [name if name else int(index) for name, index in _PART.findall(path)]


def set_path(doc: dict, path: str, value: Any) -> None:
    parts = path_parts(path)
    target: Any = doc
    for part, following in itertools.pairwise(parts):
        if isinstance(part, str) and target.get(part) is None:
            target[part] = [] if isinstance(following, int) else {}
        target = target[part]
    target[parts[-1]] = value


def get_path(doc: dict, path: str) -> Any:
    target: Any = doc
    for part in path_parts(path):
        target = target[part]
    return target


def append(doc: dict, path: str, entry: dict) -> None:
    parts = path_parts(path)
    target: Any = doc
    for part in parts[:-1]:
        if target.get(part) is None:
            target[part] = {}
        target = target[part]
    if target.get(parts[-1]) is None:
        target[parts[-1]] = []
    target[parts[-1]].append(entry)


def source_path(ctx: Context, field: str, suffix: str) -> str:
    """The fact-file path among the field's sources that ends with ``suffix``."""
    for path in ctx.subject.sources.get(field, []):
        if path.endswith(suffix):
            return path
    raise LookupError(f"no source ending with {suffix!r} for {field}")


_WORDS = words("words:fixes.")  # the remedies' words, from the gettext catalog


def said(key: str, /, **values: Any) -> Words:
    """The remedy ``words:fixes.<key>`` of the catalog filled with ``values`` in each language: dates
    dd/mm/yyyy in Vietnamese and ISO in English (:func:`isocheck.text.ui.filled`)."""
    return filled(_WORDS[key], **values)


# -- fixes that several fields share --------------------------------------------------------------


def flag(field: str, suffix: str, key: str, value: Any = True) -> Callable[[Context], Fix]:
    def make(ctx: Context) -> Fix:
        path = source_path(ctx, field, suffix)
        return Fix(said(key), lambda doc: set_path(doc, path, value))

    return make


def qms_document(name: str, value: dict) -> Callable[[Context], Fix]:
    """The QMS document ``qms.<name>`` issued (its words: ``words:fixes.qms.<name>``)."""

    def make(ctx: Context) -> Fix:
        return Fix(
            said(f"qms.{name}"),
            lambda doc: set_path(
                doc, f"qms.{name}", dict(value, issued_on=ctx.as_of) if "issued_on" in value else dict(value)
            ),
        )

    return make


def announcement_entry(doc: dict, day: dt.date, standard: int) -> dict:
    return {
        "decision": "QĐ công bố",
        "date": day,
        "standard": standard,
        "head_confirmed_on": day,
        "notified_dost_on": day,
        "posted_at_premises": True,
        "published_on_website": True,
    }


def drop_item(key: str) -> Callable[[Context], Fix]:
    """Remove the finding's item from its list (its words name the item's keys: ``{body}``)."""

    def make(ctx: Context) -> Fix:
        item = ctx.listed_item()
        path = item["source"]

        def patch(doc: dict) -> None:
            *parent, index = path_parts(path)
            get_path(doc, ".".join(str(p) for p in parent)).pop(index)

        return Fix(said(key, **item), patch)

    return make


def item_flag(field: str, key: str) -> Callable[[Context], Fix]:
    def make(ctx: Context) -> Fix:
        item = ctx.listed_item()
        path = f"{item['source']}.{field}"
        return Fix(said(key, **item), lambda doc: set_path(doc, path, True))

    return make


def precondition_event(list_name: str, what: str, entry: dict) -> Callable[[Context], Fix]:
    """An event of ``list_name`` in the window before an announcement: ``words:fixes.<what>.between`` (from the
    window's start to its end) or ``<what>.by`` (on or before its end, when it has no start)."""

    def make(ctx: Context) -> Fix:
        start, end = ctx.subject.display.get("window_start"), ctx.subject.display["window_end"]
        text = said(f"{what}.between", start=start, end=end) if start else said(f"{what}.by", end=end)
        return Fix(text, lambda doc: append(doc, list_name, dict(entry, date=end)))

    return make


def close_actions(day_of: Callable[[Context], dt.date], only_before: bool) -> Callable[[Context], Fix]:
    """Close every open corrective action (and record one for each nonconformity without one)."""

    def make(ctx: Context) -> Fix:
        day = day_of(ctx)
        audit_date = ctx.subject.display.get("date") if not only_before else None

        def patch(doc: dict) -> None:
            for audit in doc.get("internal_audits") or []:
                if (only_before and audit["date"] > day) or (audit_date and audit["date"] != audit_date):
                    continue
                findings = audit.get("findings") or {"major": 0, "minor": 0}
                audit["findings"] = findings
                actions = audit.get("corrective_actions") or []
                for action in actions:
                    if action.get("closed_on") is None or action["closed_on"] > day:
                        action["closed_on"] = day
                while len(actions) < findings.get("major", 0) + findings.get("minor", 0):
                    actions.append({"finding": "Điểm không phù hợp", "closed_on": day})
                audit["corrective_actions"] = actions

        return Fix(said("corrected_by", day=day), patch)

    return make
