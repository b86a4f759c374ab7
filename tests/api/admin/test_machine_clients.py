"""createMachineClient: the secret is shown once and stored only as a hash."""

from __future__ import annotations

from sqlalchemy import select

from hundi import models
from hundi.api.relay import to_global_id
from hundi.auth.store import sha256_hex
from hundi.db import Database
from hundi.domain.enums import Role
from support.factories import create_lender, create_platform_user, platform_actor
from support.graphql import GraphQLClient

CREATE = """
mutation($id: ID!) {
  createMachineClient(input: {lenderId: $id, name: "Loan book sync"}) {
    client { id clientId scopes lender { name } }
    clientSecret
    errors { code }
  }
}
"""


async def test_create_machine_client_secret_shown_once(
    database: Database, gql: GraphQLClient
) -> None:
    lender = await create_lender(database, name="Sahyog Finance")
    admin = await create_platform_user(database, Role.ADMIN)

    data = await gql(
        admin,
        CREATE,
        {"id": to_global_id("LenderPartner", lender.id)},
    )

    payload = data["createMachineClient"]
    assert payload["client"]["scopes"] == ["portfolio:read"]
    assert payload["client"]["lender"]["name"] == "Sahyog Finance"
    async with database.session() as session:
        stored = await session.scalar(select(models.OAuthClient))
    assert stored is not None
    assert stored.secret_hash == sha256_hex(payload["clientSecret"])
    assert payload["clientSecret"] not in stored.secret_hash
    listed = await gql(
        platform_actor(Role.ADMIN), "{ machineClients { nodes { clientId } } }"
    )
    assert "clientSecret" not in str(listed)


async def test_create_machine_client_unknown_lender(gql: GraphQLClient) -> None:
    import uuid

    data = await gql(
        platform_actor(Role.ADMIN),
        CREATE,
        {"id": to_global_id("LenderPartner", uuid.uuid4())},
    )

    assert data["createMachineClient"]["errors"][0]["code"] == "LENDER_NOT_FOUND"
