"""withdrawApplication: an SME withdraws before accepting; open offers go too."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from hundi import models
from hundi.api.relay import to_global_id
from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.enums import ApplicationStatus, OfferStatus
from hundi.services.actor import Actor
from support.factories import create_sme
from support.graphql import GraphQLClient
from support.lending import (
    accepted,
    invoice_due,
    offered,
    open_book,
    reload,
    sme_user,
    submitted,
)

WITHDRAW = """
mutation Withdraw($input: WithdrawApplicationInput!) {
  withdrawApplication(input: $input) {
    application { id status closedAt offers { status } }
    errors { field code message }
  }
}
"""


async def withdraw(
    gql: GraphQLClient, actor: Actor, application: models.FinancingApplication
) -> dict[str, Any]:
    variables = {
        "input": {"applicationId": to_global_id("FinancingApplication", application.id)}
    }
    data = await gql(actor, WITHDRAW, variables)
    payload: dict[str, Any] = data["withdrawApplication"]
    return payload


async def _application(database: Database) -> tuple[Any, models.FinancingApplication]:
    book = await open_book(database)
    invoice = await invoice_due(database, book, india_today() + timedelta(days=60))
    return book, await submitted(database, book, [invoice])


async def test_withdraw_application_withdraws_open_offers(
    database: Database, gql: GraphQLClient
) -> None:
    book, application = await _application(database)
    offer = await offered(database, book, application)

    payload = await withdraw(gql, book.owner, application)

    assert payload["errors"] == []
    assert payload["application"]["status"] == "WITHDRAWN"
    assert payload["application"]["closedAt"] is not None
    assert payload["application"]["offers"] == [{"status": "WITHDRAWN"}]
    assert (
        await reload(database, models.Offer, offer.id)
    ).status is OfferStatus.WITHDRAWN


async def test_withdraw_application_after_acceptance_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    book, application = await _application(database)
    await accepted(database, book, await offered(database, book, application))

    payload = await withdraw(gql, book.owner, application)

    assert [error["code"] for error in payload["errors"]] == ["APPLICATION_NOT_OPEN"]


async def test_withdraw_application_past_expiry_expires_it(
    database: Database, gql: GraphQLClient
) -> None:
    book, application = await _application(database)
    async with database.transaction() as session:
        row = await session.get(models.FinancingApplication, application.id)
        assert row is not None
        row.expires_at = datetime.now(UTC) - timedelta(minutes=1)

    payload = await withdraw(gql, book.owner, application)

    assert [error["code"] for error in payload["errors"]] == ["APPLICATION_NOT_OPEN"]
    stored = await reload(database, models.FinancingApplication, application.id)
    assert stored.status is ApplicationStatus.EXPIRED


async def test_withdraw_application_of_other_sme_not_found(
    database: Database, gql: GraphQLClient
) -> None:
    _book, application = await _application(database)
    stranger = await sme_user(database, await create_sme(database))

    payload = await withdraw(gql, stranger, application)

    assert [error["code"] for error in payload["errors"]] == ["NOT_FOUND"]
    stored = await reload(database, models.FinancingApplication, application.id)
    assert stored.status is ApplicationStatus.SUBMITTED
