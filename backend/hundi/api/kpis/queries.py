"""Root queries of the success metrics: `kpis` and `milestones`."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from hundi.api.errors import BadUserInput
from hundi.api.kpis.types import KpiType, MilestoneType, kpi_type, milestone_type
from hundi.api.permissions import allow
from hundi.domain.enums import Role
from hundi.domain.kpi_periods import InvalidPeriod, Period
from hundi.services.kpis.launch import resolve_launch_date
from hundi.services.kpis.milestones import compute_milestones
from hundi.services.kpis.report import compute_kpis
from hundi.services.kpis.runner import statement_runner
from hundi.services.kpis.targets import load_targets

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.type
class KpiQueries:
    @strawberry.field(
        description="Every success metric over the days from `from` to `to` "
        "(both included, India time), with its target, status and monthly "
        "series. Aggregates only. At most 36 months.",
        extensions=allow(Role.MANAGEMENT, Role.ADMIN),
    )
    async def kpis(
        self,
        info: Info,
        from_: Annotated[
            date, strawberry.argument(name="from", description="The first day.")
        ],
        to: Annotated[date, strawberry.argument(description="The last day.")],
    ) -> list[KpiType]:
        context: Context = info.context
        try:
            period = Period(from_, to)
        except InvalidPeriod as error:
            raise BadUserInput(str(error)) from None

        async with statement_runner(context.database) as run:
            launch_date = await resolve_launch_date(run, context.settings.launch_date)
            targets = await load_targets(run)
            results = await compute_kpis(
                run,
                period,
                now=datetime.now(UTC),
                launch_date=launch_date,
                targets=targets,
            )
        return [kpi_type(result) for result in results]

    @strawberry.field(
        description="The milestones of the first three months after launch, "
        "with their targets, actual figures and status.",
        extensions=allow(Role.MANAGEMENT, Role.ADMIN),
    )
    async def milestones(self, info: Info) -> list[MilestoneType]:
        context: Context = info.context
        run = context.reader.rows
        launch_date = await resolve_launch_date(run, context.settings.launch_date)
        targets = await load_targets(run)
        results = await compute_milestones(
            run, now=datetime.now(UTC), launch_date=launch_date, targets=targets
        )
        return [milestone_type(result) for result in results]
