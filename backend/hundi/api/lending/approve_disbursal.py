"""approveDisbursal: the checker approves a payout and the loans go live."""

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
from hundi.services.lending.disbursals import approve_disbursal

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why approveDisbursal failed.")
class ApproveDisbursalErrorCode(enum.Enum):
    NOT_FOUND = "NOT_FOUND"
    MAKER_CANNOT_APPROVE = "MAKER_CANNOT_APPROVE"
    DISBURSAL_NOT_REQUESTED = "DISBURSAL_NOT_REQUESTED"
    DISBURSAL_EXISTS = "DISBURSAL_EXISTS"
    PRICING_FAILED = "PRICING_FAILED"
    INVALID_IDEMPOTENCY_KEY = "INVALID_IDEMPOTENCY_KEY"
    IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED"


@strawberry.type(description="An expected failure of approveDisbursal.")
class ApproveDisbursalError(MutationError):
    code: ApproveDisbursalErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="The disbursal to approve.")
class ApproveDisbursalInput:
    disbursal_id: strawberry.ID = strawberry.field(
        description="A REQUESTED disbursal of your lender that another user made."
    )
    idempotency_key: str = strawberry.field(
        description="A new random key per approval; a repeat returns the first result."
    )


@strawberry.type(description="The result of approveDisbursal.")
class ApproveDisbursalPayload:
    disbursal: DisbursalType | None = strawberry.field(
        description="The APPROVED disbursal; its offer's loans are ACTIVE."
    )
    errors: list[ApproveDisbursalError] = strawberry.field(
        description="Why it was not approved; empty when it was."
    )


@strawberry.type
class ApproveDisbursalMutation:
    @strawberry.mutation(
        description="Approve a disbursal (checker; not the user who requested "
        "it). Each loan is priced on the value date and goes ACTIVE, the "
        "invoices are FINANCED and the application DISBURSED.",
        extensions=allow(Role.LENDER),
    )
    async def approve_disbursal(
        self, info: Info, input: ApproveDisbursalInput
    ) -> ApproveDisbursalPayload:
        context: Context = info.context
        actor = context.require_actor()
        disbursal_id = decode_id(input.disbursal_id, "Disbursal")
        disbursal, errors = await run_mutation(
            info,
            lambda: approve_disbursal(
                context.database, actor, disbursal_id, input.idempotency_key
            ),
        )
        return ApproveDisbursalPayload(
            disbursal=disbursal,  # type: ignore[arg-type]
            errors=to_error_list(
                ApproveDisbursalError, ApproveDisbursalErrorCode, errors
            ),
        )
