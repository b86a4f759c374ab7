"""The authorization endpoint: a plain server-rendered sign-in page.

GET validates the OAuth request (client, redirect URI, PKCE) and shows the
form; POST checks the e-mail address and password and, when they match,
redirects back to the client with a one-time code.

Sign-in attempts are limited per account and per client address. Every
failure shows the same message, whether or not the account exists, and an
unknown account costs the same password-hashing time as a wrong password.
"""

from __future__ import annotations

import dataclasses
import hmac
import logging
import secrets
from datetime import timedelta

from authlib.oauth2.rfc6749 import OAuth2Error
from starlette.requests import Request
from starlette.responses import Response

from hundi.auth.passwords import verify_password
from hundi.auth.server import RequestSnapshot, SnapshotRequest, run_in_thread
from hundi.auth.service import TEMPLATES, AuthService
from hundi.db import Database
from hundi.services.throttle import Limit, count_attempt, forget_attempts, is_throttled

logger = logging.getLogger(__name__)

ACCOUNT_LIMIT = Limit("sign-in-account", limit=5, window=timedelta(minutes=15))
ADDRESS_LIMIT = Limit("sign-in-address", limit=30, window=timedelta(minutes=15))
FORM_CSRF_COOKIE = "hundi_sign_in_csrf"
WRONG_CREDENTIALS = "The e-mail address or password is incorrect."
TOO_MANY = "Too many sign-in attempts. Wait {minutes} minutes, then try again."


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _page(
    request: Request,
    service: AuthService,
    *,
    error: str | None,
    email: str,
    status: int,
) -> Response:
    token = secrets.token_urlsafe(24)
    response = TEMPLATES.TemplateResponse(
        request,
        "sign_in.html",
        {
            "error": error,
            "email": email,
            "csrf_token": token,
            "action": str(request.url.path) + _query(request),
        },
        status_code=status,
    )
    response.set_cookie(
        FORM_CSRF_COOKIE,
        token,
        httponly=True,
        secure=service.settings.secure_cookies,
        samesite="strict",
        path="/oauth/authorize",
        max_age=3600,
    )
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Frame-Options"] = "DENY"
    return response


def _query(request: Request) -> str:
    return f"?{request.url.query}" if request.url.query else ""


def _error_page(request: Request, message: str, status: int = 400) -> Response:
    return TEMPLATES.TemplateResponse(
        request, "error.html", {"message": message}, status_code=status
    )


async def _validate(
    service: AuthService, snapshot: RequestSnapshot, request: Request
) -> Response | None:
    """Check the OAuth request; return an error response, or None when it is valid."""
    try:
        await run_in_thread(service.server.get_consent_grant, snapshot)
    except OAuth2Error as error:
        if error.redirect_uri:
            oauth_request = SnapshotRequest(snapshot)
            return service.server.handle_error_response(oauth_request, error)
        logger.info("rejected authorization request: %s", error.error)
        return _error_page(
            request,
            error.description or error.error or "The sign-in request is not valid.",
        )
    return None


async def authorize(request: Request) -> Response:
    service: AuthService = request.app.state.auth
    snapshot = await service.snapshot(request, with_form=False)

    failure = await _validate(service, snapshot, request)
    if failure is not None:
        return failure
    if request.method == "GET":
        return _page(request, service, error=None, email="", status=200)
    return await _sign_in(request, service, snapshot)


async def _sign_in(
    request: Request, service: AuthService, snapshot: RequestSnapshot
) -> Response:
    database: Database = request.app.state.database
    form = await request.form()
    email = str(form.get("email", "")).strip().lower()
    password = str(form.get("password", ""))
    address = client_address(request)

    sent = str(form.get("csrf_token", ""))
    expected = request.cookies.get(FORM_CSRF_COOKIE, "")
    if not sent or not hmac.compare_digest(sent, expected):
        return _page(
            request,
            service,
            error="The sign-in form expired. Please sign in again.",
            email=email,
            status=400,
        )

    async with database.transaction() as session:
        throttled = await is_throttled(
            session, ACCOUNT_LIMIT, email
        ) or await is_throttled(session, ADDRESS_LIMIT, address)
    if throttled:
        logger.warning("sign-in throttled for a client address")
        message = TOO_MANY.format(minutes=ACCOUNT_LIMIT.minutes)
        return _page(request, service, error=message, email=email, status=429)

    found = await service.store.user_by_email(email)
    password_hash = found[1] if found else None
    matches = await run_in_thread(verify_password, password_hash, password)
    user = found[0] if found else None
    if not matches or user is None or not user.is_active:
        async with database.transaction() as session:
            await count_attempt(session, ACCOUNT_LIMIT, email)
            await count_attempt(session, ADDRESS_LIMIT, address)
        logger.info("sign-in failed")
        return _page(request, service, error=WRONG_CREDENTIALS, email=email, status=401)

    async with database.transaction() as session:
        await forget_attempts(session, ACCOUNT_LIMIT, email)
    await service.store.record_sign_in(user.id)
    logger.info("user %s signed in", user.id)

    signed_in = dataclasses.replace(snapshot, user=user)
    grant = await run_in_thread(service.server.get_consent_grant, signed_in, user)
    return await run_in_thread(
        service.server.create_authorization_response, signed_in, user, grant
    )
