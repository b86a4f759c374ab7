"""kpis and milestones: what MANAGEMENT and ADMIN read, and bad periods."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from hundi.db import Database
from hundi.domain.enums import AcquisitionChannel, Role
from hundi.domain.kpis import KPI_DEFINITIONS, MILESTONE_DEFINITIONS
from hundi.settings import Settings
from support.factories import create_registered_sme, platform_actor
from support.graphql import GraphQLClient

KPIS = """
query($from: Date!, $to: Date!) {
  kpis(from: $from, to: $to) {
    key name group definition unit value status targetToDate
    target { key direction low high deadlineMonths wording }
    series { month value }
  }
}
"""

MILESTONES = """
{ milestones { key name month dueOn unit actual status target { low } } }
"""


async def _kpis(gql: GraphQLClient, role: Role, **period: str) -> list[Any]:
    variables = {"from": "2026-07-01", "to": "2026-08-31", **period}
    data = await gql(platform_actor(role), KPIS, variables)
    kpis: list[Any] = data["kpis"]
    return kpis


@pytest.mark.parametrize("role", [Role.MANAGEMENT, Role.ADMIN])
async def test_kpis_list_every_metric_in_order(role: Role, gql: GraphQLClient) -> None:
    kpis = await _kpis(gql, role)

    assert [kpi["key"] for kpi in kpis] == [d.key.value for d in KPI_DEFINITIONS]
    assert all(kpi["definition"] for kpi in kpis)
    assert all(len(kpi["series"]) == 2 for kpi in kpis)


async def test_kpis_values_are_decimal_strings(
    database: Database, gql: GraphQLClient
) -> None:
    for channel in (AcquisitionChannel.REFERRAL, AcquisitionChannel.ORGANIC):
        await create_registered_sme(
            database,
            acquisition_channel=channel,
            created_at=datetime(2026, 7, 10, tzinfo=UTC),
        )
    await create_registered_sme(
        database,
        acquisition_channel=AcquisitionChannel.ORGANIC,
        created_at=datetime(2026, 8, 10, tzinfo=UTC),
    )

    kpis = {kpi["key"]: kpi for kpi in await _kpis(gql, Role.MANAGEMENT)}
    referral = kpis["REFERRAL_RATE"]

    # 1 referred of 3 registered; July 1 of 2, August 0 of 1.
    assert referral["value"] == "33.33"
    assert referral["series"] == [
        {"month": "2026-07-01", "value": "50.00"},
        {"month": "2026-08-01", "value": "0.00"},
    ]
    assert referral["status"] == "MET"
    assert referral["unit"] == "PERCENT"
    assert referral["target"] == {
        "key": "REFERRAL_RATE",
        "direction": "AT_LEAST",
        "low": "20",
        "high": None,
        "deadlineMonths": None,
        "wording": ">20%",
    }
    assert kpis["COST_PER_ACQUISITION"]["target"]["high"] == "500"
    assert kpis["APPROVAL_RATE"]["value"] is None
    assert kpis["APPROVAL_RATE"]["status"] == "NO_DATA"


async def test_kpis_cumulative_target_due_so_far(
    database: Database, gql: GraphQLClient
) -> None:
    await create_registered_sme(database, created_at=datetime(2026, 7, 10, tzinfo=UTC))

    kpis = {kpi["key"]: kpi for kpi in await _kpis(gql, Role.MANAGEMENT)}
    onboarded = kpis["SMES_ONBOARDED"]

    # Launch: July, the month of the first registration. By August 2 of the
    # 6 months have passed: 5000 * 2 / 6 = 1666.67, shown as a count.
    assert onboarded["targetToDate"] == "1667"
    assert onboarded["target"]["deadlineMonths"] == 6
    assert onboarded["value"] == "0"
    assert onboarded["status"] == "MISSED"


@pytest.mark.parametrize(
    ("period", "message"),
    [
        ({"from": "2026-08-01", "to": "2026-07-31"}, "before it starts"),
        ({"from": "2023-01-01", "to": "2026-07-31"}, "at most 36"),
    ],
)
async def test_kpis_bad_period_rejected(
    period: dict[str, str], message: str, gql: GraphQLClient
) -> None:
    error = await gql.denied(
        platform_actor(Role.MANAGEMENT), KPIS, "BAD_USER_INPUT", period
    )

    assert message in error["message"]


async def test_milestones_without_launch_have_no_data(gql: GraphQLClient) -> None:
    data = await gql(platform_actor(Role.MANAGEMENT), MILESTONES)

    assert [m["key"] for m in data["milestones"]] == [
        d.key.value for d in MILESTONE_DEFINITIONS
    ]
    assert {m["status"] for m in data["milestones"]} == {"NO_DATA"}
    assert {m["actual"] for m in data["milestones"]} == {None}


async def test_milestones_count_from_launch_setting(
    database: Database, settings: Settings, gql: GraphQLClient
) -> None:
    settings.launch_date = date(2026, 7, 15)
    await create_registered_sme(database, created_at=datetime(2026, 7, 14, tzinfo=UTC))
    await create_registered_sme(database, created_at=datetime(2026, 7, 20, tzinfo=UTC))

    data = await gql(platform_actor(Role.ADMIN), MILESTONES)
    launch_month = data["milestones"][0]

    # Registered from 15 July to the end of July: only the SME of 20 July.
    assert launch_month["actual"] == "1"
    assert launch_month["dueOn"] == "2026-07-31"
    assert launch_month["status"] == "MISSED"
    assert data["milestones"][2]["dueOn"] == "2026-09-30"
