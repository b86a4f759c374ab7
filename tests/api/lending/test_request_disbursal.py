"""requestDisbursal: the maker asks to pay out an accepted offer."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from hundi import models
from hundi.api.relay import to_global_id
from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.pricing import price
from hundi.services.actor import Actor
from hundi.services.lending.disbursals import loan_terms
from support.graphql import GraphQLClient
from support.lending import (
    Book,
    accepted,
    invoice_due,
    loans_of,
    offered,
    open_book,
    submitted,
)
from support.rows import count_rows

REQUEST = """
mutation Request($input: RequestDisbursalInput!) {
  requestDisbursal(input: $input) {
    disbursal { id status utr valueDate amount requestedByYou }
    errors { field code message }
  }
}
"""


async def request(
    gql: GraphQLClient,
    actor: Actor,
    offer: models.Offer,
    *,
    utr: str = "utib0000123456789",
    value_date: Any = None,
    key: str = "request-1",
) -> dict[str, Any]:
    variables = {
        "input": {
            "offerId": to_global_id("Offer", offer.id),
            "utr": utr,
            "valueDate": (value_date or india_today()).isoformat(),
            "idempotencyKey": key,
        }
    }
    data = await gql(actor, REQUEST, variables)
    payload: dict[str, Any] = data["requestDisbursal"]
    return payload


async def _accepted_offer(database: Database, days: int = 60) -> tuple[Book, Any]:
    book = await open_book(database)
    invoice = await invoice_due(database, book, india_today() + timedelta(days=days))
    offer = await offered(database, book, await submitted(database, book, [invoice]))
    return book, await accepted(database, book, offer)


async def test_request_disbursal_prices_on_value_date(
    database: Database, gql: GraphQLClient
) -> None:
    book, offer = await _accepted_offer(database)
    [loan] = await loans_of(database, offer)

    payload = await request(gql, book.maker, offer)

    assert payload["errors"] == []
    disbursal = payload["disbursal"]
    assert disbursal["status"] == "REQUESTED"
    assert disbursal["utr"] == "UTIB0000123456789"
    assert disbursal["requestedByYou"] is True
    expected = price(
        loan.invoice_amount, loan_terms(loan, offer), india_today(), loan.due_date
    )
    assert disbursal["amount"] == str(expected.net_amount)


async def test_request_disbursal_value_date_checks(
    database: Database, gql: GraphQLClient
) -> None:
    book, offer = await _accepted_offer(database)
    today = india_today()

    future = await request(gql, book.maker, offer, value_date=today + timedelta(days=1))
    before = await request(gql, book.maker, offer, value_date=today - timedelta(days=1))

    assert [error["code"] for error in future["errors"]] == ["VALUE_DATE_OUT_OF_RANGE"]
    assert "after today in India" in future["errors"][0]["message"]
    assert [error["code"] for error in before["errors"]] == ["VALUE_DATE_OUT_OF_RANGE"]
    assert "before the offer was accepted" in before["errors"][0]["message"]
    assert await count_rows(database, models.Disbursal) == 0


async def test_request_disbursal_second_live_request_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    book, offer = await _accepted_offer(database)
    await request(gql, book.maker, offer)

    payload = await request(gql, book.checker, offer, utr="UTIB0000999999999", key="x")

    assert [error["code"] for error in payload["errors"]] == ["DISBURSAL_EXISTS"]


async def test_request_disbursal_utr_taken_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    book, offer = await _accepted_offer(database)
    other_book, other_offer = await _accepted_offer(database)
    await request(gql, book.maker, offer)

    payload = await request(gql, other_book.maker, other_offer, key="other")

    assert [error["code"] for error in payload["errors"]] == ["UTR_TAKEN"]


async def test_request_disbursal_bad_utr_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    book, offer = await _accepted_offer(database)

    payload = await request(gql, book.maker, offer, utr="12-34")

    assert [error["code"] for error in payload["errors"]] == ["INVALID_UTR"]


async def test_request_disbursal_of_open_offer_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database)
    invoice = await invoice_due(database, book, india_today() + timedelta(days=60))
    offer = await offered(database, book, await submitted(database, book, [invoice]))

    payload = await request(gql, book.maker, offer)

    assert [error["code"] for error in payload["errors"]] == ["OFFER_NOT_ACCEPTED"]


async def test_request_disbursal_other_lender_offer_not_found(
    database: Database, gql: GraphQLClient
) -> None:
    _book, offer = await _accepted_offer(database)
    stranger = await open_book(database)

    payload = await request(gql, stranger.maker, offer)

    assert [error["code"] for error in payload["errors"]] == ["NOT_FOUND"]
