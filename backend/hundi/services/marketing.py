"""Marketing spend per calendar month and acquisition channel, entered by ADMIN.

Recording the spend of a month and channel again replaces the amount, so a
correction is the same call as the first entry.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from hundi.db import Database
from hundi.domain.calendar import india_today, month_start
from hundi.domain.enums import AcquisitionChannel
from hundi.models import MarketingSpend
from hundi.services.actor import Actor
from hundi.services.audit import record_audit, snapshot
from hundi.services.checks import ErrorCollector

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SpendEntry:
    month: date
    channel: AcquisitionChannel
    amount: Decimal


def _check(entry: SpendEntry, today: date) -> Decimal:
    checks = ErrorCollector()
    if entry.month.day != 1:
        first = month_start(entry.month)
        checks.add(
            ("month",),
            "INVALID_MONTH",
            f"Month {entry.month} is not the first day of a month; send {first} "
            f"for {first:%B %Y}.",
        )
    elif entry.month > month_start(today):
        checks.add(
            ("month",),
            "FUTURE_MONTH",
            f"Month {entry.month:%B %Y} has not started yet; record spend once "
            "it has been spent.",
        )
    amount = checks.amount(entry.amount, ("amount",), "Amount", allow_zero=True)
    checks.raise_if_any()
    assert amount is not None  # No error was recorded, so the amount is valid.
    return amount


async def record_marketing_spend(
    database: Database, actor: Actor, entry: SpendEntry
) -> MarketingSpend:
    """Store the spend of one month and channel, replacing an earlier amount."""
    amount = _check(entry, india_today())
    try:
        return await _upsert(database, actor, entry, amount)
    except IntegrityError:
        # Another request stored the same month and channel first.
        return await _upsert(database, actor, entry, amount)


async def _upsert(
    database: Database, actor: Actor, entry: SpendEntry, amount: Decimal
) -> MarketingSpend:
    async with database.transaction() as session:
        spend = await session.scalar(
            select(MarketingSpend)
            .where(
                MarketingSpend.month == entry.month,
                MarketingSpend.channel == entry.channel,
            )
            .with_for_update()
        )
        before = snapshot(spend, "amount") if spend else None
        if spend is None:
            spend = MarketingSpend(month=entry.month, channel=entry.channel)
            session.add(spend)
        spend.amount = amount
        await session.flush()
        await record_audit(
            session,
            actor,
            "marketing_spend.recorded",
            "MarketingSpend",
            spend.id,
            before=before,
            after=snapshot(spend, "month", "channel", "amount"),
        )

    logger.info("marketing spend for %s %s recorded", entry.month, entry.channel.value)
    return spend
