"""What a not-evaluable finding lacks, worded for the reader: each missing fact with its meaning.

A finding's ``missing`` names fact paths of the fact file (``announcements[1].head_confirmed_on``, glossed from
the fact model's ``meanings`` tables by :func:`isocheck.facts.meaning.path_meaning`) and, for the rules on the
province's TTHC list run without it, the option that gives that list (:data:`NO_CATALOGUE`). Every listing — the
report's table and HTML, explain, the batch's findings CSV and HTML sections — words them through this module, so
they read alike: "Ngày người đứng đầu xác nhận HTQLCL có hiệu lực (announcements[1].head_confirmed_on)",
"Danh mục TTHC do tỉnh công bố (--catalogue)".
"""

from __future__ import annotations

from isocheck.facts.meaning import path_meaning, path_with_meaning
from isocheck.facts.model import Agency
from isocheck.text.ui import ui

NO_CATALOGUE = "--catalogue"  # not a fact of the file: the option that gives the province's TTHC list


def missing_meaning(missing: str, lang: str) -> str | None:
    """The meaning of one missing entry in ``lang``, or None (a folded on-site row, an unknown path)."""
    if missing == NO_CATALOGUE:
        return ui("missing.catalogue", lang)
    return path_meaning(Agency, missing, lang)


def missing_text(missing: str, lang: str) -> str:
    """One missing entry as a listing shows it: "its meaning (entry)", or the entry alone."""
    if missing == NO_CATALOGUE:
        return f"{ui('missing.catalogue', lang)} ({missing})"
    return path_with_meaning(Agency, missing, lang)
