"""Visits and onboarding steps that the web app reports for an anonymous visitor.

Recording is public (a visitor has not signed in yet), so every call is
rate-limited per client address and per visitor id. A visitor id is a random
UUID the web app generates and keeps in the browser; it identifies no one.
When the caller is signed in as an SME user, the events and the visitor are
linked to that SME, which is how a visit turns into a conversion.

The server stamps each event with the time it arrived: a client clock could
be wrong, and a public endpoint must not write history into past months.

The server writes no events itself. The steps it records anyway
(registration, KYC submission, invoice upload, application submission) have
their own rows and timestamps, which the metrics read. An event written for
them here too would count them twice.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.db import Database
from hundi.domain.enums import ProductEventName, Role
from hundi.models import ProductEvent, Visitor
from hundi.services.actor import Actor
from hundi.services.errors import FieldErrors
from hundi.services.throttle import Limit, count_attempt, is_throttled

logger = logging.getLogger(__name__)

MAX_EVENTS_PER_CALL = 10
# NOTE: guessed limits: a person clicking through onboarding sends a few
# calls a minute; an office behind one address may hold many people.
# Revisit once real traffic shows the spread.
ADDRESS_LIMIT = Limit("product-events-address", 300, timedelta(minutes=10))
VISITOR_LIMIT = Limit("product-events-visitor", 60, timedelta(minutes=10))

_VISITOR_ID = re.compile(
    r"\A[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z"
)


@dataclass(frozen=True)
class EventBatch:
    visitor_id: str
    names: Sequence[ProductEventName]


def check_visitor_id(value: str, field: tuple[str | int, ...]) -> str:
    """Return the visitor id in lower case, or raise FieldErrors."""
    visitor_id = value.strip().lower()
    if not _VISITOR_ID.fullmatch(visitor_id):
        shown = value[:40] or "''"
        raise FieldErrors.single(
            field,
            "INVALID_VISITOR_ID",
            f"Visitor id {shown} is not a UUID; send the random id the web app "
            "keeps for this browser, such as 3f2b8c1e-5d4a-4b6f-9e7d-1a2b3c4d5e6f.",
        )
    return visitor_id


def _check_names(names: Sequence[ProductEventName]) -> None:
    if not names:
        raise FieldErrors.single(
            ("events",), "REQUIRED", "Events are missing; send at least one step."
        )
    if len(names) > MAX_EVENTS_PER_CALL:
        raise FieldErrors.single(
            ("events",),
            "TOO_MANY_EVENTS",
            f"{len(names)} events were sent in one call; send at most "
            f"{MAX_EVENTS_PER_CALL} and the rest in another call.",
        )


async def _throttle(database: Database, client_address: str, visitor_id: str) -> None:
    limits = (
        (ADDRESS_LIMIT, client_address, "network address"),
        (VISITOR_LIMIT, visitor_id, "visitor"),
    )
    async with database.transaction() as session:
        exceeded = await _first_exceeded(session, limits)

    if exceeded is not None:
        limit, label = exceeded
        raise FieldErrors.single(
            None,
            "TOO_MANY_REQUESTS",
            f"Too many events from this {label}; try again in {limit.minutes} minutes.",
        )


async def _first_exceeded(
    session: AsyncSession, limits: Sequence[tuple[Limit, str, str]]
) -> tuple[Limit, str] | None:
    """Count this call against each limit until one is exceeded; return that one."""
    for limit, key, label in limits:
        if await is_throttled(session, limit, key):
            return limit, label
        await count_attempt(session, limit, key)
    return None


def linked_sme_id(actor: Actor | None) -> uuid.UUID | None:
    """Return the SME to link events to: the caller's, when signed in as an SME user."""
    if actor is None or actor.role is not Role.SME:
        return None
    return actor.sme_id


async def record_product_events(
    database: Database,
    actor: Actor | None,
    batch: EventBatch,
    *,
    client_address: str,
) -> int:
    """Store the events of one call; return how many. Raise FieldErrors if invalid."""
    visitor_id = check_visitor_id(batch.visitor_id, ("visitorId",))
    _check_names(batch.names)
    await _throttle(database, client_address, visitor_id)

    sme_id = linked_sme_id(actor)
    now = datetime.now(UTC)
    async with database.transaction() as session:
        await remember_visitor(session, visitor_id, sme_id, now)
        session.add_all(
            ProductEvent(
                occurred_at=now, name=name, visitor_id=visitor_id, sme_id=sme_id
            )
            for name in batch.names
        )

    logger.debug("%s product events recorded", len(batch.names))
    return len(batch.names)


async def remember_visitor(
    session: AsyncSession,
    visitor_id: str,
    sme_id: uuid.UUID | None,
    now: datetime,
) -> None:
    """Store a visitor the first time its id is seen; link it to `sme_id` once.

    A visitor keeps the first SME it was linked to, so a browser shared by
    two businesses counts towards the first.
    """
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    await session.execute(
        insert(Visitor)
        .values(
            visitor_id=visitor_id,
            first_seen_at=now,
            sme_id=sme_id,
            linked_at=now if sme_id else None,
        )
        .on_conflict_do_nothing(index_elements=[Visitor.visitor_id])
    )
    if sme_id is None:
        return

    await session.execute(
        update(Visitor)
        .where(Visitor.visitor_id == visitor_id, Visitor.sme_id.is_(None))
        .values(sme_id=sme_id, linked_at=now)
    )
