"""Discovery and key set documents of the built-in provider."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from authlib.oidc.discovery import OpenIDProviderMetadata

from hundi.app import create_app
from hundi.db import Database
from hundi.settings import Settings


@pytest.fixture
async def client(
    database: Database, settings: Settings
) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings, database=database)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as http:
        yield http


async def test_discovery_is_a_valid_provider_metadata(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    document = (await client.get("/.well-known/openid-configuration")).json()

    OpenIDProviderMetadata(document).validate()
    assert document["issuer"] == settings.issuer
    assert document["code_challenge_methods_supported"] == ["S256"]
    assert "client_credentials" in document["grant_types_supported"]


async def test_jwks_publishes_public_keys_only(client: httpx.AsyncClient) -> None:
    document = (await client.get("/.well-known/jwks.json")).json()

    key = document["keys"][0]
    assert key["kty"] == "RSA"
    assert key["alg"] == "RS256"
    assert key["use"] == "sig"
    assert key["kid"]
    assert "d" not in key
    assert "p" not in key


async def test_userinfo_without_token_rejected(client: httpx.AsyncClient) -> None:
    response = await client.get("/oauth/userinfo")

    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
