"""recordSecurityIncident: ADMIN records a security lapse."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi.api.mutations import MutationError, run_mutation, to_error_list
from hundi.api.permissions import allow
from hundi.api.security.types import SecurityIncidentType
from hundi.domain.enums import IncidentSeverity, Role
from hundi.services.incidents import NewIncident, record_security_incident

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why recordSecurityIncident failed.")
class RecordSecurityIncidentErrorCode(enum.Enum):
    NO_TIME_ZONE = "NO_TIME_ZONE"
    IN_FUTURE = "IN_FUTURE"
    DETECTED_BEFORE_OCCURRED = "DETECTED_BEFORE_OCCURRED"
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"


@strawberry.type(description="An expected failure of recordSecurityIncident.")
class RecordSecurityIncidentError(MutationError):
    code: RecordSecurityIncidentErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="A security incident to record.")
class RecordSecurityIncidentInput:
    occurred_at: datetime = strawberry.field(
        description="When it happened, with a time zone."
    )
    detected_at: datetime = strawberry.field(
        description="When it was noticed, with a time zone; not before occurredAt."
    )
    severity: IncidentSeverity = strawberry.field(description="How serious it is.")
    title: str = strawberry.field(description="A short title, up to 200 characters.")
    description: str = strawberry.field(
        description="What happened and what was done; no personal data."
    )
    personal_data_exposed: bool = strawberry.field(
        description="True when personal data was exposed; it then counts as a "
        "data breach."
    )


@strawberry.type(description="The result of recordSecurityIncident.")
class RecordSecurityIncidentPayload:
    incident: SecurityIncidentType | None = strawberry.field(
        description="The recorded incident."
    )
    errors: list[RecordSecurityIncidentError] = strawberry.field(
        description="Why it was not recorded; empty when it was."
    )


@strawberry.type
class RecordSecurityIncidentMutation:
    @strawberry.mutation(
        description="Record a security incident.", extensions=allow(Role.ADMIN)
    )
    async def record_security_incident(
        self, info: Info, input: RecordSecurityIncidentInput
    ) -> RecordSecurityIncidentPayload:
        context: Context = info.context
        actor = context.require_actor()
        new = NewIncident(
            occurred_at=input.occurred_at,
            detected_at=input.detected_at,
            severity=input.severity,
            title=input.title,
            description=input.description,
            personal_data_exposed=input.personal_data_exposed,
        )
        incident, errors = await run_mutation(
            info, lambda: record_security_incident(context.database, actor, new)
        )
        return RecordSecurityIncidentPayload(
            incident=incident,  # type: ignore[arg-type]
            errors=to_error_list(
                RecordSecurityIncidentError, RecordSecurityIncidentErrorCode, errors
            ),
        )
