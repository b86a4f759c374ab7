"""registerSme: a new SME signs up with its first user."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi.api.mutations import MutationError, run_mutation, to_error_list
from hundi.api.smes.types import SmeType
from hundi.auth.passwords import MIN_PASSWORD_LENGTH
from hundi.domain.enums import AcquisitionChannel, Constitution
from hundi.services.onboarding import MAX_PASSWORD_LENGTH, Registration, register_sme

if TYPE_CHECKING:
    from hundi.api.context import Context

# The throttle key of calls without an HTTP request (tests, scripts).
NO_CLIENT_ADDRESS = "no-client-address"


@strawberry.enum(description="Why registerSme failed.")
class RegisterSmeErrorCode(enum.Enum):
    TOO_MANY_ATTEMPTS = "TOO_MANY_ATTEMPTS"
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    INVALID_STATE_CODE = "INVALID_STATE_CODE"
    INVALID_EMAIL = "INVALID_EMAIL"
    EMAIL_UNAVAILABLE = "EMAIL_UNAVAILABLE"
    INVALID_PHONE = "INVALID_PHONE"
    PASSWORD_TOO_SHORT = "PASSWORD_TOO_SHORT"
    PASSWORD_TOO_LONG = "PASSWORD_TOO_LONG"
    CHANNEL_MISMATCH = "CHANNEL_MISMATCH"
    REFERRAL_CODE_NOT_FOUND = "REFERRAL_CODE_NOT_FOUND"


@strawberry.type(description="An expected failure of registerSme.")
class RegisterSmeError(MutationError):
    code: RegisterSmeErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="A new SME, its first user, and how it found Hundi.")
class RegisterSmeInput:
    legal_name: str = strawberry.field(description="Registered legal name.")
    trade_name: str | None = strawberry.field(
        default=None, description="Name it trades under, when different."
    )
    constitution: Constitution = strawberry.field(description="Legal form.")
    state_code: str = strawberry.field(
        description="GST state code of the principal place of business: a current "
        "state or union territory (01-38, except 25 and 28).",
    )
    industry: str = strawberry.field(description="Industry it works in.")
    full_name: str = strawberry.field(description="Full name of the first user.")
    email: str = strawberry.field(description="The first user's e-mail address.")
    phone: str = strawberry.field(
        description="The first user's phone number, such as +919876543210."
    )
    password: str = strawberry.field(
        description=f"The first user's password, {MIN_PASSWORD_LENGTH} to "
        f"{MAX_PASSWORD_LENGTH} characters."
    )
    acquisition_channel: AcquisitionChannel = strawberry.field(
        description="How the SME came to Hundi."
    )
    referral_code: str | None = strawberry.field(
        default=None,
        description="Referral code of the SME that referred it; only with the "
        "REFERRAL channel.",
    )
    partner_name: str | None = strawberry.field(
        default=None,
        description="Name of the partner that brought it; required with the "
        "PARTNER channel and only allowed there.",
    )


@strawberry.type(description="The result of registerSme.")
class RegisterSmePayload:
    sme: SmeType | None = strawberry.field(
        description="The new SME; null when registration failed."
    )
    errors: list[RegisterSmeError] = strawberry.field(
        description="Why registration failed; empty when it succeeded."
    )


@strawberry.type
class RegisterSmeMutation:
    @strawberry.mutation(
        description="Register a new SME with its first user, who signs in with "
        "the e-mail address and password given. Open to anyone; limited per "
        "network address."
    )
    async def register_sme(
        self, info: Info, input: RegisterSmeInput
    ) -> RegisterSmePayload:
        context: Context = info.context
        registration = Registration(
            legal_name=input.legal_name,
            trade_name=input.trade_name,
            constitution=input.constitution,
            state_code=input.state_code,
            industry=input.industry,
            full_name=input.full_name,
            email=input.email,
            phone=input.phone,
            password=input.password,
            acquisition_channel=input.acquisition_channel,
            referral_code=input.referral_code,
            partner_name=input.partner_name,
        )

        sme, errors = await run_mutation(
            info,
            lambda: register_sme(
                context.database,
                registration,
                client_address=_client_address(context),
            ),
        )
        return RegisterSmePayload(
            sme=sme,  # type: ignore[arg-type]
            errors=to_error_list(RegisterSmeError, RegisterSmeErrorCode, errors),
        )


def _client_address(context: Context) -> str:
    request = context.request
    if request is None or request.client is None:
        return NO_CLIENT_ADDRESS
    return request.client.host
