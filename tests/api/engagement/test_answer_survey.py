"""answerSurvey and satisfactionSurvey: once a quarter, for onboarded SMEs."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from hundi import models
from hundi.db import Database
from hundi.domain.enums import Role, SmeStatus
from hundi.services.actor import Actor
from hundi.services.surveys import survey_period
from support.factories import create_registered_sme, create_sme, create_user
from support.graphql import GraphQLClient
from support.rows import all_rows, count_rows

ANSWER = """
mutation($input: AnswerSurveyInput!) {
  answerSurvey(input: $input) {
    response { period npsScore rating answeredAt } errors { field code message }
  }
}
"""
SURVEY = "{ satisfactionSurvey { period isDue answeredAt } }"


async def _verified_user(database: Database) -> Actor:
    return await create_user(database, Role.SME, sme=await create_sme(database))


async def _answer(gql: GraphQLClient, actor: Actor, **fields: Any) -> dict[str, Any]:
    data = await gql(actor, ANSWER, {"input": fields})
    payload: dict[str, Any] = data["answerSurvey"]
    return payload


async def test_answer_survey_stores_answer(
    database: Database, gql: GraphQLClient
) -> None:
    actor = await _verified_user(database)

    payload = await _answer(gql, actor, npsScore=9, rating=4, comment=" Quick. ")

    period = survey_period(datetime.now(UTC))
    assert payload["errors"] == []
    assert payload["response"]["period"] == period
    (stored,) = await all_rows(database, models.SurveyResponse)
    assert (stored.nps_score, stored.rating, stored.comment) == (9, 4, "Quick.")
    assert (stored.sme_id, stored.user_id) == (actor.sme_id, actor.user_id)


async def test_survey_due_until_answered(
    database: Database, gql: GraphQLClient
) -> None:
    actor = await _verified_user(database)

    before = await gql(actor, SURVEY)
    await _answer(gql, actor, npsScore=10)
    after = await gql(actor, SURVEY)

    assert before["satisfactionSurvey"]["isDue"] is True
    assert before["satisfactionSurvey"]["answeredAt"] is None
    assert after["satisfactionSurvey"]["isDue"] is False
    assert after["satisfactionSurvey"]["answeredAt"] is not None


async def test_survey_not_due_before_onboarding(
    database: Database, gql: GraphQLClient
) -> None:
    sme = await create_registered_sme(database, status=SmeStatus.KYC_SUBMITTED)
    actor = await create_user(database, Role.SME, sme=sme)

    data = await gql(actor, SURVEY)

    assert data["satisfactionSurvey"]["isDue"] is False


async def test_answer_survey_once_per_period(
    database: Database, gql: GraphQLClient
) -> None:
    sme = await create_sme(database)
    first = await create_user(database, Role.SME, sme=sme)
    colleague = await create_user(database, Role.SME, sme=sme)
    await _answer(gql, first, rating=5)

    payload = await _answer(gql, colleague, npsScore=3)

    assert payload["response"] is None
    assert payload["errors"][0]["code"] == "ALREADY_ANSWERED"
    assert await count_rows(database, models.SurveyResponse) == 1


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({}, [(None, "REQUIRED")]),
        ({"npsScore": 11}, [(["input", "npsScore"], "OUT_OF_RANGE")]),
        (
            {"npsScore": -1, "rating": 0},
            [
                (["input", "npsScore"], "OUT_OF_RANGE"),
                (["input", "rating"], "OUT_OF_RANGE"),
            ],
        ),
        ({"rating": 6}, [(["input", "rating"], "OUT_OF_RANGE")]),
        ({"rating": 5, "comment": "x" * 2001}, [(["input", "comment"], "TOO_LONG")]),
    ],
)
async def test_answer_survey_bad_input_writes_nothing(
    fields: dict[str, Any],
    errors: list[tuple[list[str] | None, str]],
    database: Database,
    gql: GraphQLClient,
) -> None:
    actor = await _verified_user(database)

    payload = await _answer(gql, actor, **fields)

    assert [(e["field"], e["code"]) for e in payload["errors"]] == errors
    assert await count_rows(database, models.SurveyResponse) == 0


def test_survey_period_is_india_quarter() -> None:
    # 23:50 in India on 30 September is still the third quarter; 00:10 on
    # 1 October, 18:40 UTC on 30 September, is the fourth.
    assert survey_period(datetime(2026, 9, 30, 18, 20, tzinfo=UTC)) == "2026-Q3"
    assert survey_period(datetime(2026, 9, 30, 18, 40, tzinfo=UTC)) == "2026-Q4"
