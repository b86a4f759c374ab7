"""HTTP routes of sign-in: the OAuth provider and the web app's session."""

from __future__ import annotations

from starlette.routing import Route

from hundi.auth import endpoints, signin, web


def auth_routes() -> list[Route]:
    return [
        Route("/.well-known/openid-configuration", endpoints.openid_configuration),
        Route("/.well-known/jwks.json", endpoints.jwks),
        Route("/oauth/authorize", signin.authorize, methods=["GET", "POST"]),
        Route("/oauth/token", endpoints.token, methods=["POST"]),
        Route("/oauth/revoke", endpoints.revoke, methods=["POST"]),
        Route("/oauth/userinfo", endpoints.userinfo, methods=["GET"]),
        Route("/oauth/logout", endpoints.end_session, methods=["GET"]),
        Route("/auth/login", web.login, methods=["GET"]),
        Route("/auth/callback", web.callback, methods=["GET"]),
        Route("/auth/session", web.session_status, methods=["GET"]),
        Route("/auth/logout", web.logout, methods=["POST"]),
    ]
