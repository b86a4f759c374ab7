"""offerQuote: the key facts an offer would have, before the lender makes it."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi.api.lending.types import KeyFactStatement, OfferLineType
from hundi.api.lists import decode_id
from hundi.api.mutations import MutationError, to_error_list
from hundi.api.permissions import allow
from hundi.api.scalars import RateValue
from hundi.domain.enums import Role
from hundi.domain.offer_quote import OfferQuote
from hundi.services.errors import FieldErrors
from hundi.services.lending.offers import OfferRequest, quote_offer

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why offerQuote could not price the offer.")
class OfferQuoteErrorCode(enum.Enum):
    INVALID_RATE = "INVALID_RATE"
    OUT_OF_RANGE = "OUT_OF_RANGE"
    NOT_FOUND = "NOT_FOUND"
    PRODUCT_INACTIVE = "PRODUCT_INACTIVE"
    ADVANCE_RATE_OUT_OF_RANGE = "ADVANCE_RATE_OUT_OF_RANGE"
    ANNUAL_RATE_OUT_OF_RANGE = "ANNUAL_RATE_OUT_OF_RANGE"
    PROCESSING_FEE_RATE_OUT_OF_RANGE = "PROCESSING_FEE_RATE_OUT_OF_RANGE"
    OUTSIDE_PRODUCT = "OUTSIDE_PRODUCT"
    PRICING_FAILED = "PRICING_FAILED"
    LIMIT_EXCEEDED = "LIMIT_EXCEEDED"


@strawberry.type(description="A reason offerQuote could not price the offer.")
class OfferQuoteError(MutationError):
    code: OfferQuoteErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="The terms to price; rates are fractions: 0.12 is 12%.")
class OfferQuoteInput:
    application_id: strawberry.ID = strawberry.field(
        description="An application matched to your lender."
    )
    product_id: strawberry.ID = strawberry.field(
        description="The active product of your lender to price from."
    )
    advance_rate: RateValue = strawberry.field(
        description="Share of each invoice advanced."
    )
    annual_rate: RateValue = strawberry.field(description="Annual discount rate.")
    processing_fee_rate: RateValue = strawberry.field(
        description="Processing fee as a share of the advance."
    )


@strawberry.type(
    description="What createOffer with the same terms would store, priced now."
)
class OfferQuoteResult:
    key_facts: KeyFactStatement | None = strawberry.field(
        description="The totals; null when the terms cannot be priced."
    )
    lines: list[OfferLineType] = strawberry.field(description="Each invoice's quote.")
    errors: list[OfferQuoteError] = strawberry.field(
        description="Why the terms cannot be priced; empty when they can."
    )


def _result(quote: OfferQuote) -> OfferQuoteResult:
    disbursal = quote.disbursal_date
    key_facts = KeyFactStatement(
        invoice_amount=quote.invoice_amount,  # type: ignore[arg-type]
        advance_amount=quote.advance_amount,  # type: ignore[arg-type]
        discount_amount=quote.discount_amount,  # type: ignore[arg-type]
        fee_amount=quote.fee_amount,  # type: ignore[arg-type]
        net_amount=quote.net_amount,  # type: ignore[arg-type]
        annual_percentage_rate=quote.annual_percentage_rate,  # type: ignore[arg-type]
        disbursal_date=disbursal,
        due_date=quote.due_date,
        tenor_days=(quote.due_date - disbursal).days,
    )
    lines = [
        OfferLineType(
            invoice_id=invoice_id,  # type: ignore[arg-type]
            due_date=line.due_date,
            invoice_amount=line.invoice_amount,  # type: ignore[arg-type]
            advance_amount=line.advance_amount,  # type: ignore[arg-type]
            discount_amount=line.discount_amount,  # type: ignore[arg-type]
            fee_amount=line.fee_amount,  # type: ignore[arg-type]
            net_amount=line.net_amount,  # type: ignore[arg-type]
            annual_percentage_rate=line.annual_percentage_rate,  # type: ignore[arg-type]
            tenor_days=line.tenor_days,
        )
        for invoice_id, line in quote.lines
    ]
    return OfferQuoteResult(key_facts=key_facts, lines=lines, errors=[])


@strawberry.type
class OfferQuoteQueries:
    @strawberry.field(
        description="Price an offer on an application without making it: the key "
        "facts and per-invoice lines createOffer would store with these terms.",
        extensions=allow(Role.LENDER),
    )
    async def offer_quote(self, info: Info, input: OfferQuoteInput) -> OfferQuoteResult:
        context: Context = info.context
        actor = context.require_actor()
        request = OfferRequest(
            application_id=decode_id(input.application_id, "FinancingApplication"),
            product_id=decode_id(input.product_id, "LenderProduct"),
            advance_rate=input.advance_rate,
            annual_rate=input.annual_rate,
            processing_fee_rate=input.processing_fee_rate,
        )
        try:
            quote = await quote_offer(context.database, actor, request)
        except FieldErrors as failure:
            errors = to_error_list(OfferQuoteError, OfferQuoteErrorCode, failure.errors)
            return OfferQuoteResult(key_facts=None, lines=[], errors=errors)
        return _result(quote)
