"""The Starlette application: GraphQL, health checks and the web app."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Scope
from strawberry.asgi import GraphQL

from hundi.api.context import Context
from hundi.api.documents_route import invoice_document, kyc_document
from hundi.api.loan_export_route import loans_csv
from hundi.api.request_checks import rejected_request
from hundi.api.schema import schema
from hundi.auth.authenticate import Authenticator
from hundi.auth.routes import auth_routes
from hundi.auth.service import AuthService
from hundi.db import Database
from hundi.middleware import RequestIdMiddleware
from hundi.paths import FRONTEND_DIST
from hundi.services.actor import Actor
from hundi.settings import Settings, get_settings

logger = logging.getLogger(__name__)

Authenticate = Callable[[Request], Awaitable[Actor | None]]


class HundiGraphQL(GraphQL[Context, None]):
    """Strawberry's ASGI view with Hundi's context, closed after each request."""

    def __init__(
        self, *, settings: Settings, authenticate: Authenticate, **options: Any
    ) -> None:
        super().__init__(schema, **options)
        self.settings = settings
        self.authenticate = authenticate

    async def get_context(self, request: Any, response: Any) -> Context:
        actor = await self.authenticate(request)
        context = Context(
            database=request.app.state.database,
            settings=self.settings,
            actor=actor,
            request=request,
            response=response,
            auth_error=getattr(request.state, "auth_error", None),
        )
        request.state.graphql_context = context
        return context

    async def run(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        rejected = await rejected_request(request, self.settings)
        if rejected is not None:
            return rejected
        try:
            return await super().run(request, *args, **kwargs)
        finally:
            context = getattr(request.state, "graphql_context", None)
            if context is not None:
                await context.close()


async def healthz(_request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> Response:
    database: Database = request.app.state.database
    try:
        await database.ping()
    except Exception as error:
        logger.warning("readiness check failed: %s", type(error).__name__)
        return JSONResponse(
            {"status": "unavailable", "database": "not answering"}, status_code=503
        )
    return JSONResponse({"status": "ok", "database": database.dialect})


class SinglePageApp(StaticFiles):
    """Serve the built web app; unknown paths without a file extension get
    `index.html`, so the app's own routes survive a reload."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        try:
            return await super().get_response(path, scope)
        except HTTPException as error:
            if error.status_code != 404 or "." in Path(path).name:
                raise
            return FileResponse(Path(str(self.directory)) / "index.html")


def create_app(
    settings: Settings | None = None,
    *,
    database: Database | None = None,
    authenticate: Authenticate | None = None,
    frontend_dist: Path = FRONTEND_DIST,
) -> Starlette:
    """Build the application.

    `database` lets tests share one engine; `authenticate` replaces the
    bearer-token and session sign-in for tests that build actors directly.
    """
    settings = settings or get_settings()
    owns_database = database is None
    auth = AuthService(settings, database)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        app.state.database = database or Database.from_url(
            settings.database_url, echo=settings.sql_echo
        )
        auth.bind(app.state.database)
        logger.info("Hundi started; database %s", app.state.database.dialect)
        try:
            yield
        finally:
            if owns_database:
                await app.state.database.dispose()
            logger.info("Hundi stopped")

    authenticate = authenticate or Authenticator(auth)
    graphql = HundiGraphQL(
        settings=settings,
        authenticate=authenticate,
        graphql_ide="graphiql" if settings.graphiql_enabled else None,
        multipart_uploads_enabled=True,
    )
    routes: list[Any] = [
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", readyz, methods=["GET"]),
        Route("/graphql", graphql, methods=["GET", "POST"]),
        Route("/documents/kyc/{document_id}", kyc_document, methods=["GET"]),
        Route("/documents/invoices/{document_id}", invoice_document, methods=["GET"]),
        Route("/exports/loans.csv", loans_csv, methods=["GET"]),
        *auth_routes(),
    ]
    if (frontend_dist / "index.html").is_file():
        routes.append(Mount("/", SinglePageApp(directory=frontend_dist, html=True)))

    middleware = [Middleware(RequestIdMiddleware)]
    if settings.cors_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=settings.cors_origins,
                allow_methods=["GET", "POST"],
                allow_headers=["authorization", "content-type", "x-csrf-token"],
                allow_credentials=True,
            )
        )
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.settings = settings
    app.state.auth = auth
    app.state.authenticate = authenticate
    if database is not None:
        app.state.database = database
    return app
