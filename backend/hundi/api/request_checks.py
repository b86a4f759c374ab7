"""Checks of a GraphQL HTTP request before Strawberry reads it.

Strawberry answers most malformed requests with 400, but a JSON body that is
not an object (`"hello"`, `5`, `null`) or is not UTF-8 would reach it as an
unexpected value. These checks answer such requests, and bodies beyond the
size limits, with a clear error instead.
"""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from hundi.settings import Settings

# A GraphQL document with its variables; files travel as multipart instead.
MAX_JSON_BYTES = 1024 * 1024
# KYC sends a handful of documents in one request.
MAX_FILES_PER_REQUEST = 5


def _error(status: int, message: str) -> Response:
    return JSONResponse(
        {
            "data": None,
            "errors": [{"message": message, "extensions": {"code": "BAD_USER_INPUT"}}],
        },
        status_code=status,
    )


def _declared_length(request: Request) -> int | None:
    header = request.headers.get("content-length")
    try:
        return int(header) if header is not None else None
    except ValueError:
        return None


def body_limit(request: Request, settings: Settings) -> int:
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("multipart/"):
        return MAX_FILES_PER_REQUEST * settings.max_document_bytes + MAX_JSON_BYTES
    return MAX_JSON_BYTES


async def rejected_request(request: Request, settings: Settings) -> Response | None:
    """Return an error response for a request Strawberry must not see, or None."""
    if request.method != "POST":
        return None
    limit = body_limit(request, settings)
    length = _declared_length(request)
    if length is not None and length > limit:
        return _error(
            413, f"The request body has {length} bytes; the limit is {limit}."
        )
    if not request.headers.get("content-type", "").startswith("application/json"):
        return None

    body = await request.body()
    if len(body) > limit:
        return _error(
            413, f"The request body has {len(body)} bytes; the limit is {limit}."
        )
    try:
        document = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        return _error(400, "The request body is not UTF-8 text; send JSON in UTF-8.")
    except ValueError:
        return _error(400, "The request body is not valid JSON.")
    if not isinstance(document, dict | list):
        return _error(
            400,
            "The request body must be a JSON object with a `query` (and optional "
            "`variables` and `operationName`).",
        )
    return None
