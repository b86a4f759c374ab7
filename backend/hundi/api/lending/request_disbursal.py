"""requestDisbursal: the maker requests the payout of an accepted offer."""

from __future__ import annotations

import enum
from datetime import date
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi.api.lending.types import DisbursalType
from hundi.api.lists import decode_id
from hundi.api.mutations import MutationError, run_mutation, to_error_list
from hundi.api.permissions import allow
from hundi.domain.enums import Role
from hundi.services.lending.disbursals import DisbursalRequest, request_disbursal

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why requestDisbursal failed.")
class RequestDisbursalErrorCode(enum.Enum):
    INVALID_UTR = "INVALID_UTR"
    NOT_FOUND = "NOT_FOUND"
    OFFER_NOT_ACCEPTED = "OFFER_NOT_ACCEPTED"
    DISBURSAL_EXISTS = "DISBURSAL_EXISTS"
    VALUE_DATE_OUT_OF_RANGE = "VALUE_DATE_OUT_OF_RANGE"
    UTR_TAKEN = "UTR_TAKEN"
    PRICING_FAILED = "PRICING_FAILED"
    INVALID_IDEMPOTENCY_KEY = "INVALID_IDEMPOTENCY_KEY"
    IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED"


@strawberry.type(description="An expected failure of requestDisbursal.")
class RequestDisbursalError(MutationError):
    code: RequestDisbursalErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="The payout of an accepted offer.")
class RequestDisbursalInput:
    offer_id: strawberry.ID = strawberry.field(
        description="An ACCEPTED offer of your lender."
    )
    utr: str = strawberry.field(
        description="Bank reference (UTR) of the transfer: 12 to 22 letters and "
        "digits; unique."
    )
    value_date: date = strawberry.field(
        description="Date the money reached the SME: not before acceptance, not "
        "in the future in India, before the earliest due date."
    )
    idempotency_key: str = strawberry.field(
        description="A new random key per request; a repeat returns the first result."
    )


@strawberry.type(description="The result of requestDisbursal.")
class RequestDisbursalPayload:
    disbursal: DisbursalType | None = strawberry.field(
        description="The REQUESTED disbursal, awaiting another user's approval."
    )
    errors: list[RequestDisbursalError] = strawberry.field(
        description="Why it was not requested; empty when it was."
    )


@strawberry.type
class RequestDisbursalMutation:
    @strawberry.mutation(
        description="Request the payout of an accepted offer (maker). Another "
        "user of your lender approves it (checker).",
        extensions=allow(Role.LENDER),
    )
    async def request_disbursal(
        self, info: Info, input: RequestDisbursalInput
    ) -> RequestDisbursalPayload:
        context: Context = info.context
        actor = context.require_actor()
        request = DisbursalRequest(
            offer_id=decode_id(input.offer_id, "Offer"),
            utr=input.utr,
            value_date=input.value_date,
            idempotency_key=input.idempotency_key,
        )
        disbursal, errors = await run_mutation(
            info, lambda: request_disbursal(context.database, actor, request)
        )
        return RequestDisbursalPayload(
            disbursal=disbursal,  # type: ignore[arg-type]
            errors=to_error_list(
                RequestDisbursalError, RequestDisbursalErrorCode, errors
            ),
        )
