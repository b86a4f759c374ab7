"""Relay global object identification and cursor connections.

A global id is the URL-safe base64 of `TypeName:uuid-hex`. Connections page
by keyset on the list's ordering columns, which every list has an index for;
the cursor carries the ordering values of the last row, so a page costs one
indexed range scan however deep it is.
"""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import strawberry
from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.types import TypeDecorator

from hundi.api.errors import BadUserInput

if TYPE_CHECKING:
    from hundi.api.context import Reader

NodeT = TypeVar("NodeT")

DEFAULT_PAGE_SIZE = 20


def to_global_id(type_name: str, identifier: uuid.UUID) -> str:
    raw = f"{type_name}:{identifier.hex}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def from_global_id(global_id: str) -> tuple[str, uuid.UUID] | None:
    """Decode a global id; None when it is not one of ours."""
    try:
        padded = global_id + "=" * (-len(global_id) % 4)
        type_name, _, hex_id = base64.urlsafe_b64decode(padded).decode().partition(":")
        return type_name, uuid.UUID(hex=hex_id)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None


# Model class -> GraphQL type name, and back, for every type that is a Node.
NODE_TYPE_NAMES: dict[type[Any], str] = {}
NODE_MODELS: dict[str, type[Any]] = {}


def register_node(model: type[Any], type_name: str) -> None:
    NODE_TYPE_NAMES[model] = type_name
    NODE_MODELS[type_name] = model


@strawberry.interface(description="An object with a global id (Relay).")
class Node:
    @strawberry.field(description="The global id of the object.")
    def id(self) -> strawberry.ID:
        # `self` is the model row the resolver returned.
        return strawberry.ID(to_global_id(NODE_TYPE_NAMES[type(self)], self.id))

    @classmethod
    def resolve_type(cls, obj: Any, *_: Any) -> str:
        return NODE_TYPE_NAMES[type(obj)]


@strawberry.type(description="Where a page of a connection sits in the whole list.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="More rows follow this page.")
    has_previous_page: bool = strawberry.field(
        description="Rows come before this page (the request had `after`)."
    )
    start_cursor: str | None = strawberry.field(
        description="Cursor of the first row of this page."
    )
    end_cursor: str | None = strawberry.field(
        description="Cursor of the last row; pass it as `after` for the next page."
    )


@strawberry.type(description="A row of a connection with its cursor.")
class Edge(Generic[NodeT]):
    cursor: str = strawberry.field(description="Opaque position of this row.")
    node: NodeT = strawberry.field(description="The row.")


@strawberry.type(description="A page of a list, with cursors to move through it.")
class Connection(Generic[NodeT]):
    edges: list[Edge[NodeT]] = strawberry.field(description="The rows of this page.")
    page_info: PageInfo = strawberry.field(description="Paging information.")
    count_rows: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="Rows the whole list has, over every page.")
    async def total_count(self) -> int:
        return await self.count_rows()

    @strawberry.field(description="The rows of this page, without cursors.")
    def nodes(self) -> list[NodeT]:
        return [edge.node for edge in self.edges]


@dataclass(frozen=True)
class Ordering:
    """Columns a list is ordered by, all in one direction, ending in a unique one."""

    columns: tuple[InstrumentedAttribute[Any], ...]
    descending: bool = True

    def order_by(self) -> list[Any]:
        return [c.desc() if self.descending else c.asc() for c in self.columns]

    def after(self, values: Sequence[Any]) -> Any:
        """Build the keyset condition for the rows after `values`."""
        conditions = []
        for index, column in enumerate(self.columns):
            equal_prefix = [self.columns[i] == values[i] for i in range(index)]
            beyond = (
                column < values[index] if self.descending else column > values[index]
            )
            conditions.append(and_(*equal_prefix, beyond))
        return or_(*conditions)


def encode_cursor(values: Sequence[Any]) -> str:
    text = json.dumps([_cursor_value(value) for value in values], separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _cursor_value(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, datetime | date | Decimal):
        return str(value) if isinstance(value, Decimal) else value.isoformat()
    return value


def decode_cursor(cursor: str, ordering: Ordering) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        raw = json.loads(base64.urlsafe_b64decode(padded))
        if not isinstance(raw, list) or len(raw) != len(ordering.columns):
            raise ValueError("wrong length")
        return [
            _parse_cursor_value(value, column)
            for value, column in zip(raw, ordering.columns, strict=True)
        ]
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise BadUserInput(f"cursor {cursor!r} is not a cursor of this list") from None


def _parse_cursor_value(value: Any, column: InstrumentedAttribute[Any]) -> Any:
    sql_type = column.type
    if isinstance(sql_type, TypeDecorator):
        sql_type = sql_type.impl_instance
    python_type = sql_type.python_type
    if python_type is uuid.UUID:
        return uuid.UUID(hex=value)
    if python_type is datetime:
        return datetime.fromisoformat(value)
    if python_type is date:
        return date.fromisoformat(value)
    if python_type is Decimal:
        return Decimal(value)
    if not isinstance(value, python_type):
        raise TypeError(f"cursor value {value!r} is not {python_type.__name__}")
    return value


def check_page_size(first: int | None, max_page_size: int) -> int:
    size = DEFAULT_PAGE_SIZE if first is None else first
    if not 0 <= size <= max_page_size:
        raise BadUserInput(
            f"first is {first}; ask for between 0 and {max_page_size} rows a page"
        )
    return size


async def paginate(
    reader: Reader,
    statement: Select[Any],
    ordering: Ordering,
    *,
    first: int | None,
    after: str | None,
    max_page_size: int,
) -> Connection[Any]:
    """Run one page of `statement` (a select of one entity) as a connection.

    `statement` carries the scope and filters; the count reuses them.
    """
    size = check_page_size(first, max_page_size)
    page = statement.order_by(*ordering.order_by()).limit(size + 1)
    if after is not None:
        page = page.where(ordering.after(decode_cursor(after, ordering)))

    rows = await reader.scalars(page) if size else []
    has_next = len(rows) > size
    rows = rows[:size]

    edges = [
        Edge(cursor=encode_cursor(_ordering_values(row, ordering)), node=row)
        for row in rows
    ]

    async def count_rows() -> int:
        counted = select(func.count()).select_from(statement.order_by(None).subquery())
        return int(await reader.scalar(counted) or 0)

    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=has_next,
            has_previous_page=after is not None,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        count_rows=count_rows,
    )


def _ordering_values(row: Any, ordering: Ordering) -> list[Any]:
    return [getattr(row, column.key) for column in ordering.columns]


def empty_connection() -> Connection[Any]:
    async def zero() -> int:
        return 0

    return Connection(
        edges=[],
        page_info=PageInfo(
            has_next_page=False,
            has_previous_page=False,
            start_cursor=None,
            end_cursor=None,
        ),
        count_rows=zero,
    )
