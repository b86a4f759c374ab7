"""GraphQL types of users, machine clients and the signed-in viewer."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi import models
from hundi.api.lending.types import LenderPartnerType
from hundi.api.relay import Node, register_node
from hundi.api.smes.types import SmeRef
from hundi.domain.enums import Role
from hundi.domain.masking import mask_phone

if TYPE_CHECKING:
    from hundi.api.context import Context


def _sees_contact(info: Info, user: models.User) -> bool:
    context: Context = info.context
    actor = context.actor
    return actor is not None and (actor.role is Role.ADMIN or actor.user_id == user.id)


@strawberry.type(name="User", description="A person who signs in to Hundi.")
class UserType(Node):
    full_name: str = strawberry.field(description="The person's name.")
    role: Role = strawberry.field(description="What the user does on Hundi.")
    is_lender_admin: bool = strawberry.field(
        description="Whether a LENDER user manages the lender's products."
    )
    is_active: bool = strawberry.field(description="False once deactivated.")
    deactivated_at: datetime | None = strawberry.field(description="When deactivated.")
    last_sign_in_at: datetime | None = strawberry.field(
        description="When the user last signed in with a password."
    )
    created_at: datetime = strawberry.field(description="When the user was created.")

    @classmethod
    def is_type_of(cls, obj: object, _info: object) -> bool:
        return isinstance(obj, models.User)

    @strawberry.field(description="E-mail address; shown to the user and to ADMIN.")
    def email(self, info: Info) -> str | None:
        user: models.User = self  # type: ignore[assignment]
        return user.email if _sees_contact(info, user) else None

    @strawberry.field(description="Phone; masked to its last digits for others.")
    def phone(self, info: Info) -> str | None:
        user: models.User = self  # type: ignore[assignment]
        if user.phone is None or _sees_contact(info, user):
            return user.phone
        return mask_phone(user.phone)

    @strawberry.field(description="The SME an SME user acts for.")
    async def sme(self, info: Info) -> SmeRef | None:
        context: Context = info.context
        sme_id = self.sme_id  # type: ignore[attr-defined]
        return None if sme_id is None else await context.loaders.sme_by_id.load(sme_id)  # type: ignore[return-value]

    @strawberry.field(description="The lender a LENDER user acts for.")
    async def lender(self, info: Info) -> LenderPartnerType | None:
        context: Context = info.context
        lender_id = self.lender_id  # type: ignore[attr-defined]
        if lender_id is None:
            return None
        return await context.loaders.lender_by_id.load(lender_id)  # type: ignore[return-value]


@strawberry.type(
    name="MachineClient",
    description="A lender's own system, reading over the API with client credentials.",
)
class MachineClientType(Node):
    client_id: str = strawberry.field(description="The OAuth client id.")
    name: str = strawberry.field(description="What the client is.")
    scopes: list[str] = strawberry.field(
        description="Scopes it may ask for; read-only."
    )
    is_active: bool = strawberry.field(description="False once deactivated.")
    created_at: datetime = strawberry.field(description="When it was created.")

    @classmethod
    def is_type_of(cls, obj: object, _info: object) -> bool:
        return isinstance(obj, models.OAuthClient)

    @strawberry.field(description="The lender it belongs to.")
    async def lender(self, info: Info) -> LenderPartnerType | None:
        context: Context = info.context
        return await context.loaders.lender_by_id.load(self.lender_id)  # type: ignore[attr-defined, return-value]


@strawberry.type(
    description="Who is signed in, with which role, for which organisation."
)
class Viewer:
    role: Role = strawberry.field(description="The role of this request's actor.")
    client_id: str | None = strawberry.field(
        description="The machine client's id, when a lender's system is calling."
    )
    scopes: list[str] = strawberry.field(description="Scopes of the access token.")
    user_row: strawberry.Private[models.User | None]
    sme_id: strawberry.Private[object]
    lender_id: strawberry.Private[object]

    @strawberry.field(description="The signed-in person; null for a machine client.")
    def user(self) -> UserType | None:
        return self.user_row  # type: ignore[return-value]

    @strawberry.field(description="The SME the viewer acts for, as an SME user.")
    async def sme(self, info: Info) -> SmeRef | None:
        context: Context = info.context
        if self.sme_id is None:
            return None
        return await context.loaders.sme_by_id.load(self.sme_id)  # type: ignore[arg-type, return-value]

    @strawberry.field(description="The lender the viewer acts for, as a LENDER.")
    async def lender(self, info: Info) -> LenderPartnerType | None:
        context: Context = info.context
        if self.lender_id is None:
            return None
        return await context.loaders.lender_by_id.load(self.lender_id)  # type: ignore[arg-type, return-value]


register_node(models.User, "User")
register_node(models.OAuthClient, "MachineClient")
