"""createUser: ADMIN creates a user with a role and an organisation."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi.api.admin.types import UserType
from hundi.api.lists import decode_id
from hundi.api.mutations import MutationError, run_mutation, to_error_list
from hundi.api.permissions import allow
from hundi.domain.enums import Role
from hundi.services.users import NewUser, create_user

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why createUser failed.")
class CreateUserErrorCode(enum.Enum):
    INVALID_EMAIL = "INVALID_EMAIL"
    REQUIRED = "REQUIRED"
    WEAK_PASSWORD = "WEAK_PASSWORD"
    EMAIL_TAKEN = "EMAIL_TAKEN"
    SME_NOT_FOUND = "SME_NOT_FOUND"
    LENDER_NOT_FOUND = "LENDER_NOT_FOUND"
    ORGANISATION_MISMATCH = "ORGANISATION_MISMATCH"


@strawberry.type(description="An expected failure of createUser.")
class CreateUserError(MutationError):
    code: CreateUserErrorCode = strawberry.field(description="What went wrong.")


@strawberry.input(description="The user to create.")
class CreateUserInput:
    email: str = strawberry.field(description="E-mail address; it signs in with it.")
    full_name: str = strawberry.field(description="The person's name.")
    role: Role = strawberry.field(description="The user's role.")
    phone: str | None = strawberry.field(default=None, description="Phone number.")
    sme_id: strawberry.ID | None = strawberry.field(
        default=None, description="The SME an SME user acts for."
    )
    lender_id: strawberry.ID | None = strawberry.field(
        default=None, description="The lender a LENDER user acts for."
    )
    is_lender_admin: bool = strawberry.field(
        default=False, description="Let a LENDER user manage the lender's products."
    )
    password: str | None = strawberry.field(
        default=None,
        description="Initial password; without one a one-time password is returned.",
    )


@strawberry.type(description="The result of createUser.")
class CreateUserPayload:
    user: UserType | None = strawberry.field(description="The new user.")
    one_time_password: str | None = strawberry.field(
        description="The generated password when none was given; shown only here."
    )
    errors: list[CreateUserError] = strawberry.field(description="Expected failures.")


@strawberry.type
class CreateUserMutation:
    @strawberry.mutation(description="Create a user.", extensions=allow(Role.ADMIN))
    async def create_user(
        self, info: Info, input: CreateUserInput
    ) -> CreateUserPayload:
        context: Context = info.context
        actor = context.require_actor()
        new = NewUser(
            email=input.email,
            full_name=input.full_name,
            role=input.role,
            phone=input.phone,
            sme_id=decode_id(input.sme_id, "Sme") if input.sme_id else None,
            lender_id=decode_id(input.lender_id, "LenderPartner")
            if input.lender_id
            else None,
            is_lender_admin=input.is_lender_admin,
            password=input.password,
        )
        created, errors = await run_mutation(
            info, lambda: create_user(context.database, actor, new)
        )
        return CreateUserPayload(
            user=created.user if created else None,  # type: ignore[arg-type]
            one_time_password=created.one_time_password if created else None,
            errors=to_error_list(CreateUserError, CreateUserErrorCode, errors),
        )
