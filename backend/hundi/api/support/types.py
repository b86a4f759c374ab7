"""GraphQL types of support tickets and their messages."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi import models
from hundi.api.relay import Node, register_node
from hundi.api.smes.types import SmeRef
from hundi.domain.enums import Role, TicketCategory, TicketStatus

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.type(name="TicketMessage", description="One message of a support ticket.")
class TicketMessageType:
    body: str = strawberry.field(description="The message.")
    created_at: datetime = strawberry.field(description="When it was written.")
    author_role: Role | None = strawberry.field(
        description="SME for the business's own messages, OPS or ADMIN for "
        "answers of platform operations; null when the author's account is gone."
    )


@strawberry.type(
    name="SupportTicket",
    description="A question or problem an SME raised with platform operations.",
)
class SupportTicketType(Node):
    category: TicketCategory = strawberry.field(description="What it is about.")
    subject: str = strawberry.field(description="The SME's subject line.")
    status: TicketStatus = strawberry.field(
        description="OPEN: waiting for operations; ANSWERED: waiting for the "
        "SME; RESOLVED: closed."
    )
    opened_at: datetime = strawberry.field(description="When the SME opened it.")
    first_response_at: datetime | None = strawberry.field(
        description="When operations first answered (or resolved it)."
    )
    resolved_at: datetime | None = strawberry.field(
        description="When operations resolved it."
    )

    @classmethod
    def is_type_of(cls, obj: object, _info: object) -> bool:
        return isinstance(obj, models.SupportTicket)

    @strawberry.field(description="The SME that opened it.")
    async def sme(self, info: Info) -> SmeRef | None:
        context: Context = info.context
        return await context.loaders.sme_by_id.load(self.sme_id)  # type: ignore[attr-defined, return-value]

    @strawberry.field(description="The conversation, oldest message first.")
    async def messages(self, info: Info) -> list[TicketMessageType]:
        context: Context = info.context
        loader = context.loaders.ticket_messages_by_ticket_id
        rows = await loader.load(self.id)
        return [
            TicketMessageType(
                body=message.body, created_at=message.created_at, author_role=role
            )
            for message, role in rows
        ]


register_node(models.SupportTicket, "SupportTicket")
