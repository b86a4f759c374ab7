"""onboardLender: ADMIN adds a lender partner."""

from __future__ import annotations

from typing import Any

from hundi import models
from hundi.db import Database
from hundi.domain.enums import Role
from hundi.services.actor import Actor
from support.factories import create_platform_user
from support.graphql import GraphQLClient
from support.rows import all_rows, audit_actions, count_rows

ONBOARD = """
mutation Onboard($input: OnboardLenderInput!) {
  onboardLender(input: $input) {
    lender { id name kind registrationNumber contactEmail isActive }
    errors { field code message }
  }
}
"""

LENDER = {
    "name": "Konkan Co-operative Bank",
    "kind": "BANK",
    "registrationNumber": "rbi-bnk-000981",
    "contactName": "Meera Kulkarni",
    "contactEmail": "Credit@Konkan.example",
    "contactPhone": "+919822001122",
}


async def onboard(gql: GraphQLClient, actor: Actor, **fields: Any) -> dict[str, Any]:
    data = await gql(actor, ONBOARD, {"input": {**LENDER, **fields}})
    payload: dict[str, Any] = data["onboardLender"]
    return payload


async def test_onboard_lender_saves_partner(
    database: Database, gql: GraphQLClient
) -> None:
    admin = await create_platform_user(database, Role.ADMIN)

    payload = await onboard(gql, admin)

    assert payload["errors"] == []
    assert payload["lender"]["registrationNumber"] == "RBI-BNK-000981"
    assert payload["lender"]["contactEmail"] == "credit@konkan.example"
    assert payload["lender"]["isActive"] is True
    [lender] = await all_rows(database, models.LenderPartner)
    assert lender.name == "Konkan Co-operative Bank"
    assert await audit_actions(database) == ["lender.onboarded"]


async def test_onboard_lender_duplicate_name_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    admin = await create_platform_user(database, Role.ADMIN)
    await onboard(gql, admin)

    payload = await onboard(gql, admin, registrationNumber="RBI-BNK-000982")

    assert [error["code"] for error in payload["errors"]] == ["NAME_TAKEN"]
    assert payload["errors"][0]["field"] == ["input", "name"]
    assert await count_rows(database, models.LenderPartner) == 1


async def test_onboard_lender_duplicate_registration_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    admin = await create_platform_user(database, Role.ADMIN)
    await onboard(gql, admin)

    payload = await onboard(gql, admin, name="Another Bank")

    assert [error["code"] for error in payload["errors"]] == [
        "REGISTRATION_NUMBER_TAKEN"
    ]


async def test_onboard_lender_bad_contact_lists_every_error(
    database: Database, gql: GraphQLClient
) -> None:
    admin = await create_platform_user(database, Role.ADMIN)

    payload = await onboard(
        gql, admin, name=" ", contactEmail="not-mail", contactPhone="call me"
    )

    assert {error["code"] for error in payload["errors"]} == {
        "REQUIRED",
        "INVALID_EMAIL",
        "INVALID_PHONE",
    }
    assert await count_rows(database, models.LenderPartner) == 0


async def test_onboard_lender_by_ops_forbidden(
    database: Database, gql: GraphQLClient
) -> None:
    ops = await create_platform_user(database, Role.OPS)

    await gql.denied(ops, ONBOARD, "FORBIDDEN", {"input": LENDER})
