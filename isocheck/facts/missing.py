"""What a not-evaluable finding lacks, worded for the reader: each missing fact with its meaning.

A finding's ``missing`` names fact paths of the fact file (``announcements[1].head_confirmed_on``, glossed from
the fact model's ``meanings`` tables by :func:`isocheck.facts.meaning.path_meaning`); for the rules on the
province's TTHC list run without it, the option that gives that list (:data:`NO_CATALOGUE`); for the rules resting
on inspectors' judgements, the criteria still to be judged (``judgements (quality_manual.framework_model)``). Every
listing — the report's table and HTML, explain, the batch's findings CSV and HTML sections — words them through
this module, so they read alike: "Ngày người đứng đầu xác nhận HTQLCL có hiệu lực
(announcements[1].head_confirmed_on)", "Danh mục TTHC do tỉnh công bố (--catalogue)", "Nhận định tại chỗ của đoàn
kiểm tra theo các tiêu chí (judgements: quality_manual.framework_model)". An entry may carry a reason after its
path or parameter (:func:`because`): "legal_update_max_months (not in force)" reads "Thời hạn hoặc mức theo quy định
chưa có hiệu lực vào ngày đánh giá (legal_update_max_months)"; a fact that a province overlay's parameter may stand
in for (:func:`or_parameter`) reads "Hạn gửi ghi trong công văn (reports[0].due_on), hoặc hạn do tỉnh quy định
trong lớp bổ sung (yearly_report_due)".
"""

from __future__ import annotations

from isocheck.facts.meaning import path_meaning, path_with_meaning
from isocheck.facts.model import Agency
from isocheck.text.ui import ui

NO_CATALOGUE = "--catalogue"  # not a fact of the file: the option that gives the province's TTHC list
JUDGEMENTS = "judgements"  # a rule resting on on-site judgements misses "judgements (criterion, criterion…)"
# why a value is missing, after the entry in brackets -> the catalog's words for it (missing.<reason key>)
NOT_IN_FORCE = "not in force"  # a dated parameter (a time limit, a cap) not in force on the as-of date
RECEIVED_UNDATED = "received per the roster, date unknown"  # a report a roster marks received, with no date
NOT_REQUESTED = "no report requested for the year"  # no request letter of the year under review on record
_REASONS = {
    NOT_IN_FORCE: "missing.not_in_force",
    RECEIVED_UNDATED: "missing.received_undated",
    NOT_REQUESTED: "missing.not_requested",
}


def because(entry: str, reason: str) -> str:
    """A missing entry with its reason: ``legal_update_max_months (not in force)`` (``reason``: one of the above)."""
    if reason not in _REASONS:
        raise KeyError(f"no words for the missing reason {reason!r}")
    return f"{entry} ({reason})"


_OR_PARAMETER = " / "


def or_parameter(path: str, parameter: str) -> str:
    """A missing fact a province overlay's ``parameter`` may stand in for, written ``path / parameter``."""
    return f"{path}{_OR_PARAMETER}{parameter}"


def _reason(missing: str) -> tuple[str, str] | None:
    """(entry, catalog key) of an entry written by :func:`because`, or None."""
    for reason, key in _REASONS.items():
        if missing.endswith(f" ({reason})"):
            return missing[: -len(reason) - 3], key
    return None


def _judgements(missing: str) -> str | None:
    """The criteria of a missing ``judgements (…)`` entry ("" for a bare ``judgements``), or None."""
    if missing == JUDGEMENTS:
        return ""
    if missing.startswith(JUDGEMENTS + " (") and missing.endswith(")"):
        return missing[len(JUDGEMENTS) + 2 : -1]
    return None


def missing_meaning(missing: str, lang: str) -> str | None:
    """The meaning of one missing entry in ``lang``, or None (a folded on-site row, an unknown path)."""
    if missing == NO_CATALOGUE:
        return ui("missing.catalogue", lang)
    if _judgements(missing) is not None:
        return ui("missing.judgements", lang)
    reason = _reason(missing)
    if reason is not None:
        return ui(reason[1], lang)
    return path_meaning(Agency, missing.partition(_OR_PARAMETER)[0], lang)


def missing_text(missing: str, lang: str) -> str:
    """One missing entry as a listing shows it: "its meaning (entry)", or the entry alone."""
    if missing == NO_CATALOGUE:
        return f"{ui('missing.catalogue', lang)} ({missing})"
    criteria = _judgements(missing)
    if criteria is not None:  # "Nhận định tại chỗ … (judgements: quality_manual.framework_model, …)"
        return f"{ui('missing.judgements', lang)} ({JUDGEMENTS}{': ' + criteria if criteria else ''})"
    reason = _reason(missing)
    if reason is not None:
        return f"{ui(reason[1], lang)} ({reason[0]})"
    path, _, parameter = missing.partition(_OR_PARAMETER)
    if parameter:
        return f"{path_with_meaning(Agency, path, lang)}{ui('missing.or_parameter', lang)} ({parameter})"
    return path_with_meaning(Agency, missing, lang)
