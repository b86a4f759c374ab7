"""India time, Indian financial years and calendar months.

Instants are stored in UTC and business dates are dates in India time
(Asia/Kolkata, UTC+05:30 all year), so conversions between the two go through
this module. A financial year runs from 1 April to 31 March and is written
"2019-20".
"""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

INDIA = ZoneInfo("Asia/Kolkata")


def to_india(instant: datetime) -> datetime:
    """Convert an aware instant to India time.

    Raises ValueError for a naive datetime, because its time zone is unknown.
    """
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(
            f"Datetime {instant.isoformat()} has no time zone. "
            "Pass an aware datetime such as datetime.now(UTC)."
        )

    return instant.astimezone(INDIA)


def india_today(now: datetime | None = None) -> date:
    """Return the calendar date in India at `now` (default: the current time)."""
    instant = datetime.now(UTC) if now is None else now

    return to_india(instant).date()


def financial_year(day: date) -> str:
    """Return the Indian financial year of `day`, such as "2019-20"."""
    first_year = day.year if day.month >= 4 else day.year - 1
    last_two_digits = (first_year + 1) % 100

    return f"{first_year}-{last_two_digits:02d}"


def month_start(day: date) -> date:
    """Return the first day of the month of `day`."""
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    """Move `day` by whole months, clamping to the last day of a shorter month.

    31 January plus one month is 28 (or 29) February.
    """
    month_index = day.year * 12 + (day.month - 1) + months
    year, month_offset = divmod(month_index, 12)
    month = month_offset + 1

    last_day = calendar.monthrange(year, month)[1]

    return date(year, month, min(day.day, last_day))


def india_month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    """Return the UTC instants [start, end) of a calendar month in India time."""
    if not 1 <= month <= 12:
        raise ValueError(f"Month {month} is invalid. Pass a month from 1 to 12.")

    first_day = date(year, month, 1)
    next_first_day = add_months(first_day, 1)

    start = datetime.combine(first_day, time(), tzinfo=INDIA)
    end = datetime.combine(next_first_day, time(), tzinfo=INDIA)

    return start.astimezone(UTC), end.astimezone(UTC)
