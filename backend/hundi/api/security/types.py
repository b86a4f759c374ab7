"""GraphQL type of security incidents."""

from __future__ import annotations

from datetime import datetime

import strawberry

from hundi import models
from hundi.api.relay import Node, register_node
from hundi.domain.enums import IncidentSeverity


@strawberry.type(
    name="SecurityIncident", description="A security lapse recorded by ADMIN."
)
class SecurityIncidentType(Node):
    occurred_at: datetime = strawberry.field(description="When it happened.")
    detected_at: datetime = strawberry.field(description="When it was noticed.")
    severity: IncidentSeverity = strawberry.field(description="How serious it is.")
    title: str = strawberry.field(description="A short title.")
    description: str = strawberry.field(description="What happened and what was done.")
    personal_data_exposed: bool = strawberry.field(
        description="True when personal data was exposed: a data breach."
    )
    resolved_at: datetime | None = strawberry.field(
        description="When it was resolved; null while open."
    )

    @classmethod
    def is_type_of(cls, obj: object, _info: object) -> bool:
        return isinstance(obj, models.SecurityIncident)


register_node(models.SecurityIncident, "SecurityIncident")
