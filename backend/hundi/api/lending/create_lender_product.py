"""createLenderProduct: a lender admin defines a product of the lender."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi.api.lending.permissions import allow_lender_admin
from hundi.api.lending.product_input import (
    LenderProductError,
    LenderProductErrorCode,
    LenderProductTermsInput,
    terms_from,
)
from hundi.api.lending.types import LenderProductType
from hundi.api.mutations import run_mutation, to_error_list
from hundi.services.errors import FieldError
from hundi.services.lending.products import create_product

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.input(description="The product to create.")
class CreateLenderProductInput:
    terms: LenderProductTermsInput = strawberry.field(
        description="Its pricing, eligibility and limits."
    )


@strawberry.type(description="The result of createLenderProduct.")
class CreateLenderProductPayload:
    product: LenderProductType | None = strawberry.field(
        description="The new product; null when it was not created."
    )
    errors: list[LenderProductError] = strawberry.field(
        description="Why it was not created; empty when it was."
    )


@strawberry.type
class CreateLenderProductMutation:
    @strawberry.mutation(
        description="Define a product of your lender. Needs a lender admin.",
        extensions=allow_lender_admin(),
    )
    async def create_lender_product(
        self, info: Info, input: CreateLenderProductInput
    ) -> CreateLenderProductPayload:
        context: Context = info.context
        actor = context.require_actor()
        terms = terms_from(input.terms)
        product, errors = await run_mutation(
            info, lambda: create_product(context.database, actor, terms)
        )
        return CreateLenderProductPayload(
            product=product,  # type: ignore[arg-type]
            errors=to_error_list(
                LenderProductError, LenderProductErrorCode, _under_terms(errors)
            ),
        )


def _under_terms(errors: list[FieldError]) -> list[FieldError]:
    """Report each term's error at its path under `input.terms`."""
    return [
        FieldError(
            ("terms", *error.field) if error.field else None, error.code, error.message
        )
        for error in errors
    ]
