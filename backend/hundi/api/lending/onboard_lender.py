"""onboardLender: ADMIN adds a bank or NBFC as a lender partner."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi.api.lending.types import LenderPartnerType
from hundi.api.mutations import MutationError, run_mutation, to_error_list
from hundi.api.permissions import allow
from hundi.domain.enums import LenderKind, Role
from hundi.services.lending.lenders import NewLender, onboard_lender

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why onboardLender failed.")
class OnboardLenderErrorCode(enum.Enum):
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    INVALID_EMAIL = "INVALID_EMAIL"
    INVALID_PHONE = "INVALID_PHONE"
    NAME_TAKEN = "NAME_TAKEN"
    REGISTRATION_NUMBER_TAKEN = "REGISTRATION_NUMBER_TAKEN"


@strawberry.type(description="An expected failure of onboardLender.")
class OnboardLenderError(MutationError):
    code: OnboardLenderErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="The lender partner to add.")
class OnboardLenderInput:
    name: str = strawberry.field(description="Legal name; unique on Hundi.")
    kind: LenderKind = strawberry.field(description="Bank or NBFC.")
    registration_number: str = strawberry.field(
        description="RBI registration or licence number; unique on Hundi."
    )
    contact_name: str = strawberry.field(description="Contact person.")
    contact_email: str = strawberry.field(description="Contact e-mail address.")
    contact_phone: str | None = strawberry.field(
        default=None, description="Contact phone, such as +919876543210."
    )


@strawberry.type(description="The result of onboardLender.")
class OnboardLenderPayload:
    lender: LenderPartnerType | None = strawberry.field(
        description="The new lender partner; null when onboarding failed."
    )
    errors: list[OnboardLenderError] = strawberry.field(
        description="Why onboarding failed; empty when it succeeded."
    )


@strawberry.type
class OnboardLenderMutation:
    @strawberry.mutation(
        description="Add a lender partner. Its users are created with createUser, "
        "and its lender admin then defines its products.",
        extensions=allow(Role.ADMIN),
    )
    async def onboard_lender(
        self, info: Info, input: OnboardLenderInput
    ) -> OnboardLenderPayload:
        context: Context = info.context
        actor = context.require_actor()
        new = NewLender(
            name=input.name,
            kind=input.kind,
            registration_number=input.registration_number,
            contact_name=input.contact_name,
            contact_email=input.contact_email,
            contact_phone=input.contact_phone,
        )
        lender, errors = await run_mutation(
            info, lambda: onboard_lender(context.database, actor, new)
        )
        return OnboardLenderPayload(
            lender=lender,  # type: ignore[arg-type]
            errors=to_error_list(OnboardLenderError, OnboardLenderErrorCode, errors),
        )
