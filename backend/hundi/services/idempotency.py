"""Idempotent money-moving mutations: a retried request never moves money twice.

A client sends an idempotency key with each request that moves money. The
first request with a key stores (user, operation, key, fingerprint of the
input, id of the result) in idempotency_records, in the same transaction as
the change it makes:

- a repeat with the same key and the same input returns the first result
  and changes nothing;
- the same key with a different input is a field error,
  IDEMPOTENCY_KEY_REUSED;
- two requests with one key at the same time: the unique constraint on
  (actor_user_id, operation, key) lets one insert win, and the loser rolls
  back and returns the winner's result. A loser that failed first, because
  the winner's change left nothing to do (the offer is accepted already),
  also returns the winner's result once it finds the stored record. On
  SQLite the write lock taken at BEGIN IMMEDIATE makes the second request
  simply find the stored record.

A request that fails with field errors stores nothing, so it can be retried
with the same key once the input is fixed.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.db import Database
from hundi.models import IdempotencyRecord
from hundi.services.actor import Actor
from hundi.services.conflicts import UniqueKey, violates
from hundi.services.errors import FieldErrors

ResultT = TypeVar("ResultT")

IDEMPOTENCY_KEY = UniqueKey(
    "uq_idempotency_records_actor_user_id_operation_key",
    "idempotency_records.actor_user_id, idempotency_records.operation, "
    "idempotency_records.key",
)
MAX_KEY_LENGTH = 100
KEY_FIELD = ("idempotencyKey",)


@dataclass(frozen=True)
class IdempotentRequest:
    """One money-moving request: its operation, key and input."""

    operation: str
    key: str
    fields: dict[str, Any]

    @property
    def fingerprint(self) -> str:
        """Return the SHA-256 of the input, the same for equal values."""
        canonical = json.dumps(
            {name: _canonical(value) for name, value in self.fields.items()},
            sort_keys=True,
            separators=(",", ":"),
        )
        return hashlib.sha256(canonical.encode()).hexdigest()


Work = Callable[[AsyncSession], Awaitable[ResultT]]
Replay = Callable[[AsyncSession, uuid.UUID], Awaitable[ResultT]]


async def run_idempotent(
    database: Database,
    actor: Actor,
    request: IdempotentRequest,
    work: Work[ResultT],
    replay: Replay[ResultT],
    result_id: Callable[[ResultT], uuid.UUID],
) -> ResultT:
    """Run `work` once for this key; return the stored result on a repeat.

    `work` runs inside the transaction and raises FieldErrors to refuse;
    `replay` loads the first result by its id.
    """
    user_id = _user_id(actor)
    _check_key(request.key)

    try:
        async with database.transaction() as session:
            stored = await _stored_result(session, user_id, request)
            if stored is not None:
                return await replay(session, stored)

            result = await work(session)
            session.add(_record(user_id, request, result_id(result)))
            await session.flush()
        return result
    except IntegrityError as error:
        if not violates(error, IDEMPOTENCY_KEY):
            raise
        failure: Exception = error
    except FieldErrors as error:
        failure = error

    # A concurrent request with this key may have committed first.
    async with database.session() as session:
        stored = await _stored_result(session, user_id, request)
        if stored is None:
            raise failure
        return await replay(session, stored)


async def _stored_result(
    session: AsyncSession, user_id: uuid.UUID, request: IdempotentRequest
) -> uuid.UUID | None:
    record = await session.scalar(
        select(IdempotencyRecord).where(
            IdempotencyRecord.actor_user_id == user_id,
            IdempotencyRecord.operation == request.operation,
            IdempotencyRecord.key == request.key,
        )
    )
    if record is None:
        return None

    if record.request_fingerprint != request.fingerprint:
        raise FieldErrors.single(
            KEY_FIELD,
            "IDEMPOTENCY_KEY_REUSED",
            f"Idempotency key {request.key!r} was used for a different "
            f"{request.operation} request. Use a new key for a new request.",
        )

    if record.result_entity_id is None:
        raise LookupError(f"idempotency record {record.id} has no result")
    return uuid.UUID(record.result_entity_id)


def _record(
    user_id: uuid.UUID, request: IdempotentRequest, result_id: uuid.UUID
) -> IdempotencyRecord:
    return IdempotencyRecord(
        actor_user_id=user_id,
        operation=request.operation,
        key=request.key,
        request_fingerprint=request.fingerprint,
        result_entity_id=str(result_id),
    )


def _user_id(actor: Actor) -> uuid.UUID:
    # Machine clients are read-only, so every caller here is a signed-in user.
    if actor.user_id is None:
        raise PermissionError("idempotent mutations need a signed-in user")
    return actor.user_id


def _check_key(key: str) -> None:
    if not key or not key.strip():
        raise FieldErrors.single(
            KEY_FIELD,
            "INVALID_IDEMPOTENCY_KEY",
            "Idempotency key is empty. Send a new random key, such as a UUID, "
            "with each request.",
        )
    if len(key) > MAX_KEY_LENGTH:
        raise FieldErrors.single(
            KEY_FIELD,
            "INVALID_IDEMPOTENCY_KEY",
            f"Idempotency key has {len(key)} characters; use at most "
            f"{MAX_KEY_LENGTH}, such as a UUID.",
        )


def _canonical(value: Any) -> Any:
    # 100.5 and 100.50 are the same amount, so they fingerprint alike.
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value.is_finite() else str(value)
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_canonical(item) for item in value]
    return value
