"""createOffer: a lender user prices an application matched to the lender."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi.api.lending.types import OfferType
from hundi.api.lists import decode_id
from hundi.api.mutations import MutationError, run_mutation, to_error_list
from hundi.api.permissions import allow
from hundi.api.scalars import RateValue
from hundi.domain.enums import Role
from hundi.services.lending.offers import OfferRequest, create_offer

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why createOffer failed.")
class CreateOfferErrorCode(enum.Enum):
    INVALID_RATE = "INVALID_RATE"
    OUT_OF_RANGE = "OUT_OF_RANGE"
    NOT_FOUND = "NOT_FOUND"
    APPLICATION_EXPIRED = "APPLICATION_EXPIRED"
    APPLICATION_NOT_OPEN = "APPLICATION_NOT_OPEN"
    ALREADY_DECLINED = "ALREADY_DECLINED"
    ALREADY_OFFERED = "ALREADY_OFFERED"
    PRODUCT_INACTIVE = "PRODUCT_INACTIVE"
    ADVANCE_RATE_OUT_OF_RANGE = "ADVANCE_RATE_OUT_OF_RANGE"
    ANNUAL_RATE_OUT_OF_RANGE = "ANNUAL_RATE_OUT_OF_RANGE"
    PROCESSING_FEE_RATE_OUT_OF_RANGE = "PROCESSING_FEE_RATE_OUT_OF_RANGE"
    OUTSIDE_PRODUCT = "OUTSIDE_PRODUCT"
    PRICING_FAILED = "PRICING_FAILED"
    LIMIT_EXCEEDED = "LIMIT_EXCEEDED"


@strawberry.type(description="An expected failure of createOffer.")
class CreateOfferError(MutationError):
    code: CreateOfferErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="The offer to make. Rates are fractions: 0.12 is 12%.")
class CreateOfferInput:
    application_id: strawberry.ID = strawberry.field(
        description="An open application matched to your lender."
    )
    product_id: strawberry.ID = strawberry.field(
        description="The active product of your lender it is priced from."
    )
    advance_rate: RateValue = strawberry.field(
        description="Share of each invoice advanced; at most the product's."
    )
    annual_rate: RateValue = strawberry.field(
        description="Annual discount rate; within the product's range."
    )
    processing_fee_rate: RateValue = strawberry.field(
        description="Processing fee as a share of the advance; at most the "
        "product's. The product's minimum fee applies."
    )
    valid_days: int | None = strawberry.field(
        default=None,
        description="Days the offer stays open, 1 to 30; the product's validity "
        "when left out. It never outlives the application.",
    )


@strawberry.type(description="The result of createOffer.")
class CreateOfferPayload:
    offer: OfferType | None = strawberry.field(
        description="The offer with its key facts and per-invoice lines; null "
        "when it was not made."
    )
    errors: list[CreateOfferError] = strawberry.field(
        description="Why it was not made; empty when it was."
    )


@strawberry.type
class CreateOfferMutation:
    @strawberry.mutation(
        description="Make your lender's offer on an application, priced as if "
        "disbursed tomorrow in India; the loans are priced again on the actual "
        "value date by the same rules.",
        extensions=allow(Role.LENDER),
    )
    async def create_offer(
        self, info: Info, input: CreateOfferInput
    ) -> CreateOfferPayload:
        context: Context = info.context
        actor = context.require_actor()
        request = OfferRequest(
            application_id=decode_id(input.application_id, "FinancingApplication"),
            product_id=decode_id(input.product_id, "LenderProduct"),
            advance_rate=input.advance_rate,
            annual_rate=input.annual_rate,
            processing_fee_rate=input.processing_fee_rate,
            valid_days=input.valid_days,
        )
        offer, errors = await run_mutation(
            info, lambda: create_offer(context.database, actor, request)
        )
        return CreateOfferPayload(
            offer=offer,  # type: ignore[arg-type]
            errors=to_error_list(CreateOfferError, CreateOfferErrorCode, errors),
        )
