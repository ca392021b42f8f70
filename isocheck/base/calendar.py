"""Calendar arithmetic used by derived facts: calendar months with month-end clamping, day numbers.

"Within 3 months of the effective date" means calendar months: 31 January + 1 month = 28 (or 29)
February. Engine facts carry dates as ordinal day numbers (ints), never as date objects.
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months, clamped to the last day of the target month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = _cal.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def days_between(start: dt.date, end: dt.date) -> int:
    """Whole days from ``start`` to ``end`` (negative when ``end`` is earlier)."""
    return end.toordinal() - start.toordinal()


def year_end(year: int) -> dt.date:
    return dt.date(year, 12, 31)
