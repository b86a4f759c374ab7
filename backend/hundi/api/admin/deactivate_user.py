"""deactivateUser: ADMIN deactivates a user, ending their sessions at once."""

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
from hundi.services.users import deactivate_user

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why deactivateUser failed.")
class DeactivateUserErrorCode(enum.Enum):
    NOT_FOUND = "NOT_FOUND"
    CANNOT_DEACTIVATE_SELF = "CANNOT_DEACTIVATE_SELF"


@strawberry.type(description="An expected failure of deactivateUser.")
class DeactivateUserError(MutationError):
    code: DeactivateUserErrorCode = strawberry.field(description="What went wrong.")


@strawberry.input(description="The user to deactivate.")
class DeactivateUserInput:
    user_id: strawberry.ID = strawberry.field(description="The user's global id.")


@strawberry.type(description="The result of deactivateUser.")
class DeactivateUserPayload:
    user: UserType | None = strawberry.field(description="The deactivated user.")
    errors: list[DeactivateUserError] = strawberry.field(
        description="Expected failures."
    )


@strawberry.type
class DeactivateUserMutation:
    @strawberry.mutation(
        description="Deactivate a user; their sessions and refresh tokens end at once.",
        extensions=allow(Role.ADMIN),
    )
    async def deactivate_user(
        self,
        info: Info,
        input: DeactivateUserInput,
    ) -> DeactivateUserPayload:
        context: Context = info.context
        actor = context.require_actor()
        user_id = decode_id(input.user_id, "User") or uuid.UUID(int=0)
        user, errors = await run_mutation(
            info, lambda: deactivate_user(context.database, actor, user_id)
        )
        return DeactivateUserPayload(
            user=user,  # type: ignore[arg-type]
            errors=to_error_list(DeactivateUserError, DeactivateUserErrorCode, errors),
        )
