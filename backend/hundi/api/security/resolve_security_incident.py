"""resolveSecurityIncident: ADMIN marks a security incident resolved."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi.api.lists import decode_id
from hundi.api.mutations import MutationError, run_mutation, to_error_list
from hundi.api.permissions import allow
from hundi.api.security.types import SecurityIncidentType
from hundi.domain.enums import Role
from hundi.services.incidents import resolve_security_incident

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why resolveSecurityIncident failed.")
class ResolveSecurityIncidentErrorCode(enum.Enum):
    NOT_FOUND = "NOT_FOUND"
    ALREADY_RESOLVED = "ALREADY_RESOLVED"
    NO_TIME_ZONE = "NO_TIME_ZONE"
    IN_FUTURE = "IN_FUTURE"
    RESOLVED_BEFORE_DETECTED = "RESOLVED_BEFORE_DETECTED"


@strawberry.type(description="An expected failure of resolveSecurityIncident.")
class ResolveSecurityIncidentError(MutationError):
    code: ResolveSecurityIncidentErrorCode = strawberry.field(
        description="What failed."
    )


@strawberry.input(description="A security incident to mark resolved.")
class ResolveSecurityIncidentInput:
    incident_id: strawberry.ID = strawberry.field(
        description="The incident's global id."
    )
    resolved_at: datetime | None = strawberry.field(
        default=None, description="When it was resolved; now when left out."
    )


@strawberry.type(description="The result of resolveSecurityIncident.")
class ResolveSecurityIncidentPayload:
    incident: SecurityIncidentType | None = strawberry.field(
        description="The resolved incident."
    )
    errors: list[ResolveSecurityIncidentError] = strawberry.field(
        description="Why it was not resolved; empty when it was."
    )


@strawberry.type
class ResolveSecurityIncidentMutation:
    @strawberry.mutation(
        description="Mark a security incident resolved.", extensions=allow(Role.ADMIN)
    )
    async def resolve_security_incident(
        self, info: Info, input: ResolveSecurityIncidentInput
    ) -> ResolveSecurityIncidentPayload:
        context: Context = info.context
        actor = context.require_actor()
        incident_id = decode_id(input.incident_id, "SecurityIncident")
        incident, errors = await run_mutation(
            info,
            lambda: resolve_security_incident(
                context.database, actor, incident_id, input.resolved_at
            ),
        )
        return ResolveSecurityIncidentPayload(
            incident=incident,  # type: ignore[arg-type]
            errors=to_error_list(
                ResolveSecurityIncidentError, ResolveSecurityIncidentErrorCode, errors
            ),
        )
