"""updateLenderProduct: a lender admin changes or deactivates a product."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hundi import models
from hundi.api.relay import to_global_id
from hundi.db import Database
from hundi.services.actor import Actor
from support.factories import create_lender
from support.graphql import GraphQLClient
from support.lending import add_product, lender_user, reload
from support.rows import audit_actions

UPDATE = """
mutation Update($input: UpdateLenderProductInput!) {
  updateLenderProduct(input: $input) {
    product { id name maxAnnualRate penalAnnualRate isActive }
    errors { field code message }
  }
}
"""


async def update(
    gql: GraphQLClient, actor: Actor, product: models.LenderProduct, **changes: Any
) -> dict[str, Any]:
    variables = {
        "input": {
            "productId": to_global_id("LenderProduct", product.id),
            "changes": changes,
        }
    }
    data = await gql(actor, UPDATE, variables)
    payload: dict[str, Any] = data["updateLenderProduct"]
    return payload


async def test_update_product_changes_given_terms_only(
    database: Database, gql: GraphQLClient
) -> None:
    lender = await create_lender(database)
    admin = await lender_user(database, lender, admin=True)
    product = await add_product(database, lender, penal_annual_rate=Decimal("0.02"))

    payload = await update(gql, admin, product, maxAnnualRate="0.2")

    assert payload["errors"] == []
    assert payload["product"]["maxAnnualRate"] == "0.2"
    assert payload["product"]["penalAnnualRate"] == "0.02"
    assert (await audit_actions(database))[-1] == "lender_product.updated"


async def test_update_product_null_clears_penal_rate(
    database: Database, gql: GraphQLClient
) -> None:
    lender = await create_lender(database)
    admin = await lender_user(database, lender, admin=True)
    product = await add_product(database, lender, penal_annual_rate=Decimal("0.02"))

    payload = await update(gql, admin, product, penalAnnualRate=None)

    assert payload["product"]["penalAnnualRate"] is None


async def test_update_product_deactivates(
    database: Database, gql: GraphQLClient
) -> None:
    lender = await create_lender(database)
    admin = await lender_user(database, lender, admin=True)
    product = await add_product(database, lender)

    payload = await update(gql, admin, product, isActive=False)

    assert payload["product"]["isActive"] is False
    assert (await reload(database, models.LenderProduct, product.id)).is_active is False


async def test_update_product_range_broken_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    lender = await create_lender(database)
    admin = await lender_user(database, lender, admin=True)
    product = await add_product(database, lender)

    payload = await update(gql, admin, product, minAnnualRate="0.5")

    assert payload["errors"][0]["code"] == "INVALID_RANGE"
    assert payload["errors"][0]["field"] == ["input", "changes", "minAnnualRate"]
    stored = await reload(database, models.LenderProduct, product.id)
    assert stored.min_annual_rate == Decimal("0.10")


async def test_update_product_of_other_lender_not_found(
    database: Database, gql: GraphQLClient
) -> None:
    product = await add_product(database, await create_lender(database))
    stranger = await lender_user(database, await create_lender(database), admin=True)

    payload = await update(gql, stranger, product, isActive=False)

    assert [error["code"] for error in payload["errors"]] == ["NOT_FOUND"]
    assert payload["errors"][0]["field"] == ["input", "productId"]
    assert (await reload(database, models.LenderProduct, product.id)).is_active
