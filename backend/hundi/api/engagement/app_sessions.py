"""startAppSession, touchAppSession and endAppSession: time spent in the app."""

from __future__ import annotations

import enum
import uuid
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi.api.engagement.types import AppSessionType
from hundi.api.mutations import MutationError, run_mutation, to_error_list
from hundi.api.permissions import ANY_ROLE, allow
from hundi.services.app_sessions import (
    end_app_session,
    start_app_session,
    touch_app_session,
)

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why startAppSession failed.")
class StartAppSessionErrorCode(enum.Enum):
    INVALID_VISITOR_ID = "INVALID_VISITOR_ID"


@strawberry.type(description="An expected failure of startAppSession.")
class StartAppSessionError(MutationError):
    code: StartAppSessionErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="A new app session of the signed-in user.")
class StartAppSessionInput:
    visitor_id: str | None = strawberry.field(
        default=None,
        description="The browser's visitor id from recordProductEvents; links "
        "its earlier visits to your SME.",
    )


@strawberry.type(description="The result of startAppSession.")
class StartAppSessionPayload:
    session: AppSessionType | None = strawberry.field(description="The new session.")
    errors: list[StartAppSessionError] = strawberry.field(
        description="Why no session started; empty when it did."
    )


@strawberry.enum(description="Why touchAppSession failed.")
class TouchAppSessionErrorCode(enum.Enum):
    NOT_FOUND = "NOT_FOUND"
    SESSION_ENDED = "SESSION_ENDED"
    SESSION_EXPIRED = "SESSION_EXPIRED"


@strawberry.type(description="An expected failure of touchAppSession.")
class TouchAppSessionError(MutationError):
    code: TouchAppSessionErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="An app session the user is active in.")
class TouchAppSessionInput:
    session_id: uuid.UUID = strawberry.field(description="The session's id.")


@strawberry.type(description="The result of touchAppSession.")
class TouchAppSessionPayload:
    session: AppSessionType | None = strawberry.field(
        description="The session with its new last activity."
    )
    errors: list[TouchAppSessionError] = strawberry.field(
        description="Why the session is over (start a new one); empty otherwise."
    )


@strawberry.enum(description="Why endAppSession failed.")
class EndAppSessionErrorCode(enum.Enum):
    NOT_FOUND = "NOT_FOUND"


@strawberry.type(description="An expected failure of endAppSession.")
class EndAppSessionError(MutationError):
    code: EndAppSessionErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="An app session the user leaves.")
class EndAppSessionInput:
    session_id: uuid.UUID = strawberry.field(description="The session's id.")


@strawberry.type(description="The result of endAppSession.")
class EndAppSessionPayload:
    session: AppSessionType | None = strawberry.field(description="The ended session.")
    errors: list[EndAppSessionError] = strawberry.field(
        description="Why it could not be ended; empty when it was."
    )


@strawberry.type
class AppSessionMutations:
    @strawberry.mutation(
        description="Start an app session after sign-in; then touch it about "
        "once a minute while the user is active, and end it on sign-out.",
        extensions=allow(*ANY_ROLE),
    )
    async def start_app_session(
        self, info: Info, input: StartAppSessionInput
    ) -> StartAppSessionPayload:
        context: Context = info.context
        actor = context.require_actor()
        session, errors = await run_mutation(
            info,
            lambda: start_app_session(context.database, actor, input.visitor_id),
        )
        return StartAppSessionPayload(
            session=session,  # type: ignore[arg-type]
            errors=to_error_list(
                StartAppSessionError, StartAppSessionErrorCode, errors
            ),
        )

    @strawberry.mutation(
        description="Record activity in an app session. A session idle for "
        "more than 30 minutes is over: start a new one.",
        extensions=allow(*ANY_ROLE),
    )
    async def touch_app_session(
        self, info: Info, input: TouchAppSessionInput
    ) -> TouchAppSessionPayload:
        context: Context = info.context
        actor = context.require_actor()
        session, errors = await run_mutation(
            info,
            lambda: touch_app_session(context.database, actor, input.session_id),
        )
        return TouchAppSessionPayload(
            session=session,  # type: ignore[arg-type]
            errors=to_error_list(
                TouchAppSessionError, TouchAppSessionErrorCode, errors
            ),
        )

    @strawberry.mutation(
        description="End an app session; ending it again changes nothing.",
        extensions=allow(*ANY_ROLE),
    )
    async def end_app_session(
        self, info: Info, input: EndAppSessionInput
    ) -> EndAppSessionPayload:
        context: Context = info.context
        actor = context.require_actor()
        session, errors = await run_mutation(
            info,
            lambda: end_app_session(context.database, actor, input.session_id),
        )
        return EndAppSessionPayload(
            session=session,  # type: ignore[arg-type]
            errors=to_error_list(EndAppSessionError, EndAppSessionErrorCode, errors),
        )
