"""createOffer: a lender prices an application, with one line per invoice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from hundi import models
from hundi.api.relay import to_global_id
from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.daycount import day_count_days
from hundi.domain.enums import DayCountConvention
from hundi.services.actor import Actor
from support.factories import create_lender
from support.graphql import GraphQLClient
from support.lending import (
    Book,
    accepted,
    add_product,
    invoice_due,
    lender_user,
    offered,
    open_book,
    submitted,
)
from support.rows import count_rows

CREATE_OFFER = """
mutation Offer($input: CreateOfferInput!) {
  createOffer(input: $input) {
    offer {
      id status isInstant annualRate validUntil
      keyFacts {
        invoiceAmount advanceAmount discountAmount feeAmount netAmount
        annualPercentageRate disbursalDate dueDate tenorDays
      }
      lines {
        invoice { invoiceNumber } dueDate invoiceAmount advanceAmount
        discountAmount feeAmount netAmount tenorDays
      }
      application { status }
    }
    errors { field code message }
  }
}
"""

LAKH = Decimal("100000.00")


async def offer_on(
    gql: GraphQLClient,
    actor: Actor,
    application: models.FinancingApplication,
    product: models.LenderProduct,
    **fields: Any,
) -> dict[str, Any]:
    variables = {
        "input": {
            "applicationId": to_global_id("FinancingApplication", application.id),
            "productId": to_global_id("LenderProduct", product.id),
            "advanceRate": "1",
            "annualRate": "0.12",
            "processingFeeRate": "0",
            **fields,
        }
    }
    data = await gql(actor, CREATE_OFFER, variables)
    payload: dict[str, Any] = data["createOffer"]
    return payload


async def _vector_book(database: Database, day_count: DayCountConvention) -> Book:
    return await open_book(
        database,
        advance_rate=Decimal("1"),
        processing_fee_rate=Decimal("0"),
        processing_fee_min=Decimal("0.00"),
        min_annual_rate=Decimal("0.10"),
        max_annual_rate=Decimal("0.24"),
        day_count=day_count,
    )


async def test_create_offer_act_360_vector(
    database: Database, gql: GraphQLClient
) -> None:
    book = await _vector_book(database, DayCountConvention.ACT_360)
    quote_date = india_today()
    invoice = await invoice_due(database, book, quote_date + timedelta(days=60), LAKH)
    application = await submitted(database, book, [invoice])

    payload = await offer_on(gql, book.maker, application, book.product)

    facts = payload["offer"]["keyFacts"]
    assert payload["errors"] == []
    assert facts["discountAmount"] == "2000.00"
    assert facts["netAmount"] == "98000.00"
    assert facts["tenorDays"] == 60
    assert facts["disbursalDate"] == quote_date.isoformat()
    assert payload["offer"]["application"]["status"] == "OFFERED"


async def test_create_offer_act_365f_vector(
    database: Database, gql: GraphQLClient
) -> None:
    book = await _vector_book(database, DayCountConvention.ACT_365F)
    quote_date = india_today()
    invoice = await invoice_due(database, book, quote_date + timedelta(days=60), LAKH)
    application = await submitted(database, book, [invoice])

    payload = await offer_on(gql, book.maker, application, book.product)

    assert payload["offer"]["keyFacts"]["discountAmount"] == "1972.60"


async def test_create_offer_thirty_360_monthly_rate_vector(
    database: Database, gql: GraphQLClient
) -> None:
    # 1.5% a month is 18% a year; the due date is 30 days of 30/360 away.
    book = await _vector_book(database, DayCountConvention.THIRTY_360)
    quote_date = india_today()
    due = next(
        quote_date + timedelta(days=days)
        for days in range(25, 40)
        if day_count_days(
            DayCountConvention.THIRTY_360, quote_date, quote_date + timedelta(days=days)
        )
        == 30
    )
    invoice = await invoice_due(database, book, due, LAKH)
    application = await submitted(database, book, [invoice])

    payload = await offer_on(
        gql, book.maker, application, book.product, annualRate="0.18"
    )

    assert payload["offer"]["keyFacts"]["discountAmount"] == "1500.00"


async def test_create_offer_lines_sum_to_key_facts(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database)
    today = india_today()
    invoices = [
        await invoice_due(
            database, book, today + timedelta(days=45), Decimal("33333.33")
        ),
        await invoice_due(
            database, book, today + timedelta(days=90), Decimal("118000.00")
        ),
        await invoice_due(
            database, book, today + timedelta(days=61), Decimal("76543.21")
        ),
    ]
    application = await submitted(database, book, invoices)

    payload = await offer_on(
        gql,
        book.maker,
        application,
        book.product,
        advanceRate="0.8",
        annualRate="0.1375",
        processingFeeRate="0.005",
    )

    offer = payload["offer"]
    lines = offer["lines"]
    assert [line["invoice"]["invoiceNumber"] for line in lines] == [
        invoice.invoice_number for invoice in invoices
    ]
    for field in (
        "invoiceAmount",
        "advanceAmount",
        "discountAmount",
        "feeAmount",
        "netAmount",
    ):
        total = sum(Decimal(line[field]) for line in lines)
        assert Decimal(offer["keyFacts"][field]) == total, field
    # The minimum fee of 500.00 applies to each invoice's loan.
    assert [line["feeAmount"] for line in lines] == ["500.00", "500.00", "500.00"]
    assert offer["keyFacts"]["dueDate"] == (today + timedelta(days=90)).isoformat()


async def test_create_offer_rate_outside_product_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database)
    invoice = await invoice_due(database, book, india_today() + timedelta(days=60))
    application = await submitted(database, book, [invoice])

    payload = await offer_on(
        gql,
        book.maker,
        application,
        book.product,
        advanceRate="0.9",
        annualRate="0.30",
        processingFeeRate="0.01",
    )

    assert {error["code"] for error in payload["errors"]} == {
        "ADVANCE_RATE_OUT_OF_RANGE",
        "ANNUAL_RATE_OUT_OF_RANGE",
        "PROCESSING_FEE_RATE_OUT_OF_RANGE",
    }
    assert await count_rows(database, models.Offer) == 0


async def test_create_offer_beyond_buyer_limit_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    # Both applications fit the limit of 1,50,000 alone; once the first is
    # accepted, its advance of 94,400 is reserved and the second no longer fits.
    book = await open_book(database, limit_per_buyer=Decimal("150000.00"))
    due = india_today() + timedelta(days=60)
    first = await submitted(database, book, [await invoice_due(database, book, due)])
    second = await submitted(database, book, [await invoice_due(database, book, due)])
    await accepted(database, book, await offered(database, book, first))

    payload = await offer_on(gql, book.maker, second, book.product, advanceRate="0.8")

    [error] = payload["errors"]
    assert error["code"] == "LIMIT_EXCEEDED"
    assert "188800.00" in error["message"]
    assert "150000.00" in error["message"]


async def test_create_offer_twice_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database)
    invoice = await invoice_due(database, book, india_today() + timedelta(days=60))
    application = await submitted(database, book, [invoice])
    await offered(database, book, application)

    payload = await offer_on(
        gql, book.maker, application, book.product, advanceRate="0.8"
    )

    assert [error["code"] for error in payload["errors"]] == ["ALREADY_OFFERED"]


async def test_create_offer_on_accepted_application_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database)
    invoice = await invoice_due(database, book, india_today() + timedelta(days=60))
    rival = await open_book(database, sme=book.sme, buyer=book.buyer)
    application = await submitted(database, book, [invoice])
    await accepted(database, book, await offered(database, book, application))

    payload = await offer_on(
        gql, rival.maker, application, rival.product, advanceRate="0.8"
    )

    assert [error["code"] for error in payload["errors"]] == ["APPLICATION_NOT_OPEN"]


async def test_create_offer_inactive_product_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database)
    retired = await add_product(database, book.lender, is_active=False)
    invoice = await invoice_due(database, book, india_today() + timedelta(days=60))
    application = await submitted(database, book, [invoice])

    payload = await offer_on(gql, book.maker, application, retired, advanceRate="0.8")

    assert [error["code"] for error in payload["errors"]] == ["PRODUCT_INACTIVE"]


async def test_create_offer_on_unmatched_application_not_found(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database)
    invoice = await invoice_due(database, book, india_today() + timedelta(days=60))
    application = await submitted(database, book, [invoice])
    stranger = await create_lender(database)
    product = await add_product(database, stranger)

    payload = await offer_on(
        gql, await lender_user(database, stranger), application, product
    )

    assert [error["code"] for error in payload["errors"]] == ["NOT_FOUND"]
    assert payload["errors"][0]["field"] == ["input", "applicationId"]


async def test_create_offer_validity_ends_with_application(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database)
    invoice = await invoice_due(database, book, india_today() + timedelta(days=60))
    application = await submitted(database, book, [invoice])

    payload = await offer_on(
        gql, book.maker, application, book.product, advanceRate="0.8", validDays=30
    )

    valid_until = datetime.fromisoformat(payload["offer"]["validUntil"])
    assert valid_until == application.expires_at.astimezone(UTC)
