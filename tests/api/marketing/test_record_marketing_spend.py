"""recordMarketingSpend and marketingSpend: spend per month and channel."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from hundi import models
from hundi.db import Database
from hundi.domain.calendar import add_months, india_today, month_start
from hundi.domain.enums import Role
from support.factories import platform_actor
from support.graphql import GraphQLClient
from support.rows import all_rows, audit_actions

RECORD = """
mutation($input: RecordMarketingSpendInput!) {
  recordMarketingSpend(input: $input) {
    marketingSpend { month channel amount } errors { field code message }
  }
}
"""
SPEND = """
query($from: Date!, $to: Date!) {
  marketingSpend(from: $from, to: $to) { month channel amount }
}
"""


async def _record(gql: GraphQLClient, **fields: Any) -> dict[str, Any]:
    data = await gql(platform_actor(Role.ADMIN), RECORD, {"input": fields})
    payload: dict[str, Any] = data["recordMarketingSpend"]
    return payload


async def test_record_spend_then_replace_it(
    database: Database, gql: GraphQLClient
) -> None:
    first = await _record(gql, month="2026-07-01", channel="SOCIAL", amount="1200.50")
    second = await _record(gql, month="2026-07-01", channel="SOCIAL", amount="900")

    assert first["errors"] == []
    assert second["marketingSpend"] == {
        "month": "2026-07-01",
        "channel": "SOCIAL",
        "amount": "900.00",
    }
    (stored,) = await all_rows(database, models.MarketingSpend)
    assert stored.amount == Decimal("900.00")
    assert await audit_actions(database) == ["marketing_spend.recorded"] * 2


async def test_marketing_spend_listed_by_month(gql: GraphQLClient) -> None:
    await _record(gql, month="2026-08-01", channel="EVENT", amount="0")
    await _record(gql, month="2026-07-01", channel="SOCIAL", amount="10.00")
    await _record(gql, month="2026-09-01", channel="SOCIAL", amount="5.00")

    data = await gql(
        platform_actor(Role.MANAGEMENT),
        SPEND,
        {"from": "2026-07-15", "to": "2026-08-02"},
    )

    assert data["marketingSpend"] == [
        {"month": "2026-07-01", "channel": "SOCIAL", "amount": "10.00"},
        {"month": "2026-08-01", "channel": "EVENT", "amount": "0.00"},
    ]


NEXT_MONTH = add_months(month_start(india_today()), 1)


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        ({"amount": "100.005"}, "amount", "INVALID_AMOUNT"),
        ({"amount": "-1.00"}, "amount", "INVALID_AMOUNT"),
        ({"month": "2026-07-15"}, "month", "INVALID_MONTH"),
        ({"month": NEXT_MONTH.isoformat()}, "month", "FUTURE_MONTH"),
    ],
)
async def test_record_spend_bad_input_writes_nothing(
    fields: dict[str, str],
    field: str,
    code: str,
    database: Database,
    gql: GraphQLClient,
) -> None:
    values = {"month": "2026-07-01", "channel": "PAID_SEARCH", "amount": "10.00"}

    payload = await _record(gql, **{**values, **fields})

    assert payload["marketingSpend"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [
        (["input", field], code)
    ]
    assert await all_rows(database, models.MarketingSpend) == []


async def test_record_spend_message_names_value(gql: GraphQLClient) -> None:
    payload = await _record(gql, month="2026-07-15", channel="SOCIAL", amount="1.005")

    messages = [error["message"] for error in payload["errors"]]
    assert "2026-07-15" in messages[0]
    assert "2026-07-01" in messages[0]
    assert "1.005" in messages[1]
