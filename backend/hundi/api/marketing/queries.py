"""Root query of marketing spend: what ADMIN entered, month by month."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import strawberry
from sqlalchemy import select
from strawberry.types import Info

from hundi import models
from hundi.api.errors import BadUserInput
from hundi.api.marketing.types import MarketingSpendType
from hundi.api.permissions import allow
from hundi.domain.enums import Role
from hundi.domain.kpi_periods import InvalidPeriod, Period

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.type
class MarketingQueries:
    @strawberry.field(
        description="Marketing spend of the months from `from` to `to`, by "
        "month then channel. Aggregate business figures, no personal data.",
        extensions=allow(Role.ADMIN, Role.MANAGEMENT),
    )
    async def marketing_spend(
        self,
        info: Info,
        from_: Annotated[
            date,
            strawberry.argument(name="from", description="A day of the first month."),
        ],
        to: Annotated[
            date, strawberry.argument(description="A day of the last month.")
        ],
    ) -> list[MarketingSpendType]:
        context: Context = info.context
        try:
            months = Period(from_, to).months
        except InvalidPeriod as error:
            raise BadUserInput(str(error)) from None

        spend = models.MarketingSpend
        statement = (
            select(spend)
            .where(spend.month >= months[0], spend.month <= months[-1])
            .order_by(spend.month, spend.channel)
        )
        return await context.reader.scalars(statement)
