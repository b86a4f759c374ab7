"""Root queries over SMEs."""

from __future__ import annotations

import strawberry
from sqlalchemy import ColumnElement
from strawberry.types import Info

from hundi import models
from hundi.api.lists import list_page
from hundi.api.permissions import allow
from hundi.api.relay import Connection
from hundi.api.smes.types import SmeType
from hundi.domain.enums import Role, SmeStatus
from hundi.services.scoping import sme_scope


@strawberry.input(description="Narrow a list of SMEs; every given field must match.")
class SmeFilter:
    status: list[SmeStatus] | None = strawberry.field(
        default=None, description="Any of these states."
    )
    state_code: str | None = strawberry.field(
        default=None, description="GST state code."
    )
    industry: str | None = strawberry.field(default=None, description="Industry.")


@strawberry.type
class SmeQueries:
    @strawberry.field(
        description="SMEs you may see, newest first: your own as an SME, "
        "applicants to your lender as a LENDER, all for OPS and ADMIN.",
        extensions=allow(Role.SME, Role.LENDER, Role.OPS, Role.ADMIN),
    )
    async def smes(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        filter: SmeFilter | None = None,
    ) -> Connection[SmeType]:
        conditions: list[ColumnElement[bool]] = []
        if filter is not None:
            if filter.status:
                conditions.append(models.Sme.status.in_(filter.status))
            if filter.state_code is not None:
                conditions.append(models.Sme.state_code == filter.state_code)
            if filter.industry is not None:
                conditions.append(models.Sme.industry == filter.industry)
        return await list_page(
            info, models.Sme, sme_scope, conditions=conditions, first=first, after=after
        )
