"""Rate limits kept in the database, so every worker process shares them.

A limit allows `limit` counted attempts per key within a sliding `window`.
Keys are SHA-256 hashes of the e-mail address or client address, so the
table never holds the values themselves.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.models import ThrottleEvent


@dataclass(frozen=True)
class Limit:
    bucket: str
    limit: int
    window: timedelta

    @property
    def minutes(self) -> int:
        return max(1, int(self.window.total_seconds() // 60))


def throttle_key(value: str) -> str:
    return hashlib.sha256(value.strip().lower().encode()).hexdigest()


async def attempts(
    session: AsyncSession, limit: Limit, value: str, now: datetime | None = None
) -> int:
    """Count the attempts for `value` inside the window."""
    since = (now or datetime.now(UTC)) - limit.window
    counted = select(func.coalesce(func.sum(ThrottleEvent.weight), 0)).where(
        ThrottleEvent.bucket == limit.bucket,
        ThrottleEvent.key == throttle_key(value),
        ThrottleEvent.occurred_at >= since,
    )
    return int(await session.scalar(counted) or 0)


async def is_throttled(session: AsyncSession, limit: Limit, value: str) -> bool:
    return await attempts(session, limit, value) >= limit.limit


async def count_attempt(session: AsyncSession, limit: Limit, value: str) -> None:
    session.add(
        ThrottleEvent(
            bucket=limit.bucket, key=throttle_key(value), occurred_at=datetime.now(UTC)
        )
    )


async def forget_attempts(session: AsyncSession, limit: Limit, value: str) -> None:
    """Clear the counted attempts of `value`, after a successful sign-in."""
    await session.execute(
        delete(ThrottleEvent).where(
            ThrottleEvent.bucket == limit.bucket,
            ThrottleEvent.key == throttle_key(value),
        )
    )
