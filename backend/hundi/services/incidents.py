"""Security incidents, recorded and resolved by ADMIN.

An incident that exposed personal data is a data breach and counts in the
data breaches metric; others are recorded but not counted there.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from hundi.db import Database
from hundi.domain.enums import IncidentSeverity
from hundi.models import SecurityIncident
from hundi.services.actor import Actor
from hundi.services.audit import record_audit, snapshot
from hundi.services.authors import stored_user_id
from hundi.services.checks import ErrorCollector
from hundi.services.errors import FieldErrors

logger = logging.getLogger(__name__)

MAX_TITLE_LENGTH = 200
MAX_DESCRIPTION_LENGTH = 10_000
INCIDENT_FIELDS = (
    "occurred_at",
    "detected_at",
    "severity",
    "title",
    "personal_data_exposed",
    "resolved_at",
)


@dataclass(frozen=True)
class NewIncident:
    occurred_at: datetime
    detected_at: datetime
    severity: IncidentSeverity
    title: str
    description: str
    personal_data_exposed: bool


def _check_instant(
    value: datetime, field: str, label: str, now: datetime, checks: ErrorCollector
) -> bool:
    """Record an error if `value` has no time zone or lies ahead; True if it is fine."""
    if value.tzinfo is None or value.utcoffset() is None:
        checks.add(
            (field,),
            "NO_TIME_ZONE",
            f"{label} {value.isoformat()} has no time zone; send it with one, "
            "such as 2026-11-02T14:30:00+05:30.",
        )
        return False
    if value > now:
        checks.add(
            (field,),
            "IN_FUTURE",
            f"{label} {value.isoformat()} is in the future; record what already "
            "happened.",
        )
        return False
    return True


def _check(new: NewIncident, now: datetime) -> tuple[str, str]:
    checks = ErrorCollector()
    occurred = _check_instant(new.occurred_at, "occurredAt", "occurredAt", now, checks)
    detected = _check_instant(new.detected_at, "detectedAt", "detectedAt", now, checks)
    if occurred and detected and new.detected_at < new.occurred_at:
        checks.add(
            ("detectedAt",),
            "DETECTED_BEFORE_OCCURRED",
            f"detectedAt {new.detected_at.isoformat()} is before occurredAt "
            f"{new.occurred_at.isoformat()}; an incident is detected after it "
            "occurs.",
        )
    title = checks.text(new.title, ("title",), "Title", max_length=MAX_TITLE_LENGTH)
    description = checks.text(
        new.description,
        ("description",),
        "Description",
        max_length=MAX_DESCRIPTION_LENGTH,
    )
    checks.raise_if_any()
    return title, description


async def record_security_incident(
    database: Database, actor: Actor, new: NewIncident
) -> SecurityIncident:
    """Store a security incident; raise FieldErrors if its fields do not fit."""
    title, description = _check(new, datetime.now(UTC))

    async with database.transaction() as session:
        incident = SecurityIncident(
            occurred_at=new.occurred_at,
            detected_at=new.detected_at,
            severity=new.severity,
            title=title,
            description=description,
            personal_data_exposed=new.personal_data_exposed,
            recorded_by_user_id=await stored_user_id(session, actor),
        )
        session.add(incident)
        await session.flush()
        await record_audit(
            session,
            actor,
            "security_incident.recorded",
            "SecurityIncident",
            incident.id,
            after=snapshot(incident, *INCIDENT_FIELDS),
        )

    logger.warning(
        "security incident %s recorded: severity %s, personal data exposed: %s",
        incident.id,
        incident.severity.value,
        incident.personal_data_exposed,
    )
    return incident


async def resolve_security_incident(
    database: Database,
    actor: Actor,
    incident_id: uuid.UUID | None,
    resolved_at: datetime | None,
) -> SecurityIncident:
    """Mark an incident resolved at `resolved_at` (default: now)."""
    now = datetime.now(UTC)
    when = resolved_at or now
    checks = ErrorCollector()
    _check_instant(when, "resolvedAt", "resolvedAt", now, checks)
    checks.raise_if_any()

    async with database.transaction() as session:
        incident = None
        if incident_id is not None:
            incident = await session.scalar(
                select(SecurityIncident)
                .where(SecurityIncident.id == incident_id)
                .with_for_update()
            )
        if incident is None:
            raise FieldErrors.single(
                ("incidentId",), "NOT_FOUND", "No security incident has this id."
            )
        if incident.resolved_at is not None:
            raise FieldErrors.single(
                ("incidentId",),
                "ALREADY_RESOLVED",
                f"Incident {incident.title!r} was already resolved at "
                f"{incident.resolved_at.isoformat()}.",
            )
        if when < incident.detected_at:
            raise FieldErrors.single(
                ("resolvedAt",),
                "RESOLVED_BEFORE_DETECTED",
                f"resolvedAt {when.isoformat()} is before the incident was "
                f"detected at {incident.detected_at.isoformat()}.",
            )
        before = snapshot(incident, *INCIDENT_FIELDS)
        incident.resolved_at = when
        await record_audit(
            session,
            actor,
            "security_incident.resolved",
            "SecurityIncident",
            incident.id,
            before=before,
            after=snapshot(incident, *INCIDENT_FIELDS),
        )

    logger.info("security incident %s resolved", incident.id)
    return incident
