"""Root queries of administration and of the signed-in viewer."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry
from sqlalchemy import ColumnElement, true
from strawberry.types import Info

from hundi import models
from hundi.api.admin.types import MachineClientType, UserType, Viewer
from hundi.api.lists import list_page
from hundi.api.permissions import ANY_ROLE, allow
from hundi.api.relay import Connection, Ordering
from hundi.domain.enums import Role
from hundi.services.actor import Actor
from hundi.services.scoping import user_scope

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.input(description="Narrow a list of users.")
class UserFilter:
    role: list[Role] | None = strawberry.field(
        default=None, description="Any of these roles."
    )
    is_active: bool | None = strawberry.field(
        default=None, description="Active or not."
    )


def _every_client(actor: Actor) -> ColumnElement[bool]:
    # Only ADMIN reaches this list (declared on the field).
    return true()


@strawberry.type
class AdminQueries:
    @strawberry.field(
        description="Who is signed in: role, organisation and scopes.",
        extensions=allow(*ANY_ROLE, machine_clients=True),
    )
    async def viewer(self, info: Info) -> Viewer:
        context: Context = info.context
        actor = context.require_actor()
        user = None
        if actor.user_id is not None:
            async with context.database.session() as session:
                user = await session.get(models.User, actor.user_id)
        return Viewer(
            role=actor.role,
            client_id=actor.client_id,
            scopes=sorted(actor.scopes),
            user_row=user,
            sme_id=actor.sme_id,
            lender_id=actor.lender_id,
        )

    @strawberry.field(
        description="Every user, by e-mail address.", extensions=allow(Role.ADMIN)
    )
    async def users(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        filter: UserFilter | None = None,
    ) -> Connection[UserType]:
        conditions: list[ColumnElement[bool]] = []
        if filter is not None and filter.role:
            conditions.append(models.User.role.in_(filter.role))
        if filter is not None and filter.is_active is not None:
            conditions.append(models.User.is_active.is_(filter.is_active))
        user = models.User
        return await list_page(
            info,
            user,
            user_scope,
            conditions=conditions,
            first=first,
            after=after,
            ordering=Ordering((user.email, user.id), descending=False),
        )

    @strawberry.field(
        description="Lenders' machine clients, newest first.",
        extensions=allow(Role.ADMIN),
    )
    async def machine_clients(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[MachineClientType]:
        return await list_page(
            info,
            models.OAuthClient,
            _every_client,
            conditions=[],
            first=first,
            after=after,
        )
