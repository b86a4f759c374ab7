"""openSupportTicket, addSupportTicketMessage, answerSupportTicket and
resolveSupportTicket: the conversation between an SME and operations."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi.api.lists import decode_id
from hundi.api.mutations import MutationError, run_mutation, to_error_list
from hundi.api.permissions import allow
from hundi.api.support.types import SupportTicketType
from hundi.domain.enums import Role, TicketCategory
from hundi.services.support import (
    NewTicket,
    add_support_ticket_message,
    answer_support_ticket,
    open_support_ticket,
    resolve_support_ticket,
)

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why openSupportTicket failed.")
class OpenSupportTicketErrorCode(enum.Enum):
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"


@strawberry.type(description="An expected failure of openSupportTicket.")
class OpenSupportTicketError(MutationError):
    code: OpenSupportTicketErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="A new support ticket and its first message.")
class OpenSupportTicketInput:
    category: TicketCategory = strawberry.field(description="What it is about.")
    subject: str = strawberry.field(description="A subject line, up to 200 characters.")
    message: str = strawberry.field(
        description="The question or problem, up to 5,000 characters."
    )


@strawberry.type(description="The result of openSupportTicket.")
class OpenSupportTicketPayload:
    ticket: SupportTicketType | None = strawberry.field(description="The new ticket.")
    errors: list[OpenSupportTicketError] = strawberry.field(
        description="Why no ticket was opened; empty when it was."
    )


@strawberry.enum(description="Why addSupportTicketMessage failed.")
class AddSupportTicketMessageErrorCode(enum.Enum):
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    NOT_FOUND = "NOT_FOUND"
    TICKET_RESOLVED = "TICKET_RESOLVED"


@strawberry.type(description="An expected failure of addSupportTicketMessage.")
class AddSupportTicketMessageError(MutationError):
    code: AddSupportTicketMessageErrorCode = strawberry.field(
        description="What failed."
    )


@strawberry.input(description="A message on a ticket.")
class SupportTicketMessageInput:
    ticket_id: strawberry.ID = strawberry.field(description="The ticket's global id.")
    message: str = strawberry.field(description="The message, up to 5,000 characters.")


@strawberry.type(description="The result of addSupportTicketMessage.")
class AddSupportTicketMessagePayload:
    ticket: SupportTicketType | None = strawberry.field(
        description="The ticket, waiting for operations again."
    )
    errors: list[AddSupportTicketMessageError] = strawberry.field(
        description="Why the message was not added; empty when it was."
    )


@strawberry.enum(description="Why answerSupportTicket failed.")
class AnswerSupportTicketErrorCode(enum.Enum):
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    NOT_FOUND = "NOT_FOUND"
    TICKET_RESOLVED = "TICKET_RESOLVED"


@strawberry.type(description="An expected failure of answerSupportTicket.")
class AnswerSupportTicketError(MutationError):
    code: AnswerSupportTicketErrorCode = strawberry.field(description="What failed.")


@strawberry.type(description="The result of answerSupportTicket.")
class AnswerSupportTicketPayload:
    ticket: SupportTicketType | None = strawberry.field(
        description="The ticket, waiting for the SME."
    )
    errors: list[AnswerSupportTicketError] = strawberry.field(
        description="Why the answer was not added; empty when it was."
    )


@strawberry.enum(description="Why resolveSupportTicket failed.")
class ResolveSupportTicketErrorCode(enum.Enum):
    TOO_LONG = "TOO_LONG"
    NOT_FOUND = "NOT_FOUND"
    TICKET_RESOLVED = "TICKET_RESOLVED"


@strawberry.type(description="An expected failure of resolveSupportTicket.")
class ResolveSupportTicketError(MutationError):
    code: ResolveSupportTicketErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="A ticket to resolve.")
class ResolveSupportTicketInput:
    ticket_id: strawberry.ID = strawberry.field(description="The ticket's global id.")
    message: str | None = strawberry.field(
        default=None, description="An optional closing message for the SME."
    )


@strawberry.type(description="The result of resolveSupportTicket.")
class ResolveSupportTicketPayload:
    ticket: SupportTicketType | None = strawberry.field(
        description="The resolved ticket."
    )
    errors: list[ResolveSupportTicketError] = strawberry.field(
        description="Why it was not resolved; empty when it was."
    )


@strawberry.type
class SupportMutations:
    @strawberry.mutation(
        description="Open a support ticket for your SME.", extensions=allow(Role.SME)
    )
    async def open_support_ticket(
        self, info: Info, input: OpenSupportTicketInput
    ) -> OpenSupportTicketPayload:
        context: Context = info.context
        actor = context.require_actor()
        new = NewTicket(input.category, input.subject, input.message)
        ticket, errors = await run_mutation(
            info, lambda: open_support_ticket(context.database, actor, new)
        )
        return OpenSupportTicketPayload(
            ticket=ticket,  # type: ignore[arg-type]
            errors=to_error_list(
                OpenSupportTicketError, OpenSupportTicketErrorCode, errors
            ),
        )

    @strawberry.mutation(
        description="Add a message to one of your SME's open tickets.",
        extensions=allow(Role.SME),
    )
    async def add_support_ticket_message(
        self, info: Info, input: SupportTicketMessageInput
    ) -> AddSupportTicketMessagePayload:
        context: Context = info.context
        actor = context.require_actor()
        ticket_id = decode_id(input.ticket_id, "SupportTicket")
        ticket, errors = await run_mutation(
            info,
            lambda: add_support_ticket_message(
                context.database, actor, ticket_id, input.message
            ),
        )
        return AddSupportTicketMessagePayload(
            ticket=ticket,  # type: ignore[arg-type]
            errors=to_error_list(
                AddSupportTicketMessageError, AddSupportTicketMessageErrorCode, errors
            ),
        )

    @strawberry.mutation(
        description="Answer a ticket as platform operations; the first answer "
        "sets its first response time.",
        extensions=allow(Role.OPS, Role.ADMIN),
    )
    async def answer_support_ticket(
        self, info: Info, input: SupportTicketMessageInput
    ) -> AnswerSupportTicketPayload:
        context: Context = info.context
        actor = context.require_actor()
        ticket_id = decode_id(input.ticket_id, "SupportTicket")
        ticket, errors = await run_mutation(
            info,
            lambda: answer_support_ticket(
                context.database, actor, ticket_id, input.message
            ),
        )
        return AnswerSupportTicketPayload(
            ticket=ticket,  # type: ignore[arg-type]
            errors=to_error_list(
                AnswerSupportTicketError, AnswerSupportTicketErrorCode, errors
            ),
        )

    @strawberry.mutation(
        description="Resolve a ticket as platform operations.",
        extensions=allow(Role.OPS, Role.ADMIN),
    )
    async def resolve_support_ticket(
        self, info: Info, input: ResolveSupportTicketInput
    ) -> ResolveSupportTicketPayload:
        context: Context = info.context
        actor = context.require_actor()
        ticket_id = decode_id(input.ticket_id, "SupportTicket")
        ticket, errors = await run_mutation(
            info,
            lambda: resolve_support_ticket(
                context.database, actor, ticket_id, input.message
            ),
        )
        return ResolveSupportTicketPayload(
            ticket=ticket,  # type: ignore[arg-type]
            errors=to_error_list(
                ResolveSupportTicketError, ResolveSupportTicketErrorCode, errors
            ),
        )
