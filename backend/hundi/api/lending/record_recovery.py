"""recordRecovery: a lender user records money recovered on a written-off loan."""

from __future__ import annotations

import enum
from datetime import date
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi.api.lending.types import RecoveryType
from hundi.api.lists import decode_id
from hundi.api.mutations import MutationError, run_mutation, to_error_list
from hundi.api.permissions import allow
from hundi.api.scalars import MoneyValue
from hundi.domain.enums import Role
from hundi.services.lending.repayments import ReceivedMoney
from hundi.services.lending.write_offs import record_recovery

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why recordRecovery failed.")
class RecordRecoveryErrorCode(enum.Enum):
    INVALID_AMOUNT = "INVALID_AMOUNT"
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    RECEIVED_ON_OUT_OF_RANGE = "RECEIVED_ON_OUT_OF_RANGE"
    NOT_FOUND = "NOT_FOUND"
    LOAN_NOT_WRITTEN_OFF = "LOAN_NOT_WRITTEN_OFF"
    RECOVERY_EXCEEDS_WRITE_OFF = "RECOVERY_EXCEEDS_WRITE_OFF"
    BANK_REFERENCE_TAKEN = "BANK_REFERENCE_TAKEN"
    INVALID_IDEMPOTENCY_KEY = "INVALID_IDEMPOTENCY_KEY"
    IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED"


@strawberry.type(description="An expected failure of recordRecovery.")
class RecordRecoveryError(MutationError):
    code: RecordRecoveryErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="Money recovered on a written-off loan.")
class RecordRecoveryInput:
    loan_id: strawberry.ID = strawberry.field(
        description="A WRITTEN_OFF loan of your lender."
    )
    amount: MoneyValue = strawberry.field(
        description="Amount recovered: positive, at most 2 decimal places, and at "
        "most what is still unrecovered of the write-off."
    )
    received_on: date = strawberry.field(
        description="Value date: not before the write-off, not in the future."
    )
    bank_reference: str = strawberry.field(
        description="Bank reference, at most 40 characters; unique."
    )
    idempotency_key: str = strawberry.field(
        description="A new random key per receipt; a repeat returns the first result."
    )


@strawberry.type(description="The result of recordRecovery.")
class RecordRecoveryPayload:
    recovery: RecoveryType | None = strawberry.field(
        description="The recovery recorded; its loan shows the total recovered."
    )
    errors: list[RecordRecoveryError] = strawberry.field(
        description="Why it was not recorded; empty when it was."
    )


@strawberry.type
class RecordRecoveryMutation:
    @strawberry.mutation(
        description="Record money recovered on a written-off loan; the total "
        "recovered never exceeds the amount written off.",
        extensions=allow(Role.LENDER),
    )
    async def record_recovery(
        self, info: Info, input: RecordRecoveryInput
    ) -> RecordRecoveryPayload:
        context: Context = info.context
        actor = context.require_actor()
        money = ReceivedMoney(
            loan_id=decode_id(input.loan_id, "Loan"),
            amount=input.amount,
            received_on=input.received_on,
            bank_reference=input.bank_reference,
            idempotency_key=input.idempotency_key,
        )
        recovery, errors = await run_mutation(
            info, lambda: record_recovery(context.database, actor, money)
        )
        return RecordRecoveryPayload(
            recovery=recovery,  # type: ignore[arg-type]
            errors=to_error_list(RecordRecoveryError, RecordRecoveryErrorCode, errors),
        )
