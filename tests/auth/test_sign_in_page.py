"""The sign-in page: same answer for every failure, and attempts are limited."""

from __future__ import annotations

import secrets

import httpx

from hundi import models
from hundi.auth.passwords import hash_password
from hundi.auth.signin import ACCOUNT_LIMIT, TOO_MANY, WRONG_CREDENTIALS
from hundi.db import Database
from hundi.domain.enums import Role
from support.factories import add
from support.live import LiveServer
from support.oauth import CSRF_FIELD, sign_in_at_provider, web_client


async def _authorize_url(base_url: str) -> str:
    async with web_client(base_url) as client:
        url, _ = client.create_authorization_url(
            f"{base_url}/oauth/authorize", code_verifier=secrets.token_urlsafe(48)
        )
    return url


async def _known_user(database: Database) -> None:
    await add(
        database,
        models.User(
            email="known@test.example",
            full_name="Known",
            role=Role.OPS,
            password_hash=hash_password("right password"),
        ),
    )


async def test_sign_in_page_has_labels_and_csrf(live_server: LiveServer) -> None:
    async with httpx.AsyncClient() as browser:
        page = await browser.get(await _authorize_url(live_server.url))

    assert page.status_code == 200
    assert '<label for="email">' in page.text
    assert '<label for="password">' in page.text
    assert CSRF_FIELD.search(page.text) is not None
    assert page.headers["x-frame-options"] == "DENY"


async def test_wrong_password_and_unknown_account_answer_alike(
    database: Database, live_server: LiveServer
) -> None:
    await _known_user(database)
    url = await _authorize_url(live_server.url)

    wrong_password = await sign_in_at_provider(
        url, "known@test.example", "wrong password"
    )
    unknown_account = await sign_in_at_provider(
        url, "nobody@test.example", "wrong password"
    )

    assert (
        wrong_password.response.status_code
        == unknown_account.response.status_code
        == 401
    )
    assert WRONG_CREDENTIALS in wrong_password.response.text
    assert WRONG_CREDENTIALS in unknown_account.response.text


async def test_deactivated_user_cannot_sign_in(
    database: Database, live_server: LiveServer
) -> None:
    await add(
        database,
        models.User(
            email="gone@test.example",
            full_name="Gone",
            role=Role.OPS,
            password_hash=hash_password("right password"),
            is_active=False,
        ),
    )

    result = await sign_in_at_provider(
        await _authorize_url(live_server.url), "gone@test.example", "right password"
    )

    assert result.callback_url is None
    assert WRONG_CREDENTIALS in result.response.text


async def test_sign_in_throttled_per_account(
    database: Database, live_server: LiveServer
) -> None:
    await _known_user(database)
    url = await _authorize_url(live_server.url)
    for _ in range(ACCOUNT_LIMIT.limit):
        await sign_in_at_provider(url, "known@test.example", "wrong password")

    blocked = await sign_in_at_provider(url, "known@test.example", "right password")

    assert blocked.response.status_code == 429
    assert TOO_MANY.format(minutes=ACCOUNT_LIMIT.minutes) in blocked.response.text
    assert blocked.callback_url is None


async def test_throttle_same_for_unknown_account(live_server: LiveServer) -> None:
    url = await _authorize_url(live_server.url)
    for _ in range(ACCOUNT_LIMIT.limit):
        await sign_in_at_provider(url, "nobody@test.example", "wrong password")

    blocked = await sign_in_at_provider(url, "nobody@test.example", "wrong password")

    assert blocked.response.status_code == 429


async def test_sign_in_form_without_csrf_rejected(
    database: Database, live_server: LiveServer
) -> None:
    await _known_user(database)
    url = await _authorize_url(live_server.url)

    async with httpx.AsyncClient() as browser:
        answer = await browser.post(
            url, data={"email": "known@test.example", "password": "right password"}
        )

    assert answer.status_code == 400
    assert "location" not in answer.headers
