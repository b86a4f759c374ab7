"""updateLenderProduct: a lender admin changes or deactivates a product."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi.api.lending.permissions import allow_lender_admin
from hundi.api.lending.product_input import (
    LenderProductChangesInput,
    LenderProductError,
    LenderProductErrorCode,
    changes_from,
)
from hundi.api.lending.types import LenderProductType
from hundi.api.lists import decode_id
from hundi.api.mutations import run_mutation, to_error_list
from hundi.services.errors import FieldError
from hundi.services.lending.products import update_product

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.input(description="The product and the terms to change.")
class UpdateLenderProductInput:
    product_id: strawberry.ID = strawberry.field(description="The product's id.")
    changes: LenderProductChangesInput = strawberry.field(
        description="The terms to change; the rest keep their values."
    )


@strawberry.type(description="The result of updateLenderProduct.")
class UpdateLenderProductPayload:
    product: LenderProductType | None = strawberry.field(
        description="The product as changed; null when nothing changed."
    )
    errors: list[LenderProductError] = strawberry.field(
        description="Why it was not changed; empty when it was."
    )


@strawberry.type
class UpdateLenderProductMutation:
    @strawberry.mutation(
        description="Change terms of your lender's product, or deactivate it with "
        "isActive false. Offers and loans made from it keep their terms. Needs a "
        "lender admin.",
        extensions=allow_lender_admin(),
    )
    async def update_lender_product(
        self, info: Info, input: UpdateLenderProductInput
    ) -> UpdateLenderProductPayload:
        context: Context = info.context
        actor = context.require_actor()
        product_id: uuid.UUID | None = decode_id(input.product_id, "LenderProduct")
        changes = changes_from(input.changes)
        product, errors = await run_mutation(
            info,
            lambda: update_product(context.database, actor, product_id, changes),
        )
        return UpdateLenderProductPayload(
            product=product,  # type: ignore[arg-type]
            errors=to_error_list(
                LenderProductError, LenderProductErrorCode, _under_changes(errors)
            ),
        )


def _under_changes(errors: list[FieldError]) -> list[FieldError]:
    """Report each term's error at its path under `input.changes`."""
    return [
        FieldError(
            error.field
            if error.field in (None, ("productId",))
            else ("changes", *error.field),
            error.code,
            error.message,
        )
        for error in errors
    ]
