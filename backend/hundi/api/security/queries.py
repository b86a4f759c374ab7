"""Root query of security incidents."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from hundi import models
from hundi.api.lists import list_page
from hundi.api.permissions import allow
from hundi.api.relay import Connection, Ordering
from hundi.api.security.types import SecurityIncidentType
from hundi.domain.enums import Role
from hundi.services.scoping import security_incident_scope

# Latest first; ix_security_incidents_occurred_at serves it.
INCIDENT_ORDER = Ordering(
    (models.SecurityIncident.occurred_at, models.SecurityIncident.id),
    descending=True,
)


@strawberry.type
class SecurityQueries:
    @strawberry.field(
        description="Recorded security incidents, latest first.",
        extensions=allow(Role.ADMIN),
    )
    async def security_incidents(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[SecurityIncidentType]:
        return await list_page(
            info,
            models.SecurityIncident,
            security_incident_scope,
            conditions=[],
            first=first,
            after=after,
            ordering=INCIDENT_ORDER,
        )
