"""Find the actor of an HTTP request: a bearer token, or the web app's session.

API clients send `Authorization: Bearer <access token>`. The web app sends
its session cookie, and on every request that is not a GET or HEAD also the
`X-CSRF-Token` header. A request with neither is anonymous. A request whose
credentials fail gets no actor, and the reason is kept for the error.
"""

from __future__ import annotations

import logging

from starlette.requests import Request

from hundi.auth.actors import actor_for_token
from hundi.auth.service import AuthService
from hundi.auth.sessions import CSRF_HEADER, SESSION_COOKIE, csrf_matches, session_actor
from hundi.auth.validation import InvalidToken
from hundi.db import Database
from hundi.services.actor import Actor

logger = logging.getLogger(__name__)

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class Authenticator:
    def __init__(self, service: AuthService) -> None:
        self.service = service

    async def __call__(self, request: Request) -> Actor | None:
        database: Database = request.app.state.database
        authorization = request.headers.get("authorization")
        if authorization is not None:
            return await self._bearer(request, authorization, database)
        session_token = request.cookies.get(SESSION_COOKIE)
        if session_token:
            return await self._session(request, session_token, database)
        return None

    async def _bearer(
        self, request: Request, header: str, database: Database
    ) -> Actor | None:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            request.state.auth_error = (
                "send the access token as Authorization: Bearer <token>"
            )
            return None
        try:
            verified = await self.service.validator.validate(token.strip())
            async with database.session() as session:
                return await actor_for_token(session, verified, self.service.settings)
        except InvalidToken as error:
            logger.info("rejected an access token: %s", error.reason)
            request.state.auth_error = error.reason[0].upper() + error.reason[1:] + "."
            return None

    async def _session(
        self, request: Request, token: str, database: Database
    ) -> Actor | None:
        found = await session_actor(database, token)
        if found is None:
            request.state.auth_error = "Your session has ended. Sign in again."
            return None
        actor, csrf_hash = found
        if request.method not in SAFE_METHODS and not csrf_matches(
            request.headers.get(CSRF_HEADER), csrf_hash
        ):
            request.state.auth_error = "The X-CSRF-Token header is missing or wrong."
            return None
        return actor
