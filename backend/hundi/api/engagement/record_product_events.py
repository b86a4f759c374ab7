"""recordProductEvents: the web app reports visits and onboarding steps.

Open to anyone, signed in or not, and rate-limited per network address and
per visitor id (see `hundi.services.product_events`).
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi.api.engagement.client import client_address
from hundi.api.mutations import MutationError, run_mutation, to_error_list
from hundi.domain.enums import ProductEventName
from hundi.services.product_events import (
    MAX_EVENTS_PER_CALL,
    EventBatch,
    record_product_events,
)

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why recordProductEvents failed.")
class RecordProductEventsErrorCode(enum.Enum):
    INVALID_VISITOR_ID = "INVALID_VISITOR_ID"
    REQUIRED = "REQUIRED"
    TOO_MANY_EVENTS = "TOO_MANY_EVENTS"
    TOO_MANY_REQUESTS = "TOO_MANY_REQUESTS"


@strawberry.type(description="An expected failure of recordProductEvents.")
class RecordProductEventsError(MutationError):
    code: RecordProductEventsErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="Steps one browser took, in the order they happened.")
class RecordProductEventsInput:
    visitor_id: str = strawberry.field(
        description="The random UUID the web app generated for this browser and "
        "keeps; it identifies no person."
    )
    events: list[ProductEventName] = strawberry.field(
        description=f"The steps, 1 to {MAX_EVENTS_PER_CALL}; the server stamps "
        "each with the time it arrived."
    )


@strawberry.type(description="The result of recordProductEvents.")
class RecordProductEventsPayload:
    recorded: int = strawberry.field(description="How many events were stored.")
    errors: list[RecordProductEventsError] = strawberry.field(
        description="Why nothing was stored; empty when the events were."
    )


@strawberry.type
class RecordProductEventsMutation:
    @strawberry.mutation(
        description="Record visits and onboarding steps of a browser. Open to "
        "anyone; signed in as an SME user, the events are linked to the SME. "
        "Limited per network address and per visitor id."
    )
    async def record_product_events(
        self, info: Info, input: RecordProductEventsInput
    ) -> RecordProductEventsPayload:
        context: Context = info.context
        batch = EventBatch(input.visitor_id, input.events)
        recorded, errors = await run_mutation(
            info,
            lambda: record_product_events(
                context.database,
                context.actor,
                batch,
                client_address=client_address(context),
            ),
        )
        return RecordProductEventsPayload(
            recorded=recorded or 0,
            errors=to_error_list(
                RecordProductEventsError, RecordProductEventsErrorCode, errors
            ),
        )
