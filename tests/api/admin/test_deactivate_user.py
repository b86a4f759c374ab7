"""deactivateUser and assignUserRole: changes take effect on the next request."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from hundi import models
from hundi.api.relay import to_global_id
from hundi.db import Database
from hundi.domain.enums import Role
from hundi.services.actor import Actor
from support.factories import add, create_sme, platform_actor
from support.graphql import GraphQLClient

DEACTIVATE = "mutation($id: ID!) { deactivateUser(input: {userId: $id}) { user { isActive } errors { code } } }"
ASSIGN = """
mutation($input: AssignUserRoleInput!) {
  assignUserRole(input: $input) { user { role sme { legalName } } errors { code field } }
}
"""


async def _ops_user(database: Database) -> models.User:
    user = models.User(
        email=f"{uuid.uuid4().hex[:8]}@x.example", full_name="Ops", role=Role.OPS
    )
    await add(database, user)
    return user


async def test_deactivate_user_revokes_tokens_and_sessions(
    database: Database, gql: GraphQLClient
) -> None:
    user = await _ops_user(database)
    later = datetime.now(UTC) + timedelta(days=1)
    await add(
        database,
        models.RefreshToken(
            token_hash="a" * 64,
            family_id=uuid.uuid4(),
            client_id="hundi-web",
            user_id=user.id,
            scope="hundi",
            auth_time=datetime.now(UTC),
            expires_at=later,
        ),
        models.BrowserSession(
            session_hash="b" * 64,
            user_id=user.id,
            issuer="x",
            csrf_token_hash="c" * 64,
            expires_at=later,
        ),
    )

    data = await gql(
        platform_actor(Role.ADMIN), DEACTIVATE, {"id": to_global_id("User", user.id)}
    )

    assert data["deactivateUser"]["user"]["isActive"] is False
    async with database.session() as session:
        token = await session.scalar(select(models.RefreshToken))
        browser = await session.scalar(select(models.BrowserSession))
    assert token is not None
    assert token.revoked_at is not None
    assert browser is not None
    assert browser.revoked_at is not None


async def test_deactivate_self_rejected(database: Database, gql: GraphQLClient) -> None:
    admin = models.User(email="self@x.example", full_name="Admin", role=Role.ADMIN)
    await add(database, admin)

    data = await gql(
        Actor(role=Role.ADMIN, user_id=admin.id),
        DEACTIVATE,
        {"id": to_global_id("User", admin.id)},
    )

    assert data["deactivateUser"]["errors"][0]["code"] == "CANNOT_DEACTIVATE_SELF"


async def test_deactivate_unknown_user_not_found(gql: GraphQLClient) -> None:
    data = await gql(
        platform_actor(Role.ADMIN),
        DEACTIVATE,
        {"id": to_global_id("User", uuid.uuid4())},
    )

    assert data["deactivateUser"]["errors"][0]["code"] == "NOT_FOUND"


async def test_assign_role_moves_user_to_sme(
    database: Database, gql: GraphQLClient
) -> None:
    user = await _ops_user(database)
    sme = await create_sme(database, legal_name="Kaveri Textiles Pvt Ltd")

    data = await gql(
        platform_actor(Role.ADMIN),
        ASSIGN,
        {
            "input": {
                "userId": to_global_id("User", user.id),
                "role": "SME",
                "smeId": to_global_id("Sme", sme.id),
            }
        },
    )

    assert data["assignUserRole"]["errors"] == []
    assert data["assignUserRole"]["user"]["role"] == "SME"
    assert (
        data["assignUserRole"]["user"]["sme"]["legalName"] == "Kaveri Textiles Pvt Ltd"
    )
