"""Shared machinery of the root list queries: scope, filters, one page."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Select, select
from strawberry.types import Info

from hundi.api.related import Relation, prefetch
from hundi.api.relay import NODE_MODELS, Connection, Ordering, from_global_id, paginate
from hundi.services.actor import Actor

if TYPE_CHECKING:
    from hundi.api.context import Context

Scope = Callable[[Actor], ColumnElement[bool]]


def created_order(model: type[Any]) -> Ordering:
    """Newest first, by creation time then id; each list has an index for it."""
    return Ordering((model.created_at, model.id), descending=True)


async def list_page(
    info: Info,
    model: type[Any],
    scope: Scope,
    *,
    conditions: list[ColumnElement[bool]],
    first: int | None,
    after: str | None,
    ordering: Ordering | None = None,
    relations: Mapping[str, Relation] | None = None,
) -> Connection[Any]:
    """Read one page of `model` in the actor's scope, with the selected relations."""
    context: Context = info.context
    actor = context.require_actor()
    statement: Select[Any] = select(model).where(scope(actor), *conditions)
    page = await paginate(
        context.reader,
        statement,
        ordering or created_order(model),
        first=first,
        after=after,
        max_page_size=context.settings.max_page_size,
    )
    if relations:
        await prefetch(info, [edge.node for edge in page.edges], relations)
    return page


def decode_id(global_id: str, type_name: str) -> uuid.UUID | None:
    """The row id inside a global id of `type_name`; None for any other id."""
    decoded = from_global_id(global_id)
    if decoded is None or decoded[0] != type_name or type_name not in NODE_MODELS:
        return None
    return decoded[1]
