"""updateKpiTarget: ADMIN changes the target of a metric or milestone."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi.api.kpis.types import KpiTargetType, target_type
from hundi.api.mutations import MutationError, run_mutation, to_error_list
from hundi.api.permissions import allow
from hundi.api.scalars import DecimalValue
from hundi.domain.enums import Role, TargetDirection
from hundi.domain.kpis import KpiKey, TargetBounds
from hundi.services.kpis.targets import TargetChange, update_kpi_target

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why updateKpiTarget failed.")
class UpdateKpiTargetErrorCode(enum.Enum):
    BOUND_REQUIRED = "BOUND_REQUIRED"
    BOUND_NOT_ALLOWED = "BOUND_NOT_ALLOWED"
    INVALID_BOUND = "INVALID_BOUND"
    TOO_MANY_DECIMALS = "TOO_MANY_DECIMALS"
    OUT_OF_RANGE = "OUT_OF_RANGE"
    INVALID_RANGE = "INVALID_RANGE"


@strawberry.type(description="An expected failure of updateKpiTarget.")
class UpdateKpiTargetError(MutationError):
    code: UpdateKpiTargetErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="The new target of one metric or milestone.")
class UpdateKpiTargetInput:
    key: KpiKey = strawberry.field(description="The metric or milestone.")
    direction: TargetDirection = strawberry.field(
        description="AT_LEAST needs `low`, AT_MOST needs `high`, BETWEEN both."
    )
    low: DecimalValue | None = strawberry.field(
        default=None,
        description="Lower bound in the metric's unit, at most 4 decimal places.",
    )
    high: DecimalValue | None = strawberry.field(
        default=None,
        description="Upper bound in the metric's unit, at most 4 decimal places.",
    )


@strawberry.type(description="The result of updateKpiTarget.")
class UpdateKpiTargetPayload:
    target: KpiTargetType | None = strawberry.field(
        description="The target as stored; null when the change failed."
    )
    errors: list[UpdateKpiTargetError] = strawberry.field(
        description="Why the change failed; empty when it succeeded."
    )


@strawberry.type
class UpdateKpiTargetMutation:
    @strawberry.mutation(
        description="Set the target of a success metric or milestone.",
        extensions=allow(Role.ADMIN),
    )
    async def update_kpi_target(
        self, info: Info, input: UpdateKpiTargetInput
    ) -> UpdateKpiTargetPayload:
        context: Context = info.context
        actor = context.require_actor()
        change = TargetChange(input.key, input.direction, input.low, input.high)
        stored, errors = await run_mutation(
            info, lambda: update_kpi_target(context.database, actor, change)
        )
        target = None
        if stored is not None:
            bounds = TargetBounds(stored.direction, stored.low, stored.high)
            target = target_type(input.key, bounds)
        return UpdateKpiTargetPayload(
            target=target,
            errors=to_error_list(
                UpdateKpiTargetError, UpdateKpiTargetErrorCode, errors
            ),
        )
