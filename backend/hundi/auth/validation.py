"""Validation of bearer access tokens, from the built-in or an external issuer.

A token is accepted only when every check passes:

- its algorithm is on the allow-list (RS256, ES256), so `alg: none` and an
  HMAC token "signed" with a public key are rejected before any key is used;
- its issuer is the built-in one or the configured external issuer;
- its `kid` is in that issuer's key set (an unknown kid refreshes the set at
  most once per interval) and the signature verifies;
- `iss` and `aud` match, `exp` is present and in the future, `nbf` and `iat`
  are not in the future, all within a small leeway;
- it is an access token: an ID token is refused.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet
from joserfc.jwt import JWTClaimsRegistry

from hundi.auth.keys import SigningKeys
from hundi.auth.tokens import ACCESS_TOKEN_TYPE

logger = logging.getLogger(__name__)

ALLOWED_ALGORITHMS = frozenset({"RS256", "ES256"})


class InvalidToken(Exception):
    """A bearer token that must not be accepted; the reason is safe to show."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class VerifiedToken:
    claims: dict[str, Any]
    external: bool


def _unverified_parts(token: str) -> tuple[dict[str, Any], dict[str, Any]]:
    try:
        header_part, payload_part, _signature = token.split(".")
        header = json.loads(_b64decode(header_part))
        claims = json.loads(_b64decode(payload_part))
    except (ValueError, UnicodeDecodeError):
        raise InvalidToken("the access token is not a well-formed JWT") from None
    if not isinstance(header, dict) or not isinstance(claims, dict):
        raise InvalidToken("the access token is not a well-formed JWT")
    return header, claims


def _b64decode(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


class ExternalIssuer:
    """An external OpenID Connect provider, found through discovery."""

    def __init__(
        self,
        issuer: str,
        *,
        refresh_interval: float,
        http: httpx.AsyncClient | None = None,
    ) -> None:
        self.issuer = issuer.rstrip("/")
        self.refresh_interval = refresh_interval
        self._http = http
        self._metadata: dict[str, Any] | None = None
        self._keys: KeySet | None = None
        self._fetched_at = -float("inf")
        self._lock = asyncio.Lock()

    async def metadata(self) -> dict[str, Any]:
        if self._metadata is None:
            url = f"{self.issuer}/.well-known/openid-configuration"
            document = await self._get_json(url)
            if str(document.get("issuer", "")).rstrip("/") != self.issuer:
                raise InvalidToken(
                    "the external provider's discovery names another issuer"
                )
            self._metadata = document
        return self._metadata

    async def keys(self, kid: str | None) -> KeySet:
        """The provider's key set; fetched again for an unknown kid, rate-limited."""
        async with self._lock:
            known = self._keys is not None and _has_kid(self._keys, kid)
            due = time.monotonic() - self._fetched_at >= self.refresh_interval
            if not known and (self._keys is None or due):
                metadata = await self.metadata()
                document = await self._get_json(str(metadata["jwks_uri"]))
                self._keys = KeySet.import_key_set(document)  # type: ignore[arg-type]
                self._fetched_at = time.monotonic()
                logger.info("fetched the key set of %s", self.issuer)
            assert self._keys is not None
            return self._keys

    async def _get_json(self, url: str) -> dict[str, Any]:
        try:
            if self._http is not None:
                response = await self._http.get(url)
            else:
                async with httpx.AsyncClient(timeout=5.0) as client:
                    response = await client.get(url)
            response.raise_for_status()
            document = response.json()
        except (httpx.HTTPError, ValueError) as error:
            logger.warning("cannot read %s: %s", url, error)
            raise InvalidToken(
                "the external identity provider cannot be reached"
            ) from None
        if not isinstance(document, dict):
            raise InvalidToken(
                "the external identity provider answered with no JSON object"
            )
        return document


def _has_kid(keys: KeySet, kid: str | None) -> bool:
    return any(key.kid == kid for key in keys)


class TokenValidator:
    """Validate access tokens for this API."""

    def __init__(
        self,
        *,
        issuer: str,
        audience: str,
        keys: Callable[[], SigningKeys],
        reload_keys: Callable[[], SigningKeys],
        leeway: int,
        external: ExternalIssuer | None = None,
        external_audience: str | None = None,
    ) -> None:
        self.issuer = issuer
        self.audience = audience
        self._keys = keys
        self._reload_keys = reload_keys
        self.leeway = leeway
        self.external = external
        self.external_audience = external_audience or audience

    async def validate(self, token: str) -> VerifiedToken:
        header, unverified = _unverified_parts(token)
        algorithm = header.get("alg")
        if algorithm not in ALLOWED_ALGORITHMS:
            raise InvalidToken(
                f"the access token uses algorithm {algorithm!r}, which is not allowed"
            )
        issuer = unverified.get("iss")
        if issuer == self.issuer:
            key_set = self._local_keys(header.get("kid"))
            claims = self._verify(token, key_set, algorithm, self.issuer, self.audience)
            if header.get("typ") != ACCESS_TOKEN_TYPE:
                raise InvalidToken(
                    "this is not an access token (an ID token cannot call the API)"
                )
            return VerifiedToken(claims, external=False)
        if (
            self.external is not None
            and isinstance(issuer, str)
            and issuer.rstrip("/") == self.external.issuer
        ):
            key_set = await self.external.keys(header.get("kid"))
            if not _has_kid(key_set, header.get("kid")):
                raise InvalidToken("the access token is signed with an unknown key")
            claims = self._verify(
                token, key_set, algorithm, str(issuer), self.external_audience
            )
            _refuse_external_id_token(header, claims)
            return VerifiedToken(claims, external=True)
        raise InvalidToken(
            f"the access token comes from an unknown issuer; this server's issuer "
            f"is {self.issuer} (PUBLIC_BASE_URL)"
        )

    def _local_keys(self, kid: object) -> KeySet:
        keys = self._keys()
        if not isinstance(kid, str) or not keys.has_kid(kid):
            keys = self._reload_keys()
            if not isinstance(kid, str) or not keys.has_kid(kid):
                raise InvalidToken("the access token is signed with an unknown key")
        return keys.public_key_set()

    def _verify(
        self, token: str, key_set: KeySet, algorithm: str, issuer: str, audience: str
    ) -> dict[str, Any]:
        try:
            verified = jwt.decode(token, key_set, algorithms=[algorithm])
        except JoseError:
            raise InvalidToken("the access token's signature does not verify") from None
        registry = JWTClaimsRegistry(
            leeway=self.leeway,
            iss={"essential": True, "value": issuer},
            aud={"essential": True, "value": audience},
            exp={"essential": True},
            sub={"essential": True},
        )
        try:
            registry.validate(verified.claims)
        except JoseError as error:
            raise InvalidToken(_claim_reason(error)) from None
        return verified.claims


def _claim_reason(error: JoseError) -> str:
    text = str(error.description or error.error or error)
    if ("exp" in text and "expired" in text.lower()) or error.error == "expired_token":
        return "the access token has expired"
    return f"the access token's claims are not valid: {text}"


def _refuse_external_id_token(header: dict[str, Any], claims: dict[str, Any]) -> None:
    # Providers mark ID tokens differently: Keycloak with `typ: ID`, others
    # only by the claims an ID token alone carries.
    if header.get("typ") == ACCESS_TOKEN_TYPE:
        return
    if (
        str(claims.get("typ", "")).upper() == "ID"
        or "nonce" in claims
        or "at_hash" in claims
    ):
        raise InvalidToken(
            "this is not an access token (an ID token cannot call the API)"
        )
