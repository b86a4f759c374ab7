"""Tests of India time, financial years and calendar months."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from hundi.domain.calendar import (
    INDIA,
    add_months,
    financial_year,
    india_month_bounds,
    india_today,
    month_start,
    to_india,
)


def test_india_today_after_midnight_ist_is_next_day():
    # 00:30 IST on 1 April 2024 is 19:00 UTC on 31 March.
    now = datetime(2024, 3, 31, 19, 0, tzinfo=UTC)

    today = india_today(now)

    assert today == date(2024, 4, 1)
    assert now.date() == date(2024, 3, 31)


def test_financial_year_starts_at_ist_midnight():
    now = datetime(2024, 3, 31, 19, 0, tzinfo=UTC)

    year = financial_year(india_today(now))

    assert year == "2024-25"
    assert financial_year(now.date()) == "2023-24"


def test_india_today_before_midnight_ist_is_same_day():
    now = datetime(2024, 3, 31, 18, 29, tzinfo=UTC)

    assert india_today(now) == date(2024, 3, 31)


def test_india_today_default_is_current_date_in_india():
    before = datetime.now(UTC).astimezone(INDIA).date()

    today = india_today()

    after = datetime.now(UTC).astimezone(INDIA).date()
    assert before <= today <= after


def test_india_today_naive_datetime_rejected():
    with pytest.raises(ValueError, match="no time zone"):
        india_today(datetime(2024, 4, 1, 0, 30))  # noqa: DTZ001


def test_to_india_converts_other_zones():
    new_york = timezone(timedelta(hours=-4))
    instant = datetime(2024, 7, 15, 10, 0, tzinfo=new_york)

    converted = to_india(instant)

    assert converted == instant
    assert converted.utcoffset() == timedelta(hours=5, minutes=30)
    assert (converted.hour, converted.minute) == (19, 30)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2019, 4, 1), "2019-20"),
        (date(2020, 3, 31), "2019-20"),
        (date(2020, 4, 1), "2020-21"),
        (date(2024, 1, 15), "2023-24"),
        (date(1999, 4, 1), "1999-00"),
        (date(2099, 4, 1), "2099-00"),
        (date(2008, 12, 31), "2008-09"),
    ],
)
def test_financial_year_vectors(day, expected):
    assert financial_year(day) == expected


def test_month_start_is_first_day():
    assert month_start(date(2024, 2, 29)) == date(2024, 2, 1)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
        (date(2024, 11, 15), 2, date(2025, 1, 15)),
        (date(2024, 1, 15), -1, date(2023, 12, 15)),
        (date(2024, 5, 31), 0, date(2024, 5, 31)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 8, 31), -30, date(2022, 2, 28)),
    ],
)
def test_add_months_clamps_to_month_end(day, months, expected):
    assert add_months(day, months) == expected


def test_india_month_bounds_april():
    start, end = india_month_bounds(2024, 4)

    assert start == datetime(2024, 3, 31, 18, 30, tzinfo=UTC)
    assert end == datetime(2024, 4, 30, 18, 30, tzinfo=UTC)
    assert start.tzinfo is UTC


def test_india_month_bounds_december_ends_in_january():
    start, end = india_month_bounds(2024, 12)

    assert start == datetime(2024, 11, 30, 18, 30, tzinfo=UTC)
    assert end == datetime(2024, 12, 31, 18, 30, tzinfo=UTC)


def test_india_month_bounds_contain_month():
    start, end = india_month_bounds(2024, 4)
    first = datetime(2024, 4, 1, 0, 0, tzinfo=INDIA)
    last = datetime(2024, 4, 30, 23, 59, 59, tzinfo=INDIA)
    next_month = datetime(2024, 5, 1, 0, 0, tzinfo=INDIA)

    assert start <= first < end
    assert start <= last < end
    assert not next_month < end


@pytest.mark.parametrize("month", [0, 13])
def test_india_month_bounds_invalid_month_rejected(month):
    with pytest.raises(ValueError, match=f"Month {month} is invalid"):
        india_month_bounds(2024, month)
