"""The built-in provider, driven by authlib's OAuth client against a running server."""

from __future__ import annotations

import httpx
import pytest
from authlib.integrations.base_client import OAuthError
from authlib.integrations.httpx_client import AsyncOAuth2Client

from hundi.auth.passwords import hash_password
from hundi.db import Database
from hundi.domain.enums import Role
from hundi.services.actor import SYSTEM
from hundi.services.users import create_machine_client, deactivate_user
from support.factories import (
    add,
    create_application,
    create_buyer,
    create_invoice,
    create_lender,
    create_loan,
    create_offer,
    create_product,
    create_sme,
)
from support.live import LiveServer
from support.oauth import (
    graphql,
    query_of,
    sign_in_at_provider,
    user_tokens,
    web_client,
)

PASSWORD = "correct horse battery"
VIEWER = "{ viewer { role user { email } sme { legalName } lender { name } clientId scopes } }"


async def _user(
    database: Database, email: str, role: Role = Role.OPS, **fields: object
):
    from hundi import models

    user = models.User(
        email=email,
        full_name="Asha Verma",
        role=role,
        password_hash=hash_password(PASSWORD),
        **fields,
    )
    await add(database, user)
    return user


async def test_code_flow_with_pkce_signs_in(
    database: Database, live_server: LiveServer
) -> None:
    await _user(database, "ops.one@hundi.example")

    tokens = await user_tokens(live_server.url, "ops.one@hundi.example", PASSWORD)
    body = await graphql(live_server.url, tokens["access_token"], VIEWER)

    assert body["data"]["viewer"]["role"] == "OPS"
    assert body["data"]["viewer"]["user"]["email"] == "ops.one@hundi.example"
    assert "refresh_token" in tokens
    assert "id_token" in tokens


async def test_code_flow_without_pkce_rejected(
    database: Database, live_server: LiveServer
) -> None:
    await _user(database, "ops.two@hundi.example")
    url = (
        f"{live_server.url}/oauth/authorize?response_type=code&client_id=hundi-web"
        f"&redirect_uri={live_server.url}/auth/callback&scope=openid&state=abc"
    )

    async with httpx.AsyncClient() as browser:
        page = await browser.get(url)

    assert page.status_code == 302
    assert query_of(page.headers["location"])["error"] == "invalid_request"


async def test_code_flow_with_plain_pkce_rejected(
    database: Database, live_server: LiveServer
) -> None:
    url = (
        f"{live_server.url}/oauth/authorize?response_type=code&client_id=hundi-web"
        f"&redirect_uri={live_server.url}/auth/callback&scope=openid&state=abc"
        "&code_challenge=abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrs&code_challenge_method=plain"
    )

    async with httpx.AsyncClient() as browser:
        page = await browser.get(url)

    assert query_of(page.headers["location"])["error"] == "invalid_request"


async def test_code_flow_foreign_redirect_uri_rejected(live_server: LiveServer) -> None:
    url = (
        f"{live_server.url}/oauth/authorize?response_type=code&client_id=hundi-web"
        "&redirect_uri=https://evil.example/callback&scope=openid&state=abc"
        "&code_challenge=abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrs&code_challenge_method=S256"
    )

    async with httpx.AsyncClient() as browser:
        page = await browser.get(url)

    assert page.status_code == 400
    assert "location" not in page.headers


async def test_code_used_twice_rejected(
    database: Database, live_server: LiveServer
) -> None:
    await _user(database, "ops.three@hundi.example")
    verifier = "v" * 50
    async with web_client(live_server.url) as client:
        url, _ = client.create_authorization_url(
            f"{live_server.url}/oauth/authorize", code_verifier=verifier
        )
        result = await sign_in_at_provider(url, "ops.three@hundi.example", PASSWORD)
        assert result.callback_url is not None
        await client.fetch_token(
            f"{live_server.url}/oauth/token",
            authorization_response=result.callback_url,
            code_verifier=verifier,
        )

        with pytest.raises(OAuthError, match="invalid_grant"):
            await client.fetch_token(
                f"{live_server.url}/oauth/token",
                authorization_response=result.callback_url,
                code_verifier=verifier,
            )


async def test_wrong_verifier_rejected(
    database: Database, live_server: LiveServer
) -> None:
    await _user(database, "ops.four@hundi.example")
    async with web_client(live_server.url) as client:
        url, _ = client.create_authorization_url(
            f"{live_server.url}/oauth/authorize", code_verifier="a" * 50
        )
        result = await sign_in_at_provider(url, "ops.four@hundi.example", PASSWORD)
        assert result.callback_url is not None

        with pytest.raises(OAuthError, match="invalid_grant"):
            await client.fetch_token(
                f"{live_server.url}/oauth/token",
                authorization_response=result.callback_url,
                code_verifier="b" * 50,
            )


async def test_refresh_token_rotates(
    database: Database, live_server: LiveServer
) -> None:
    await _user(database, "ops.five@hundi.example")
    tokens = await user_tokens(live_server.url, "ops.five@hundi.example", PASSWORD)

    async with web_client(live_server.url) as client:
        renewed = await client.refresh_token(
            f"{live_server.url}/oauth/token", refresh_token=tokens["refresh_token"]
        )

    assert renewed["refresh_token"] != tokens["refresh_token"]
    body = await graphql(live_server.url, renewed["access_token"], VIEWER)
    assert body["data"]["viewer"]["role"] == "OPS"


async def test_refresh_token_reuse_revokes_family(
    database: Database, live_server: LiveServer
) -> None:
    await _user(database, "ops.six@hundi.example")
    tokens = await user_tokens(live_server.url, "ops.six@hundi.example", PASSWORD)
    async with web_client(live_server.url) as client:
        renewed = await client.refresh_token(
            f"{live_server.url}/oauth/token", refresh_token=tokens["refresh_token"]
        )

        with pytest.raises(OAuthError, match="invalid_grant"):
            await client.refresh_token(
                f"{live_server.url}/oauth/token", refresh_token=tokens["refresh_token"]
            )
        with pytest.raises(OAuthError, match="invalid_grant"):
            await client.refresh_token(
                f"{live_server.url}/oauth/token", refresh_token=renewed["refresh_token"]
            )


async def test_deactivated_user_refresh_token_stops(
    database: Database, live_server: LiveServer
) -> None:
    user = await _user(database, "ops.seven@hundi.example")
    tokens = await user_tokens(live_server.url, "ops.seven@hundi.example", PASSWORD)

    await deactivate_user(database, SYSTEM, user.id)

    async with web_client(live_server.url) as client:
        with pytest.raises(OAuthError, match="invalid_grant"):
            await client.refresh_token(
                f"{live_server.url}/oauth/token", refresh_token=tokens["refresh_token"]
            )
    body = await graphql(live_server.url, tokens["access_token"], VIEWER)
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_revoked_refresh_token_stops(
    database: Database, live_server: LiveServer
) -> None:
    await _user(database, "ops.eight@hundi.example")
    tokens = await user_tokens(live_server.url, "ops.eight@hundi.example", PASSWORD)

    async with httpx.AsyncClient() as http:
        revoked = await http.post(
            f"{live_server.url}/oauth/revoke",
            data={
                "token": tokens["refresh_token"],
                "token_type_hint": "refresh_token",
                "client_id": "hundi-web",
            },
        )
    async with web_client(live_server.url) as client:
        with pytest.raises(OAuthError, match="invalid_grant"):
            await client.refresh_token(
                f"{live_server.url}/oauth/token", refresh_token=tokens["refresh_token"]
            )

    assert revoked.status_code == 200


async def _lender_with_loan(database: Database):
    lender = await create_lender(database)
    product = await create_product(database, lender)
    sme = await create_sme(database)
    invoice = await create_invoice(database, sme, await create_buyer(database))
    application = await create_application(database, sme, [invoice], lenders=[lender])
    offer = await create_offer(database, application, product)
    loan = await create_loan(database, offer, invoice)
    return lender, loan


async def test_client_credentials_read_own_lender_only(
    database: Database, live_server: LiveServer
) -> None:
    mine, my_loan = await _lender_with_loan(database)
    _other, other_loan = await _lender_with_loan(database)
    created = await create_machine_client(database, SYSTEM, mine.id, "Loan book sync")

    async with AsyncOAuth2Client(
        client_id=created.client.client_id,
        client_secret=created.secret,
        token_endpoint_auth_method="client_secret_basic",
    ) as client:
        token = await client.fetch_token(
            f"{live_server.url}/oauth/token", grant_type="client_credentials"
        )
    body = await graphql(
        live_server.url,
        token["access_token"],
        "{ loans { edges { node { id } } } viewer { role clientId } }",
    )

    from hundi.api.relay import to_global_id

    ids = [edge["node"]["id"] for edge in body["data"]["loans"]["edges"]]
    assert ids == [to_global_id("Loan", my_loan.id)]
    assert to_global_id("Loan", other_loan.id) not in ids
    assert body["data"]["viewer"]["role"] == "LENDER"
    assert token["scope"] == "portfolio:read"
    assert "refresh_token" not in token


async def test_client_credentials_cannot_mutate(
    database: Database, live_server: LiveServer
) -> None:
    lender, _loan = await _lender_with_loan(database)
    created = await create_machine_client(database, SYSTEM, lender.id, "Reporting")
    async with AsyncOAuth2Client(
        client_id=created.client.client_id, client_secret=created.secret
    ) as client:
        token = await client.fetch_token(
            f"{live_server.url}/oauth/token", grant_type="client_credentials"
        )

    body = await graphql(
        live_server.url,
        token["access_token"],
        'mutation { createUser(input: {email: "x@y.example", fullName: "X", role: OPS}) { errors { code } } }',
    )

    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_client_credentials_wrong_secret_rejected(
    database: Database, live_server: LiveServer
) -> None:
    lender, _loan = await _lender_with_loan(database)
    created = await create_machine_client(database, SYSTEM, lender.id, "Reporting")

    async with AsyncOAuth2Client(
        client_id=created.client.client_id, client_secret="not-the-secret"
    ) as client:
        with pytest.raises(OAuthError, match="invalid_client"):
            await client.fetch_token(
                f"{live_server.url}/oauth/token", grant_type="client_credentials"
            )
