"""The demo lender's own system reads its portfolio with client credentials."""

from __future__ import annotations

from authlib.integrations.httpx_client import AsyncOAuth2Client

from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.seed.demo import (
    DEMO_LENDER_CLIENT_ID,
    DEMO_LENDER_CLIENT_SECRET,
    seed_demo,
)
from support.live import LiveServer
from support.oauth import graphql

PORTFOLIO = """
{ portfolio {
    outstanding { principal penal loans }
    assetClasses { assetClass loans principal }
    concentration(by: BUYER, first: 3) { label share }
    loans(first: 5, order: DUE_DATE) { totalCount nodes { status dueDate } }
} }
"""


async def test_demo_machine_client_reads_portfolio(
    database: Database, live_server: LiveServer
) -> None:
    await seed_demo(database, as_of=india_today())
    async with AsyncOAuth2Client(
        client_id=DEMO_LENDER_CLIENT_ID,
        client_secret=DEMO_LENDER_CLIENT_SECRET,
        token_endpoint_auth_method="client_secret_basic",
    ) as client:
        token = await client.fetch_token(
            f"{live_server.url}/oauth/token", grant_type="client_credentials"
        )

    body = await graphql(live_server.url, token["access_token"], PORTFOLIO)

    assert "errors" not in body, body["errors"]
    portfolio = body["data"]["portfolio"]
    assert portfolio["outstanding"]["loans"] > 0
    shares = [row["share"] for row in portfolio["concentration"]]
    assert shares == sorted(shares, key=float, reverse=True)
    assert portfolio["loans"]["totalCount"] >= portfolio["outstanding"]["loans"]
    due_dates = [node["dueDate"] for node in portfolio["loans"]["nodes"]]
    assert due_dates == sorted(due_dates)
