"""rejectDisbursal: the checker rejects a payout request, with a reason."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi.api.lending.types import DisbursalType
from hundi.api.lists import decode_id
from hundi.api.mutations import MutationError, run_mutation, to_error_list
from hundi.api.permissions import allow
from hundi.domain.enums import Role
from hundi.services.lending.disbursals import reject_disbursal

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why rejectDisbursal failed.")
class RejectDisbursalErrorCode(enum.Enum):
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    NOT_FOUND = "NOT_FOUND"
    MAKER_CANNOT_REJECT = "MAKER_CANNOT_REJECT"
    DISBURSAL_NOT_REQUESTED = "DISBURSAL_NOT_REQUESTED"


@strawberry.type(description="An expected failure of rejectDisbursal.")
class RejectDisbursalError(MutationError):
    code: RejectDisbursalErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="The disbursal to reject, and why.")
class RejectDisbursalInput:
    disbursal_id: strawberry.ID = strawberry.field(
        description="A REQUESTED disbursal of your lender that another user made."
    )
    reason: str = strawberry.field(description="Why, in at most 2000 characters.")


@strawberry.type(description="The result of rejectDisbursal.")
class RejectDisbursalPayload:
    disbursal: DisbursalType | None = strawberry.field(
        description="The REJECTED disbursal; the offer may be paid out again."
    )
    errors: list[RejectDisbursalError] = strawberry.field(
        description="Why it was not rejected; empty when it was."
    )


@strawberry.type
class RejectDisbursalMutation:
    @strawberry.mutation(
        description="Reject a disbursal request (checker; not the user who made "
        "it). The offer stays accepted and may be requested again.",
        extensions=allow(Role.LENDER),
    )
    async def reject_disbursal(
        self, info: Info, input: RejectDisbursalInput
    ) -> RejectDisbursalPayload:
        context: Context = info.context
        actor = context.require_actor()
        disbursal_id = decode_id(input.disbursal_id, "Disbursal")
        disbursal, errors = await run_mutation(
            info,
            lambda: reject_disbursal(
                context.database, actor, disbursal_id, input.reason
            ),
        )
        return RejectDisbursalPayload(
            disbursal=disbursal,  # type: ignore[arg-type]
            errors=to_error_list(
                RejectDisbursalError, RejectDisbursalErrorCode, errors
            ),
        )
