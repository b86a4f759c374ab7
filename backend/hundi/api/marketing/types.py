"""GraphQL type of marketing spend."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from hundi.api.scalars import MoneyValue
from hundi.domain.enums import AcquisitionChannel


@strawberry.type(
    name="MarketingSpend",
    description="Money spent on acquiring SMEs in one month through one channel.",
)
class MarketingSpendType:
    month: date = strawberry.field(description="The first day of the month.")
    channel: AcquisitionChannel = strawberry.field(description="The channel.")
    amount: MoneyValue = strawberry.field(description="Rupees spent.")
    created_at: datetime = strawberry.field(description="When it was first recorded.")
