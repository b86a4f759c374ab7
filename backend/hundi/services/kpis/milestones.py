"""The milestones of the first months after launch, counted from the launch date.

Milestone n is due at the end of the n-th calendar month, counting the launch
month as the first. Until then its actual figure grows and it is IN_PROGRESS
unless already met.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from fractions import Fraction

from sqlalchemy import Executable

from hundi.domain.calendar import add_months, month_start
from hundi.domain.kpi_periods import india_day_start
from hundi.domain.kpi_targets import milestone_status
from hundi.domain.kpis import (
    MILESTONE_DEFINITIONS,
    KpiKey,
    MilestoneDefinition,
    MilestoneStatus,
    TargetBounds,
)
from hundi.services.kpis import statements
from hundi.services.kpis.report import Run


@dataclass(frozen=True)
class MilestoneResult:
    definition: MilestoneDefinition
    target: TargetBounds
    # The last day of the milestone's month; None without a launch date.
    due_on: date | None
    actual: Fraction | None
    status: MilestoneStatus


def _statement(key: KpiKey, launch: datetime, deadline: datetime) -> Executable:
    if key is KpiKey.LAUNCH_MONTH_REGISTERED_SMES:
        return statements.registered_smes(launch, deadline)
    if key is KpiKey.MONTH_2_LENDER_PARTNERS:
        return statements.lender_partners_onboarded(deadline)
    return statements.disbursed_total(launch, deadline)


async def compute_milestones(
    run: Run,
    *,
    now: datetime,
    launch_date: date | None,
    targets: Mapping[KpiKey, TargetBounds],
) -> list[MilestoneResult]:
    """Count each milestone's actual figure up to its deadline and judge it."""
    results = []
    for definition in MILESTONE_DEFINITIONS:
        target = targets[definition.key]
        if launch_date is None:
            results.append(
                MilestoneResult(definition, target, None, None, MilestoneStatus.NO_DATA)
            )
            continue

        next_month = add_months(month_start(launch_date), definition.month)
        deadline = india_day_start(next_month)
        (value,) = (
            await run(
                _statement(definition.key, india_day_start(launch_date), deadline)
            )
        )[0]
        actual = Fraction(value or 0)
        status = milestone_status(actual, target, deadline_passed=now >= deadline)
        due_on = next_month - timedelta(days=1)
        results.append(MilestoneResult(definition, target, due_on, actual, status))
    return results
