"""Tokens from an external OpenID Connect provider, found through discovery.

A second Hundi server, with its own keys and issuer, plays the external
provider: it serves a real discovery document and key set on 127.0.0.1.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey

from hundi import models
from hundi.app import create_app
from hundi.auth.keys import load_signing_keys
from hundi.auth.tokens import TokenIssuer
from hundi.auth.validation import ExternalIssuer, InvalidToken
from hundi.db import Database
from hundi.domain.enums import Role
from hundi.settings import Settings
from support.factories import add
from support.live import LiveServer, free_port, start_server

EXTERNAL_AUDIENCE = "hundi-at-partner"
VIEWER = "{ viewer { role user { email } } }"


@pytest.fixture
def provider(
    settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    port = free_port()
    provider_settings = settings.model_copy(
        update={
            "public_base_url": f"http://127.0.0.1:{port}",
            "oauth_signing_keys": None,
            "var_dir": tmp_path_factory.mktemp("provider"),
            "oauth_audience": EXTERNAL_AUDIENCE,
        }
    )
    server = start_server(provider_settings)
    yield server
    server.stop()


@pytest.fixture
def relying_settings(settings: Settings, provider: LiveServer) -> Settings:
    return settings.model_copy(
        update={
            "oidc_issuer": provider.url,
            "oidc_audience": EXTERNAL_AUDIENCE,
            "oidc_role_claim": "groups",
            "oidc_role_map": {"hundi-ops": "OPS", "hundi-admins": "ADMIN"},
        }
    )


@pytest.fixture
async def client(
    database: Database, relying_settings: Settings
) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(relying_settings, database=database)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as http:
        yield http


def provider_token(provider: LiveServer, **claims: Any) -> str:
    keys = load_signing_keys(provider.settings.var_dir, None)
    issuer = TokenIssuer(keys, provider.settings.issuer, EXTERNAL_AUDIENCE)
    return issuer.access_token(
        subject="ext-123",
        client_id="partner-app",
        scope="openid email",
        lifetime=300,
        extra=claims,
    ).token


async def _ask(client: httpx.AsyncClient, token: str) -> dict[str, Any]:
    response = await client.post(
        "/graphql", json={"query": VIEWER}, headers={"Authorization": f"Bearer {token}"}
    )
    body: dict[str, Any] = response.json()
    return body


async def _ops(database: Database) -> None:
    await add(
        database,
        models.User(email="asha@partner.example", full_name="Asha", role=Role.OPS),
    )


async def test_external_token_accepted(
    database: Database, client: httpx.AsyncClient, provider: LiveServer
) -> None:
    await _ops(database)

    body = await _ask(
        client,
        provider_token(provider, email="asha@partner.example", groups=["hundi-ops"]),
    )

    assert body["data"]["viewer"]["role"] == "OPS"
    assert body["data"]["viewer"]["user"]["email"] == "asha@partner.example"


async def test_external_token_role_not_mapped_rejected(
    database: Database, client: httpx.AsyncClient, provider: LiveServer
) -> None:
    await _ops(database)

    body = await _ask(
        client,
        provider_token(provider, email="asha@partner.example", groups=["hundi-admins"]),
    )

    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert "roles" in body["errors"][0]["message"]


async def test_external_token_without_account_rejected(
    client: httpx.AsyncClient, provider: LiveServer
) -> None:
    body = await _ask(
        client,
        provider_token(
            provider, email="stranger@partner.example", groups=["hundi-ops"]
        ),
    )

    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_external_id_token_rejected(
    database: Database, client: httpx.AsyncClient, provider: LiveServer
) -> None:
    await _ops(database)
    keys = load_signing_keys(provider.settings.var_dir, None)
    id_token = TokenIssuer(keys, provider.settings.issuer, EXTERNAL_AUDIENCE).id_token(
        subject="ext-123",
        client_id=EXTERNAL_AUDIENCE,
        lifetime=300,
        auth_time=int(time.time()),
        nonce="n",
        extra={"email": "asha@partner.example", "groups": ["hundi-ops"]},
    )

    body = await _ask(client, id_token)

    assert "ID token" in body["errors"][0]["message"]


async def test_external_token_for_other_audience_rejected(
    database: Database, client: httpx.AsyncClient, provider: LiveServer
) -> None:
    await _ops(database)
    keys = load_signing_keys(provider.settings.var_dir, None)
    token = (
        TokenIssuer(keys, provider.settings.issuer, "some-other-api")
        .access_token(
            subject="x",
            client_id="c",
            scope="",
            lifetime=300,
            extra={"email": "asha@partner.example", "groups": ["hundi-ops"]},
        )
        .token
    )

    body = await _ask(client, token)

    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_unknown_kid_refreshes_key_set_at_most_once_per_interval(
    provider: LiveServer,
) -> None:
    fetches: list[str] = []

    async def count(request: httpx.Request) -> None:
        fetches.append(request.url.path)

    async with httpx.AsyncClient(event_hooks={"request": [count]}) as http:
        external = ExternalIssuer(provider.url, refresh_interval=3600, http=http)
        await external.keys(None)
        first = len(fetches)
        for kid in ("unknown-1", "unknown-2", "unknown-3"):
            keys = await external.keys(kid)
            assert not any(key.kid == kid for key in keys)

    assert fetches.count("/.well-known/jwks.json") == 1
    assert first == 2


async def test_unknown_kid_after_interval_fetches_again(provider: LiveServer) -> None:
    async with httpx.AsyncClient() as http:
        external = ExternalIssuer(provider.url, refresh_interval=0, http=http)
        stranger = RSAKey.generate_key(2048, parameters={"kid": "stranger"})
        token = jwt.encode(
            {"alg": "RS256", "kid": "stranger"}, {"iss": provider.url}, stranger
        )
        keys = await external.keys("stranger")

    assert not any(key.kid == "stranger" for key in keys)
    assert token.count(".") == 2


async def test_discovery_naming_other_issuer_rejected(provider: LiveServer) -> None:
    external = ExternalIssuer(provider.url + "/x", refresh_interval=60)

    with pytest.raises(InvalidToken):
        await external.metadata()


async def test_web_sign_in_through_external_provider(
    database: Database, settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from hundi.auth.passwords import hash_password
    from support.oauth import CSRF_FIELD

    await add(
        database,
        models.User(
            email="ravi@partner.example",
            full_name="Ravi",
            role=Role.OPS,
            password_hash=hash_password("partner password"),
        ),
    )
    relying_url = "http://127.0.0.1:8000"
    port = free_port()
    provider = start_server(
        settings.model_copy(
            update={
                "public_base_url": f"http://127.0.0.1:{port}",
                "oauth_signing_keys": None,
                "var_dir": tmp_path_factory.mktemp("provider-web"),
                "oauth_web_redirect_uris": [f"{relying_url}/auth/callback"],
            }
        )
    )
    relying = settings.model_copy(
        update={
            "public_base_url": relying_url,
            "oidc_issuer": provider.url,
            "oidc_client_id": "hundi-web",
            "oidc_audience": provider.settings.oauth_audience,
            "oidc_role_claim": "role",
            "oidc_role_map": {"OPS": "OPS"},
        }
    )
    app = create_app(relying, database=database)
    try:
        async with (
            httpx.AsyncClient(
                transport=httpx.ASGITransport(app=app), base_url=relying_url
            ) as at_hundi,
            httpx.AsyncClient() as at_provider,
        ):
            start = await at_hundi.get("/auth/login", params={"return_to": "/ops/kyc"})
            authorize_url = start.headers["location"]
            page = await at_provider.get(authorize_url)
            match = CSRF_FIELD.search(page.text)
            assert match is not None
            signed = await at_provider.post(
                authorize_url,
                data={
                    "email": "ravi@partner.example",
                    "password": "partner password",
                    "csrf_token": match.group(1),
                },
            )
            callback = await at_hundi.get(
                signed.headers["location"].removeprefix(relying_url)
            )
            session = (await at_hundi.get("/auth/session")).json()
    finally:
        provider.stop()

    assert authorize_url.startswith(f"{provider.url}/oauth/authorize?")
    assert callback.headers["location"] == "/ops/kyc"
    assert session["authenticated"] is True
    assert session["role"] == "OPS"
