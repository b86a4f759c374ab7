"""answerSurvey and satisfactionSurvey: the quarterly NPS and rating survey."""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi.api.engagement.types import SatisfactionSurveyType, SurveyResponseType
from hundi.api.mutations import MutationError, run_mutation, to_error_list
from hundi.api.permissions import allow
from hundi.domain.enums import Role
from hundi.services.surveys import SurveyAnswer, answer_survey, survey_state

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why answerSurvey failed.")
class AnswerSurveyErrorCode(enum.Enum):
    REQUIRED = "REQUIRED"
    OUT_OF_RANGE = "OUT_OF_RANGE"
    TOO_LONG = "TOO_LONG"
    ALREADY_ANSWERED = "ALREADY_ANSWERED"


@strawberry.type(description="An expected failure of answerSurvey.")
class AnswerSurveyError(MutationError):
    code: AnswerSurveyErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="An answer to the satisfaction survey; give one or both.")
class AnswerSurveyInput:
    nps_score: int | None = strawberry.field(
        default=None,
        description="How likely you are to recommend Hundi to another business, "
        "0 (not at all) to 10 (extremely).",
    )
    rating: int | None = strawberry.field(
        default=None, description="Stars for Hundi's features and support, 1 to 5."
    )
    comment: str | None = strawberry.field(
        default=None, description="Anything to add, up to 2,000 characters."
    )


@strawberry.type(description="The result of answerSurvey.")
class AnswerSurveyPayload:
    response: SurveyResponseType | None = strawberry.field(
        description="The stored answer; null when it was not stored."
    )
    errors: list[AnswerSurveyError] = strawberry.field(
        description="Why it was not stored; empty when it was."
    )


@strawberry.type
class SurveyQueries:
    @strawberry.field(
        description="Whether your SME is asked the satisfaction survey now.",
        extensions=allow(Role.SME),
    )
    async def satisfaction_survey(self, info: Info) -> SatisfactionSurveyType:
        context: Context = info.context
        actor = context.require_actor()
        state = await survey_state(context.reader.scalar, actor, datetime.now(UTC))
        return SatisfactionSurveyType(
            period=state.period, is_due=state.is_due, answered_at=state.answered_at
        )


@strawberry.type
class AnswerSurveyMutation:
    @strawberry.mutation(
        description="Answer the satisfaction survey for your SME; once a quarter.",
        extensions=allow(Role.SME),
    )
    async def answer_survey(
        self, info: Info, input: AnswerSurveyInput
    ) -> AnswerSurveyPayload:
        context: Context = info.context
        actor = context.require_actor()
        answer = SurveyAnswer(input.nps_score, input.rating, input.comment)
        response, errors = await run_mutation(
            info, lambda: answer_survey(context.database, actor, answer)
        )
        return AnswerSurveyPayload(
            response=response,  # type: ignore[arg-type]
            errors=to_error_list(AnswerSurveyError, AnswerSurveyErrorCode, errors),
        )
