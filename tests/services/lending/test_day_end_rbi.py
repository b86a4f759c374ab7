"""Day-end classification against the RBI worked examples, once per date."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from hundi import models
from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.enums import AssetClass, LoanStatus
from hundi.services.actor import SYSTEM
from hundi.services.errors import FieldErrors
from hundi.services.lending.day_end import run_day_end
from support.lending import Book, active_loans, invoice_due, open_book, reload, repaid
from support.rows import count_rows


async def overdue_loan(
    database: Database, due: date, **product: object
) -> tuple[Book, models.Loan]:
    """A loan of 94,400.00 disbursed 60 days before `due` and never repaid."""
    book = await open_book(database, **product)
    on = due - timedelta(days=60)
    invoice = await invoice_due(
        database, book, due, invoice_date=on - timedelta(days=5)
    )
    [loan] = await active_loans(database, book, [invoice], on=on)
    return book, loan


async def class_after(database: Database, loan: models.Loan, day: date) -> AssetClass:
    await run_day_end(database, SYSTEM, day)
    stored: models.Loan = await reload(database, models.Loan, loan.id)
    return stored.asset_class


async def test_day_end_due_31_march_example(database: Database) -> None:
    _book, loan = await overdue_loan(database, date(2025, 3, 31))

    classes = [
        await class_after(database, loan, day)
        for day in (
            date(2025, 3, 30),
            date(2025, 3, 31),
            date(2025, 4, 29),
            date(2025, 4, 30),
            date(2025, 5, 30),
            date(2025, 6, 28),
            date(2025, 6, 29),
        )
    ]

    assert classes == [
        AssetClass.STANDARD,
        AssetClass.SMA_0,
        AssetClass.SMA_0,
        AssetClass.SMA_1,
        AssetClass.SMA_2,
        AssetClass.SMA_2,
        AssetClass.NPA,
    ]
    stored = await reload(database, models.Loan, loan.id)
    assert stored.days_past_due == 91
    assert stored.npa_since == date(2025, 6, 29)


async def test_day_end_due_1_december_2021_example(database: Database) -> None:
    _book, loan = await overdue_loan(database, date(2021, 12, 1))

    classes = {
        day: await class_after(database, loan, day)
        for day in (
            date(2021, 12, 1),
            date(2021, 12, 30),
            date(2021, 12, 31),
            date(2022, 1, 30),
            date(2022, 2, 28),
            date(2022, 3, 1),
        )
    }

    assert classes == {
        date(2021, 12, 1): AssetClass.SMA_0,
        date(2021, 12, 30): AssetClass.SMA_0,
        date(2021, 12, 31): AssetClass.SMA_1,
        date(2022, 1, 30): AssetClass.SMA_2,
        date(2022, 2, 28): AssetClass.SMA_2,
        date(2022, 3, 1): AssetClass.NPA,
    }


async def test_day_end_writes_history_rows(
    database: Database,
) -> None:
    _book, loan = await overdue_loan(database, date(2025, 3, 31))

    await run_day_end(database, SYSTEM, date(2025, 3, 31))
    await run_day_end(database, SYSTEM, date(2025, 4, 30))

    async with database.session() as session:
        rows = list(
            await session.scalars(
                select(models.LoanClassification).order_by(
                    models.LoanClassification.business_date
                )
            )
        )
    assert [
        (row.business_date, row.days_past_due, row.asset_class) for row in rows
    ] == [
        (date(2025, 3, 31), 1, AssetClass.SMA_0),
        (date(2025, 4, 30), 31, AssetClass.SMA_1),
    ]
    assert {row.loan_id for row in rows} == {loan.id}


async def test_day_end_npa_stays_npa_after_part_payment(database: Database) -> None:
    book, loan = await overdue_loan(database, date(2025, 3, 31))
    await run_day_end(database, SYSTEM, date(2025, 6, 29))

    await repaid(database, book, loan, Decimal("90000.00"), date(2025, 7, 1))
    after_part = await class_after(database, loan, date(2025, 7, 2))
    await repaid(database, book, loan, Decimal("4400.00"), date(2025, 7, 3))

    stored = await reload(database, models.Loan, loan.id)
    assert after_part is AssetClass.NPA
    assert stored.status is LoanStatus.REPAID
    assert stored.asset_class is AssetClass.STANDARD
    assert stored.npa_since is None


async def test_day_end_twice_changes_nothing(database: Database) -> None:
    _book, loan = await overdue_loan(
        database, date(2025, 3, 31), penal_annual_rate=Decimal("0.24")
    )
    first = await run_day_end(database, SYSTEM, date(2025, 4, 30))
    after_first = await reload(database, models.Loan, loan.id)

    second = await run_day_end(database, SYSTEM, date(2025, 4, 30))

    after_second = await reload(database, models.Loan, loan.id)
    assert first.already_run is False
    assert second.already_run is True
    assert second.penal_accrued == first.penal_accrued == Decimal("1924.21")
    assert second.loans_by_class == first.loans_by_class
    assert after_second.penal_outstanding == after_first.penal_outstanding
    assert await count_rows(database, models.LoanClassification) == 1
    assert await count_rows(database, models.DayEndRun) == 1


async def test_day_end_two_at_once_run_once(database: Database) -> None:
    _book, loan = await overdue_loan(
        database, date(2025, 3, 31), penal_annual_rate=Decimal("0.24")
    )

    results = await asyncio.gather(
        run_day_end(database, SYSTEM, date(2025, 4, 30)),
        run_day_end(database, SYSTEM, date(2025, 4, 30)),
    )

    assert sorted(result.already_run for result in results) == [False, True]
    assert results[0].penal_accrued == results[1].penal_accrued
    assert await count_rows(database, models.LoanClassification) == 1
    stored = await reload(database, models.Loan, loan.id)
    assert stored.penal_outstanding == Decimal("1924.21")


async def test_day_end_penal_accrues_only_new_days(database: Database) -> None:
    # 94,400 x 24% / 365 a day: 31 days from 31 March to 30 April, then 30
    # days to 30 May.
    _book, loan = await overdue_loan(
        database, date(2025, 3, 31), penal_annual_rate=Decimal("0.24")
    )

    first = await run_day_end(database, SYSTEM, date(2025, 4, 30))
    second = await run_day_end(database, SYSTEM, date(2025, 5, 30))

    assert first.penal_accrued == Decimal("1924.21")
    assert second.penal_accrued == Decimal("1862.14")
    stored = await reload(database, models.Loan, loan.id)
    assert stored.penal_outstanding == first.penal_accrued + second.penal_accrued


async def test_day_end_before_last_run_rejected(database: Database) -> None:
    await run_day_end(database, SYSTEM, date(2025, 4, 30))

    with pytest.raises(FieldErrors) as raised:
        await run_day_end(database, SYSTEM, date(2025, 4, 29))

    assert raised.value.errors[0].code == "DAY_END_OUT_OF_ORDER"


async def test_day_end_future_date_rejected(database: Database) -> None:
    with pytest.raises(FieldErrors) as raised:
        await run_day_end(database, SYSTEM, india_today() + timedelta(days=1))

    assert raised.value.errors[0].code == "DATE_IN_FUTURE"
    assert await count_rows(database, models.DayEndRun) == 0
