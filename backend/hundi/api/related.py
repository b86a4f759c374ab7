"""Relations read through the per-request data loaders, awaiting only when needed.

An `async` resolver costs several times a plain attribute in graphql-core,
and a list of 50 rows with three relations resolves 150 of them. So relation
resolvers are plain functions: they return the row itself when its loader
has already loaded it, and the pending load otherwise. A list query fills
the loaders for the relations its selection includes, in one statement per
relation through the same scoped loaders, before the rows are resolved.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from strawberry.dataloader import DataLoader
from strawberry.types import Info
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField

if TYPE_CHECKING:
    from hundi.api.context import Context
    from hundi.api.loaders import Loaders

RowT = TypeVar("RowT")

# One relation of a list's rows: its loader and the rows' key column.
Relation = tuple[Callable[["Loaders"], DataLoader[uuid.UUID, Any]], str]


def related(loader: DataLoader[uuid.UUID, RowT], key: uuid.UUID | None) -> Any:
    """Return the row already loaded for `key`, or the pending load of it."""
    if key is None:
        return None
    future = loader.cache_map.get(key)
    if (
        future is not None
        and future.done()
        and not future.cancelled()
        and future.exception() is None
    ):
        return future.result()
    return loader.load(key)


def _fields(selections: Iterable[Any]) -> list[SelectedField]:
    """Flatten fragments into the fields they select."""
    found: list[SelectedField] = []
    for selection in selections:
        if isinstance(selection, SelectedField):
            found.append(selection)
        elif isinstance(selection, FragmentSpread | InlineFragment):
            found.extend(_fields(selection.selections))
    return found


def selected_node_fields(info: Info) -> set[str]:
    """Name the fields selected on the nodes of a connection field."""
    names: set[str] = set()
    for connection in _fields(info.selected_fields):
        for part in _fields(connection.selections):
            if part.name == "nodes":
                names.update(field.name for field in _fields(part.selections))
            elif part.name == "edges":
                for edge_part in _fields(part.selections):
                    if edge_part.name == "node":
                        names.update(f.name for f in _fields(edge_part.selections))
    return names


async def prefetch(
    info: Info, rows: Sequence[Any], relations: Mapping[str, Relation]
) -> None:
    """Load, through their loaders, the relations of `rows` the query selects."""
    if not rows:
        return
    selected = selected_node_fields(info)
    context: Context = info.context
    loads: list[Awaitable[Any]] = []
    for name, (loader_of, column) in relations.items():
        if name not in selected:
            continue
        keys = {getattr(row, column) for row in rows} - {None}
        loads.append(loader_of(context.loaders).load_many(keys))
    if loads:
        await asyncio.gather(*loads)
