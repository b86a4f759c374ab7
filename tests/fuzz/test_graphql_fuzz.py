"""Property-based fuzzing of the whole GraphQL API with schemathesis.

Schemathesis reads the schema from a running server and generates queries
and mutations for every operation; hypothesis runs each. Whatever arrives,
the server must answer with a GraphQL response, and never with an unexpected
error (`INTERNAL_SERVER_ERROR`), a stack trace or SQL.
"""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.graphql import nodes

from hundi.auth.operator import issue_token_for
from hundi.db import Database
from hundi.seed.demo import seed_demo
from support.live import LiveServer

LEAKS = ("Traceback", "sqlalchemy", "SELECT ", "asyncpg", "sqlite3")
EXAMPLES_PER_OPERATION = 4

_decimal_text = st.one_of(
    st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=4).map(str),
    st.text(max_size=12),
)
schemathesis.graphql.scalar("Money", _decimal_text.map(nodes.String))
schemathesis.graphql.scalar("Rate", _decimal_text.map(nodes.String))
schemathesis.graphql.scalar("Decimal", _decimal_text.map(nodes.String))
schemathesis.graphql.scalar(
    "UUID", st.one_of(st.uuids().map(str), st.text(max_size=8)).map(nodes.String)
)
# A JSON request cannot carry a file, so uploads get text, which must be refused.
schemathesis.graphql.scalar("Upload", st.text(max_size=8).map(nodes.String))
schemathesis.graphql.scalar(
    "Date", st.one_of(st.dates().map(str), st.text(max_size=10)).map(nodes.String)
)
schemathesis.graphql.scalar(
    "DateTime",
    st.one_of(
        st.datetimes().map(lambda value: value.isoformat() + "+05:30"),
        st.text(max_size=10),
    ).map(nodes.String),
)


@pytest.fixture
async def seeded(database: Database) -> Database:
    await seed_demo(database, as_of=date(2026, 12, 4))
    return database


def check_response(case: Any, token: str) -> None:
    response = case.call(headers={"Authorization": f"Bearer {token}"})

    assert response.status_code in (200, 400), response.text
    body = response.json()
    codes = [
        error.get("extensions", {}).get("code") for error in body.get("errors") or []
    ]
    assert "INTERNAL_SERVER_ERROR" not in codes, response.text
    assert not any(leak in response.text for leak in LEAKS), response.text


@pytest.mark.parametrize("email", ["admin@hundi.example", "sme@hundi.example"])
def test_graphql_answers_every_generated_operation(
    seeded: Database, live_server: LiveServer, email: str
) -> None:
    token = asyncio.run(issue_token_for(live_server.settings, email, 900))
    schema = schemathesis.graphql.from_url(
        f"{live_server.url}/graphql", headers={"Authorization": f"Bearer {token}"}
    )
    operations = [result.ok() for result in schema.get_all_operations()]
    sent = 0

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def run(case: Any) -> None:
            nonlocal sent
            sent += 1
            check_response(case, token)

        try:
            run()
        except AssertionError as failure:
            raise AssertionError(f"{operation.label}: {failure}") from None

    assert len(operations) > 40
    assert sent >= len(operations)
