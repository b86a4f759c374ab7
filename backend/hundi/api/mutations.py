"""The mutation convention every mutation follows.

A mutation takes one `input` object and returns `<Name>Payload`, which holds
the result (null on failure) and `errors`: a list of `<Name>Error`, each with
`field` (the path of the input field at fault, such as
`["input", "gstins", "1"]`, or null when no one field is), a `message` that
names the bad value and what to do, and `code` from `<Name>ErrorCode`, an
enumeration listing only the codes that mutation can return.

Services raise `FieldErrors` for expected failures; `run_mutation` turns them
into that list and lets anything else through as a top-level error.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

import strawberry
from strawberry.types import Info

from hundi.services.errors import FieldError, FieldErrors

if TYPE_CHECKING:
    from hundi.api.context import Context

ResultT = TypeVar("ResultT")


@strawberry.interface(description="An expected failure of a mutation.")
class MutationError:
    field: list[str] | None = strawberry.field(
        description="Path of the input field at fault, such as "
        '["input", "gstins", "1"]; null when the failure is not about one field.'
    )
    message: str = strawberry.field(
        description="What failed, on which value, and what to do about it."
    )


async def run_mutation(
    info: Info,
    action: Callable[[], Awaitable[ResultT]],
) -> tuple[ResultT | None, list[FieldError]]:
    """Run a service call; return its result, or the field errors it raised."""
    context: Context = info.context
    try:
        result = await action()
    except FieldErrors as failure:
        return None, failure.errors
    await context.after_write()
    return result, []


def error_path(field: tuple[str | int, ...] | None) -> list[str] | None:
    if field is None:
        return None
    return ["input", *(str(part) for part in field)]


def to_error_list(
    error_type: type[Any], code_enum: type[Any], errors: list[FieldError]
) -> list[Any]:
    """Build the payload's error objects, keeping only codes the mutation declares."""
    return [
        error_type(
            field=error_path(error.field),
            message=error.message,
            code=code_enum(error.code),
        )
        for error in errors
    ]
