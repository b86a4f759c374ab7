"""Signed-in users' sessions in the web app: start, heartbeat and end.

The web app starts a session after sign-in, touches it while the user is
active (a heartbeat about once a minute), and ends it when the user signs
out or closes the app. A session's length is its last activity minus its
start. A session idle for longer than `IDLE_TIMEOUT` is over: touching it
fails with SESSION_EXPIRED so that the app starts a new one, and a laptop
waking up hours later does not stretch the old session.
"""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.db import Database
from hundi.models import AppSession
from hundi.services.actor import Actor
from hundi.services.errors import FieldErrors
from hundi.services.product_events import (
    check_visitor_id,
    linked_sme_id,
    remember_visitor,
)

logger = logging.getLogger(__name__)

IDLE_TIMEOUT = timedelta(minutes=30)


def _user_id(actor: Actor) -> uuid.UUID:
    if actor.user_id is None:
        raise PermissionError("only a signed-in user has app sessions")
    return actor.user_id


async def start_app_session(
    database: Database, actor: Actor, visitor_id: str | None = None
) -> AppSession:
    """Start a session; with `visitor_id`, link that browser's visitor to the SME."""
    user_id = _user_id(actor)
    visitor = None
    if visitor_id is not None:
        visitor = check_visitor_id(visitor_id, ("visitorId",))

    now = datetime.now(UTC)
    async with database.transaction() as session:
        if visitor is not None:
            await remember_visitor(session, visitor, linked_sme_id(actor), now)
        app_session = AppSession(
            user_id=user_id,
            sme_id=actor.sme_id,
            started_at=now,
            last_activity_at=now,
        )
        session.add(app_session)
    return app_session


async def _own_session(
    session: AsyncSession, actor: Actor, session_id: uuid.UUID
) -> AppSession:
    found: AppSession | None = await session.scalar(
        select(AppSession)
        .where(AppSession.id == session_id, AppSession.user_id == _user_id(actor))
        .with_for_update()
    )
    if found is None:
        raise FieldErrors.single(
            ("sessionId",),
            "NOT_FOUND",
            f"No app session {session_id} of yours exists; start a new session.",
        )
    return found


def _idle_for(app_session: AppSession, now: datetime) -> timedelta:
    return now - app_session.last_activity_at


async def touch_app_session(
    database: Database, actor: Actor, session_id: uuid.UUID
) -> AppSession:
    """Record activity in a session now; raise FieldErrors if it is over."""
    now = datetime.now(UTC)
    async with database.transaction() as session:
        app_session = await _own_session(session, actor, session_id)
        if app_session.ended_at is not None:
            raise FieldErrors.single(
                ("sessionId",),
                "SESSION_ENDED",
                f"App session {session_id} has ended; start a new session.",
            )
        if _idle_for(app_session, now) > IDLE_TIMEOUT:
            raise FieldErrors.single(
                ("sessionId",),
                "SESSION_EXPIRED",
                f"App session {session_id} was idle for more than "
                f"{IDLE_TIMEOUT.seconds // 60} minutes; start a new session.",
            )
        app_session.last_activity_at = now
    return app_session


async def end_app_session(
    database: Database, actor: Actor, session_id: uuid.UUID
) -> AppSession:
    """End a session now; ending an ended session changes nothing."""
    now = datetime.now(UTC)
    async with database.transaction() as session:
        app_session = await _own_session(session, actor, session_id)
        if app_session.ended_at is not None:
            return app_session
        if _idle_for(app_session, now) > IDLE_TIMEOUT:
            # The user left long ago: the session ended at its last activity.
            app_session.ended_at = app_session.last_activity_at
        else:
            app_session.last_activity_at = now
            app_session.ended_at = now
    return app_session
