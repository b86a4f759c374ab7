"""The web app's session: cookies only, CSRF on every change, sign-out everywhere."""

from __future__ import annotations

from typing import Any

import httpx

from hundi import models
from hundi.auth.passwords import hash_password
from hundi.db import Database
from hundi.domain.enums import Role
from support.factories import add
from support.live import LiveServer
from support.oauth import CSRF_FIELD

VIEWER = "{ viewer { role user { email } } }"


async def _signed_in_browser(
    base_url: str, return_to: str = "/lender/portfolio"
) -> tuple[httpx.AsyncClient, httpx.Response]:
    browser = httpx.AsyncClient(base_url=base_url, follow_redirects=False)
    start = await browser.get("/auth/login", params={"return_to": return_to})
    authorize_url = start.headers["location"]
    page = await browser.get(authorize_url)
    match = CSRF_FIELD.search(page.text)
    assert match is not None
    signed = await browser.post(
        authorize_url,
        data={
            "email": "web@test.example",
            "password": "right password",
            "csrf_token": match.group(1),
        },
    )
    callback = await browser.get(signed.headers["location"])
    return browser, callback


async def _user(database: Database) -> models.User:
    user = models.User(
        email="web@test.example",
        full_name="Web",
        role=Role.OPS,
        password_hash=hash_password("right password"),
    )
    await add(database, user)
    return user


async def _graphql(browser: httpx.AsyncClient, *, csrf: str | None) -> dict[str, Any]:
    headers = {"X-CSRF-Token": csrf} if csrf else {}
    response = await browser.post("/graphql", json={"query": VIEWER}, headers=headers)
    body: dict[str, Any] = response.json()
    return body


async def test_web_sign_in_returns_to_the_page(
    database: Database, live_server: LiveServer
) -> None:
    await _user(database)

    browser, callback = await _signed_in_browser(live_server.url)
    try:
        session = (await browser.get("/auth/session")).json()
    finally:
        await browser.aclose()

    assert callback.status_code == 302
    assert callback.headers["location"] == "/lender/portfolio"
    assert session["authenticated"] is True
    assert session["role"] == "OPS"


async def test_web_session_cookie_is_httponly_and_holds_no_token(
    database: Database, live_server: LiveServer
) -> None:
    await _user(database)

    browser, callback = await _signed_in_browser(live_server.url)
    await browser.aclose()
    cookies = callback.headers.get_list("set-cookie")

    session_cookie = next(
        cookie for cookie in cookies if cookie.startswith("hundi_session=")
    )
    assert "HttpOnly" in session_cookie
    assert "SameSite=lax" in session_cookie
    assert session_cookie.split(";")[0].count(".") == 0  # an opaque value, not a JWT


async def test_web_session_mutation_needs_csrf(
    database: Database, live_server: LiveServer
) -> None:
    await _user(database)
    browser, _ = await _signed_in_browser(live_server.url)
    try:
        csrf = browser.cookies["hundi_csrf"]

        without = await _graphql(browser, csrf=None)
        wrong = await _graphql(browser, csrf="not-the-token")
        with_token = await _graphql(browser, csrf=csrf)
        read_by_get = (await browser.get("/graphql", params={"query": VIEWER})).json()
    finally:
        await browser.aclose()

    assert without["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert "X-CSRF-Token" in without["errors"][0]["message"]
    assert wrong["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert with_token["data"]["viewer"]["user"]["email"] == "web@test.example"
    assert read_by_get["data"]["viewer"]["role"] == "OPS"


async def test_web_sign_out_ends_session_and_tokens(
    database: Database, live_server: LiveServer
) -> None:
    user = await _user(database)
    browser, _ = await _signed_in_browser(live_server.url)
    try:
        csrf = browser.cookies["hundi_csrf"]
        session_cookie = browser.cookies["hundi_session"]

        refused = await browser.post("/auth/logout")
        signed_out = await browser.post("/auth/logout", headers={"X-CSRF-Token": csrf})
        browser.cookies.set("hundi_session", session_cookie)
        after = await _graphql(browser, csrf=csrf)
    finally:
        await browser.aclose()

    from sqlalchemy import select

    async with database.session() as session:
        live_tokens = await session.scalars(
            select(models.RefreshToken).where(
                models.RefreshToken.user_id == user.id,
                models.RefreshToken.revoked_at.is_(None),
            )
        )
        assert list(live_tokens) == []
    assert refused.status_code == 403
    assert signed_out.status_code == 204
    assert after["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_web_session_ends_when_user_deactivated(
    database: Database, live_server: LiveServer
) -> None:
    from hundi.services.actor import SYSTEM
    from hundi.services.users import deactivate_user

    user = await _user(database)
    browser, _ = await _signed_in_browser(live_server.url)
    try:
        await deactivate_user(database, SYSTEM, user.id)
        session = (await browser.get("/auth/session")).json()
    finally:
        await browser.aclose()

    assert session == {"authenticated": False}


async def test_login_return_to_other_site_goes_home(
    database: Database, live_server: LiveServer
) -> None:
    await _user(database)

    browser, callback = await _signed_in_browser(
        live_server.url, return_to="https://evil.example/"
    )
    await browser.aclose()

    assert callback.headers["location"] == "/"


async def test_callback_without_flow_cookie_rejected(live_server: LiveServer) -> None:
    async with httpx.AsyncClient(base_url=live_server.url) as browser:
        response = await browser.get(
            "/auth/callback", params={"code": "x", "state": "y"}
        )

    assert response.status_code == 400
    assert "hundi_session" not in response.headers.get("set-cookie", "")
