"""Sign-in for the web app, done by the backend (the "backend for frontend").

    /auth/login?return_to=/path   start the authorization code flow with PKCE
    /auth/callback                exchange the code, open the session
    /auth/session                 whether the browser is signed in, and the CSRF token
    /auth/logout (POST)           end the session and revoke its tokens

The flow's state, PKCE verifier and nonce travel in a short-lived cookie
signed with SECRET_KEY. With an external provider configured (OIDC_ISSUER
and OIDC_CLIENT_ID), the web app signs in there instead.
"""

from __future__ import annotations

import json
import logging
import secrets
import uuid
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

from authlib.oauth2.rfc7636 import create_s256_code_challenge
from itsdangerous import BadSignature, URLSafeTimedSerializer
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwt import JWTClaimsRegistry
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from hundi.auth.actors import mapped_roles
from hundi.auth.keys import ALGORITHM
from hundi.auth.server import RequestSnapshot, run_in_thread
from hundi.auth.service import TEMPLATES, AuthService
from hundi.auth.sessions import (
    CSRF_COOKIE,
    CSRF_HEADER,
    SESSION_COOKIE,
    clear_session_cookies,
    create_session,
    csrf_matches,
    end_session,
    session_actor,
    set_session_cookies,
)
from hundi.auth.tokens import USER_SCOPES, WEB_CLIENT_ID
from hundi.auth.validation import InvalidToken
from hundi.db import Database

logger = logging.getLogger(__name__)

FLOW_COOKIE = "hundi_sign_in_flow"
FLOW_SECONDS = 600


def _serializer(service: AuthService) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(
        service.settings.secret_key, salt="hundi-sign-in-flow"
    )


def safe_return_path(value: str | None) -> str:
    """Only a path on this site: never another origin (open redirects)."""
    if (
        not value
        or not value.startswith("/")
        or value.startswith("//")
        or "\\" in value
    ):
        return "/"
    return value


def _uses_external(service: AuthService) -> bool:
    return bool(service.settings.oidc_issuer and service.settings.oidc_client_id)


async def login(request: Request) -> Response:
    service: AuthService = request.app.state.auth
    flow = {
        "state": secrets.token_urlsafe(24),
        "verifier": secrets.token_urlsafe(48),
        "nonce": secrets.token_urlsafe(24),
        "return_to": safe_return_path(request.query_params.get("return_to")),
    }
    if _uses_external(service):
        assert service.external is not None
        metadata = await service.external.metadata()
        endpoint = str(metadata["authorization_endpoint"])
        client_id = str(service.settings.oidc_client_id)
        scope = "openid profile email"
    else:
        endpoint = f"{service.settings.issuer}/oauth/authorize"
        client_id = WEB_CLIENT_ID
        scope = USER_SCOPES
    query = urlencode(
        {
            "response_type": "code",
            "client_id": client_id,
            "redirect_uri": f"{service.settings.issuer}/auth/callback",
            "scope": scope,
            "state": flow["state"],
            "nonce": flow["nonce"],
            "code_challenge": create_s256_code_challenge(flow["verifier"]),
            "code_challenge_method": "S256",
        }
    )
    response = RedirectResponse(f"{endpoint}?{query}", status_code=302)
    response.set_cookie(
        FLOW_COOKIE,
        _serializer(service).dumps(flow),
        max_age=FLOW_SECONDS,
        httponly=True,
        secure=service.settings.secure_cookies,
        samesite="lax",
        path="/auth",
    )
    return response


def _failed(request: Request, message: str, status: int = 400) -> Response:
    return TEMPLATES.TemplateResponse(
        request, "error.html", {"message": message}, status_code=status
    )


async def callback(request: Request) -> Response:
    service: AuthService = request.app.state.auth
    try:
        flow: dict[str, str] = _serializer(service).loads(
            request.cookies.get(FLOW_COOKIE, ""), max_age=FLOW_SECONDS
        )
    except BadSignature:
        return _failed(
            request,
            "The sign-in took too long or was started elsewhere. Please sign in again.",
        )
    if request.query_params.get("error"):
        reason = (
            request.query_params.get("error_description")
            or request.query_params["error"]
        )
        return _failed(request, f"Sign-in was not completed: {reason}")
    if request.query_params.get("state") != flow["state"]:
        return _failed(
            request,
            "The sign-in response does not match this browser. Please sign in again.",
        )
    code = request.query_params.get("code", "")

    try:
        if _uses_external(service):
            user_id, family_id, issuer = await _exchange_external(
                service, request, code, flow
            )
        else:
            user_id, family_id, issuer = await _exchange_builtin(service, code, flow)
    except InvalidToken as error:
        logger.info("web sign-in failed: %s", error.reason)
        return _failed(request, f"Sign-in failed: {error.reason}.")

    database: Database = request.app.state.database
    session_token, csrf_token = await create_session(
        database,
        user_id=user_id,
        family_id=family_id,
        issuer=issuer,
        lifetime=timedelta(hours=service.settings.session_hours),
    )
    response = RedirectResponse(flow["return_to"], status_code=302)
    set_session_cookies(response, session_token, csrf_token, service.settings)
    response.delete_cookie(FLOW_COOKIE, path="/auth")
    return response


async def _exchange_builtin(
    service: AuthService, code: str, flow: dict[str, str]
) -> tuple[uuid.UUID, uuid.UUID | None, str]:
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": f"{service.settings.issuer}/auth/callback",
        "client_id": WEB_CLIENT_ID,
        "code_verifier": flow["verifier"],
    }
    snapshot = RequestSnapshot(
        method="POST",
        uri=f"{service.settings.issuer}/oauth/token",
        headers=Headers({"content-type": "application/x-www-form-urlencoded"}),
        args={},
        form=form,
        form_lists={key: [value] for key, value in form.items()},
    )
    response = await run_in_thread(service.server.create_token_response, snapshot)
    body: dict[str, Any] = json.loads(bytes(response.body))
    if response.status_code != 200:
        raise InvalidToken(str(body.get("error_description") or body.get("error")))
    claims = _check_id_token(
        body.get("id_token", ""),
        service.keys().public_key_set(),
        issuer=service.settings.issuer,
        audience=WEB_CLIENT_ID,
        nonce=flow["nonce"],
        leeway=service.settings.token_leeway_seconds,
    )
    family_id = await service.store.family_of(body["refresh_token"])
    return uuid.UUID(hex=str(claims["sub"])), family_id, service.settings.issuer


async def _exchange_external(
    service: AuthService, request: Request, code: str, flow: dict[str, str]
) -> tuple[uuid.UUID, None, str]:
    # Imported here: authlib's httpx client is needed only for an external
    # provider, and importing it warns that authlib prefers httpx2.
    from authlib.integrations.httpx_client import AsyncOAuth2Client

    assert service.external is not None
    settings = service.settings
    metadata = await service.external.metadata()
    async with AsyncOAuth2Client(
        client_id=settings.oidc_client_id,
        client_secret=settings.oidc_client_secret,
        token_endpoint_auth_method="client_secret_post"
        if settings.oidc_client_secret
        else "none",
        code_challenge_method="S256",
        timeout=10.0,
    ) as client:
        try:
            token = await client.fetch_token(
                str(metadata["token_endpoint"]),
                code=code,
                code_verifier=flow["verifier"],
                redirect_uri=f"{settings.issuer}/auth/callback",
            )
        except Exception as error:
            logger.warning("external token exchange failed: %s", type(error).__name__)
            raise InvalidToken("the identity provider did not issue tokens") from None
    id_token = str(token.get("id_token", ""))
    keys = await service.external.keys(_kid_of(id_token))
    claims = _check_id_token(
        id_token,
        keys,
        issuer=service.external.issuer,
        audience=str(settings.oidc_client_id),
        nonce=flow["nonce"],
        leeway=settings.token_leeway_seconds,
    )
    user = await service.store.user_by_email(str(claims.get("email", "")))
    if (
        user is None
        or not user[0].is_active
        or user[0].role not in mapped_roles(claims, settings)
    ):
        raise InvalidToken("no active Hundi account matches this identity")
    return user[0].id, None, service.external.issuer


def _kid_of(token: str) -> str | None:
    import base64

    try:
        header = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))
    except (ValueError, IndexError):
        return None
    kid = header.get("kid")
    return str(kid) if kid else None


def _check_id_token(
    token: str, keys: Any, *, issuer: str, audience: str, nonce: str, leeway: int
) -> dict[str, Any]:
    try:
        verified = jwt.decode(token, keys, algorithms=[ALGORITHM, "ES256"])
        JWTClaimsRegistry(
            leeway=leeway,
            iss={"essential": True, "value": issuer},
            aud={"essential": True, "value": audience},
            exp={"essential": True},
            sub={"essential": True},
            nonce={"essential": True, "value": nonce},
        ).validate(verified.claims)
    except (JoseError, ValueError):
        raise InvalidToken("the ID token is not valid") from None
    return verified.claims


async def session_status(request: Request) -> Response:
    """Return whether this browser is signed in; the web app calls it on start."""
    database: Database = request.app.state.database
    token = request.cookies.get(SESSION_COOKIE)
    found = await session_actor(database, token) if token else None
    if found is None:
        return JSONResponse(
            {"authenticated": False}, headers={"Cache-Control": "no-store"}
        )
    actor, _csrf_hash = found
    return JSONResponse(
        {
            "authenticated": True,
            "role": actor.role.value,
            "csrfToken": request.cookies.get(CSRF_COOKIE),
        },
        headers={"Cache-Control": "no-store"},
    )


async def logout(request: Request) -> Response:
    service: AuthService = request.app.state.auth
    database: Database = request.app.state.database
    token = request.cookies.get(SESSION_COOKIE)
    found = await session_actor(database, token) if token else None
    if found is not None and not csrf_matches(
        request.headers.get(CSRF_HEADER), found[1]
    ):
        return JSONResponse(
            {"error": "send the X-CSRF-Token header to sign out"}, status_code=403
        )
    if token:
        await end_session(database, token)
        if found is not None:
            logger.info("user %s signed out", found[0].user_id)
    response = Response(status_code=204)
    clear_session_cookies(response, service.settings)
    return response
