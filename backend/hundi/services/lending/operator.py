"""The day-end from the shell: `hundi day-end --date YYYY-MM-DD`."""

from __future__ import annotations

from datetime import date

from hundi.commands import CommandError
from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.services.actor import SYSTEM
from hundi.services.errors import FieldErrors
from hundi.services.lending.day_end import DayEndResult, run_day_end
from hundi.settings import Settings


def parse_business_date(text: str | None) -> date:
    """Return the date of `--date`, or today in India when it is left out."""
    if text is None:
        return india_today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(
            f"--date {text!r} is not a date; write it as YYYY-MM-DD, such as 2026-03-31"
        ) from None


async def run_day_end_from_command_line(settings: Settings, business_date: date) -> str:
    """Run day-end as the system and return a one-line summary to print."""
    database = Database.from_url(settings.database_url)
    try:
        result = await run_day_end(database, SYSTEM, business_date)
    except FieldErrors as failure:
        raise CommandError(
            "; ".join(error.message for error in failure.errors)
        ) from None
    finally:
        await database.dispose()
    return summary(result)


def summary(result: DayEndResult) -> str:
    classes = ", ".join(
        f"{asset_class.value} {count}"
        for asset_class, count in result.loans_by_class.items()
        if count
    )
    done = (
        f"{result.loans_classified} loans classified ({classes or 'none'}), "
        f"penal interest {result.penal_accrued} accrued, "
        f"{result.applications_expired} applications and "
        f"{result.offers_expired} offers expired"
    )
    if result.already_run:
        return (
            f"Day-end {result.business_date} ran already; nothing changed. It "
            f"had: {done}."
        )
    return f"Day-end {result.business_date}: {done}."
