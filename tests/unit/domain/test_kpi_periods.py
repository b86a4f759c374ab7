"""Reporting periods in India time."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from hundi.domain.kpi_periods import (
    MAX_PERIOD_MONTHS,
    InvalidPeriod,
    Period,
    month_count,
    months_from,
)


def test_period_bounds_are_india_midnights() -> None:
    period = Period(date(2026, 7, 1), date(2026, 8, 31))

    assert period.start == datetime(2026, 6, 30, 18, 30, tzinfo=UTC)
    assert period.end == datetime(2026, 8, 31, 18, 30, tzinfo=UTC)


def test_period_months_include_partial_months() -> None:
    period = Period(date(2026, 7, 16), date(2026, 9, 2))

    assert period.months == [date(2026, 7, 1), date(2026, 8, 1), date(2026, 9, 1)]
    assert period.days_inside(date(2026, 7, 1)) == 16
    assert period.days_inside(date(2026, 8, 1)) == 31
    assert period.days_inside(date(2026, 9, 1)) == 2


def test_period_ending_before_it_starts_is_invalid() -> None:
    with pytest.raises(InvalidPeriod, match="before it starts"):
        Period(date(2026, 8, 1), date(2026, 7, 31))


def test_period_longer_than_the_maximum_is_invalid() -> None:
    with pytest.raises(InvalidPeriod, match=f"at most {MAX_PERIOD_MONTHS}"):
        Period(date(2024, 1, 1), date(2027, 1, 1))


def test_trailing_days_end_at_today_when_period_ends_later() -> None:
    period = Period(date(2026, 7, 1), date(2026, 12, 31))

    start, end = period.trailing_days(today=date(2026, 12, 4))

    assert start == datetime(2026, 11, 4, 18, 30, tzinfo=UTC)
    assert end == datetime(2026, 12, 4, 18, 30, tzinfo=UTC)


def test_month_helpers_count_both_ends() -> None:
    assert month_count(date(2026, 11, 1), date(2027, 2, 1)) == 4
    assert months_from(date(2026, 12, 31), date(2027, 1, 1)) == [
        date(2026, 12, 1),
        date(2027, 1, 1),
    ]
