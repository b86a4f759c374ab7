"""runDayEnd: OPS or ADMIN runs the day-end of a business date."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi.api.mutations import MutationError, run_mutation, to_error_list
from hundi.api.permissions import allow
from hundi.api.scalars import MoneyValue
from hundi.domain.enums import AssetClass, Role
from hundi.services.lending.day_end import DayEndResult, run_day_end

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why runDayEnd failed.")
class RunDayEndErrorCode(enum.Enum):
    DATE_IN_FUTURE = "DATE_IN_FUTURE"
    DAY_END_OUT_OF_ORDER = "DAY_END_OUT_OF_ORDER"


@strawberry.type(description="An expected failure of runDayEnd.")
class RunDayEndError(MutationError):
    code: RunDayEndErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="The business date to close.")
class RunDayEndInput:
    business_date: date = strawberry.field(
        description="A date in India, not after today, not before the last day-end."
    )


@strawberry.type(description="How many loans a day-end left in one RBI class.")
class AssetClassCount:
    asset_class: AssetClass = strawberry.field(description="The class.")
    loans: int = strawberry.field(description="Loans in it at the day-end.")


@strawberry.type(name="DayEnd", description="What a day-end did.")
class DayEndType:
    business_date: date = strawberry.field(description="The date closed.")
    loans_classified: int = strawberry.field(
        description="ACTIVE loans classified, each with a history row."
    )
    loans_by_class: list[AssetClassCount] = strawberry.field(
        description="Loans per RBI class, every class listed."
    )
    penal_accrued: MoneyValue = strawberry.field(
        description="Penal interest accrued on overdue principal."
    )
    applications_expired: int = strawberry.field(
        description="Open applications that expired."
    )
    offers_expired: int = strawberry.field(description="Open offers that expired.")
    already_run: bool = strawberry.field(
        description="True when an earlier run had closed this date; nothing changed."
    )
    started_at: datetime = strawberry.field(description="When the run started.")
    finished_at: datetime | None = strawberry.field(
        description="When the run finished."
    )


def day_end_type(result: DayEndResult) -> DayEndType:
    return DayEndType(
        business_date=result.business_date,
        loans_classified=result.loans_classified,
        loans_by_class=[
            AssetClassCount(asset_class=asset_class, loans=count)
            for asset_class, count in result.loans_by_class.items()
        ],
        penal_accrued=result.penal_accrued,  # type: ignore[arg-type]
        applications_expired=result.applications_expired,
        offers_expired=result.offers_expired,
        already_run=result.already_run,
        started_at=result.started_at,
        finished_at=result.finished_at,
    )


@strawberry.type(description="The result of runDayEnd.")
class RunDayEndPayload:
    day_end: DayEndType | None = strawberry.field(
        description="What the day-end did, or what its earlier run did."
    )
    errors: list[RunDayEndError] = strawberry.field(
        description="Why it did not run; empty when it did."
    )


@strawberry.type
class RunDayEndMutation:
    @strawberry.mutation(
        description="Close a business date: expire lapsed applications and "
        "offers, accrue penal interest, and classify every ACTIVE loan (SMA_0 up "
        "to 30 days past due, SMA_1 31-60, SMA_2 61-90, NPA over 90). Running a "
        "date twice changes nothing the second time.",
        extensions=allow(Role.OPS, Role.ADMIN),
    )
    async def run_day_end(self, info: Info, input: RunDayEndInput) -> RunDayEndPayload:
        context: Context = info.context
        actor = context.require_actor()
        result, errors = await run_mutation(
            info, lambda: run_day_end(context.database, actor, input.business_date)
        )
        return RunDayEndPayload(
            day_end=day_end_type(result) if result else None,
            errors=to_error_list(RunDayEndError, RunDayEndErrorCode, errors),
        )
