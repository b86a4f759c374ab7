"""writeOffLoan: a lender admin writes off an NPA loan."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi.api.lending.permissions import allow_lender_admin
from hundi.api.lending.types import LoanType
from hundi.api.lists import decode_id
from hundi.api.mutations import MutationError, run_mutation, to_error_list
from hundi.services.lending.write_offs import write_off_loan

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why writeOffLoan failed.")
class WriteOffLoanErrorCode(enum.Enum):
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    NOT_FOUND = "NOT_FOUND"
    LOAN_NOT_ACTIVE = "LOAN_NOT_ACTIVE"
    LOAN_NOT_NPA = "LOAN_NOT_NPA"
    INVALID_IDEMPOTENCY_KEY = "INVALID_IDEMPOTENCY_KEY"
    IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED"


@strawberry.type(description="An expected failure of writeOffLoan.")
class WriteOffLoanError(MutationError):
    code: WriteOffLoanErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="The loan to write off, and why.")
class WriteOffLoanInput:
    loan_id: strawberry.ID = strawberry.field(
        description="An ACTIVE loan of your lender classified NPA."
    )
    reason: str = strawberry.field(description="Why, in at most 2000 characters.")
    idempotency_key: str = strawberry.field(
        description="A new random key per write-off; a repeat returns the first result."
    )


@strawberry.type(description="The result of writeOffLoan.")
class WriteOffLoanPayload:
    loan: LoanType | None = strawberry.field(
        description="The WRITTEN_OFF loan with the amount written off."
    )
    errors: list[WriteOffLoanError] = strawberry.field(
        description="Why it was not written off; empty when it was."
    )


@strawberry.type
class WriteOffLoanMutation:
    @strawberry.mutation(
        description="Write off an NPA loan for all it owes (principal and penal "
        "interest). Needs a lender admin.",
        extensions=allow_lender_admin(),
    )
    async def write_off_loan(
        self, info: Info, input: WriteOffLoanInput
    ) -> WriteOffLoanPayload:
        context: Context = info.context
        actor = context.require_actor()
        loan_id = decode_id(input.loan_id, "Loan")
        loan, errors = await run_mutation(
            info,
            lambda: write_off_loan(
                context.database, actor, loan_id, input.reason, input.idempotency_key
            ),
        )
        return WriteOffLoanPayload(
            loan=loan,  # type: ignore[arg-type]
            errors=to_error_list(WriteOffLoanError, WriteOffLoanErrorCode, errors),
        )
