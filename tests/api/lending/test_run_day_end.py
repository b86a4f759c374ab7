"""runDayEnd: OPS or ADMIN closes a business date through the API."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from hundi import models
from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.enums import ApplicationStatus, Role
from hundi.services.actor import Actor
from support.factories import create_platform_user
from support.graphql import GraphQLClient
from support.lending import active_loans, invoice_due, open_book, reload, submitted
from support.rows import all_rows

RUN = """
mutation Run($input: RunDayEndInput!) {
  runDayEnd(input: $input) {
    dayEnd {
      businessDate loansClassified penalAccrued applicationsExpired offersExpired
      alreadyRun loansByClass { assetClass loans }
    }
    errors { field code message }
  }
}
"""


async def run(gql: GraphQLClient, actor: Actor, day: date) -> dict[str, Any]:
    data = await gql(actor, RUN, {"input": {"businessDate": day.isoformat()}})
    payload: dict[str, Any] = data["runDayEnd"]
    return payload


async def test_run_day_end_classifies_and_expires(
    database: Database, gql: GraphQLClient
) -> None:
    ops = await create_platform_user(database, Role.OPS)
    book = await open_book(database)
    today = india_today()
    on = today - timedelta(days=70)
    overdue = await invoice_due(
        database, book, on + timedelta(days=60), invoice_date=on - timedelta(days=1)
    )
    await active_loans(database, book, [overdue], on=on)
    waiting = await invoice_due(database, book, today + timedelta(days=60))
    application = await submitted(database, book, [waiting])
    async with database.transaction() as session:
        row = await session.get(models.FinancingApplication, application.id)
        assert row is not None
        row.expires_at = datetime.now(UTC) - timedelta(hours=1)

    payload = await run(gql, ops, today)

    assert payload["errors"] == []
    day_end = payload["dayEnd"]
    assert day_end["loansClassified"] == 1
    assert day_end["applicationsExpired"] == 1
    assert day_end["alreadyRun"] is False
    counts = {row["assetClass"]: row["loans"] for row in day_end["loansByClass"]}
    assert counts == {"STANDARD": 0, "SMA_0": 1, "SMA_1": 0, "SMA_2": 0, "NPA": 0}
    stored = await reload(database, models.FinancingApplication, application.id)
    assert stored.status is ApplicationStatus.EXPIRED
    [run_row] = await all_rows(database, models.DayEndRun)
    assert run_row.run_by_user_id == ops.user_id


async def test_run_day_end_again_reports_first_run(
    database: Database, gql: GraphQLClient
) -> None:
    admin = await create_platform_user(database, Role.ADMIN)
    day = india_today() - timedelta(days=1)
    await run(gql, admin, day)

    payload = await run(gql, admin, day)

    assert payload["dayEnd"]["alreadyRun"] is True
    assert len(await all_rows(database, models.DayEndRun)) == 1


async def test_run_day_end_future_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    admin = await create_platform_user(database, Role.ADMIN)

    payload = await run(gql, admin, india_today() + timedelta(days=2))

    assert [error["code"] for error in payload["errors"]] == ["DATE_IN_FUTURE"]
    assert payload["errors"][0]["field"] == ["input", "businessDate"]


async def test_run_day_end_by_lender_forbidden(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database)

    await gql.denied(
        book.admin, RUN, "FORBIDDEN", {"input": {"businessDate": "2025-01-01"}}
    )
