"""assignUserRole: ADMIN changes a user's role and organisation."""

from __future__ import annotations

import enum
import uuid
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi.api.admin.types import UserType
from hundi.api.lists import decode_id
from hundi.api.mutations import MutationError, run_mutation, to_error_list
from hundi.api.permissions import allow
from hundi.domain.enums import Role
from hundi.services.users import change_user_role

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why assignUserRole failed.")
class AssignUserRoleErrorCode(enum.Enum):
    NOT_FOUND = "NOT_FOUND"
    SME_NOT_FOUND = "SME_NOT_FOUND"
    LENDER_NOT_FOUND = "LENDER_NOT_FOUND"
    ORGANISATION_MISMATCH = "ORGANISATION_MISMATCH"
    CANNOT_DEMOTE_SELF = "CANNOT_DEMOTE_SELF"


@strawberry.type(description="An expected failure of assignUserRole.")
class AssignUserRoleError(MutationError):
    code: AssignUserRoleErrorCode = strawberry.field(description="What went wrong.")


@strawberry.input(description="The user's new role and organisation.")
class AssignUserRoleInput:
    user_id: strawberry.ID = strawberry.field(description="The user's global id.")
    role: Role = strawberry.field(description="The new role.")
    sme_id: strawberry.ID | None = strawberry.field(
        default=None, description="The SME, for the SME role."
    )
    lender_id: strawberry.ID | None = strawberry.field(
        default=None, description="The lender, for the LENDER role."
    )
    is_lender_admin: bool = strawberry.field(
        default=False, description="Let a LENDER user manage the lender's products."
    )


@strawberry.type(description="The result of assignUserRole.")
class AssignUserRolePayload:
    user: UserType | None = strawberry.field(description="The user with the new role.")
    errors: list[AssignUserRoleError] = strawberry.field(
        description="Expected failures."
    )


@strawberry.type
class AssignUserRoleMutation:
    @strawberry.mutation(
        description="Give a user another role; it applies to their next request.",
        extensions=allow(Role.ADMIN),
    )
    async def assign_user_role(
        self,
        info: Info,
        input: AssignUserRoleInput,
    ) -> AssignUserRolePayload:
        context: Context = info.context
        actor = context.require_actor()
        user_id = decode_id(input.user_id, "User") or uuid.UUID(int=0)
        sme_id = decode_id(input.sme_id, "Sme") if input.sme_id else None
        lender_id = (
            decode_id(input.lender_id, "LenderPartner") if input.lender_id else None
        )
        user, errors = await run_mutation(
            info,
            lambda: change_user_role(
                context.database,
                actor,
                user_id,
                input.role,
                sme_id,
                lender_id,
                input.is_lender_admin,
            ),
        )
        return AssignUserRolePayload(
            user=user,  # type: ignore[arg-type]
            errors=to_error_list(AssignUserRoleError, AssignUserRoleErrorCode, errors),
        )
