"""India-time months and exact durations, in SQL on both databases.

23:50 in India on 31 July is 18:20 UTC on 31 July: July. 00:10 in India on
1 August is still 31 July in UTC (18:40): August, although a UTC month
would put it in July.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import literal, select

from hundi.api.context import Reader
from hundi.db import Database
from hundi.domain.enums import AcquisitionChannel
from hundi.domain.kpi_periods import Period
from hundi.domain.kpis import KpiKey, default_targets
from hundi.models.types import UtcDateTime
from hundi.services.kpis.india_time import (
    india_day,
    india_month,
    microseconds_between,
    plus_days,
)
from hundi.services.kpis.report import compute_kpis
from support.factories import create_registered_sme

LAST_MINUTES_OF_JULY = datetime(2026, 7, 31, 18, 20, tzinfo=UTC)  # 23:50 IST
FIRST_MINUTES_OF_AUGUST = datetime(2026, 7, 31, 18, 40, tzinfo=UTC)  # 00:10 IST


@pytest.mark.parametrize(
    ("instant", "month", "day"),
    [
        (LAST_MINUTES_OF_JULY, date(2026, 7, 1), date(2026, 7, 31)),
        (FIRST_MINUTES_OF_AUGUST, date(2026, 8, 1), date(2026, 8, 1)),
        (datetime(2026, 7, 31, 18, 30, tzinfo=UTC), date(2026, 8, 1), date(2026, 8, 1)),
        (datetime(2026, 12, 31, 18, 29, 59, tzinfo=UTC), date(2026, 12, 1), None),
        # 0.1 ms before midnight in India: SQLite's millisecond rounding must
        # not carry it into August.
        (
            datetime(2026, 7, 31, 18, 29, 59, 999_900, tzinfo=UTC),
            date(2026, 7, 1),
            date(2026, 7, 31),
        ),
    ],
)
async def test_india_month_of_instant(
    instant: datetime, month: date, day: date | None, database: Database
) -> None:
    reader = Reader(database)
    value = literal(instant, UtcDateTime())
    try:
        (found_month, found_day) = (
            await reader.rows(select(india_month(value), india_day(value)))
        )[0]
    finally:
        await reader.close()

    assert found_month == month
    if day is not None:
        assert found_day == day


async def test_registrations_counted_in_india_month(database: Database) -> None:
    await create_registered_sme(
        database,
        acquisition_channel=AcquisitionChannel.REFERRAL,
        created_at=LAST_MINUTES_OF_JULY,
    )
    await create_registered_sme(
        database,
        acquisition_channel=AcquisitionChannel.ORGANIC,
        created_at=FIRST_MINUTES_OF_AUGUST,
    )
    reader = Reader(database)

    try:
        results = await compute_kpis(
            reader.rows,
            Period(date(2026, 7, 1), date(2026, 8, 31)),
            now=datetime(2026, 10, 1, tzinfo=UTC),
            launch_date=date(2026, 7, 1),
            targets=default_targets(),
        )
    finally:
        await reader.close()
    referral = next(r for r in results if r.definition.key is KpiKey.REFERRAL_RATE)

    # July holds only the referred SME, August only the organic one.
    assert referral.series == [(date(2026, 7, 1), 100), (date(2026, 8, 1), 0)]


async def test_period_end_is_india_midnight(database: Database) -> None:
    await create_registered_sme(database, created_at=LAST_MINUTES_OF_JULY)
    await create_registered_sme(database, created_at=FIRST_MINUTES_OF_AUGUST)
    reader = Reader(database)

    try:
        results = await compute_kpis(
            reader.rows,
            Period(date(2026, 7, 1), date(2026, 7, 31)),
            now=datetime(2026, 10, 1, tzinfo=UTC),
            launch_date=date(2026, 7, 1),
            targets=default_targets(),
        )
    finally:
        await reader.close()
    referral = next(r for r in results if r.definition.key is KpiKey.REFERRAL_RATE)

    # Only the SME of 23:50 on 31 July falls in a period ending that day.
    assert referral.series == [(date(2026, 7, 1), 0)]


@pytest.mark.parametrize(
    ("start", "end", "microseconds"),
    [
        (
            datetime(2026, 7, 14, 3, 30, 0, 999_999, tzinfo=UTC),
            datetime(2026, 7, 16, 15, 30, 0, 1, tzinfo=UTC),
            60 * 3600 * 10**6 - 999_998,
        ),
        (
            datetime(2026, 7, 31, 18, 29, 59, 500_000, tzinfo=UTC),
            datetime(2026, 7, 31, 18, 30, tzinfo=UTC),
            500_000,
        ),
        (
            datetime(2026, 7, 1, tzinfo=UTC),
            datetime(2026, 7, 1, tzinfo=UTC),
            0,
        ),
    ],
)
async def test_microseconds_between_is_exact(
    start: datetime, end: datetime, microseconds: int, database: Database
) -> None:
    reader = Reader(database)
    try:
        (found,) = (
            await reader.rows(
                select(
                    microseconds_between(
                        literal(start, UtcDateTime()), literal(end, UtcDateTime())
                    )
                )
            )
        )[0]
    finally:
        await reader.close()

    assert found == microseconds


@pytest.mark.parametrize(
    ("instant", "before"),
    [
        (datetime(2026, 7, 8, 10, 0, 0, 400_000, tzinfo=UTC), True),
        (datetime(2026, 7, 8, 10, 0, 0, 500_000, tzinfo=UTC), False),
    ],
)
async def test_plus_days_keeps_microseconds(
    instant: datetime, before: bool, database: Database
) -> None:
    start = literal(datetime(2026, 7, 1, 10, 0, 0, 500_000, tzinfo=UTC), UtcDateTime())
    reader = Reader(database)
    try:
        (found,) = (
            await reader.rows(
                select(literal(instant, UtcDateTime()) < plus_days(start, 7))
            )
        )[0]
    finally:
        await reader.close()

    assert bool(found) is before
