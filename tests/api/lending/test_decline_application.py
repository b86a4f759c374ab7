"""declineApplication: a lender declines; the last decline closes the application."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from hundi import models
from hundi.api.relay import to_global_id
from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.enums import ApplicationStatus
from hundi.services.actor import Actor
from support.graphql import GraphQLClient
from support.lending import invoice_due, offered, open_book, reload, submitted
from support.rows import all_rows

DECLINE = """
mutation Decline($input: DeclineApplicationInput!) {
  declineApplication(input: $input) {
    application { id status offers { status } }
    errors { field code message }
  }
}
"""


async def decline(
    gql: GraphQLClient,
    actor: Actor,
    application: models.FinancingApplication,
    reason: str = "Buyer outside our appetite",
) -> dict[str, Any]:
    variables = {
        "input": {
            "applicationId": to_global_id("FinancingApplication", application.id),
            "reason": reason,
        }
    }
    data = await gql(actor, DECLINE, variables)
    payload: dict[str, Any] = data["declineApplication"]
    return payload


async def test_decline_application_last_lender_closes_it(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database)
    invoice = await invoice_due(database, book, india_today() + timedelta(days=60))
    application = await submitted(database, book, [invoice])

    payload = await decline(gql, book.maker, application)

    assert payload["errors"] == []
    assert payload["application"]["status"] == "DECLINED"
    [match] = await all_rows(database, models.ApplicationLenderMatch)
    assert match.decline_reason == "Buyer outside our appetite"
    assert match.declined_at is not None


async def test_decline_application_withdraws_own_offer_only(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database)
    rival = await open_book(database, sme=book.sme, buyer=book.buyer)
    invoice = await invoice_due(database, book, india_today() + timedelta(days=60))
    application = await submitted(database, book, [invoice])
    own = await offered(database, book, application)
    theirs = await offered(database, rival, application)

    payload = await decline(gql, book.maker, application)

    assert payload["application"]["status"] == "OFFERED"
    assert (await reload(database, models.Offer, own.id)).status.value == "WITHDRAWN"
    assert (await reload(database, models.Offer, theirs.id)).status.value == "OPEN"


async def test_decline_application_returns_to_submitted_without_offers(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database)
    await open_book(database, sme=book.sme, buyer=book.buyer)
    invoice = await invoice_due(database, book, india_today() + timedelta(days=60))
    application = await submitted(database, book, [invoice])
    await offered(database, book, application)

    payload = await decline(gql, book.maker, application)

    assert payload["application"]["status"] == "SUBMITTED"


async def test_decline_application_twice_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database)
    await open_book(database, sme=book.sme, buyer=book.buyer)
    invoice = await invoice_due(database, book, india_today() + timedelta(days=60))
    application = await submitted(database, book, [invoice])
    await decline(gql, book.maker, application)

    payload = await decline(gql, book.checker, application)

    assert [error["code"] for error in payload["errors"]] == ["ALREADY_DECLINED"]


async def test_decline_application_without_reason_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database)
    invoice = await invoice_due(database, book, india_today() + timedelta(days=60))
    application = await submitted(database, book, [invoice])

    payload = await decline(gql, book.maker, application, reason="  ")

    assert [error["code"] for error in payload["errors"]] == ["REQUIRED"]
    stored = await reload(database, models.FinancingApplication, application.id)
    assert stored.status is ApplicationStatus.SUBMITTED
