"""The HTTP application: health checks, request ids, GraphQL over HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from strawberry.extensions.parser_cache import _get_parse_cache
from strawberry.extensions.validation_cache import _get_validate_cache

from hundi.api.schema import MAX_ALIASES, MAX_QUERY_DEPTH
from hundi.app import create_app
from hundi.db import Database
from hundi.settings import Settings


@pytest.fixture
async def client(
    database: Database, settings: Settings, tmp_path: Path
) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(
        settings, database=database, frontend_dist=tmp_path / "no-frontend"
    )
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://testserver"
    ) as client:
        yield client


async def test_healthz_ok(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_reports_database(
    client: httpx.AsyncClient, database: Database
) -> None:
    response = await client.get("/readyz")

    assert response.status_code == 200
    assert response.json()["database"] == database.dialect


async def test_readyz_unavailable_when_database_down(
    settings: Settings, tmp_path: Path
) -> None:
    down = Database.from_url("postgresql+asyncpg://nobody@127.0.0.1:1/none")
    app = create_app(settings, database=down, frontend_dist=tmp_path)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://t"
    ) as client:
        response = await client.get("/readyz")

    assert response.status_code == 503
    assert "SELECT" not in response.text


async def test_request_id_generated(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")

    assert len(response.headers["x-request-id"]) == 32


async def test_request_id_echoed_when_safe(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz", headers={"X-Request-ID": "abc-123-def-456"})

    assert response.headers["x-request-id"] == "abc-123-def-456"


async def test_request_id_replaced_when_unsafe(client: httpx.AsyncClient) -> None:
    response = await client.get(
        "/healthz", headers={"X-Request-ID": "bad id\nwith newline"}
    )

    assert response.headers["x-request-id"] != "bad id\nwith newline"


async def test_graphql_data_query_without_token_unauthenticated(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post(
        "/graphql", json={"query": "{ invoices { totalCount } }"}
    )

    body = response.json()
    assert response.status_code == 200
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert body["data"] is None


async def test_graphql_syntax_error_is_bad_user_input(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post("/graphql", json={"query": "{ invoices { "})

    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_graphiql_served_in_debug(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", headers={"Accept": "text/html"})

    assert response.status_code == 200
    assert "graphiql" in response.text.lower()


async def test_graphiql_absent_outside_debug(
    database: Database, settings: Settings, tmp_path: Path
) -> None:
    production = settings.model_copy(update={"debug": False, "graphiql": None})
    app = create_app(production, database=database, frontend_dist=tmp_path)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://t"
    ) as client:
        response = await client.get("/graphql", headers={"Accept": "text/html"})

    assert "graphiql" not in response.text.lower()


async def test_web_app_served_with_route_fallback(
    database: Database, settings: Settings, tmp_path: Path
) -> None:
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<html>hundi app</html>")
    (dist / "assets" / "app.js").write_text("console.log(1)")
    app = create_app(settings, database=database, frontend_dist=dist)

    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://t"
    ) as client:
        root = await client.get("/")
        route = await client.get("/lender/portfolio")
        asset = await client.get("/assets/app.js")
        missing_asset = await client.get("/assets/missing.js")

    assert "hundi app" in root.text
    assert "hundi app" in route.text
    assert asset.text == "console.log(1)"
    assert missing_asset.status_code == 404


async def test_graphql_nul_character_rejected(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql",
        json={
            "query": "query($q: String!) { __typename }",
            "variables": {"q": "a\u0000b"},
        },
    )

    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "NUL character" in error["message"]


@pytest.mark.parametrize("body", ['"hello"', "null", "5", "true"])
async def test_graphql_body_not_an_object_rejected(
    client: httpx.AsyncClient, body: str
) -> None:
    response = await client.post(
        "/graphql", content=body, headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 400
    assert "JSON object" in response.json()["errors"][0]["message"]


async def test_graphql_body_not_utf8_rejected(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql",
        content=b'{"query": "\xff\xfe"}',
        headers={"Content-Type": "application/json"},
    )

    assert response.status_code == 400
    assert "UTF-8" in response.json()["errors"][0]["message"]


async def test_graphql_body_over_limit_rejected(client: httpx.AsyncClient) -> None:
    padding = "x" * (1024 * 1024)
    response = await client.post(
        "/graphql", json={"query": "{ __typename }", "variables": {"pad": padding}}
    )

    assert response.status_code == 413
    assert "limit" in response.json()["errors"][0]["message"]


async def test_graphql_unpaired_surrogate_rejected(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql",
        content=b'{"query": "query($q: String!) { __typename }", "variables": {"q": "Hi \\ud800 there"}}',
        headers={"Content-Type": "application/json"},
    )

    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "unpaired surrogate" in error["message"]


async def test_repeated_query_parsed_and_validated_once(
    client: httpx.AsyncClient,
) -> None:
    query = "query CacheProbe { invoices(first: 1) { totalCount } }"
    await client.post("/graphql", json={"query": query})
    parses = _get_parse_cache(256).cache_info()
    validations = _get_validate_cache(256).cache_info()

    await client.post("/graphql", json={"query": query})

    assert _get_parse_cache(256).cache_info().hits == parses.hits + 1
    assert _get_parse_cache(256).cache_info().misses == parses.misses
    assert _get_validate_cache(256).cache_info().hits == validations.hits + 1
    assert _get_validate_cache(256).cache_info().misses == validations.misses


async def test_query_too_deep_rejected(client: httpx.AsyncClient) -> None:
    nested = "id"
    for _ in range(MAX_QUERY_DEPTH):
        nested = f"lender {{ {nested} }}"
    query = f'{{ node(id: "x") {{ ... on Loan {{ {nested} }} }} }}'

    response = await client.post("/graphql", json={"query": query})

    errors = response.json()["errors"]
    assert "exceeds maximum operation depth" in errors[0]["message"]
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_too_many_aliases_rejected(client: httpx.AsyncClient) -> None:
    fields = " ".join(f"a{i}: __typename" for i in range(MAX_ALIASES + 1))

    response = await client.post("/graphql", json={"query": f"{{ {fields} }}"})

    errors = response.json()["errors"]
    assert "aliases found" in errors[0]["message"]
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"
