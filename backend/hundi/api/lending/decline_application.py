"""declineApplication: a lender user declines an application, with a reason."""

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
from hundi.services.lending.offers import decline_application

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why declineApplication failed.")
class DeclineApplicationErrorCode(enum.Enum):
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    NOT_FOUND = "NOT_FOUND"
    APPLICATION_EXPIRED = "APPLICATION_EXPIRED"
    APPLICATION_NOT_OPEN = "APPLICATION_NOT_OPEN"
    ALREADY_DECLINED = "ALREADY_DECLINED"


@strawberry.type(description="An expected failure of declineApplication.")
class DeclineApplicationError(MutationError):
    code: DeclineApplicationErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="The application to decline, and why.")
class DeclineApplicationInput:
    application_id: strawberry.ID = strawberry.field(
        description="An open application matched to your lender."
    )
    reason: str = strawberry.field(description="Why, in at most 2000 characters.")


@strawberry.type(description="The result of declineApplication.")
class DeclineApplicationPayload:
    application: FinancingApplicationType | None = strawberry.field(
        description="The application; DECLINED once every matched lender "
        "declined and no offer is open."
    )
    errors: list[DeclineApplicationError] = strawberry.field(
        description="Why it was not declined; empty when it was."
    )


@strawberry.type
class DeclineApplicationMutation:
    @strawberry.mutation(
        description="Decline an application for your lender; your open offer on "
        "it is withdrawn.",
        extensions=allow(Role.LENDER),
    )
    async def decline_application(
        self, info: Info, input: DeclineApplicationInput
    ) -> DeclineApplicationPayload:
        context: Context = info.context
        actor = context.require_actor()
        application_id = decode_id(input.application_id, "FinancingApplication")
        application, errors = await run_mutation(
            info,
            lambda: decline_application(
                context.database, actor, application_id, input.reason
            ),
        )
        return DeclineApplicationPayload(
            application=application,  # type: ignore[arg-type]
            errors=to_error_list(
                DeclineApplicationError, DeclineApplicationErrorCode, errors
            ),
        )
