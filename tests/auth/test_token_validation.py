"""Bearer tokens the API must reject, each answered with UNAUTHENTICATED."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey

from hundi import models
from hundi.app import create_app
from hundi.auth.keys import ALGORITHM, parse_key_document
from hundi.auth.tokens import WEB_CLIENT_ID, TokenIssuer
from hundi.db import Database
from hundi.domain.enums import Role
from hundi.settings import Settings
from support.factories import add

VIEWER = "{ viewer { role } }"


@pytest.fixture
async def user(database: Database) -> models.User:
    row = models.User(email="ops@test.example", full_name="Ops", role=Role.OPS)
    await add(database, row)
    return row


@pytest.fixture
async def client(
    database: Database, settings: Settings
) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings, database=database)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as http:
        yield http


def issuer(settings: Settings) -> TokenIssuer:
    keys = parse_key_document(settings.oauth_signing_keys or "", "test keys")
    from hundi.auth.keys import SigningKeys

    return TokenIssuer(
        SigningKeys(keys, None), settings.issuer, settings.oauth_audience
    )


def current_key(settings: Settings) -> RSAKey:
    return parse_key_document(settings.oauth_signing_keys or "", "test keys")[0].key


def good_claims(
    settings: Settings, user: models.User, **changes: Any
) -> dict[str, Any]:
    now = int(time.time())
    claims = {
        "iss": settings.issuer,
        "sub": user.id.hex,
        "aud": settings.oauth_audience,
        "iat": now,
        "nbf": now,
        "exp": now + 300,
        "jti": "j1",
        "client_id": WEB_CLIENT_ID,
        "scope": "openid hundi",
    }
    claims.update(changes)
    return {key: value for key, value in claims.items() if value is not None}


def sign(settings: Settings, claims: dict[str, Any], **header: Any) -> str:
    key = current_key(settings)
    full_header = {"alg": ALGORITHM, "kid": key.kid, "typ": "at+jwt", **header}
    return jwt.encode(full_header, claims, key, algorithms=[ALGORITHM])


async def ask(client: httpx.AsyncClient, token: str) -> dict[str, Any]:
    response = await client.post(
        "/graphql", json={"query": VIEWER}, headers={"Authorization": f"Bearer {token}"}
    )
    body: dict[str, Any] = response.json()
    return body


def assert_unauthenticated(body: dict[str, Any], reason: str) -> None:
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert reason in body["errors"][0]["message"]


def b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


async def test_valid_token_accepted(
    client: httpx.AsyncClient, settings: Settings, user: models.User
) -> None:
    body = await ask(client, sign(settings, good_claims(settings, user)))

    assert body["data"]["viewer"]["role"] == "OPS"


async def test_alg_none_rejected(
    client: httpx.AsyncClient, settings: Settings, user: models.User
) -> None:
    token = (
        f"{b64({'alg': 'none', 'typ': 'at+jwt'})}.{b64(good_claims(settings, user))}."
    )

    assert_unauthenticated(await ask(client, token), "algorithm 'none'")


async def test_hs256_signed_with_public_key_rejected(
    client: httpx.AsyncClient, settings: Settings, user: models.User
) -> None:
    # The classic confusion attack: HMAC keyed with the server's public key.
    public_pem = current_key(settings).as_pem(private=False)
    header = b64({"alg": "HS256", "typ": "at+jwt"})
    signing_input = f"{header}.{b64(good_claims(settings, user))}"
    mac = hmac.new(public_pem, signing_input.encode(), hashlib.sha256).digest()
    forged = f"{signing_input}.{base64.urlsafe_b64encode(mac).decode().rstrip('=')}"

    assert_unauthenticated(await ask(client, forged), "algorithm 'HS256'")


async def test_expired_token_rejected(
    client: httpx.AsyncClient, settings: Settings, user: models.User
) -> None:
    old = int(time.time()) - 3600
    token = sign(settings, good_claims(settings, user, iat=old, nbf=old, exp=old + 60))

    assert_unauthenticated(await ask(client, token), "expired")


async def test_token_within_leeway_accepted(
    client: httpx.AsyncClient, settings: Settings, user: models.User
) -> None:
    token = sign(settings, good_claims(settings, user, exp=int(time.time()) - 5))

    body = await ask(client, token)

    assert body["data"]["viewer"]["role"] == "OPS"


async def test_missing_exp_rejected(
    client: httpx.AsyncClient, settings: Settings, user: models.User
) -> None:
    token = sign(settings, good_claims(settings, user, exp=None))

    assert_unauthenticated(await ask(client, token), "exp")


async def test_future_nbf_rejected(
    client: httpx.AsyncClient, settings: Settings, user: models.User
) -> None:
    token = sign(settings, good_claims(settings, user, nbf=int(time.time()) + 600))

    assert_unauthenticated(await ask(client, token), "not yet valid")


async def test_wrong_issuer_rejected(
    client: httpx.AsyncClient, settings: Settings, user: models.User
) -> None:
    token = sign(settings, good_claims(settings, user, iss="https://other.example"))

    assert_unauthenticated(await ask(client, token), "unknown issuer")


async def test_wrong_audience_rejected(
    client: httpx.AsyncClient, settings: Settings, user: models.User
) -> None:
    token = sign(settings, good_claims(settings, user, aud="another-api"))

    assert_unauthenticated(await ask(client, token), "aud")


async def test_id_token_rejected(
    client: httpx.AsyncClient, settings: Settings, user: models.User
) -> None:
    id_token = issuer(settings).id_token(
        subject=user.id.hex,
        client_id=settings.oauth_audience,
        lifetime=300,
        auth_time=int(time.time()),
        nonce="n",
    )

    assert_unauthenticated(await ask(client, id_token), "ID token")


async def test_unknown_kid_rejected(
    client: httpx.AsyncClient, settings: Settings, user: models.User
) -> None:
    stranger = RSAKey.generate_key(2048, parameters={"kid": "stranger"})
    token = jwt.encode(
        {"alg": "RS256", "kid": "stranger", "typ": "at+jwt"},
        good_claims(settings, user),
        stranger,
    )

    assert_unauthenticated(await ask(client, token), "unknown key")


async def test_tampered_payload_rejected(
    client: httpx.AsyncClient, settings: Settings, user: models.User
) -> None:
    header, _payload, signature = sign(settings, good_claims(settings, user)).split(".")
    forged_payload = b64(good_claims(settings, user, sub="f" * 32))

    assert_unauthenticated(
        await ask(client, f"{header}.{forged_payload}.{signature}"), "signature"
    )


async def test_garbage_token_rejected(client: httpx.AsyncClient) -> None:
    assert_unauthenticated(await ask(client, "not-a-jwt"), "well-formed")


async def test_deactivated_user_token_rejected(
    client: httpx.AsyncClient, settings: Settings, user: models.User, database: Database
) -> None:
    from hundi.services.actor import SYSTEM
    from hundi.services.users import deactivate_user

    token = sign(settings, good_claims(settings, user))
    await deactivate_user(database, SYSTEM, user.id)

    assert_unauthenticated(await ask(client, token), "deactivated")


async def test_basic_scheme_rejected(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql", json={"query": VIEWER}, headers={"Authorization": "Basic abc"}
    )

    assert_unauthenticated(response.json(), "Bearer")
