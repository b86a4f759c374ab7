"""The provider's other endpoints: discovery, keys, token, revocation, user info."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from hundi.auth.keys import ALGORITHM
from hundi.auth.server import run_in_thread
from hundi.auth.service import AuthService
from hundi.auth.tokens import MACHINE_SCOPE, USER_SCOPES
from hundi.auth.validation import InvalidToken


def discovery_document(service: AuthService) -> dict[str, Any]:
    issuer = service.settings.issuer
    return {
        "issuer": issuer,
        "authorization_endpoint": f"{issuer}/oauth/authorize",
        "token_endpoint": f"{issuer}/oauth/token",
        "jwks_uri": f"{issuer}/.well-known/jwks.json",
        "userinfo_endpoint": f"{issuer}/oauth/userinfo",
        "revocation_endpoint": f"{issuer}/oauth/revoke",
        "end_session_endpoint": f"{issuer}/oauth/logout",
        "scopes_supported": [*USER_SCOPES.split(), MACHINE_SCOPE],
        "response_types_supported": ["code"],
        "response_modes_supported": ["query"],
        "grant_types_supported": [
            "authorization_code",
            "refresh_token",
            "client_credentials",
        ],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": [ALGORITHM],
        "token_endpoint_auth_methods_supported": [
            "none",
            "client_secret_basic",
            "client_secret_post",
        ],
        "revocation_endpoint_auth_methods_supported": [
            "none",
            "client_secret_basic",
            "client_secret_post",
        ],
        "code_challenge_methods_supported": ["S256"],
        "claims_supported": [
            "sub",
            "iss",
            "aud",
            "exp",
            "iat",
            "auth_time",
            "name",
            "email",
            "role",
        ],
    }


async def openid_configuration(request: Request) -> Response:
    service: AuthService = request.app.state.auth
    return JSONResponse(
        discovery_document(service), headers={"Cache-Control": "public, max-age=300"}
    )


async def jwks(request: Request) -> Response:
    service: AuthService = request.app.state.auth
    return JSONResponse(
        service.reload_keys().public_jwks(),
        headers={"Cache-Control": "public, max-age=60"},
    )


async def token(request: Request) -> Response:
    service: AuthService = request.app.state.auth
    snapshot = await service.snapshot(request, with_form=True)
    response: Response = await run_in_thread(
        service.server.create_token_response, snapshot
    )
    response.headers["Cache-Control"] = "no-store"
    return response


async def revoke(request: Request) -> Response:
    service: AuthService = request.app.state.auth
    snapshot = await service.snapshot(request, with_form=True)
    response: Response = await run_in_thread(
        service.server.create_endpoint_response, "revocation", snapshot
    )
    return response


async def userinfo(request: Request) -> Response:
    service: AuthService = request.app.state.auth
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not value:
        return _bearer_error(
            "invalid_request", "send the access token as Authorization: Bearer"
        )
    try:
        verified = await service.validator.validate(value)
    except InvalidToken as error:
        return _bearer_error("invalid_token", error.reason)
    user = await service.store.user_by_id(_user_id(verified.claims.get("sub")))
    if verified.external or user is None or not user.is_active:
        return _bearer_error(
            "invalid_token", "the token does not belong to an active user"
        )
    info: dict[str, Any] = {
        "sub": user.id.hex,
        "name": user.full_name,
        "role": user.role.value,
    }
    if "email" in str(verified.claims.get("scope", "")).split():
        info["email"] = user.email
    return JSONResponse(info, headers={"Cache-Control": "no-store"})


def _user_id(subject: object) -> Any:
    import uuid

    try:
        return uuid.UUID(hex=str(subject))
    except ValueError:
        return uuid.UUID(int=0)


def _bearer_error(error: str, description: str) -> Response:
    header = f'Bearer error="{error}", error_description="{description}"'
    return JSONResponse(
        {"error": error, "error_description": description},
        status_code=401,
        headers={"WWW-Authenticate": header},
    )


async def end_session(request: Request) -> Response:
    """Sign out at the provider (OpenID RP-initiated logout).

    The provider keeps no session of its own (every authorization asks for
    the password), so signing out here only redirects back to Hundi; the web
    app's session ends at /auth/logout, which also revokes its tokens.
    """
    service: AuthService = request.app.state.auth
    target = request.query_params.get("post_logout_redirect_uri") or "/"
    allowed = {"/", f"{service.settings.issuer}/"}
    return RedirectResponse(target if target in allowed else "/", status_code=303)
