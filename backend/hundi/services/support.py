"""Support tickets: an SME asks, platform operations answer and resolve.

    OPEN --answer (OPS)--> ANSWERED --message (SME)--> OPEN
    OPEN | ANSWERED --resolve (OPS)--> RESOLVED

The first answer of OPS (or the resolution, when OPS resolves without
answering first) sets `first_response_at`; resolving sets `resolved_at`.
A resolved ticket takes no more messages: the SME opens a new one, so that
each ticket's resolution time stays what it was.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.db import Database
from hundi.domain.enums import TicketCategory, TicketStatus
from hundi.models import SupportTicket, TicketMessage
from hundi.services.actor import Actor
from hundi.services.audit import record_audit, snapshot
from hundi.services.authors import stored_user_id
from hundi.services.checks import ErrorCollector
from hundi.services.errors import FieldErrors
from hundi.services.scoping import support_ticket_scope

logger = logging.getLogger(__name__)

MAX_SUBJECT_LENGTH = 200
MAX_MESSAGE_LENGTH = 5000
TICKET_FIELDS = ("status", "first_response_at", "resolved_at")


@dataclass(frozen=True)
class NewTicket:
    category: TicketCategory
    subject: str
    message: str


def _message_text(value: str | None, checks: ErrorCollector, *, required: bool) -> str:
    return checks.text(
        value, ("message",), "Message", max_length=MAX_MESSAGE_LENGTH, required=required
    )


async def open_support_ticket(
    database: Database, actor: Actor, new: NewTicket
) -> SupportTicket:
    """Open a ticket for the actor's SME with its first message."""
    if actor.sme_id is None:
        raise PermissionError("only a user of an SME opens support tickets")

    checks = ErrorCollector()
    subject = checks.text(
        new.subject, ("subject",), "Subject", max_length=MAX_SUBJECT_LENGTH
    )
    message = _message_text(new.message, checks, required=True)
    checks.raise_if_any()

    now = datetime.now(UTC)
    async with database.transaction() as session:
        author = await stored_user_id(session, actor)
        ticket = SupportTicket(
            sme_id=actor.sme_id,
            opened_by_user_id=author,
            category=new.category,
            subject=subject,
            status=TicketStatus.OPEN,
            opened_at=now,
        )
        session.add(ticket)
        await session.flush()
        session.add(_message(ticket, author, message, now))
        await _audit(session, actor, "support_ticket.opened", ticket, None)

    logger.info("support ticket %s opened by SME %s", ticket.id, actor.sme_id)
    return ticket


def _message(
    ticket: SupportTicket, author: uuid.UUID | None, body: str, now: datetime
) -> TicketMessage:
    return TicketMessage(
        ticket_id=ticket.id, author_user_id=author, body=body, created_at=now
    )


async def _audit(
    session: AsyncSession,
    actor: Actor,
    action: str,
    ticket: SupportTicket,
    before: dict[str, object] | None,
) -> None:
    await record_audit(
        session,
        actor,
        action,
        "SupportTicket",
        ticket.id,
        before=before,
        after=snapshot(ticket, *TICKET_FIELDS),
    )


async def _open_ticket(
    session: AsyncSession, actor: Actor, ticket_id: uuid.UUID | None
) -> SupportTicket:
    """Lock a ticket the actor may see and that is not resolved yet."""
    ticket = None
    if ticket_id is not None:
        ticket = await session.scalar(
            select(SupportTicket)
            .where(SupportTicket.id == ticket_id, support_ticket_scope(actor))
            .with_for_update()
        )
    if ticket is None:
        raise FieldErrors.single(
            ("ticketId",), "NOT_FOUND", "No support ticket you may see has this id."
        )
    if ticket.status is TicketStatus.RESOLVED:
        raise FieldErrors.single(
            ("ticketId",),
            "TICKET_RESOLVED",
            f"Ticket {ticket.subject!r} was resolved on "
            f"{ticket.resolved_at:%Y-%m-%d}; open a new ticket to raise "
            "something else.",
        )
    return ticket


async def add_support_ticket_message(
    database: Database, actor: Actor, ticket_id: uuid.UUID | None, body: str
) -> SupportTicket:
    """Add the SME's message to its own ticket; the ticket waits for OPS again."""
    checks = ErrorCollector()
    message = _message_text(body, checks, required=True)
    checks.raise_if_any()

    now = datetime.now(UTC)
    async with database.transaction() as session:
        ticket = await _open_ticket(session, actor, ticket_id)
        before = snapshot(ticket, *TICKET_FIELDS)
        session.add(
            _message(ticket, await stored_user_id(session, actor), message, now)
        )
        ticket.status = TicketStatus.OPEN
        await _audit(session, actor, "support_ticket.message_added", ticket, before)
    return ticket


async def answer_support_ticket(
    database: Database, actor: Actor, ticket_id: uuid.UUID | None, body: str
) -> SupportTicket:
    """Add OPS's answer; the first answer sets the first response time."""
    checks = ErrorCollector()
    message = _message_text(body, checks, required=True)
    checks.raise_if_any()

    now = datetime.now(UTC)
    async with database.transaction() as session:
        ticket = await _open_ticket(session, actor, ticket_id)
        before = snapshot(ticket, *TICKET_FIELDS)
        session.add(
            _message(ticket, await stored_user_id(session, actor), message, now)
        )
        if ticket.first_response_at is None:
            ticket.first_response_at = now
        ticket.status = TicketStatus.ANSWERED
        await _audit(session, actor, "support_ticket.answered", ticket, before)

    logger.info("support ticket %s answered", ticket.id)
    return ticket


async def resolve_support_ticket(
    database: Database, actor: Actor, ticket_id: uuid.UUID | None, body: str | None
) -> SupportTicket:
    """Resolve a ticket, with an optional closing message."""
    checks = ErrorCollector()
    message = _message_text(body, checks, required=False)
    checks.raise_if_any()

    now = datetime.now(UTC)
    async with database.transaction() as session:
        ticket = await _open_ticket(session, actor, ticket_id)
        before = snapshot(ticket, *TICKET_FIELDS)
        if message:
            author = await stored_user_id(session, actor)
            session.add(_message(ticket, author, message, now))
        if ticket.first_response_at is None:
            ticket.first_response_at = now
        ticket.resolved_at = now
        ticket.status = TicketStatus.RESOLVED
        await _audit(session, actor, "support_ticket.resolved", ticket, before)

    logger.info("support ticket %s resolved", ticket.id)
    return ticket
