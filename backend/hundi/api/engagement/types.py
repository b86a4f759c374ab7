"""GraphQL types of app sessions and the satisfaction survey."""

from __future__ import annotations

import uuid
from datetime import datetime

import strawberry


@strawberry.type(
    name="AppSession",
    description="A signed-in user's time in the web app, from start to last activity.",
)
class AppSessionType:
    id: uuid.UUID = strawberry.field(
        description="The session's id, for touchAppSession and endAppSession."
    )
    started_at: datetime = strawberry.field(description="When it started.")
    last_activity_at: datetime = strawberry.field(
        description="The last heartbeat; the session's length ends here."
    )
    ended_at: datetime | None = strawberry.field(
        description="When it ended; null while it is open."
    )


@strawberry.type(
    name="SatisfactionSurvey",
    description="Whether the SME is asked the satisfaction survey now.",
)
class SatisfactionSurveyType:
    period: str = strawberry.field(
        description="The current survey period, a calendar quarter such as 2026-Q4."
    )
    is_due: bool = strawberry.field(
        description="True when the SME is onboarded and has not answered this "
        "period; the web app shows the survey then."
    )
    answered_at: datetime | None = strawberry.field(
        description="When the SME answered this period; null before."
    )


@strawberry.type(
    name="SurveyResponse", description="An SME's answer to the satisfaction survey."
)
class SurveyResponseType:
    period: str = strawberry.field(description="The quarter answered, such as 2026-Q4.")
    nps_score: int | None = strawberry.field(
        description="How likely the SME is to recommend Hundi, 0 to 10."
    )
    rating: int | None = strawberry.field(
        description="Stars for Hundi's features and support, 1 to 5."
    )
    answered_at: datetime = strawberry.field(description="When it was answered.")
