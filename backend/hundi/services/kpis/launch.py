"""The launch date that cumulative metrics and milestones count from."""

from __future__ import annotations

from datetime import date

from hundi.domain.calendar import month_start, to_india
from hundi.services.kpis import statements
from hundi.services.kpis.report import Run


async def resolve_launch_date(run: Run, configured: date | None) -> date | None:
    """Return `configured` (the LAUNCH_DATE setting), or the first day of the
    India month of the first SME registration; None while no SME exists."""
    if configured is not None:
        return configured

    (first,) = (await run(statements.first_registration()))[0]
    if first is None:
        return None
    return month_start(to_india(first).date())
