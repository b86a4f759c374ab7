"""createUser: ADMIN creates users with a role and the right organisation."""

from __future__ import annotations

from sqlalchemy import func, select

from hundi import models
from hundi.api.relay import to_global_id
from hundi.auth.passwords import verify_password
from hundi.db import Database
from hundi.domain.enums import Role
from support.factories import create_lender, create_sme, platform_actor
from support.graphql import GraphQLClient

CREATE = """
mutation($input: CreateUserInput!) {
  createUser(input: $input) {
    user { id email role lender { name } sme { legalName } }
    oneTimePassword
    errors { field code message }
  }
}
"""


async def _users(database: Database) -> int:
    async with database.session() as session:
        return int(
            await session.scalar(select(func.count()).select_from(models.User)) or 0
        )


async def test_create_user_lender_with_one_time_password(
    database: Database, gql: GraphQLClient
) -> None:
    lender = await create_lender(database, name="Kaveri Bank")

    data = await gql(
        platform_actor(Role.ADMIN),
        CREATE,
        {
            "input": {
                "email": " Credit@Kaveri.example ",
                "fullName": "Ravi Iyer",
                "role": "LENDER",
                "lenderId": to_global_id("LenderPartner", lender.id),
            }
        },
    )

    payload = data["createUser"]
    assert payload["errors"] == []
    assert payload["user"]["email"] == "credit@kaveri.example"
    assert payload["user"]["lender"]["name"] == "Kaveri Bank"
    async with database.session() as session:
        stored = await session.scalar(
            select(models.User).where(models.User.email == "credit@kaveri.example")
        )
    assert stored is not None
    assert verify_password(stored.password_hash, payload["oneTimePassword"])


async def test_create_user_duplicate_email_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    admin = platform_actor(Role.ADMIN)
    first = {
        "email": "ops2@hundi.example",
        "fullName": "Ops Two",
        "role": "OPS",
        "password": "long enough pass",
    }
    await gql(admin, CREATE, {"input": first})
    before = await _users(database)

    data = await gql(admin, CREATE, {"input": first})

    assert data["createUser"]["user"] is None
    assert data["createUser"]["errors"][0]["code"] == "EMAIL_TAKEN"
    assert data["createUser"]["errors"][0]["field"] == ["input", "email"]
    assert await _users(database) == before


async def test_create_user_sme_without_sme_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    data = await gql(
        platform_actor(Role.ADMIN),
        CREATE,
        {"input": {"email": "s@x.example", "fullName": "S", "role": "SME"}},
    )

    assert [error["code"] for error in data["createUser"]["errors"]] == [
        "SME_NOT_FOUND"
    ]
    assert await _users(database) == 0


async def test_create_user_platform_role_with_sme_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    sme = await create_sme(database)

    data = await gql(
        platform_actor(Role.ADMIN),
        CREATE,
        {
            "input": {
                "email": "o@x.example",
                "fullName": "O",
                "role": "OPS",
                "smeId": to_global_id("Sme", sme.id),
            }
        },
    )

    assert [error["code"] for error in data["createUser"]["errors"]] == [
        "ORGANISATION_MISMATCH"
    ]


async def test_create_user_bad_email_and_short_password(gql: GraphQLClient) -> None:
    data = await gql(
        platform_actor(Role.ADMIN),
        CREATE,
        {
            "input": {
                "email": "not-an-email",
                "fullName": "X",
                "role": "OPS",
                "password": "short",
            }
        },
    )

    codes = sorted(error["code"] for error in data["createUser"]["errors"])
    assert codes == ["INVALID_EMAIL", "WEAK_PASSWORD"]


async def test_create_user_writes_audit_record(
    database: Database, gql: GraphQLClient
) -> None:
    await gql(
        platform_actor(Role.ADMIN),
        CREATE,
        {"input": {"email": "a@x.example", "fullName": "A", "role": "MANAGEMENT"}},
    )

    async with database.session() as session:
        record = await session.scalar(
            select(models.AuditRecord).where(
                models.AuditRecord.action == "user.created"
            )
        )

    assert record is not None
    assert record.after is not None
    assert record.after["role"] == "MANAGEMENT"
    assert "password_hash" not in record.after
