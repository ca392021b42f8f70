"""Import a province's roster — one spreadsheet row per agency — into one fact file per agency.

A roster is a ``.csv`` (UTF-8, with or without BOM, ``,`` or ``;``) or ``.xlsx`` (first sheet) file
whose header row names the columns of :data:`COLUMNS` (Vietnamese or English, matched without regard
to case or diacritics), after title rows, over a second header row, beside an STT column
(:mod:`isocheck.workflows.roster.read`); ``docs/roster.md`` documents each column, the fact it fills and its values.

How cells are read (the knowledge convention of :mod:`isocheck.facts`):
- a blank cell is unknown: the field is left out of the fact file. Two columns are the exception, as
  a roster kept by the Department reads them: ``Khắc phục xong`` blank = still open (when the row
  counts nonconformities) and ``Báo cáo năm`` blank = not sent (when the row records a request);
- "không" / "no" / "0" / "chưa" = known none (``null`` or ``[]``); "x" / "có" / "yes" / "1" / "✓" = yes;
- a yes mark for a yearly duty (an audit or a review held, the report received, no date given) is written as
  a mark of the roster year (``marks``: held, date unknown); any other yes mark where the model needs a date
  or a number cannot become a fact: the field is left out, and one summary at the end
  (:mod:`isocheck.workflows.roster.dropped`) says which cells and rows were left out and why;
- the roster covers one year (``--year`` or the year in headers such as ``Mục tiêu chất lượng 2021``):
  its lists are complete from 1 January of that year (``records_since``).

Bad input raises :class:`InputError` naming the roster, the row and the column, in Vietnamese or English
(:mod:`isocheck.text.roster_messages`). :mod:`isocheck.workflows.roster.columns` holds the vocabulary,
:mod:`isocheck.workflows.roster.read` reads the roster; :mod:`isocheck.workflows.roster.cells` turns a row into
facts and :mod:`isocheck.workflows.roster.write` writes the fact files (all of them or none).
"""

from __future__ import annotations

from isocheck.workflows.roster.columns import (
    BY_KEY,
    COLUMNS,
    LEVEL_WORDS,
    NO,
    YES,
    Column,
    RosterRow,
    fold,
)
from isocheck.workflows.roster.read import Roster, _column_of, read_roster, read_roster_file

__all__ = [
    "BY_KEY",
    "COLUMNS",
    "LEVEL_WORDS",
    "NO",
    "YES",
    "Column",
    "Roster",
    "RosterRow",
    "_column_of",
    "fold",
    "read_roster",
    "read_roster_file",
]
