"""recordRepayment: a lender user records money received on a loan."""

from __future__ import annotations

import enum
from datetime import date
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi.api.lending.types import RepaymentType
from hundi.api.lists import decode_id
from hundi.api.mutations import MutationError, run_mutation, to_error_list
from hundi.api.permissions import allow
from hundi.api.scalars import MoneyValue
from hundi.domain.enums import Role
from hundi.services.lending.repayments import ReceivedMoney, record_repayment

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why recordRepayment failed.")
class RecordRepaymentErrorCode(enum.Enum):
    INVALID_AMOUNT = "INVALID_AMOUNT"
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    RECEIVED_ON_OUT_OF_RANGE = "RECEIVED_ON_OUT_OF_RANGE"
    NOT_FOUND = "NOT_FOUND"
    LOAN_NOT_ACTIVE = "LOAN_NOT_ACTIVE"
    BANK_REFERENCE_TAKEN = "BANK_REFERENCE_TAKEN"
    INVALID_IDEMPOTENCY_KEY = "INVALID_IDEMPOTENCY_KEY"
    IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED"


@strawberry.type(description="An expected failure of recordRepayment.")
class RecordRepaymentError(MutationError):
    code: RecordRepaymentErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="Money received on a loan.")
class RecordRepaymentInput:
    loan_id: strawberry.ID = strawberry.field(
        description="An ACTIVE loan of your lender."
    )
    amount: MoneyValue = strawberry.field(
        description="Amount received: positive, at most 2 decimal places."
    )
    received_on: date = strawberry.field(
        description="Value date of the receipt: not before disbursal, not in the "
        "future in India."
    )
    bank_reference: str = strawberry.field(
        description="Bank reference of the receipt, at most 40 characters; unique."
    )
    idempotency_key: str = strawberry.field(
        description="A new random key per receipt; a repeat returns the first result."
    )


@strawberry.type(description="The result of recordRepayment.")
class RecordRepaymentPayload:
    repayment: RepaymentType | None = strawberry.field(
        description="The repayment with its allocation; its loan shows what is "
        "still owed."
    )
    errors: list[RecordRepaymentError] = strawberry.field(
        description="Why it was not recorded; empty when it was."
    )


@strawberry.type
class RecordRepaymentMutation:
    @strawberry.mutation(
        description="Record a repayment. It pays penal interest first, then "
        "principal; any excess is owed back to the SME. A loan with nothing "
        "outstanding is REPAID and its invoice SETTLED.",
        extensions=allow(Role.LENDER),
    )
    async def record_repayment(
        self, info: Info, input: RecordRepaymentInput
    ) -> RecordRepaymentPayload:
        context: Context = info.context
        actor = context.require_actor()
        money = ReceivedMoney(
            loan_id=decode_id(input.loan_id, "Loan"),
            amount=input.amount,
            received_on=input.received_on,
            bank_reference=input.bank_reference,
            idempotency_key=input.idempotency_key,
        )
        repayment, errors = await run_mutation(
            info, lambda: record_repayment(context.database, actor, money)
        )
        return RecordRepaymentPayload(
            repayment=repayment,  # type: ignore[arg-type]
            errors=to_error_list(
                RecordRepaymentError, RecordRepaymentErrorCode, errors
            ),
        )
