"""withdrawApplication: an SME withdraws its application before accepting."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi.api.lending.types import FinancingApplicationType
from hundi.api.lists import decode_id
from hundi.api.mutations import MutationError, run_mutation, to_error_list
from hundi.api.permissions import allow
from hundi.domain.enums import Role
from hundi.services.lending.applications import withdraw_application

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why withdrawApplication failed.")
class WithdrawApplicationErrorCode(enum.Enum):
    NOT_FOUND = "NOT_FOUND"
    APPLICATION_NOT_OPEN = "APPLICATION_NOT_OPEN"


@strawberry.type(description="An expected failure of withdrawApplication.")
class WithdrawApplicationError(MutationError):
    code: WithdrawApplicationErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="The application to withdraw.")
class WithdrawApplicationInput:
    application_id: strawberry.ID = strawberry.field(
        description="The id of your SUBMITTED or OFFERED application."
    )


@strawberry.type(description="The result of withdrawApplication.")
class WithdrawApplicationPayload:
    application: FinancingApplicationType | None = strawberry.field(
        description="The withdrawn application; null when it was not withdrawn."
    )
    errors: list[WithdrawApplicationError] = strawberry.field(
        description="Why it was not withdrawn; empty when it was."
    )


@strawberry.type
class WithdrawApplicationMutation:
    @strawberry.mutation(
        description="Withdraw your application; its open offers are withdrawn too.",
        extensions=allow(Role.SME),
    )
    async def withdraw_application(
        self, info: Info, input: WithdrawApplicationInput
    ) -> WithdrawApplicationPayload:
        context: Context = info.context
        actor = context.require_actor()
        application_id = decode_id(input.application_id, "FinancingApplication")
        application, errors = await run_mutation(
            info,
            lambda: withdraw_application(context.database, actor, application_id),
        )
        return WithdrawApplicationPayload(
            application=application,  # type: ignore[arg-type]
            errors=to_error_list(
                WithdrawApplicationError, WithdrawApplicationErrorCode, errors
            ),
        )
