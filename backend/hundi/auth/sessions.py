"""The web app's session, held by the backend so no token reaches the browser.

After the web app signs in through the authorization code flow, the backend
keeps the session and its refresh-token family; the browser gets only:

- `hundi_session`: an opaque random value, HttpOnly, SameSite=Lax, Secure on
  HTTPS. The database keeps its SHA-256.
- `hundi_csrf`: a random value the app's JavaScript reads and sends back as
  the `X-CSRF-Token` header on every state-changing request (double submit).
  A cross-site page can send the session cookie but cannot read this one.

A session ends when it is signed out, when it passes its absolute lifetime
or idles too long, when its user is deactivated, or when its refresh-token
family is revoked (sign-out elsewhere, or refresh-token reuse).
"""

from __future__ import annotations

import hmac
import secrets
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import and_, exists, or_, select, update
from starlette.responses import Response

from hundi import models
from hundi.auth.actors import user_actor
from hundi.auth.store import sha256_hex
from hundi.db import Database
from hundi.services.actor import Actor
from hundi.settings import Settings

SESSION_COOKIE = "hundi_session"
CSRF_COOKIE = "hundi_csrf"
CSRF_HEADER = "x-csrf-token"
IDLE_TIMEOUT = timedelta(hours=2)
# Writing last_seen_at on every request would turn reads into writes.
SEEN_RESOLUTION = timedelta(minutes=5)


async def create_session(
    database: Database,
    *,
    user_id: uuid.UUID,
    family_id: uuid.UUID | None,
    issuer: str,
    lifetime: timedelta,
) -> tuple[str, str]:
    """Open a session; return the session cookie value and the CSRF token."""
    session_token = secrets.token_urlsafe(32)
    csrf_token = secrets.token_urlsafe(24)
    now = datetime.now(UTC)
    async with database.transaction() as session:
        session.add(
            models.BrowserSession(
                session_hash=sha256_hex(session_token),
                user_id=user_id,
                token_family_id=family_id,
                issuer=issuer,
                csrf_token_hash=sha256_hex(csrf_token),
                expires_at=now + lifetime,
                last_seen_at=now,
            )
        )
    return session_token, csrf_token


async def session_actor(
    database: Database, session_token: str
) -> tuple[Actor, str] | None:
    """The actor of a live session and its CSRF token hash; None when it ended."""
    now = datetime.now(UTC)
    browser = models.BrowserSession
    refresh = models.RefreshToken
    family_live = exists().where(
        refresh.family_id == browser.token_family_id,
        refresh.revoked_at.is_(None),
        refresh.expires_at > now,
    )
    statement = (
        select(browser, models.User)
        .join(models.User, models.User.id == browser.user_id)
        .where(
            browser.session_hash == sha256_hex(session_token),
            browser.revoked_at.is_(None),
            browser.expires_at > now,
            browser.last_seen_at > now - IDLE_TIMEOUT,
            models.User.is_active.is_(True),
            or_(browser.token_family_id.is_(None), and_(family_live)),
        )
    )
    async with database.session() as session:
        found = (await session.execute(statement)).first()
    if found is None:
        return None
    row, user = found
    if now - row.last_seen_at > SEEN_RESOLUTION:
        await _touch(database, row.id, now)
    return user_actor(user), row.csrf_token_hash


async def _touch(database: Database, session_id: uuid.UUID, now: datetime) -> None:
    async with database.transaction() as session:
        await session.execute(
            update(models.BrowserSession)
            .where(models.BrowserSession.id == session_id)
            .values(last_seen_at=now)
        )


async def end_session(database: Database, session_token: str) -> uuid.UUID | None:
    """Revoke a session and its refresh-token family; return the family id."""
    now = datetime.now(UTC)
    async with database.transaction() as session:
        row = await session.scalar(
            select(models.BrowserSession).where(
                models.BrowserSession.session_hash == sha256_hex(session_token)
            )
        )
        if row is None:
            return None
        row.revoked_at = row.revoked_at or now
        if row.token_family_id is not None:
            await session.execute(
                update(models.RefreshToken)
                .where(
                    models.RefreshToken.family_id == row.token_family_id,
                    models.RefreshToken.revoked_at.is_(None),
                )
                .values(revoked_at=now)
            )
        return row.token_family_id


def csrf_matches(sent: str | None, csrf_token_hash: str) -> bool:
    return bool(sent) and hmac.compare_digest(sha256_hex(sent or ""), csrf_token_hash)


def set_session_cookies(
    response: Response, session_token: str, csrf_token: str, settings: Settings
) -> None:
    lifetime = int(timedelta(hours=settings.session_hours).total_seconds())
    response.set_cookie(
        SESSION_COOKIE,
        session_token,
        max_age=lifetime,
        httponly=True,
        secure=settings.secure_cookies,
        samesite="lax",
        path="/",
    )
    response.set_cookie(
        CSRF_COOKIE,
        csrf_token,
        max_age=lifetime,
        httponly=False,
        secure=settings.secure_cookies,
        samesite="strict",
        path="/",
    )


def clear_session_cookies(response: Response, settings: Settings) -> None:
    for name in (SESSION_COOKIE, CSRF_COOKIE):
        response.delete_cookie(name, path="/", secure=settings.secure_cookies)
