"""Day count conventions: the exact fraction of a year between two dates.

Lenders in India differ, so the convention is a setting of the lender's
product. The definitions are the ISDA conventions of the same names:

- ACT_365F: actual days / 365.
- ACT_360: actual days / 360.
- THIRTY_360: 30/360 US "bond basis". A start day of 31 becomes 30. An end
  day of 31 becomes 30 when the start day is 30 or 31.
- ACT_ACT: ISDA. The period is split at each 1 January, and each part's
  actual days are divided by the days of its own year (365 or 366).

Results are fractions.Fraction, so interest can be computed exactly and
rounded once.
"""

from __future__ import annotations

import calendar
from datetime import date
from fractions import Fraction

from hundi.domain.enums import DayCountConvention

_ACTUAL_DAY_CONVENTIONS = frozenset(
    {
        DayCountConvention.ACT_365F,
        DayCountConvention.ACT_360,
        DayCountConvention.ACT_ACT,
    }
)


def year_fraction(convention: DayCountConvention, start: date, end: date) -> Fraction:
    """Return the exact fraction of a year from `start` to `end` under `convention`."""
    _check_order(start, end)

    if convention is DayCountConvention.ACT_ACT:
        return _actual_actual_isda(start, end)

    days = day_count_days(convention, start, end)

    return Fraction(days, _year_days(convention))


def day_count_days(convention: DayCountConvention, start: date, end: date) -> int:
    """Return the day count numerator: 30/360 days for THIRTY_360, else actual days."""
    _check_order(start, end)

    if convention is DayCountConvention.THIRTY_360:
        return _thirty_360_days(start, end)

    if convention in _ACTUAL_DAY_CONVENTIONS:
        return (end - start).days

    raise ValueError(f"Day count convention {convention!r} is not supported.")


def _year_days(convention: DayCountConvention) -> int:
    if convention is DayCountConvention.ACT_365F:
        return 365

    if convention in (DayCountConvention.ACT_360, DayCountConvention.THIRTY_360):
        return 360

    raise ValueError(
        f"Day count convention {convention!r} has no fixed number of days a year."
    )


def _check_order(start: date, end: date) -> None:
    if end < start:
        raise ValueError(
            f"Day count end date {end.isoformat()} is before start date "
            f"{start.isoformat()}. Pass the earlier date as the start."
        )


def _thirty_360_days(start: date, end: date) -> int:
    start_day = 30 if start.day == 31 else start.day

    end_day = end.day
    if end_day == 31 and start_day == 30:
        end_day = 30

    return (
        360 * (end.year - start.year)
        + 30 * (end.month - start.month)
        + (end_day - start_day)
    )


def _actual_actual_isda(start: date, end: date) -> Fraction:
    total = Fraction(0)

    for year in range(start.year, end.year + 1):
        part_start = max(start, date(year, 1, 1))
        part_end = end if year == end.year else date(year + 1, 1, 1)
        days_in_year = 366 if calendar.isleap(year) else 365

        total += Fraction((part_end - part_start).days, days_in_year)

    return total
