"""The three error channels of the API.

- Expected failures of a mutation (an invalid GSTIN, an expired offer) are
  data: `errors` in the mutation's payload, each with a field path, a code
  and a message. See `hundi.api.mutations`.
- Authentication and authorization failures, and malformed requests, are
  top-level GraphQL errors whose `extensions.code` names what was wrong:
  `UNAUTHENTICATED`, `FORBIDDEN`, `BAD_USER_INPUT`.
- Anything else is a bug: logged once with the request id and returned as
  "Unexpected error." with code `INTERNAL_SERVER_ERROR`, never with a stack
  trace or SQL.
"""

from __future__ import annotations

import logging

from graphql import GraphQLError

logger = logging.getLogger(__name__)

UNEXPECTED_MESSAGE = "Unexpected error."


class ApiError(Exception):
    """An error the client caused or may see; its message is safe to show."""

    code = "BAD_USER_INPUT"

    def __init__(self, message: str, **extensions: object) -> None:
        super().__init__(message)
        self.message = message
        self.extensions = {"code": self.code, **extensions}


class BadUserInput(ApiError):
    code = "BAD_USER_INPUT"


class Unauthenticated(ApiError):
    code = "UNAUTHENTICATED"

    def __init__(self, message: str = "Sign in to use this API.") -> None:
        super().__init__(message)


class Forbidden(ApiError):
    code = "FORBIDDEN"


def normalize_error(error: GraphQLError) -> GraphQLError:
    """Give a client error its code; mask and log everything else once."""
    original = error.original_error
    if isinstance(original, ApiError):
        return GraphQLError(
            original.message,
            nodes=error.nodes,
            path=error.path,
            extensions=original.extensions,
        )
    if original is None or not error.path:
        # Parse, validation and variable coercion errors: the client's fault.
        extensions = dict(error.extensions or {})
        extensions.setdefault("code", "BAD_USER_INPUT")
        return GraphQLError(
            error.message,
            nodes=error.nodes,
            positions=error.positions,
            source=error.source,
            path=error.path,
            extensions=extensions,
        )
    logger.error(
        "unexpected error in GraphQL field %s",
        ".".join(str(part) for part in error.path or ()),
        exc_info=original,
    )
    return GraphQLError(
        UNEXPECTED_MESSAGE,
        nodes=error.nodes,
        path=error.path,
        extensions={"code": "INTERNAL_SERVER_ERROR"},
    )
