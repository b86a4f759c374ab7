"""The per-request context: actor, database reads and data loaders."""

from __future__ import annotations

import asyncio
from functools import cached_property
from typing import TYPE_CHECKING, Any

from sqlalchemy import Executable
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.db import Database
from hundi.services.actor import Actor
from hundi.settings import Settings

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

    from hundi.api.loaders import Loaders


class Reader:
    """Reads through one session per request, one statement at a time.

    Strawberry resolves sibling fields concurrently, and an `AsyncSession`
    must not run two statements at once, so reads take turns on a lock.
    """

    def __init__(self, database: Database) -> None:
        self._database = database
        self._session: AsyncSession | None = None
        self._lock = asyncio.Lock()
        self.statements = 0

    async def scalars(self, statement: Executable) -> list[Any]:
        async with self._lock:
            result = await self._get_session().scalars(statement)
            return list(result.all())

    async def scalar(self, statement: Executable) -> Any:
        async with self._lock:
            return await self._get_session().scalar(statement)

    async def rows(self, statement: Executable) -> list[Any]:
        async with self._lock:
            result = await self._get_session().execute(statement)
            return list(result.all())

    def _get_session(self) -> AsyncSession:
        if self._session is None:
            self._session = self._database.session()
        return self._session

    async def refresh(self) -> None:
        """End the read transaction so the next read sees newly committed rows."""
        async with self._lock:
            if self._session is not None:
                await self._session.close()
                self._session = None

    async def close(self) -> None:
        await self.refresh()


class Context:
    """What every resolver can reach through `info.context`."""

    def __init__(
        self,
        *,
        database: Database,
        settings: Settings,
        actor: Actor | None,
        request: Request | None = None,
        response: Response | None = None,
        auth_error: str | None = None,
    ) -> None:
        self.database = database
        self.settings = settings
        self.actor = actor
        # Why the request's credentials were rejected, for UNAUTHENTICATED.
        self.auth_error = auth_error
        self.request = request
        self.response = response
        self.reader = Reader(database)

    @cached_property
    def loaders(self) -> Loaders:
        from hundi.api.loaders import Loaders

        return Loaders(self.reader, self.actor)

    def require_actor(self) -> Actor:
        from hundi.api.errors import Unauthenticated

        if self.actor is None:
            raise (
                Unauthenticated(self.auth_error)
                if self.auth_error
                else Unauthenticated()
            )
        return self.actor

    async def after_write(self) -> None:
        """Forget cached reads after a mutation committed."""
        await self.reader.refresh()
        self.__dict__.pop("loaders", None)

    async def close(self) -> None:
        await self.reader.close()
