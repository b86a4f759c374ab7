"""Root query of support tickets."""

from __future__ import annotations

import strawberry
from sqlalchemy import ColumnElement
from strawberry.types import Info

from hundi import models
from hundi.api.lists import list_page
from hundi.api.permissions import allow
from hundi.api.relay import Connection, Ordering
from hundi.api.support.types import SupportTicketType
from hundi.domain.enums import Role, TicketStatus
from hundi.services.scoping import support_ticket_scope

# Newest first; ix_support_tickets_opened_at_id serves it, and for an SME
# ix_support_tickets_sme_id_opened_at.
TICKET_ORDER = Ordering(
    (models.SupportTicket.opened_at, models.SupportTicket.id), descending=True
)


@strawberry.type
class SupportQueries:
    @strawberry.field(
        description="Support tickets, newest first: your SME's own as an SME "
        "user, every ticket for OPS and ADMIN.",
        extensions=allow(Role.SME, Role.OPS, Role.ADMIN),
    )
    async def support_tickets(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        status: list[TicketStatus] | None = None,
    ) -> Connection[SupportTicketType]:
        conditions: list[ColumnElement[bool]] = []
        if status:
            conditions.append(models.SupportTicket.status.in_(status))
        return await list_page(
            info,
            models.SupportTicket,
            support_ticket_scope,
            conditions=conditions,
            first=first,
            after=after,
            ordering=TICKET_ORDER,
        )
