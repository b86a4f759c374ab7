"""The demo and scale seeds write everything the success metrics read."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import func, select

from hundi import models
from hundi.api.context import Reader
from hundi.db import Database
from hundi.domain.enums import ProductEventName
from hundi.domain.kpi_periods import Period
from hundi.domain.kpis import KpiKey, KpiStatus
from hundi.seed.demo import seed_demo
from hundi.seed.scale import seed_scale
from hundi.services.kpis.launch import resolve_launch_date
from hundi.services.kpis.report import compute_kpis
from hundi.services.kpis.targets import load_targets
from support.rows import count_rows

AS_OF = date(2026, 12, 4)


async def _events(database: Database, name: ProductEventName) -> int:
    async with database.session() as session:
        counted = select(func.count()).where(models.ProductEvent.name == name)
        return int(await session.scalar(counted) or 0)


async def test_demo_stores_every_kpi_target(database: Database) -> None:
    await seed_demo(database, as_of=AS_OF)

    assert await count_rows(database, models.KpiTarget) == len(KpiKey)


async def test_demo_metrics_meet_and_miss_targets(database: Database) -> None:
    await seed_demo(database, as_of=AS_OF)
    reader = Reader(database)
    try:
        launch = await resolve_launch_date(reader.rows, None)
        results = await compute_kpis(
            reader.rows,
            Period(date(2026, 7, 1), AS_OF),
            now=datetime(2026, 12, 4, 6, tzinfo=UTC),
            launch_date=launch,
            targets=await load_targets(reader.rows),
        )
    finally:
        await reader.close()
    statuses = {result.definition.key: result.status for result in results}

    assert launch == date(2026, 7, 1)
    assert KpiStatus.MET in statuses.values()
    assert KpiStatus.MISSED in statuses.values()
    # Every input of the metrics is in the demo, so every metric has a value.
    assert KpiStatus.NO_DATA not in statuses.values()


async def test_demo_links_visitors_and_funnel_steps(database: Database) -> None:
    await seed_demo(database, as_of=AS_OF)

    async with database.session() as session:
        linked = await session.scalar(
            select(func.count()).where(models.Visitor.sme_id.is_not(None))
        )

    assert linked == 50
    assert await _events(database, ProductEventName.APPLICATION_STARTED) > 0
    assert await _events(database, ProductEventName.KYC_STARTED) > 0


async def test_scale_writes_kpi_inputs(database: Database) -> None:
    await seed_scale(database, 200, as_of=AS_OF)

    assert await count_rows(database, models.Visitor) >= 200 * 5
    assert await _events(database, ProductEventName.APPLICATION_STARTED) > 0
    assert await count_rows(database, models.SecurityIncident) == 3
    assert await count_rows(database, models.MarketingSpend) > 0
