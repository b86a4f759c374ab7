"""reverseRepayment: a lender user undoes a repayment, with a reason."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi.api.lending.types import RepaymentType
from hundi.api.lists import decode_id
from hundi.api.mutations import MutationError, run_mutation, to_error_list
from hundi.api.permissions import allow
from hundi.domain.enums import Role
from hundi.services.lending.repayments import reverse_repayment

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why reverseRepayment failed.")
class ReverseRepaymentErrorCode(enum.Enum):
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    NOT_FOUND = "NOT_FOUND"
    REPAYMENT_NOT_POSTED = "REPAYMENT_NOT_POSTED"
    LOAN_NOT_ACTIVE = "LOAN_NOT_ACTIVE"
    INVALID_IDEMPOTENCY_KEY = "INVALID_IDEMPOTENCY_KEY"
    IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED"


@strawberry.type(description="An expected failure of reverseRepayment.")
class ReverseRepaymentError(MutationError):
    code: ReverseRepaymentErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="The repayment to reverse, and why.")
class ReverseRepaymentInput:
    repayment_id: strawberry.ID = strawberry.field(
        description="A POSTED repayment on a loan of your lender."
    )
    reason: str = strawberry.field(
        description="Why, such as a bounced cheque, in at most 2000 characters."
    )
    idempotency_key: str = strawberry.field(
        description="A new random key per reversal; a repeat returns the first result."
    )


@strawberry.type(description="The result of reverseRepayment.")
class ReverseRepaymentPayload:
    repayment: RepaymentType | None = strawberry.field(
        description="The REVERSED repayment; its loan owes its parts again."
    )
    errors: list[ReverseRepaymentError] = strawberry.field(
        description="Why it was not reversed; empty when it was."
    )


@strawberry.type
class ReverseRepaymentMutation:
    @strawberry.mutation(
        description="Reverse a repayment: its penal, principal and excess parts "
        "go back on the loan, and a REPAID loan is ACTIVE again.",
        extensions=allow(Role.LENDER),
    )
    async def reverse_repayment(
        self, info: Info, input: ReverseRepaymentInput
    ) -> ReverseRepaymentPayload:
        context: Context = info.context
        actor = context.require_actor()
        repayment_id = decode_id(input.repayment_id, "Repayment")
        repayment, errors = await run_mutation(
            info,
            lambda: reverse_repayment(
                context.database,
                actor,
                repayment_id,
                input.reason,
                input.idempotency_key,
            ),
        )
        return ReverseRepaymentPayload(
            repayment=repayment,  # type: ignore[arg-type]
            errors=to_error_list(
                ReverseRepaymentError, ReverseRepaymentErrorCode, errors
            ),
        )
