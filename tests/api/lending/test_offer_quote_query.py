"""offerQuote: a live quote that equals the offer createOffer then stores."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from hundi import models
from hundi.api.relay import to_global_id
from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.enums import DayCountConvention
from hundi.services.actor import Actor
from support.graphql import GraphQLClient
from support.lending import invoice_due, open_book, submitted
from support.rows import count_rows

FACTS = "invoiceAmount advanceAmount discountAmount feeAmount netAmount annualPercentageRate disbursalDate dueDate tenorDays"
QUOTE = f"""
query Quote($input: OfferQuoteInput!) {{
  offerQuote(input: $input) {{
    keyFacts {{ {FACTS} }}
    lines {{ invoice {{ invoiceNumber }} discountAmount netAmount }}
    errors {{ field code message }}
  }}
}}
"""
CREATE = f"""
mutation Offer($input: CreateOfferInput!) {{
  createOffer(input: $input) {{ offer {{ keyFacts {{ {FACTS} }} }} errors {{ code }} }}
}}
"""
LAKH = Decimal("100000.00")


def terms(
    application: models.FinancingApplication,
    product: models.LenderProduct,
    **fields: Any,
) -> dict[str, Any]:
    return {
        "input": {
            "applicationId": to_global_id("FinancingApplication", application.id),
            "productId": to_global_id("LenderProduct", product.id),
            "advanceRate": "1",
            "annualRate": "0.12",
            "processingFeeRate": "0",
            **fields,
        }
    }


async def _book(database: Database) -> Any:
    return await open_book(
        database,
        advance_rate=Decimal("1"),
        processing_fee_rate=Decimal("0"),
        processing_fee_min=Decimal("0.00"),
        min_annual_rate=Decimal("0.10"),
        max_annual_rate=Decimal("0.24"),
        day_count=DayCountConvention.ACT_360,
    )


async def test_offer_quote_equals_stored_offer(
    database: Database, gql: GraphQLClient
) -> None:
    book = await _book(database)
    invoice = await invoice_due(
        database, book, india_today() + timedelta(days=60), LAKH
    )
    application = await submitted(database, book, [invoice])
    maker: Actor = book.maker

    quoted = (await gql(maker, QUOTE, terms(application, book.product)))["offerQuote"]
    offers_before = await count_rows(database, models.Offer)
    made = (await gql(maker, CREATE, terms(application, book.product)))["createOffer"]

    assert quoted["errors"] == []
    assert quoted["keyFacts"]["discountAmount"] == "2000.00"
    assert quoted["keyFacts"] == made["offer"]["keyFacts"]
    assert len(quoted["lines"]) == 1
    assert offers_before == 0


async def test_offer_quote_rate_outside_product_explained(
    database: Database, gql: GraphQLClient
) -> None:
    book = await _book(database)
    invoice = await invoice_due(
        database, book, india_today() + timedelta(days=60), LAKH
    )
    application = await submitted(database, book, [invoice])

    quoted = (
        await gql(
            book.maker, QUOTE, terms(application, book.product, annualRate="0.30")
        )
    )["offerQuote"]

    assert quoted["keyFacts"] is None
    assert [error["code"] for error in quoted["errors"]] == ["ANNUAL_RATE_OUT_OF_RANGE"]
    assert quoted["errors"][0]["field"] == ["input", "annualRate"]
