"""FinancingApplication.lenderExposure: a lender's stake and headroom, to itself."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from hundi.api.relay import to_global_id
from hundi.db import Database
from hundi.domain.calendar import india_today
from support.factories import create_buyer
from support.graphql import GraphQLClient
from support.lending import (
    accepted,
    active_loans,
    invoice_due,
    offered,
    open_book,
    submitted,
)

EXPOSURE = """
query($id: ID!) {
  node(id: $id) {
    ... on FinancingApplication {
      lenderExposure {
        product { name }
        totalExposure
        sme { outstanding reserved exposure limit headroomUnderLimit }
        buyers {
          buyer { legalName }
          figures { outstanding reserved exposure limit headroomUnderLimit }
          share concentrationCap concentrationApplies concentrationHeadroom headroom
        }
      }
    }
  }
}
"""


async def test_lender_exposure_shows_outstanding_reserved_and_headroom(
    database: Database, gql: GraphQLClient
) -> None:
    # An active loan on another buyer and an accepted one on this buyer, each
    # with an advance of 94,400; the new application is on this buyer too.
    book = await open_book(
        database,
        limit_per_buyer=Decimal("300000.00"),
        limit_per_sme=Decimal("300000.00"),
        concentration_floor=Decimal("200000.00"),
        concentration_cap=Decimal("0.70"),
    )
    today = india_today()
    elsewhere = await invoice_due(
        database, book, today + timedelta(days=50), buyer=await create_buyer(database)
    )
    await active_loans(database, book, [elsewhere], on=today - timedelta(days=5))
    pending = await invoice_due(database, book, today + timedelta(days=50))
    await accepted(
        database,
        book,
        await offered(database, book, await submitted(database, book, [pending])),
    )
    new = await invoice_due(database, book, today + timedelta(days=60))
    application = await submitted(database, book, [new])
    variables = {"id": to_global_id("FinancingApplication", application.id)}

    data = await gql(book.maker, EXPOSURE, variables)

    exposure = data["node"]["lenderExposure"]
    assert exposure["product"]["name"] == book.product.name
    assert exposure["totalExposure"] == "188800.00"
    assert exposure["sme"] == {
        "outstanding": "94400.00",
        "reserved": "94400.00",
        "exposure": "188800.00",
        "limit": "300000.00",
        "headroomUnderLimit": "111200.00",
    }
    [buyer] = exposure["buyers"]
    assert buyer["figures"] == {
        "outstanding": "0.00",
        "reserved": "94400.00",
        "exposure": "94400.00",
        "limit": "300000.00",
        "headroomUnderLimit": "205600.00",
    }
    assert buyer["share"] == "0.5"
    assert buyer["concentrationApplies"] is False
    # (0.70 x 1,88,800 - 94,400) / 0.30, rounded down to paise.
    assert buyer["concentrationHeadroom"] == "125866.66"
    assert buyer["headroom"] == "111200.00"


async def test_lender_exposure_hidden_from_sme(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database)
    invoice = await invoice_due(database, book, india_today() + timedelta(days=60))
    application = await submitted(database, book, [invoice])
    variables = {"id": to_global_id("FinancingApplication", application.id)}

    data = await gql(book.owner, EXPOSURE, variables)

    assert data["node"]["lenderExposure"] is None


async def test_lender_exposure_other_lender_application_not_found(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database)
    invoice = await invoice_due(database, book, india_today() + timedelta(days=60))
    application = await submitted(database, book, [invoice])
    stranger = await open_book(database)
    variables = {"id": to_global_id("FinancingApplication", application.id)}

    data = await gql(stranger.maker, EXPOSURE, variables)

    assert data["node"] is None
