"""recordMarketingSpend: ADMIN enters the spend of a month and channel."""

from __future__ import annotations

import enum
from datetime import date
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi.api.marketing.types import MarketingSpendType
from hundi.api.mutations import MutationError, run_mutation, to_error_list
from hundi.api.permissions import allow
from hundi.api.scalars import MoneyValue
from hundi.domain.enums import AcquisitionChannel, Role
from hundi.services.marketing import SpendEntry, record_marketing_spend

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why recordMarketingSpend failed.")
class RecordMarketingSpendErrorCode(enum.Enum):
    INVALID_MONTH = "INVALID_MONTH"
    FUTURE_MONTH = "FUTURE_MONTH"
    INVALID_AMOUNT = "INVALID_AMOUNT"


@strawberry.type(description="An expected failure of recordMarketingSpend.")
class RecordMarketingSpendError(MutationError):
    code: RecordMarketingSpendErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="The spend of one month through one channel.")
class RecordMarketingSpendInput:
    month: date = strawberry.field(
        description="The first day of the month, such as 2026-07-01."
    )
    channel: AcquisitionChannel = strawberry.field(description="The channel.")
    amount: MoneyValue = strawberry.field(
        description="Rupees spent, 0 or more, with at most 2 decimal places."
    )


@strawberry.type(description="The result of recordMarketingSpend.")
class RecordMarketingSpendPayload:
    marketing_spend: MarketingSpendType | None = strawberry.field(
        description="The spend as stored; null when it was not recorded."
    )
    errors: list[RecordMarketingSpendError] = strawberry.field(
        description="Why it was not recorded; empty when it was."
    )


@strawberry.type
class RecordMarketingSpendMutation:
    @strawberry.mutation(
        description="Record the marketing spend of a month and channel; "
        "recording the same month and channel again replaces the amount.",
        extensions=allow(Role.ADMIN),
    )
    async def record_marketing_spend(
        self, info: Info, input: RecordMarketingSpendInput
    ) -> RecordMarketingSpendPayload:
        context: Context = info.context
        actor = context.require_actor()
        entry = SpendEntry(input.month, input.channel, input.amount)
        spend, errors = await run_mutation(
            info, lambda: record_marketing_spend(context.database, actor, entry)
        )
        return RecordMarketingSpendPayload(
            marketing_spend=spend,  # type: ignore[arg-type]
            errors=to_error_list(
                RecordMarketingSpendError, RecordMarketingSpendErrorCode, errors
            ),
        )
