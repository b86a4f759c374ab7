"""acceptOffer: an SME accepts an offer and its loans are booked."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi.api.lending.types import OfferType
from hundi.api.lists import decode_id
from hundi.api.mutations import MutationError, run_mutation, to_error_list
from hundi.api.permissions import allow
from hundi.domain.enums import Role
from hundi.services.lending.acceptance import accept_offer

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why acceptOffer failed.")
class AcceptOfferErrorCode(enum.Enum):
    NOT_FOUND = "NOT_FOUND"
    OFFER_EXPIRED = "OFFER_EXPIRED"
    OFFER_NOT_OPEN = "OFFER_NOT_OPEN"
    APPLICATION_NOT_OPEN = "APPLICATION_NOT_OPEN"
    INVOICE_ALREADY_FINANCED = "INVOICE_ALREADY_FINANCED"
    LIMIT_EXCEEDED = "LIMIT_EXCEEDED"
    INVALID_IDEMPOTENCY_KEY = "INVALID_IDEMPOTENCY_KEY"
    IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED"


@strawberry.type(description="An expected failure of acceptOffer.")
class AcceptOfferError(MutationError):
    code: AcceptOfferErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="The offer to accept.")
class AcceptOfferInput:
    offer_id: strawberry.ID = strawberry.field(
        description="An OPEN offer on your application."
    )
    idempotency_key: str = strawberry.field(
        description="A new random key (such as a UUID) per acceptance; sending "
        "the same request again with it returns the first result."
    )


@strawberry.type(description="The result of acceptOffer.")
class AcceptOfferPayload:
    offer: OfferType | None = strawberry.field(
        description="The accepted offer; its application lists the loans booked."
    )
    errors: list[AcceptOfferError] = strawberry.field(
        description="Why it was not accepted; empty when it was."
    )


@strawberry.type
class AcceptOfferMutation:
    @strawberry.mutation(
        description="Accept an offer: the application's other offers close, one "
        "loan per invoice is booked pending disbursal, and the lender's limits "
        "are reserved.",
        extensions=allow(Role.SME),
    )
    async def accept_offer(
        self, info: Info, input: AcceptOfferInput
    ) -> AcceptOfferPayload:
        context: Context = info.context
        actor = context.require_actor()
        offer_id = decode_id(input.offer_id, "Offer")
        offer, errors = await run_mutation(
            info,
            lambda: accept_offer(
                context.database, actor, offer_id, input.idempotency_key
            ),
        )
        return AcceptOfferPayload(
            offer=offer,  # type: ignore[arg-type]
            errors=to_error_list(AcceptOfferError, AcceptOfferErrorCode, errors),
        )
