"""Reporting periods of the success metrics: days and months in India time.

A period runs from the start of its first day to the end of its last day in
India time, and is split into the calendar months it touches. The first and
last month may be partial.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from hundi.domain.calendar import INDIA, add_months, month_start

# Long enough for two financial years side by side, short enough to keep one
# report's queries small.
MAX_PERIOD_MONTHS = 36

TRAILING_DAYS = 30


class InvalidPeriod(ValueError):
    """A reporting period whose dates are in the wrong order or too far apart."""


def india_day_start(day: date) -> datetime:
    """Return the UTC instant at which `day` begins in India."""
    return datetime.combine(day, time(), tzinfo=INDIA).astimezone(UTC)


def months_from(first: date, last: date) -> list[date]:
    """Return the first days of the months from `first` to `last`, both included."""
    months = []
    month = month_start(first)
    while month <= last:
        months.append(month)
        month = add_months(month, 1)
    return months


def month_count(first_month: date, last_month: date) -> int:
    """Count the months from `first_month` to `last_month`, both included."""
    return (
        (last_month.year - first_month.year) * 12
        + last_month.month
        - first_month.month
        + 1
    )


@dataclass(frozen=True)
class Period:
    """Days from `first_day` to `last_day`, both included, in India time."""

    first_day: date
    last_day: date

    def __post_init__(self) -> None:
        if self.last_day < self.first_day:
            raise InvalidPeriod(
                f"The period ends on {self.last_day}, before it starts on "
                f"{self.first_day}; pass a `to` on or after `from`."
            )

        months = month_count(month_start(self.first_day), month_start(self.last_day))
        if months > MAX_PERIOD_MONTHS:
            raise InvalidPeriod(
                f"The period from {self.first_day} to {self.last_day} spans "
                f"{months} months; ask for at most {MAX_PERIOD_MONTHS}."
            )

    @property
    def start(self) -> datetime:
        """The UTC instant the period starts."""
        return india_day_start(self.first_day)

    @property
    def end(self) -> datetime:
        """The UTC instant right after the period: the next day's start."""
        return india_day_start(self.last_day + timedelta(days=1))

    @property
    def months(self) -> list[date]:
        """The first days of the calendar months the period touches."""
        return months_from(self.first_day, self.last_day)

    def trailing_days(self, today: date) -> tuple[datetime, datetime]:
        """Return the UTC bounds of the 30 days that end on the period's last
        day, or on `today` when the period ends later."""
        last = min(self.last_day, today)
        first = last - timedelta(days=TRAILING_DAYS - 1)
        return india_day_start(first), india_day_start(last + timedelta(days=1))

    def days_inside(self, month: date) -> int:
        """Count the days of `month` that fall inside the period."""
        last_of_month = add_months(month, 1) - timedelta(days=1)
        first = max(month, self.first_day)
        last = min(last_of_month, self.last_day)
        return max((last - first).days + 1, 0)


def days_in_month(month: date) -> int:
    return calendar.monthrange(month.year, month.month)[1]


def month_end(month: date) -> datetime:
    """Return the UTC instant at which the India calendar month of `month` ends."""
    return india_day_start(add_months(month_start(month), 1))
