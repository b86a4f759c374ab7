"""submitApplication: an SME applies to finance its verified invoices."""

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
from hundi.services.lending.applications import submit_application

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why submitApplication failed.")
class SubmitApplicationErrorCode(enum.Enum):
    REQUIRED = "REQUIRED"
    TOO_MANY_INVOICES = "TOO_MANY_INVOICES"
    REPEATED_INVOICE = "REPEATED_INVOICE"
    KYC_NOT_VERIFIED = "KYC_NOT_VERIFIED"
    NOT_FOUND = "NOT_FOUND"
    NOT_A_TAX_INVOICE = "NOT_A_TAX_INVOICE"
    INVOICE_ALREADY_FINANCED = "INVOICE_ALREADY_FINANCED"
    INVOICE_NOT_VERIFIED = "INVOICE_NOT_VERIFIED"
    INVOICE_IN_LIVE_APPLICATION = "INVOICE_IN_LIVE_APPLICATION"
    INVOICE_DUE_TOO_SOON = "INVOICE_DUE_TOO_SOON"


@strawberry.type(description="An expected failure of submitApplication.")
class SubmitApplicationError(MutationError):
    code: SubmitApplicationErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="The invoices to finance.")
class SubmitApplicationInput:
    invoice_ids: list[strawberry.ID] = strawberry.field(
        description="Ids of your VERIFIED tax invoices (INV), 1 to 20, in the order "
        "to show them; none may be in another live application."
    )


@strawberry.type(description="The result of submitApplication.")
class SubmitApplicationPayload:
    application: FinancingApplicationType | None = strawberry.field(
        description="The submitted application, with any instant offers; null "
        "when it was not submitted."
    )
    errors: list[SubmitApplicationError] = strawberry.field(
        description="Why it was not submitted; empty when it was."
    )


@strawberry.type
class SubmitApplicationMutation:
    @strawberry.mutation(
        description="Apply to finance invoices. Hundi matches the application to "
        "every active lender's products at once; products with instant offers "
        "make theirs at once. Needs verified KYC.",
        extensions=allow(Role.SME),
    )
    async def submit_application(
        self, info: Info, input: SubmitApplicationInput
    ) -> SubmitApplicationPayload:
        context: Context = info.context
        actor = context.require_actor()
        invoice_ids = [decode_id(value, "Invoice") for value in input.invoice_ids]
        application, errors = await run_mutation(
            info, lambda: submit_application(context.database, actor, invoice_ids)
        )
        return SubmitApplicationPayload(
            application=application,  # type: ignore[arg-type]
            errors=to_error_list(
                SubmitApplicationError, SubmitApplicationErrorCode, errors
            ),
        )
