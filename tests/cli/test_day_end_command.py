"""`hundi day-end --date`: close a business date from the shell."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from hundi import models
from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.enums import AssetClass
from hundi.settings import Settings
from support.cli import run_hundi
from support.lending import npa_loan, reload
from support.rows import count_rows


async def test_day_end_command_classifies_loans(
    database: Database, settings: Settings
) -> None:
    _book, loan = await npa_loan(database, npa=False)

    result = await asyncio.to_thread(
        run_hundi, "day-end", "--date", "2025-04-30", settings=settings
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Day-end 2025-04-30: 1 loans classified (SMA_1 1)")
    stored = await reload(database, models.Loan, loan.id)
    assert stored.asset_class is AssetClass.SMA_1


async def test_day_end_command_twice_says_so(
    database: Database, settings: Settings
) -> None:
    await npa_loan(database, npa=False)
    await asyncio.to_thread(
        run_hundi, "day-end", "--date", "2025-04-30", settings=settings
    )

    again = await asyncio.to_thread(
        run_hundi, "day-end", "--date", "2025-04-30", settings=settings
    )

    assert again.returncode == 0, again.stderr
    assert "ran already; nothing changed" in again.stdout
    assert await count_rows(database, models.LoanClassification) == 2


async def test_day_end_command_bad_date_fails_in_one_line(
    database: Database, settings: Settings
) -> None:
    result = await asyncio.to_thread(
        run_hundi, "day-end", "--date", "30-04-2025", settings=settings
    )

    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "hundi: error: --date '30-04-2025' is not a date; write it as YYYY-MM-DD, "
        "such as 2026-03-31"
    ]


async def test_day_end_command_future_date_fails(
    database: Database, settings: Settings
) -> None:
    future = (india_today() + timedelta(days=3)).isoformat()

    result = await asyncio.to_thread(
        run_hundi, "day-end", "--date", future, settings=settings
    )

    assert result.returncode == 1
    assert "is after today in India" in result.stderr
    assert "Traceback" not in result.stderr
    assert await count_rows(database, models.DayEndRun) == 0
