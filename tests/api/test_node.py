"""Fetching any object by global id, inside the actor's scope only."""

from __future__ import annotations

from hundi.api.relay import to_global_id
from hundi.db import Database
from hundi.domain.enums import Role
from support.factories import (
    create_buyer,
    create_invoice,
    create_sme,
    platform_actor,
    sme_actor,
)
from support.graphql import GraphQLClient

NODE = """
query Node($id: ID!) {
  node(id: $id) { id __typename ... on Invoice { invoiceNumber sme { legalName } } }
}
"""


async def test_node_returns_own_invoice(database: Database, gql: GraphQLClient) -> None:
    sme = await create_sme(database)
    invoice = await create_invoice(
        database, sme, await create_buyer(database), invoice_number="N-1"
    )
    global_id = to_global_id("Invoice", invoice.id)

    data = await gql(sme_actor(sme), NODE, {"id": global_id})

    assert data["node"]["__typename"] == "Invoice"
    assert data["node"]["id"] == global_id
    assert data["node"]["invoiceNumber"] == "N-1"


async def test_node_of_other_sme_not_found(
    database: Database, gql: GraphQLClient
) -> None:
    owner = await create_sme(database)
    intruder = await create_sme(database)
    invoice = await create_invoice(database, owner, await create_buyer(database))

    data = await gql(
        sme_actor(intruder), NODE, {"id": to_global_id("Invoice", invoice.id)}
    )

    assert data["node"] is None


async def test_node_garbage_id_not_found(gql: GraphQLClient) -> None:
    data = await gql(platform_actor(Role.OPS), NODE, {"id": "%%%not-an-id"})

    assert data["node"] is None


async def test_node_as_management_sees_nothing(
    database: Database, gql: GraphQLClient
) -> None:
    sme = await create_sme(database)

    data = await gql(
        platform_actor(Role.MANAGEMENT), NODE, {"id": to_global_id("Sme", sme.id)}
    )

    assert data["node"] is None


async def test_node_masks_pan_for_lender(
    database: Database, gql: GraphQLClient
) -> None:
    from support.factories import create_application, create_lender, lender_actor

    sme = await create_sme(database, pan="AAPCV1234K")
    invoice = await create_invoice(database, sme, await create_buyer(database))
    lender = await create_lender(database)
    await create_application(database, sme, [invoice], lenders=[lender])
    query = "query($id: ID!) { node(id: $id) { ... on Sme { pan bankAccountNumber } } }"

    as_lender = await gql(
        lender_actor(lender), query, {"id": to_global_id("Sme", sme.id)}
    )
    as_owner = await gql(sme_actor(sme), query, {"id": to_global_id("Sme", sme.id)})

    assert as_lender["node"]["pan"] == "AAPCVXXXXK"
    assert as_lender["node"]["bankAccountNumber"] == "XXXXXXXX9012"
    assert as_owner["node"]["pan"] == "AAPCV1234K"
