"""acceptOffer: the SME accepts; loans are booked and limits reserved, once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from hundi import models
from hundi.api.relay import to_global_id
from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.enums import LoanStatus, OfferStatus
from hundi.services.actor import Actor
from support.factories import create_sme
from support.graphql import GraphQLClient
from support.lending import (
    invoice_due,
    offered,
    open_book,
    reload,
    sme_user,
    submitted,
)
from support.rows import all_rows, audit_actions, count_rows

ACCEPT = """
mutation Accept($input: AcceptOfferInput!) {
  acceptOffer(input: $input) {
    offer {
      id status decidedAt
      application {
        status
        offers { id status }
        loans { status advanceAmount principalOutstanding dueDate }
      }
    }
    errors { field code message }
  }
}
"""


async def accept(
    gql: GraphQLClient, actor: Actor, offer: models.Offer, key: str = "accept-1"
) -> dict[str, Any]:
    variables = {
        "input": {"offerId": to_global_id("Offer", offer.id), "idempotencyKey": key}
    }
    data = await gql(actor, ACCEPT, variables)
    payload: dict[str, Any] = data["acceptOffer"]
    return payload


async def test_accept_offer_books_one_loan_per_invoice(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database)
    rival = await open_book(database, sme=book.sme, buyer=book.buyer)
    today = india_today()
    invoices = [
        await invoice_due(database, book, today + timedelta(days=45)),
        await invoice_due(database, book, today + timedelta(days=80)),
    ]
    application = await submitted(database, book, invoices)
    offer = await offered(database, book, application)
    other = await offered(database, rival, application)

    payload = await accept(gql, book.owner, offer)

    assert payload["errors"] == []
    accepted_offer = payload["offer"]
    assert accepted_offer["status"] == "ACCEPTED"
    assert accepted_offer["application"]["status"] == "ACCEPTED"
    statuses = {o["id"]: o["status"] for o in accepted_offer["application"]["offers"]}
    assert statuses == {
        to_global_id("Offer", offer.id): "ACCEPTED",
        to_global_id("Offer", other.id): "DECLINED",
    }
    loans = accepted_offer["application"]["loans"]
    assert [loan["status"] for loan in loans] == ["PENDING_DISBURSAL"] * 2
    assert [loan["principalOutstanding"] for loan in loans] == ["94400.00"] * 2
    stored = await all_rows(database, models.Loan)
    assert {loan.lender_id for loan in stored} == {book.lender.id}
    assert "loan.booked" in await audit_actions(database)


async def test_accept_offer_repeat_returns_first_result(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database)
    invoice = await invoice_due(database, book, india_today() + timedelta(days=60))
    offer = await offered(database, book, await submitted(database, book, [invoice]))

    first = await accept(gql, book.owner, offer, key="same")
    second = await accept(gql, book.owner, offer, key="same")

    assert second["errors"] == []
    assert second["offer"]["id"] == first["offer"]["id"]
    assert await count_rows(database, models.Loan) == 1
    assert await count_rows(database, models.IdempotencyRecord) == 1


async def test_accept_offer_new_key_after_acceptance_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database)
    invoice = await invoice_due(database, book, india_today() + timedelta(days=60))
    offer = await offered(database, book, await submitted(database, book, [invoice]))
    await accept(gql, book.owner, offer, key="first")

    payload = await accept(gql, book.owner, offer, key="second")

    assert [error["code"] for error in payload["errors"]] == ["OFFER_NOT_OPEN"]
    assert await count_rows(database, models.Loan) == 1


async def test_accept_offer_key_reused_for_other_offer_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database)
    due = india_today() + timedelta(days=60)
    first = await offered(
        database,
        book,
        await submitted(database, book, [await invoice_due(database, book, due)]),
    )
    second = await offered(
        database,
        book,
        await submitted(database, book, [await invoice_due(database, book, due)]),
    )
    await accept(gql, book.owner, first, key="shared")

    payload = await accept(gql, book.owner, second, key="shared")

    assert [error["code"] for error in payload["errors"]] == ["IDEMPOTENCY_KEY_REUSED"]
    assert payload["errors"][0]["field"] == ["input", "idempotencyKey"]
    assert (await reload(database, models.Offer, second.id)).status is OfferStatus.OPEN


async def test_accept_offer_expired_rejected_and_marked(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database)
    invoice = await invoice_due(database, book, india_today() + timedelta(days=60))
    offer = await offered(database, book, await submitted(database, book, [invoice]))
    async with database.transaction() as session:
        row = await session.get(models.Offer, offer.id)
        assert row is not None
        row.valid_until = datetime.now(UTC) - timedelta(seconds=1)

    payload = await accept(gql, book.owner, offer)

    assert [error["code"] for error in payload["errors"]] == ["OFFER_EXPIRED"]
    assert (
        await reload(database, models.Offer, offer.id)
    ).status is OfferStatus.EXPIRED
    assert await count_rows(database, models.Loan) == 0


async def test_accept_offer_over_limit_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database, limit_per_sme=Decimal("150000.00"))
    due = india_today() + timedelta(days=60)
    first = await offered(
        database,
        book,
        await submitted(database, book, [await invoice_due(database, book, due)]),
    )
    second = await offered(
        database,
        book,
        await submitted(database, book, [await invoice_due(database, book, due)]),
    )
    await accept(gql, book.owner, first, key="a")

    payload = await accept(gql, book.owner, second, key="b")

    [error] = payload["errors"]
    assert error["code"] == "LIMIT_EXCEEDED"
    assert "limit per SME of 150000.00" in error["message"]
    loans = await all_rows(database, models.Loan)
    assert [loan.status for loan in loans] == [LoanStatus.PENDING_DISBURSAL]


async def test_accept_offer_of_other_sme_not_found(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database)
    invoice = await invoice_due(database, book, india_today() + timedelta(days=60))
    offer = await offered(database, book, await submitted(database, book, [invoice]))
    stranger = await sme_user(database, await create_sme(database))

    payload = await accept(gql, stranger, offer)

    assert [error["code"] for error in payload["errors"]] == ["NOT_FOUND"]
    assert await count_rows(database, models.IdempotencyRecord) == 0
