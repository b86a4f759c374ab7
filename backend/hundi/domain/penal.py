"""Penal interest on overdue principal, accrued at each day-end.

Each day-end accrues the days past due that no earlier day-end covered: the
business dates after the previous day-end, from the due date on, up to and
including the day-end's own date. So a skipped day-end is caught up by the
next one, and running one date twice accrues nothing the second time.

Interest is simple: principal x penal annual rate x the year fraction of
those days under the loan's day count convention, rounded once, half-up to
paise.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from hundi.domain.daycount import year_fraction
from hundi.domain.enums import DayCountConvention
from hundi.domain.money import round_fraction_half_up


def accrual_window(
    due_date: date, previous_day_end: date | None, business_date: date
) -> tuple[date, date] | None:
    """Return the first and last overdue dates a day-end accrues, or None.

    A date is overdue from the due date on, because an amount unpaid at the
    day-end of its due date is 1 day past due.
    """
    first = due_date
    if previous_day_end is not None:
        first = max(first, previous_day_end + timedelta(days=1))

    if first > business_date:
        return None

    return first, business_date


def penal_interest(
    principal: Decimal,
    annual_rate: Decimal,
    day_count: DayCountConvention,
    first_day: date,
    last_day: date,
) -> Decimal:
    """Return the penal interest on `principal` for the dates first..last inclusive."""
    if last_day < first_day:
        raise ValueError(
            f"Accrual window {first_day.isoformat()} to {last_day.isoformat()} "
            "ends before it starts. Pass the earlier date first."
        )

    period = year_fraction(day_count, first_day, last_day + timedelta(days=1))
    interest = Fraction(principal) * Fraction(annual_rate) * period

    return round_fraction_half_up(interest)
