"""Expiry of applications and offers: at day-end, and lazily when acted on.

An application still SUBMITTED or OFFERED at its `expires_at` expires, and
its open offers with it. An open offer expires at its `valid_until`.

- Day-end expires everything due by its cutoff (`expire_due`).
- A mutation that acts on an application or an offer first calls
  `expire_if_due`, which commits the expiry in a transaction of its own, so
  the expiry stays even when the mutation then fails with OFFER_EXPIRED.
- Reads never write: the API shows the effective status
  (`effective_application_status`, `effective_offer_status`).

An application goes back from OFFERED to SUBMITTED when its last open offer
closes, because lenders may still make offers on it.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.db import Database
from hundi.domain.enums import ApplicationStatus, OfferStatus
from hundi.models import FinancingApplication, Offer
from hundi.services.actor import Actor
from hundi.services.audit import record_audit, snapshot

OPEN_APPLICATION = (ApplicationStatus.SUBMITTED, ApplicationStatus.OFFERED)
APPLICATION_FIELDS = ("status", "decided_at", "closed_at")
OFFER_FIELDS = ("status", "decided_at")


def application_is_due(application: FinancingApplication, now: datetime) -> bool:
    return application.status in OPEN_APPLICATION and application.expires_at <= now


def offer_is_due(offer: Offer, now: datetime) -> bool:
    return offer.status is OfferStatus.OPEN and offer.valid_until <= now


def effective_application_status(
    application: FinancingApplication, now: datetime
) -> ApplicationStatus:
    if application_is_due(application, now):
        return ApplicationStatus.EXPIRED
    return application.status


def effective_offer_status(offer: Offer, now: datetime) -> OfferStatus:
    if offer_is_due(offer, now):
        return OfferStatus.EXPIRED
    return offer.status


async def close_offer(
    session: AsyncSession,
    actor: Actor,
    offer: Offer,
    status: OfferStatus,
    now: datetime,
) -> None:
    """Move an OPEN offer to `status` (DECLINED, WITHDRAWN or EXPIRED)."""
    before = snapshot(offer, *OFFER_FIELDS)
    offer.status = status
    offer.decided_at = now
    await record_audit(
        session,
        actor,
        f"offer.{status.value.lower()}",
        "Offer",
        offer.id,
        before=before,
        after=snapshot(offer, *OFFER_FIELDS),
    )


async def reopen_if_no_offers(
    session: AsyncSession, actor: Actor, application: FinancingApplication
) -> None:
    """Return an OFFERED application to SUBMITTED once no offer on it is open."""
    if application.status is not ApplicationStatus.OFFERED:
        return

    await session.flush()
    open_offers = await session.scalar(
        select(func.count()).where(
            Offer.application_id == application.id,
            Offer.status == OfferStatus.OPEN,
        )
    )
    if open_offers:
        return

    before = snapshot(application, *APPLICATION_FIELDS)
    application.status = ApplicationStatus.SUBMITTED
    await record_audit(
        session,
        actor,
        "application.offers_closed",
        "FinancingApplication",
        application.id,
        before=before,
        after=snapshot(application, *APPLICATION_FIELDS),
    )


async def expire_application(
    session: AsyncSession,
    actor: Actor,
    application: FinancingApplication,
    now: datetime,
) -> int:
    """Expire an open application and its open offers; return the offers expired."""
    offers = await session.scalars(
        select(Offer).where(
            Offer.application_id == application.id,
            Offer.status == OfferStatus.OPEN,
        )
    )
    expired_offers = 0
    for offer in offers:
        await close_offer(session, actor, offer, OfferStatus.EXPIRED, now)
        expired_offers += 1

    before = snapshot(application, *APPLICATION_FIELDS)
    application.status = ApplicationStatus.EXPIRED
    application.closed_at = now
    await record_audit(
        session,
        actor,
        "application.expired",
        "FinancingApplication",
        application.id,
        before=before,
        after=snapshot(application, *APPLICATION_FIELDS),
    )
    return expired_offers


async def expire_if_due(
    database: Database,
    actor: Actor,
    application_id: uuid.UUID | None,
    now: datetime,
) -> None:
    """Commit the expiry of the application and its offers, where they are due."""
    if application_id is None:
        return

    async with database.transaction() as session:
        application = await session.scalar(
            select(FinancingApplication)
            .where(FinancingApplication.id == application_id)
            .with_for_update()
        )
        if application is None:
            return

        if application_is_due(application, now):
            await expire_application(session, actor, application, now)
            return

        await _expire_offers(session, actor, application, now)


async def expire_due(
    session: AsyncSession, actor: Actor, cutoff: datetime
) -> tuple[int, int]:
    """Expire every application and offer due by `cutoff`.

    Returns the number of applications and of offers expired.
    """
    applications = await session.scalars(
        select(FinancingApplication)
        .where(
            FinancingApplication.status.in_(OPEN_APPLICATION),
            FinancingApplication.expires_at <= cutoff,
        )
        .order_by(FinancingApplication.id)
        .with_for_update()
    )
    expired_applications = 0
    expired_offers = 0
    for application in applications:
        expired_offers += await expire_application(session, actor, application, cutoff)
        expired_applications += 1

    expired_offers += await _expire_lapsed_offers(session, actor, cutoff)
    return expired_applications, expired_offers


async def _expire_offers(
    session: AsyncSession,
    actor: Actor,
    application: FinancingApplication,
    now: datetime,
) -> int:
    offers = await session.scalars(
        select(Offer).where(
            Offer.application_id == application.id,
            Offer.status == OfferStatus.OPEN,
            Offer.valid_until <= now,
        )
    )
    expired = 0
    for offer in offers:
        await close_offer(session, actor, offer, OfferStatus.EXPIRED, now)
        expired += 1

    if expired:
        await reopen_if_no_offers(session, actor, application)
    return expired


async def _expire_lapsed_offers(
    session: AsyncSession, actor: Actor, cutoff: datetime
) -> int:
    await session.flush()
    application_ids = await session.scalars(
        select(Offer.application_id)
        .where(Offer.status == OfferStatus.OPEN, Offer.valid_until <= cutoff)
        .distinct()
    )
    expired = 0
    for application_id in list(application_ids):
        application = await session.get(
            FinancingApplication, application_id, with_for_update=True
        )
        assert application is not None  # Offers reference their application.
        expired += await _expire_offers(session, actor, application, cutoff)
    return expired
