"""Audit records: who changed what, when, from which state to which.

Every service function that changes state calls `record_audit` inside its
own transaction, so the change and its record commit or roll back together.
"""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from hundi.logs import request_id_var
from hundi.models import AuditRecord
from hundi.services.actor import Actor


def snapshot(row: Any, *fields: str) -> dict[str, Any]:
    """Copy `fields` of a row into a JSON-safe dict for the audit log."""
    return {field: _json_safe(getattr(row, field)) for field in fields}


def _json_safe(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_json_safe(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _json_safe(item) for key, item in value.items()}
    return value


async def record_audit(
    session: AsyncSession,
    actor: Actor,
    action: str,
    entity_type: str,
    entity_id: uuid.UUID | str,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """Add an audit record to the session's transaction."""
    session.add(
        AuditRecord(
            actor_user_id=actor.user_id,
            actor_label=actor.label,
            action=action,
            entity_type=entity_type,
            entity_id=str(entity_id),
            before=_json_safe(before) if before is not None else None,
            after=_json_safe(after) if after is not None else None,
            request_id=request_id_var.get(),
        )
    )
