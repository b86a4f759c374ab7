"""The caller's network address, the key of public rate limits."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hundi.api.context import Context

# The throttle key of calls without an HTTP request (tests, scripts).
NO_CLIENT_ADDRESS = "no-client-address"


def client_address(context: Context) -> str:
    request = context.request
    if request is None or request.client is None:
        return NO_CLIENT_ADDRESS
    return request.client.host
