"""recordSecurityIncident, resolveSecurityIncident and securityIncidents."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from hundi import models
from hundi.db import Database
from hundi.domain.enums import Role
from support.factories import create_platform_user, platform_actor
from support.graphql import GraphQLClient
from support.rows import all_rows, audit_actions, count_rows

RECORD = """
mutation($input: RecordSecurityIncidentInput!) {
  recordSecurityIncident(input: $input) {
    incident { id title severity personalDataExposed resolvedAt }
    errors { field code message }
  }
}
"""
RESOLVE = """
mutation($input: ResolveSecurityIncidentInput!) {
  resolveSecurityIncident(input: $input) {
    incident { resolvedAt } errors { field code message }
  }
}
"""
INCIDENTS = "{ securityIncidents { totalCount nodes { title occurredAt } } }"

HOUR_AGO = datetime.now(UTC) - timedelta(hours=1)


def _incident(**fields: Any) -> dict[str, Any]:
    values = {
        "occurredAt": (HOUR_AGO - timedelta(hours=2)).isoformat(),
        "detectedAt": HOUR_AGO.isoformat(),
        "severity": "HIGH",
        "title": "Exported report shared by mistake",
        "description": "A report with SME contact details went to a vendor.",
        "personalDataExposed": True,
        **fields,
    }
    return {"input": values}


async def test_incident_recorded_listed_and_resolved(
    database: Database, gql: GraphQLClient
) -> None:
    admin = await create_platform_user(database, Role.ADMIN)
    recorded = await gql(admin, RECORD, _incident())
    incident_id = recorded["recordSecurityIncident"]["incident"]["id"]

    listed = await gql(admin, INCIDENTS)
    resolved = await gql(admin, RESOLVE, {"input": {"incidentId": incident_id}})

    assert recorded["recordSecurityIncident"]["errors"] == []
    assert listed["securityIncidents"]["totalCount"] == 1
    assert resolved["resolveSecurityIncident"]["incident"]["resolvedAt"] is not None
    (stored,) = await all_rows(database, models.SecurityIncident)
    assert stored.recorded_by_user_id == admin.user_id
    assert await audit_actions(database) == [
        "security_incident.recorded",
        "security_incident.resolved",
    ]


async def test_incident_resolve_twice_rejected(gql: GraphQLClient) -> None:
    admin = platform_actor(Role.ADMIN)
    recorded = await gql(admin, RECORD, _incident())
    incident_id = recorded["recordSecurityIncident"]["incident"]["id"]
    await gql(admin, RESOLVE, {"input": {"incidentId": incident_id}})

    again = await gql(admin, RESOLVE, {"input": {"incidentId": incident_id}})

    assert again["resolveSecurityIncident"]["errors"][0]["code"] == "ALREADY_RESOLVED"


async def test_incident_resolved_before_detected_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    admin = platform_actor(Role.ADMIN)
    recorded = await gql(admin, RECORD, _incident())
    incident_id = recorded["recordSecurityIncident"]["incident"]["id"]
    early = (HOUR_AGO - timedelta(minutes=5)).isoformat()

    data = await gql(
        admin, RESOLVE, {"input": {"incidentId": incident_id, "resolvedAt": early}}
    )

    error = data["resolveSecurityIncident"]["errors"][0]
    assert (error["field"], error["code"]) == (
        ["input", "resolvedAt"],
        "RESOLVED_BEFORE_DETECTED",
    )
    (stored,) = await all_rows(database, models.SecurityIncident)
    assert stored.resolved_at is None


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        (
            {"detectedAt": (HOUR_AGO - timedelta(hours=3)).isoformat()},
            [(["input", "detectedAt"], "DETECTED_BEFORE_OCCURRED")],
        ),
        (
            {"occurredAt": (datetime.now(UTC) + timedelta(days=1)).isoformat()},
            [(["input", "occurredAt"], "IN_FUTURE")],
        ),
        (
            {"occurredAt": "2026-11-02T14:30:00"},
            [(["input", "occurredAt"], "NO_TIME_ZONE")],
        ),
        (
            {"title": " ", "description": ""},
            [(["input", "title"], "REQUIRED"), (["input", "description"], "REQUIRED")],
        ),
        ({"title": "x" * 201}, [(["input", "title"], "TOO_LONG")]),
    ],
)
async def test_incident_bad_input_writes_nothing(
    fields: dict[str, str],
    errors: list[tuple[list[str], str]],
    database: Database,
    gql: GraphQLClient,
) -> None:
    data = await gql(platform_actor(Role.ADMIN), RECORD, _incident(**fields))

    payload = data["recordSecurityIncident"]
    assert payload["incident"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == errors
    assert await count_rows(database, models.SecurityIncident) == 0
