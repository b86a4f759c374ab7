"""Access and ID tokens of the built-in provider, as signed JWTs.

Access tokens follow RFC 9068 (JWT profile for OAuth 2.0 access tokens):
header `typ: at+jwt`, claims `iss`, `sub`, `aud`, `exp`, `iat`, `nbf`, `jti`,
`client_id` and `scope`, plus Hundi's `role`. ID tokens carry `typ: JWT` and
the web client as audience, so the API never mistakes one for the other.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from typing import Any

from joserfc import jwt

from hundi.auth.keys import ALGORITHM, SigningKeys

ACCESS_TOKEN_TYPE = "at+jwt"
WEB_CLIENT_ID = "hundi-web"
USER_SCOPES = "openid profile email hundi"
MACHINE_SCOPE = "portfolio:read"


@dataclass(frozen=True)
class IssuedToken:
    token: str
    expires_in: int
    jti: str


class TokenIssuer:
    """Sign tokens with the current key, for this issuer and audience."""

    def __init__(self, keys: SigningKeys, issuer: str, audience: str) -> None:
        self.keys = keys
        self.issuer = issuer
        self.audience = audience

    def _sign(self, header_type: str, claims: dict[str, Any]) -> str:
        current = self.keys.current
        header = {"alg": ALGORITHM, "kid": current.kid, "typ": header_type}
        return jwt.encode(header, claims, current.key, algorithms=[ALGORITHM])

    def access_token(
        self,
        *,
        subject: str,
        client_id: str,
        scope: str,
        lifetime: int,
        extra: dict[str, Any] | None = None,
    ) -> IssuedToken:
        now = int(time.time())
        jti = uuid.uuid4().hex
        claims = {
            "iss": self.issuer,
            "sub": subject,
            "aud": self.audience,
            "iat": now,
            "nbf": now,
            "exp": now + lifetime,
            "jti": jti,
            "client_id": client_id,
            "scope": scope,
            **(extra or {}),
        }
        return IssuedToken(self._sign(ACCESS_TOKEN_TYPE, claims), lifetime, jti)

    def id_token(
        self,
        *,
        subject: str,
        client_id: str,
        lifetime: int,
        auth_time: int,
        nonce: str | None,
        extra: dict[str, Any] | None = None,
    ) -> str:
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": self.issuer,
            "sub": subject,
            "aud": client_id,
            "iat": now,
            "exp": now + lifetime,
            "auth_time": auth_time,
            **(extra or {}),
        }
        if nonce:
            claims["nonce"] = nonce
        return self._sign("JWT", claims)
