"""Drive the built-in provider as a browser and an OAuth client would."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
from authlib.integrations.httpx_client import AsyncOAuth2Client

from hundi.auth.tokens import USER_SCOPES, WEB_CLIENT_ID

CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')


def web_client(base_url: str) -> AsyncOAuth2Client:
    return AsyncOAuth2Client(
        client_id=WEB_CLIENT_ID,
        token_endpoint_auth_method="none",
        redirect_uri=f"{base_url}/auth/callback",
        scope=USER_SCOPES,
        code_challenge_method="S256",
    )


@dataclass
class SignInResult:
    response: httpx.Response
    callback_url: str | None


async def sign_in_at_provider(
    authorization_url: str, email: str, password: str
) -> SignInResult:
    """Open the sign-in page, submit the credentials, stop at the redirect."""
    async with httpx.AsyncClient(follow_redirects=False) as browser:
        page = await browser.get(authorization_url)
        assert page.status_code == 200, page.text
        match = CSRF_FIELD.search(page.text)
        assert match is not None
        answer = await browser.post(
            authorization_url,
            data={"email": email, "password": password, "csrf_token": match.group(1)},
        )
    location = answer.headers.get("location")
    return SignInResult(answer, location)


async def user_tokens(base_url: str, email: str, password: str) -> dict[str, Any]:
    """Run the whole authorization code flow with PKCE; return the token response."""
    verifier = secrets.token_urlsafe(48)
    async with web_client(base_url) as client:
        url, _state = client.create_authorization_url(
            f"{base_url}/oauth/authorize",
            code_verifier=verifier,
            nonce=secrets.token_urlsafe(8),
        )
        result = await sign_in_at_provider(url, email, password)
        assert result.callback_url is not None, result.response.text
        token: dict[str, Any] = await client.fetch_token(
            f"{base_url}/oauth/token",
            authorization_response=result.callback_url,
            code_verifier=verifier,
        )
        return token


def query_of(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


async def graphql(
    base_url: str, token: str, query: str, variables: dict[str, Any] | None = None
) -> dict[str, Any]:
    async with httpx.AsyncClient() as client:
        response = await client.post(
            f"{base_url}/graphql",
            json={"query": query, "variables": variables or {}},
            headers={"Authorization": f"Bearer {token}"},
        )
    body: dict[str, Any] = response.json()
    return body
