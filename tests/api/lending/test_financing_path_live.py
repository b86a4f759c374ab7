"""The whole financing path over HTTP, with real tokens, a real server and the CLI.

An SME applies, a lender offers, the SME accepts, one lender user requests
the disbursal and another approves it, and two repayments close the loan.
A second loan, left unpaid, moves from SMA-0 to NPA as `hundi day-end` runs
over the RBI example dates (due 31 March: SMA-1 at day-end 30 April, SMA-2
at 30 May, NPA at 29 June). The lender's machine client then reads the
portfolio with OAuth client credentials.
"""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from typing import Any

import httpx
from authlib.integrations.httpx_client import AsyncOAuth2Client

from hundi.api.relay import to_global_id
from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.services.actor import SYSTEM
from hundi.services.users import create_machine_client
from support.cli import run_hundi
from support.lending import (
    Book,
    accepted,
    disbursed,
    india_noon,
    invoice_due,
    loans_of,
    offered,
    open_book,
    submitted,
)
from support.live import LiveServer

SUBMIT = """
mutation($ids: [ID!]!) {
  submitApplication(input: {invoiceIds: $ids}) {
    application { id status } errors { code message }
  }
}
"""
OFFER = """
mutation($input: CreateOfferInput!) {
  createOffer(input: $input) {
    offer { id keyFacts { advanceAmount netAmount } lines { netAmount } }
    errors { code message }
  }
}
"""
ACCEPT = """
mutation($id: ID!, $key: String!) {
  acceptOffer(input: {offerId: $id, idempotencyKey: $key}) {
    offer { status application { loans { id status } } } errors { code message }
  }
}
"""
REQUEST = """
mutation($id: ID!, $date: Date!) {
  requestDisbursal(input: {offerId: $id, utr: "UTIB0000202612041", valueDate: $date,
                           idempotencyKey: "request-1"}) {
    disbursal { id status } errors { code message }
  }
}
"""
APPROVE = """
mutation($id: ID!, $key: String!) {
  approveDisbursal(input: {disbursalId: $id, idempotencyKey: $key}) {
    disbursal { status amount } errors { code message }
  }
}
"""
REPAY = """
mutation($id: ID!, $amount: Money!, $on: Date!, $ref: String!, $key: String!) {
  recordRepayment(input: {loanId: $id, amount: $amount, receivedOn: $on,
                          bankReference: $ref, idempotencyKey: $key}) {
    repayment { loan { status principalOutstanding } } errors { code message }
  }
}
"""
LOAN = "query($id: ID!) { node(id: $id) { ... on Loan { status assetClass daysPastDue } } }"
PORTFOLIO = """
{ portfolio {
    outstanding { principal loans }
    assetClasses { assetClass loans }
    loans(filter: {status: [REPAID]}) { totalCount }
} }
"""


class Client:
    """GraphQL over HTTP as one signed-in user; fails on any top-level error."""

    def __init__(self, base_url: str, token: str) -> None:
        self.base_url = base_url
        self.token = token

    async def __call__(self, query: str, **variables: Any) -> dict[str, Any]:
        async with httpx.AsyncClient(base_url=self.base_url) as http:
            response = await http.post(
                "/graphql",
                json={"query": query, "variables": variables},
                headers={"Authorization": f"Bearer {self.token}"},
            )
        body = response.json()
        assert "errors" not in body, body["errors"]
        data: dict[str, Any] = body["data"]
        return data


async def sign_in(server: LiveServer, email: str) -> Client:
    result = await asyncio.to_thread(
        run_hundi, "token", email, settings=server.settings
    )
    assert result.returncode == 0, result.stderr
    return Client(server.url, result.stdout.strip())


async def unpaid_loan_due_31_march(database: Database, book: Book) -> str:
    """A loan paid out on 30 January 2026, due 31 March 2026, never repaid.

    The API acts on today's date, so this loan is booked through the same
    services at those past dates.
    """
    paid_out = date(2026, 1, 30)
    invoice = await invoice_due(
        database, book, date(2026, 3, 31), invoice_date=date(2026, 1, 20)
    )
    now = india_noon(paid_out)
    application = await submitted(database, book, [invoice], now=now)
    offer = await offered(database, book, application, now=now)
    await accepted(database, book, offer, now=now)
    await disbursed(database, book, offer, paid_out, now=now)

    [loan] = await loans_of(database, offer)
    return to_global_id("Loan", loan.id)


async def test_financing_path_end_to_end(
    database: Database, live_server: LiveServer
) -> None:
    book = await open_book(database)
    today = india_today()
    invoice = await invoice_due(database, book, today + timedelta(days=60))
    unpaid_id = await unpaid_loan_due_31_march(database, book)
    sme = await sign_in(live_server, book.owner.email or "")
    maker = await sign_in(live_server, book.maker.email or "")
    checker = await sign_in(live_server, book.checker.email or "")

    # The SME applies; the lender offers; the SME accepts.
    submitted_app = (await sme(SUBMIT, ids=[to_global_id("Invoice", invoice.id)]))[
        "submitApplication"
    ]
    assert submitted_app["errors"] == []
    made = (
        await maker(
            OFFER,
            input={
                "applicationId": submitted_app["application"]["id"],
                "productId": to_global_id("LenderProduct", book.product.id),
                "advanceRate": "0.8",
                "annualRate": "0.135",
                "processingFeeRate": "0.005",
            },
        )
    )["createOffer"]
    assert made["errors"] == []
    [line] = made["offer"]["lines"]
    assert line["netAmount"] == made["offer"]["keyFacts"]["netAmount"]
    taken = (await sme(ACCEPT, id=made["offer"]["id"], key="accept-1"))["acceptOffer"]
    assert taken["offer"]["status"] == "ACCEPTED"
    [loan] = taken["offer"]["application"]["loans"]

    # Maker requests, a different user approves.
    asked = (await maker(REQUEST, id=made["offer"]["id"], date=today.isoformat()))[
        "requestDisbursal"
    ]
    assert asked["errors"] == []
    refused = (await maker(APPROVE, id=asked["disbursal"]["id"], key="a-0"))[
        "approveDisbursal"
    ]
    assert [error["code"] for error in refused["errors"]] == ["MAKER_CANNOT_APPROVE"]
    approved = (await checker(APPROVE, id=asked["disbursal"]["id"], key="a-1"))[
        "approveDisbursal"
    ]
    assert approved["disbursal"]["status"] == "APPROVED"

    # Two repayments close the loan.
    first = (
        await maker(
            REPAY,
            id=loan["id"],
            amount="50000.00",
            on=today.isoformat(),
            ref="NEFTLIVE0001",
            key="r-1",
        )
    )["recordRepayment"]
    assert first["repayment"]["loan"] == {
        "status": "ACTIVE",
        "principalOutstanding": "44400.00",
    }
    second = (
        await maker(
            REPAY,
            id=loan["id"],
            amount="44400.00",
            on=today.isoformat(),
            ref="NEFTLIVE0002",
            key="r-2",
        )
    )["recordRepayment"]
    assert second["repayment"]["loan"]["status"] == "REPAID"

    # The unpaid loan moves through the RBI classes as day-end runs.
    classes = []
    for day in ("2026-03-31", "2026-04-30", "2026-05-30", "2026-06-29"):
        ran = await asyncio.to_thread(
            run_hundi, "day-end", "--date", day, settings=live_server.settings
        )
        assert ran.returncode == 0, ran.stderr
        classes.append((await maker(LOAN, id=unpaid_id))["node"]["assetClass"])
    assert classes == ["SMA_0", "SMA_1", "SMA_2", "NPA"]

    # The lender's system reads the portfolio with client credentials.
    created = await create_machine_client(
        database, SYSTEM, book.lender.id, "Lender's loan system"
    )
    async with AsyncOAuth2Client(
        client_id=created.client.client_id,
        client_secret=created.secret,
        token_endpoint_auth_method="client_secret_basic",
    ) as oauth:
        token = await oauth.fetch_token(
            f"{live_server.url}/oauth/token", grant_type="client_credentials"
        )
    system = Client(live_server.url, token["access_token"])
    portfolio = (await system(PORTFOLIO))["portfolio"]
    assert portfolio["outstanding"] == {"principal": "94400.00", "loans": 1}
    buckets = {row["assetClass"]: row["loans"] for row in portfolio["assetClasses"]}
    assert buckets["NPA"] == 1
    assert portfolio["loans"]["totalCount"] == 1
