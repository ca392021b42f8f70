"""The not-evaluable listing of a report, with the on-site criteria nobody has judged yet folded into one row.

A fact file drawn from records alone (no site visit) leaves every rule that rests on an inspector's judgement
(``judgment: true``) not evaluable, one finding per rule. Listed one by one they fill a page with the same line;
the listing shows them as one row — "rules resting on the inspectors' judgements (N)", the criteria still to be
judged — which is also the checklist of what to judge on site. Rules missing the same facts about the same subject
(the yearly report's two rules without ``reports``; the catalogue's rules without ``--catalogue``) share a row too.
The findings themselves (and their counts, JSON, CSV) are unchanged.
Each missing fact path is shown with its meaning in the reader's language (:func:`glossed`), from the fact model's
``meanings`` tables: "Ngày người đứng đầu xác nhận HTQLCL có hiệu lực (announcements[1].head_confirmed_on)".
"""

from __future__ import annotations

from dataclasses import dataclass

from isocheck.engine.findings import Finding
from isocheck.facts.missing import JUDGEMENTS, missing_meaning, missing_text
from isocheck.text.ui import fill, ui

_PREFIX = JUDGEMENTS


@dataclass(frozen=True)
class MissingRow:
    """One row of the not-evaluable listing: the rule ids (or, ``plain``, the words for the folded on-site rules),
    the subject, what is missing."""

    rules: list[str]
    subject: str
    missing: list[str]
    plain: bool = False
    criteria: tuple[str, ...] = ()  # the folded row: the criteria still to be judged

    def glossed(self, lang: str) -> list[tuple[str, str | None]]:
        """Each missing fact with its meaning in ``lang`` (None where it has none)."""
        return [(path, missing_meaning(path, lang)) for path in self.missing]

    def lines(self, lang: str) -> list[str]:
        """The missing facts as a plain-text listing reads them: "meaning (path)", or the path alone."""
        return [missing_text(path, lang) for path in self.missing]


def _unjudged(f: Finding) -> bool:
    return f.rule.judgment and bool(f.missing) and all(m.startswith(_PREFIX) for m in f.missing)


def missing_rows(findings: list[Finding], lang: str) -> list[MissingRow]:
    """The rows for the not-evaluable ``findings``, in their order; the unjudged criteria as one row, where the
    first of them comes."""
    rows: list[MissingRow] = []
    same: dict[tuple[str, tuple[str, ...]], MissingRow] = {}
    folded = [f for f in findings if _unjudged(f)]
    for f in findings:
        if f in folded:
            if f is folded[0]:
                rows.append(_folded(folded, lang))
            continue
        subject = f.subject_label.get(lang, f.subject_id)
        key = (subject, tuple(f.missing))
        if key in same:
            same[key].rules.append(f.rule_id)
            continue
        same[key] = MissingRow([f.rule_id], subject, list(f.missing))
        rows.append(same[key])
    return rows


def _folded(folded: list[Finding], lang: str) -> MissingRow:
    if len(folded) == 1:
        f = folded[0]
        return MissingRow([f.rule_id], f.subject_label.get(lang, f.subject_id), list(f.missing))
    criteria: list[str] = []
    for f in folded:
        for m in f.missing:
            inner = m[len(_PREFIX) :].strip(" ()")
            for cid in inner.split(", ") if inner else []:
                if cid not in criteria:
                    criteria.append(cid)
    subjects = list(dict.fromkeys(f.subject_label.get(lang, f.subject_id) for f in folded))
    rule = fill(ui("unjudged.rules", lang), {"count": len({f.rule_id for f in folded})}, lang)
    missing = [f"{_PREFIX} ({', '.join(criteria)})" if criteria else _PREFIX]
    return MissingRow([rule], ", ".join(subjects), missing, plain=True, criteria=tuple(criteria))
