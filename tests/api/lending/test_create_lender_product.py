"""createLenderProduct: a lender admin defines a product."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hundi import models
from hundi.db import Database
from hundi.services.actor import Actor
from support.factories import create_lender
from support.graphql import GraphQLClient
from support.lending import lender_user
from support.rows import all_rows, count_rows

CREATE = """
mutation Create($input: CreateLenderProductInput!) {
  createLenderProduct(input: $input) {
    product {
      id name advanceRate minAnnualRate maxAnnualRate processingFeeMin dayCount
      eligibleStates concentrationCap concentrationFloor instantOffer
      instantAnnualRate penalAnnualRate isActive
    }
    errors { field code message }
  }
}
"""

TERMS: dict[str, Any] = {
    "name": "Receivables 90",
    "advanceRate": "0.85",
    "minAnnualRate": "0.11",
    "maxAnnualRate": "0.18",
    "processingFeeRate": "0.0025",
    "processingFeeMin": "750.00",
    "dayCount": "ACT_360",
    "minTenorDays": 15,
    "maxTenorDays": 90,
    "minAmount": "25000.00",
    "maxAmount": "5000000.00",
    "minDaysToDue": 15,
    "recourse": False,
    "eligibleIndustries": ["Textiles", "Textiles", "Auto components"],
    "eligibleStates": ["29", "27"],
    "limitPerBuyer": "20000000.00",
    "limitPerSme": "5000000.00",
    "concentrationCap": "0.25",
    "concentrationFloor": "10000000.00",
    "instantOffer": True,
    "instantAnnualRate": "0.13",
    "penalAnnualRate": "0.02",
    "offerValidityDays": 5,
}


async def create(gql: GraphQLClient, actor: Actor, **terms: Any) -> dict[str, Any]:
    data = await gql(actor, CREATE, {"input": {"terms": {**TERMS, **terms}}})
    payload: dict[str, Any] = data["createLenderProduct"]
    return payload


async def test_create_product_by_lender_admin_saves_terms(
    database: Database, gql: GraphQLClient
) -> None:
    lender = await create_lender(database)
    admin = await lender_user(database, lender, admin=True)

    payload = await create(gql, admin)

    assert payload["errors"] == []
    product = payload["product"]
    assert product["advanceRate"] == "0.85"
    assert product["dayCount"] == "ACT_360"
    assert product["eligibleStates"] == ["27", "29"]
    assert product["concentrationFloor"] == "10000000.00"
    assert product["instantAnnualRate"] == "0.13"
    [row] = await all_rows(database, models.LenderProduct)
    assert row.lender_id == lender.id
    assert row.eligible_industries == ["Textiles", "Auto components"]
    assert row.processing_fee_min == Decimal("750.00")


async def test_create_product_bad_terms_lists_each_field(
    database: Database, gql: GraphQLClient
) -> None:
    admin = await lender_user(database, await create_lender(database), admin=True)

    payload = await create(
        gql,
        admin,
        advanceRate="1.2",
        minAnnualRate="0.2",
        maxAnnualRate="0.1",
        processingFeeMin="10.001",
        maxTenorDays=400,
        eligibleStates=["40"],
        concentrationCap="0.2500001",
        instantAnnualRate=None,
    )

    errors = {tuple(error["field"]): error["code"] for error in payload["errors"]}
    assert errors == {
        ("input", "terms", "advanceRate"): "INVALID_RATE",
        ("input", "terms", "minAnnualRate"): "INVALID_RANGE",
        ("input", "terms", "processingFeeMin"): "INVALID_AMOUNT",
        ("input", "terms", "maxTenorDays"): "OUT_OF_RANGE",
        ("input", "terms", "eligibleStates", "0"): "INVALID_STATE_CODE",
        ("input", "terms", "concentrationCap"): "INVALID_RATE",
        ("input", "terms", "instantAnnualRate"): "REQUIRED",
    }
    assert await count_rows(database, models.LenderProduct) == 0


async def test_create_product_instant_rate_outside_range_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    admin = await lender_user(database, await create_lender(database), admin=True)

    payload = await create(gql, admin, instantAnnualRate="0.20")

    assert [error["code"] for error in payload["errors"]] == ["INVALID_RANGE"]


async def test_create_product_name_taken_within_lender(
    database: Database, gql: GraphQLClient
) -> None:
    lender = await create_lender(database)
    admin = await lender_user(database, lender, admin=True)
    other_admin = await lender_user(database, await create_lender(database), admin=True)
    await create(gql, admin)

    again = await create(gql, admin)
    elsewhere = await create(gql, other_admin)

    assert [error["code"] for error in again["errors"]] == ["NAME_TAKEN"]
    assert elsewhere["errors"] == []


async def test_create_product_by_lender_non_admin_forbidden(
    database: Database, gql: GraphQLClient
) -> None:
    officer = await lender_user(database, await create_lender(database))

    error = await gql.denied(officer, CREATE, "FORBIDDEN", {"input": {"terms": TERMS}})

    assert "lender admin" in error["message"]
    assert await count_rows(database, models.LenderProduct) == 0
