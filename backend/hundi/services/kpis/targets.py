"""Stored KPI targets: reading them for a report, and ADMIN changing one.

The migration stores the target sheet's targets. A metric without a stored
row (a database emptied by hand, or a metric newer than the rows) falls back
to the target in `hundi.domain.kpis`, so every metric always has a target.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.db import Database
from hundi.domain.enums import TargetDirection
from hundi.domain.kpi_targets import check_target
from hundi.domain.kpis import KpiKey, TargetBounds, default_targets, unit_of
from hundi.models import KpiTarget
from hundi.services.actor import Actor
from hundi.services.audit import record_audit, snapshot
from hundi.services.authors import stored_user_id
from hundi.services.errors import FieldError, FieldErrors
from hundi.services.kpis.report import Run

logger = logging.getLogger(__name__)

TARGET_FIELDS = ("direction", "low", "high")


async def load_targets(run: Run) -> dict[KpiKey, TargetBounds]:
    """Return every target: the stored row, or the default where none is stored."""
    targets = default_targets()
    statement = select(
        KpiTarget.key, KpiTarget.direction, KpiTarget.low, KpiTarget.high
    )
    for key, direction, low, high in await run(statement):
        if key in KpiKey.__members__:
            targets[KpiKey(key)] = TargetBounds(direction, low, high)
    return targets


@dataclass(frozen=True)
class TargetChange:
    key: KpiKey
    direction: TargetDirection
    low: Decimal | None
    high: Decimal | None


async def update_kpi_target(
    database: Database, actor: Actor, change: TargetChange
) -> KpiTarget:
    """Replace the target of one metric or milestone; raise FieldErrors if invalid."""
    problems = check_target(
        unit_of(change.key), change.direction, change.low, change.high
    )
    if problems:
        raise FieldErrors(
            [
                FieldError((p.field,) if p.field else None, p.code, p.message)
                for p in problems
            ]
        )

    async with database.transaction() as session:
        target = await session.get(KpiTarget, change.key.value, with_for_update=True)
        before = snapshot(target, *TARGET_FIELDS) if target else None
        if target is None:
            target = KpiTarget(key=change.key.value)
            session.add(target)
        target.direction = change.direction
        target.low, target.high = change.low, change.high
        target.updated_at = datetime.now(UTC)
        target.updated_by_user_id = await stored_user_id(session, actor)
        await session.flush()
        await record_audit(
            session,
            actor,
            "kpi_target.updated",
            "KpiTarget",
            change.key.value,
            before=before,
            after=snapshot(target, *TARGET_FIELDS),
        )

    logger.info("KPI target %s set to %s", change.key.value, change.direction.value)
    return target


async def insert_missing_targets(session: AsyncSession) -> int:
    """Store the default target of every key that has no row; return how many."""
    stored = set(await session.scalars(select(KpiTarget.key)))
    missing = [
        KpiTarget(
            key=key.value, direction=target.direction, low=target.low, high=target.high
        )
        for key, target in default_targets().items()
        if key.value not in stored
    ]
    session.add_all(missing)
    return len(missing)
