"""The HTTP application under test, with actors chosen by a test-only header.

Requests name their actor in the X-Test-Actor header; the key maps to an
actor the test built.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
from starlette.requests import Request

from hundi.app import create_app
from hundi.db import Database
from hundi.services.actor import Actor
from hundi.settings import Settings

ACTOR_HEADER = "X-Test-Actor"


@asynccontextmanager
async def http_client(
    settings: Settings, database: Database, actors: dict[str, Actor], tmp_path: Path
) -> AsyncIterator[httpx.AsyncClient]:
    async def authenticate(request: Request) -> Actor | None:
        return actors.get(request.headers.get(ACTOR_HEADER, ""))

    app = create_app(
        settings,
        database=database,
        authenticate=authenticate,
        frontend_dist=tmp_path / "no-frontend",
    )

    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://127.0.0.1:8000"
    ) as client:
        yield client


async def post_graphql(
    client: httpx.AsyncClient,
    actor_key: str | None,
    query: str,
    variables: dict[str, Any],
) -> dict[str, Any]:
    """POST a JSON GraphQL request; fail the test on any top-level error."""
    headers = {ACTOR_HEADER: actor_key} if actor_key else {}
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers
    )
    return _data(response)


async def post_multipart(
    client: httpx.AsyncClient,
    actor_key: str,
    query: str,
    variables: dict[str, Any],
    files: dict[str, tuple[str, tuple[str, bytes, str]]],
) -> dict[str, Any]:
    """POST a GraphQL multipart request (operations, map, then the files).

    `files` maps a variable path such as "input.file" to (part name,
    (file name, content, content type)); the variable itself is sent as null.
    """
    operations = {"query": query, "variables": variables}
    mapping = {part: [f"variables.{path}"] for path, (part, _) in files.items()}
    response = await client.post(
        "/graphql",
        data={"operations": json.dumps(operations), "map": json.dumps(mapping)},
        files={part: file for part, file in files.values()},
        headers={ACTOR_HEADER: actor_key},
    )
    return _data(response)


def _data(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body["errors"]
    data: dict[str, Any] = body["data"]
    return data
