"""The satisfaction survey: an NPS score and a star rating, once a quarter.

An SME answers at most once per survey period, the calendar quarter in India
time ("2026-Q4"). The survey is due for an onboarded SME (KYC verified) that
has not answered in the current period; the web app asks it then.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Executable, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.db import Database
from hundi.domain.calendar import to_india
from hundi.domain.enums import SmeStatus
from hundi.models import Sme, SurveyResponse
from hundi.services.actor import Actor
from hundi.services.authors import stored_user_id
from hundi.services.checks import ErrorCollector
from hundi.services.errors import FieldErrors

logger = logging.getLogger(__name__)

Scalar = Callable[[Executable], Awaitable[Any]]

NPS_RANGE = (0, 10)
RATING_RANGE = (1, 5)
MAX_COMMENT_LENGTH = 2000


def survey_period(now: datetime) -> str:
    """Return the survey period of `now`: its calendar quarter in India, "2026-Q4"."""
    local = to_india(now)
    return f"{local.year}-Q{(local.month - 1) // 3 + 1}"


@dataclass(frozen=True)
class SurveyAnswer:
    nps_score: int | None
    rating: int | None
    comment: str | None = None


@dataclass(frozen=True)
class SurveyState:
    period: str
    is_due: bool
    answered_at: datetime | None


def _check_score(
    value: int | None,
    bounds: tuple[int, int],
    field: str,
    label: str,
    checks: ErrorCollector,
) -> None:
    low, high = bounds
    if value is not None and not low <= value <= high:
        checks.add(
            (field,),
            "OUT_OF_RANGE",
            f"{label} {value} is outside {low} to {high}; give a whole number "
            "in that range.",
        )


def _check(answer: SurveyAnswer) -> str | None:
    checks = ErrorCollector()
    if answer.nps_score is None and answer.rating is None:
        checks.add(
            None,
            "REQUIRED",
            "The answer is empty; give an NPS score (0 to 10), a rating "
            "(1 to 5), or both.",
        )
    _check_score(answer.nps_score, NPS_RANGE, "npsScore", "NPS score", checks)
    _check_score(answer.rating, RATING_RANGE, "rating", "Rating", checks)
    comment = checks.text(
        answer.comment,
        ("comment",),
        "Comment",
        max_length=MAX_COMMENT_LENGTH,
        required=False,
    )
    checks.raise_if_any()
    return comment or None


def _already_answered(period: str) -> FieldErrors:
    return FieldErrors.single(
        None,
        "ALREADY_ANSWERED",
        f"Your business already answered the survey of {period}; the next one "
        "opens next quarter.",
    )


async def answer_survey(
    database: Database, actor: Actor, answer: SurveyAnswer
) -> SurveyResponse:
    """Store the SME's answer for the current period; raise FieldErrors if invalid."""
    if actor.sme_id is None:
        raise PermissionError("only a user of an SME answers the survey")
    comment = _check(answer)

    now = datetime.now(UTC)
    period = survey_period(now)
    try:
        async with database.transaction() as session:
            if await _answer_of(session, actor, period) is not None:
                raise _already_answered(period)
            response = SurveyResponse(
                sme_id=actor.sme_id,
                user_id=await stored_user_id(session, actor),
                period=period,
                nps_score=answer.nps_score,
                rating=answer.rating,
                comment=comment,
                answered_at=now,
            )
            session.add(response)
    except IntegrityError:
        # Another user of the same SME answered at the same moment.
        raise _already_answered(period) from None

    logger.info("survey of %s answered by SME %s", period, actor.sme_id)
    return response


async def _answer_of(
    session: AsyncSession, actor: Actor, period: str
) -> SurveyResponse | None:
    found: SurveyResponse | None = await session.scalar(
        select(SurveyResponse).where(
            SurveyResponse.sme_id == actor.sme_id, SurveyResponse.period == period
        )
    )
    return found


async def survey_state(scalar: Scalar, actor: Actor, now: datetime) -> SurveyState:
    """Tell whether the survey of the current period is due for the actor's SME."""
    period = survey_period(now)
    answered_at = await scalar(
        select(SurveyResponse.answered_at).where(
            SurveyResponse.sme_id == actor.sme_id, SurveyResponse.period == period
        )
    )
    status = await scalar(select(Sme.status).where(Sme.id == actor.sme_id))
    onboarded = status is SmeStatus.KYC_VERIFIED
    return SurveyState(
        period=period,
        is_due=onboarded and answered_at is None,
        answered_at=answered_at,
    )
