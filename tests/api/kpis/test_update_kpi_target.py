"""updateKpiTarget: ADMIN changes a target; bad bounds change nothing."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from hundi import models
from hundi.db import Database
from hundi.domain.enums import Role
from support.factories import create_platform_user, platform_actor
from support.graphql import GraphQLClient
from support.rows import audit_actions

UPDATE = """
mutation($input: UpdateKpiTargetInput!) {
  updateKpiTarget(input: $input) {
    target { key direction low high wording }
    errors { field code message }
  }
}
"""

KPIS = """
query { kpis(from: "2026-07-01", to: "2026-07-31") { key status target { low high } } }
"""


async def _stored(database: Database, key: str) -> models.KpiTarget | None:
    async with database.session() as session:
        target: models.KpiTarget | None = await session.scalar(
            select(models.KpiTarget).where(models.KpiTarget.key == key)
        )
        return target


def _bounds(target: models.KpiTarget | None) -> tuple[Any, ...] | None:
    return None if target is None else (target.direction, target.low, target.high)


async def _update(gql: GraphQLClient, **fields: Any) -> dict[str, Any]:
    admin = platform_actor(Role.ADMIN)
    data = await gql(admin, UPDATE, {"input": fields})
    payload: dict[str, Any] = data["updateKpiTarget"]
    return payload


async def test_update_kpi_target_stores_and_reports_it(
    database: Database, gql: GraphQLClient
) -> None:
    admin = await create_platform_user(database, Role.ADMIN)

    data = await gql(
        admin,
        UPDATE,
        {
            "input": {
                "key": "COST_PER_ACQUISITION",
                "direction": "BETWEEN",
                "low": "250.5",
                "high": "450",
            }
        },
    )
    kpis = await gql(platform_actor(Role.MANAGEMENT), KPIS)

    assert data["updateKpiTarget"]["errors"] == []
    assert data["updateKpiTarget"]["target"] == {
        "key": "COST_PER_ACQUISITION",
        "direction": "BETWEEN",
        "low": "250.5",
        "high": "450",
        "wording": "₹300 to ₹500",
    }
    stored = await _stored(database, "COST_PER_ACQUISITION")
    assert stored is not None
    assert stored.updated_by_user_id == admin.user_id
    cpa = next(k for k in kpis["kpis"] if k["key"] == "COST_PER_ACQUISITION")
    assert cpa["target"] == {"low": "250.5", "high": "450"}
    assert "kpi_target.updated" in await audit_actions(database)


async def test_update_kpi_target_changes_direction(
    database: Database, gql: GraphQLClient
) -> None:
    payload = await _update(
        gql, key="NET_PROMOTER_SCORE", direction="AT_MOST", high="-5"
    )

    assert payload["errors"] == []
    stored = await _stored(database, "NET_PROMOTER_SCORE")
    assert stored is not None
    assert (stored.direction.value, stored.low, stored.high) == ("AT_MOST", None, -5)


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        (
            {"key": "APPROVAL_RATE", "direction": "AT_LEAST"},
            [(["input", "low"], "BOUND_REQUIRED")],
        ),
        (
            {
                "key": "APPROVAL_RATE",
                "direction": "AT_LEAST",
                "low": "50",
                "high": "60",
            },
            [(["input", "high"], "BOUND_NOT_ALLOWED")],
        ),
        (
            {"key": "APPROVAL_RATE", "direction": "AT_LEAST", "low": "150"},
            [(["input", "low"], "OUT_OF_RANGE")],
        ),
        (
            {"key": "FEEDBACK_RATING", "direction": "AT_LEAST", "low": "4.55555"},
            [(["input", "low"], "TOO_MANY_DECIMALS")],
        ),
        (
            {
                "key": "COST_PER_ACQUISITION",
                "direction": "BETWEEN",
                "low": "500",
                "high": "300",
            },
            [(["input", "high"], "INVALID_RANGE")],
        ),
    ],
)
async def test_update_kpi_target_rejects_bad_bounds(
    fields: dict[str, str],
    errors: list[tuple[list[str], str]],
    database: Database,
    gql: GraphQLClient,
) -> None:
    before = await _stored(database, fields["key"])

    payload = await _update(gql, **fields)

    assert payload["target"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == errors
    after = await _stored(database, fields["key"])
    assert _bounds(after) == _bounds(before)
    assert await audit_actions(database) == []


async def test_update_kpi_target_json_number_rejected(
    gql: GraphQLClient,
) -> None:
    error = await gql.denied(
        platform_actor(Role.ADMIN),
        UPDATE,
        "BAD_USER_INPUT",
        {"input": {"key": "APPROVAL_RATE", "direction": "AT_LEAST", "low": 50.5}},
    )

    assert "decimal string" in error["message"]
