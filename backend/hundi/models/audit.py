"""The append-only audit log and stored answers of idempotent mutations."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    DDL,
    BigInteger,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    Uuid,
    event,
)
from sqlalchemy.orm import Mapped, mapped_column

from hundi.models.base import Base, IdMixin, JsonDocument, utc_now
from hundi.models.types import UtcDateTime


class AuditRecord(Base):
    """Who changed what, when, from which state to which, in which request."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_entity", "entity_type", "entity_id"),
        Index("ix_audit_log_occurred_at", "occurred_at"),
    )

    id: Mapped[int] = mapped_column(
        # SQLite numbers rows only for a column declared INTEGER PRIMARY KEY.
        BigInteger().with_variant(Integer, "sqlite"),
        primary_key=True,
        autoincrement=True,
    )
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    actor_user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    actor_label: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(60))
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(40))
    before: Mapped[dict[str, Any] | None] = mapped_column(JsonDocument)
    after: Mapped[dict[str, Any] | None] = mapped_column(JsonDocument)
    request_id: Mapped[str | None] = mapped_column(String(64))


class IdempotencyRecord(IdMixin, Base):
    """The first result of a money-moving mutation, replayed on a retry."""

    __tablename__ = "idempotency_records"
    __table_args__ = (UniqueConstraint("actor_user_id", "operation", "key"),)

    actor_user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="CASCADE")
    )
    operation: Mapped[str] = mapped_column(String(60))
    key: Mapped[str] = mapped_column(String(100))
    request_fingerprint: Mapped[str] = mapped_column(String(64))
    result_entity_id: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


# The audit log is append-only: the database itself rejects UPDATE and DELETE.
_PG_APPEND_ONLY = [
    DDL(
        "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$"
    ),
    DDL(
        "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
        "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
    ),
]
_SQLITE_APPEND_ONLY = [
    DDL(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
    ),
    DDL(
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
    ),
]
for _statement in _PG_APPEND_ONLY:
    event.listen(
        AuditRecord.__table__,
        "after_create",
        _statement.execute_if(dialect="postgresql"),
    )
for _statement in _SQLITE_APPEND_ONLY:
    event.listen(
        AuditRecord.__table__, "after_create", _statement.execute_if(dialect="sqlite")
    )
