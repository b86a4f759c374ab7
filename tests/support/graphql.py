"""GraphQL test helpers: run an operation as an actor and check the answer.

`gql` fails the test on any top-level error and returns `data`; `gql_denied`
asserts that the operation was refused with the given `extensions.code`.
`count_statements` counts the SQL statements a block sends.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event

from hundi.api.context import Context
from hundi.api.schema import schema
from hundi.db import Database
from hundi.services.actor import Actor
from hundi.settings import Settings


async def execute(
    database: Database,
    settings: Settings,
    actor: Actor | None,
    query: str,
    variables: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Run one operation through the schema; return the response as JSON-like data."""
    context = Context(database=database, settings=settings, actor=actor)
    try:
        result = await schema.execute(
            query, variable_values=variables, context_value=context
        )
    finally:
        await context.close()
    response: dict[str, Any] = {"data": result.data}
    if result.errors:
        response["errors"] = [error.formatted for error in result.errors]
    return response


class GraphQLClient:
    def __init__(self, database: Database, settings: Settings) -> None:
        self.database = database
        self.settings = settings

    async def raw(
        self, actor: Actor | None, query: str, variables: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        return await execute(self.database, self.settings, actor, query, variables)

    async def __call__(
        self, actor: Actor | None, query: str, variables: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """Run the operation; fail on any top-level error; return `data`."""
        response = await self.raw(actor, query, variables)
        assert "errors" not in response, response["errors"]
        data: dict[str, Any] = response["data"]
        return data

    async def denied(
        self,
        actor: Actor | None,
        query: str,
        code: str,
        variables: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Assert the operation is refused with `extensions.code == code`."""
        response = await self.raw(actor, query, variables)
        assert "errors" in response, f"expected {code}, got data {response['data']}"
        codes = [
            error.get("extensions", {}).get("code") for error in response["errors"]
        ]
        assert codes[0] == code, response["errors"]
        error: dict[str, Any] = response["errors"][0]
        return error


@pytest.fixture
def gql(database: Database, settings: Settings) -> GraphQLClient:
    return GraphQLClient(database, settings)


class StatementCounter:
    def __init__(self) -> None:
        self.statements: list[str] = []

    @property
    def count(self) -> int:
        return len(self.statements)


@contextlib.contextmanager
def count_statements(database: Database) -> Iterator[StatementCounter]:
    """Count the SQL statements sent while the block runs (BEGIN/COMMIT excluded)."""
    counter = StatementCounter()

    def on_execute(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if not statement.lstrip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK")):
            counter.statements.append(statement)

    engine = database.engine.sync_engine
    event.listen(engine, "before_cursor_execute", on_execute)
    try:
        yield counter
    finally:
        event.remove(engine, "before_cursor_execute", on_execute)
