"""The built-in OAuth 2.0 / OpenID Connect provider, on authlib's server.

authlib's authorization server is synchronous, and Hundi's database access is
asynchronous. Each endpoint therefore runs authlib in a worker thread
(`anyio.to_thread`), and authlib's storage callbacks hop back to the event
loop for their queries (`anyio.from_thread.run`). The request is read fully
before the thread starts, so authlib never touches Starlette objects.

Grants:
- authorization code with PKCE (S256 only) for the web app, a public client;
- refresh token, rotated on every use (see `OAuthStore.claim_refresh_token`);
- client credentials for lenders' machine clients (read-only scope).
"""

from __future__ import annotations

import functools
import json
import logging
import secrets
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Coroutine, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import anyio.from_thread
import anyio.to_thread
from authlib.oauth2.rfc6749 import (
    AuthorizationServer,
    ClientMixin,
    InvalidRequestError,
    JsonPayload,
    JsonRequest,
    OAuth2Payload,
    OAuth2Request,
    grants,
)
from authlib.oauth2.rfc7009 import RevocationEndpoint
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core import OpenIDCode, UserInfo
from starlette.datastructures import Headers
from starlette.responses import JSONResponse, RedirectResponse, Response

from hundi.auth.keys import ALGORITHM, SigningKeys
from hundi.auth.store import (
    CodeRecord,
    MachineClientRecord,
    OAuthStore,
    RefreshRecord,
    UserRecord,
    secrets_match,
)
from hundi.auth.tokens import MACHINE_SCOPE, USER_SCOPES, WEB_CLIENT_ID, TokenIssuer
from hundi.settings import Settings

logger = logging.getLogger(__name__)

CODE_LIFETIME = 60
ID_TOKEN_LIFETIME = 600
ResultT = TypeVar("ResultT")


def on_loop(
    function: Callable[..., Coroutine[Any, Any, ResultT]], *args: Any, **kwargs: Any
) -> ResultT:
    """Run an async storage call from authlib's worker thread on the event loop."""
    return anyio.from_thread.run(functools.partial(function, *args, **kwargs))


# --- requests ---------------------------------------------------------------


@dataclass(frozen=True)
class RequestSnapshot:
    """An HTTP request read in full, safe to hand to a worker thread.

    `headers` must look names up without regard to case, because authlib reads
    `Authorization` where Starlette stores `authorization`.
    """

    method: str
    uri: str
    headers: Headers
    args: Mapping[str, str]
    form: Mapping[str, str]
    form_lists: Mapping[str, list[str]] = field(default_factory=dict)
    user: UserRecord | None = None


class SnapshotPayload(OAuth2Payload):
    def __init__(self, snapshot: RequestSnapshot) -> None:
        self._data = {**snapshot.args, **snapshot.form}
        lists: dict[str, list[str]] = defaultdict(list)
        for key, values in snapshot.form_lists.items():
            lists[key].extend(values)
        for key, value in snapshot.args.items():
            lists[key].append(value)
        self._lists = lists

    @property
    def data(self) -> dict[str, str]:
        return self._data

    @property
    def datalist(self) -> defaultdict[str, list[str]]:
        return self._lists  # type: ignore[return-value]


class SnapshotRequest(OAuth2Request):
    def __init__(self, snapshot: RequestSnapshot) -> None:
        super().__init__(
            method=snapshot.method, uri=snapshot.uri, headers=snapshot.headers
        )
        self._snapshot = snapshot
        self.payload = SnapshotPayload(snapshot)

    @property
    def args(self) -> Mapping[str, str]:
        return self._snapshot.args

    @property
    def form(self) -> Mapping[str, str]:
        return self._snapshot.form


class SnapshotJsonPayload(JsonPayload):
    def __init__(self, snapshot: RequestSnapshot) -> None:
        self._snapshot = snapshot

    @property
    def data(self) -> dict[str, Any]:
        return dict(self._snapshot.form)


class SnapshotJsonRequest(JsonRequest):
    def __init__(self, snapshot: RequestSnapshot) -> None:
        super().__init__(snapshot.method, snapshot.uri, snapshot.headers)
        self.payload = SnapshotJsonPayload(snapshot)


# --- clients ----------------------------------------------------------------


def _allowed(requested: str | None, allowed: str) -> str:
    allowed_scopes = allowed.split()
    if not requested:
        return " ".join(allowed_scopes)
    return " ".join(scope for scope in requested.split() if scope in allowed_scopes)


class WebClient(ClientMixin):
    """The web app, a public client using PKCE; its redirect URI is fixed."""

    client_id = WEB_CLIENT_ID

    def __init__(self, issuer: str, extra_redirect_uris: list[str]) -> None:
        self.redirect_uris = [f"{issuer}/auth/callback", *extra_redirect_uris]

    def get_client_id(self) -> str:
        return self.client_id

    def get_default_redirect_uri(self) -> str:
        return self.redirect_uris[0]

    def get_allowed_scope(self, scope: str | None) -> str:
        return _allowed(scope, USER_SCOPES)

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        return redirect_uri in self.redirect_uris

    def check_client_secret(self, client_secret: str) -> bool:
        return False

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return method == "none"

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code"

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type in ("authorization_code", "refresh_token")


class MachineClient(ClientMixin):
    """A lender's system: client credentials only, read-only scope."""

    def __init__(self, record: MachineClientRecord) -> None:
        self.record = record
        self.client_id = record.client_id

    def get_client_id(self) -> str:
        return self.client_id

    def get_default_redirect_uri(self) -> None:
        return None

    def get_allowed_scope(self, scope: str | None) -> str:
        return _allowed(scope, " ".join(self.record.scopes) or MACHINE_SCOPE)

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        return False

    def check_client_secret(self, client_secret: str) -> bool:
        return secrets_match(client_secret, self.record.secret_hash)

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return method in ("client_secret_basic", "client_secret_post")

    def check_response_type(self, response_type: str) -> bool:
        return False

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type == "client_credentials"


# --- stored credentials in the shape authlib expects -------------------------


class AuthorizationCodeItem:
    def __init__(self, record: CodeRecord) -> None:
        self.record = record
        self.user_id = record.user_id
        self.code_challenge = record.code_challenge
        self.code_challenge_method = record.code_challenge_method

    def get_redirect_uri(self) -> str:
        return self.record.redirect_uri

    def get_scope(self) -> str:
        return self.record.scope

    def get_nonce(self) -> str | None:
        return self.record.nonce

    def get_auth_time(self) -> int:
        return int(self.record.auth_time.timestamp())

    def get_acr(self) -> None:
        return None

    def get_amr(self) -> list[str]:
        return ["pwd"]


class RefreshTokenItem:
    def __init__(self, record: RefreshRecord) -> None:
        self.record = record

    def check_client(self, client: ClientMixin) -> bool:
        return bool(client.get_client_id() == self.record.client_id)

    def get_scope(self) -> str:
        return self.record.scope

    def get_expires_in(self) -> int:
        return max(0, int((self.record.expires_at - datetime.now(UTC)).total_seconds()))

    def is_expired(self) -> bool:
        return self.record.expires_at <= datetime.now(UTC)

    def is_revoked(self) -> bool:
        return False


# --- grants -----------------------------------------------------------------


class S256Challenge(CodeChallenge):
    """PKCE, required, with S256 only (never `plain`)."""

    SUPPORTED_CODE_CHALLENGE_METHOD = ["S256"]
    DEFAULT_CODE_CHALLENGE_METHOD = "S256"

    def validate_code_challenge(self, grant: Any, redirect_uri: str) -> None:
        data = grant.request.payload.data
        if not data.get("code_challenge"):
            raise InvalidRequestError(
                "Missing 'code_challenge': PKCE with S256 is required."
            )
        if data.get("code_challenge_method") != "S256":
            raise InvalidRequestError("'code_challenge_method' must be S256.")
        super().validate_code_challenge(grant, redirect_uri)


class CodeGrant(grants.AuthorizationCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["none"]

    def save_authorization_code(self, code: str, request: OAuth2Request) -> None:
        data = request.payload.data
        record = CodeRecord(
            user_id=request.user.id,
            client_id=request.client.get_client_id(),
            redirect_uri=request.payload.redirect_uri,
            scope=request.client.get_allowed_scope(request.payload.scope),
            nonce=data.get("nonce"),
            code_challenge=data["code_challenge"],
            code_challenge_method=data.get("code_challenge_method", "S256"),
            auth_time=datetime.now(UTC),
        )
        on_loop(self.server.store.save_code, code, record, CODE_LIFETIME)

    def query_authorization_code(
        self, code: str, client: ClientMixin
    ) -> AuthorizationCodeItem | None:
        record = on_loop(self.server.store.claim_code, code, client.get_client_id())
        return AuthorizationCodeItem(record) if record is not None else None

    def delete_authorization_code(
        self, authorization_code: AuthorizationCodeItem
    ) -> None:
        # Claiming the code already marked it used.
        return None

    def authenticate_user(
        self, authorization_code: AuthorizationCodeItem
    ) -> UserRecord | None:
        return self.server.active_user(authorization_code.user_id)


class RefreshGrant(grants.RefreshTokenGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["none"]
    INCLUDE_NEW_REFRESH_TOKEN = True

    def authenticate_refresh_token(self, refresh_token: str) -> RefreshTokenItem | None:
        client_id = self.request.client.get_client_id()
        record = on_loop(
            self.server.store.claim_refresh_token, refresh_token, client_id
        )
        return RefreshTokenItem(record) if record is not None else None

    def authenticate_user(self, refresh_token: RefreshTokenItem) -> UserRecord | None:
        return self.server.active_user(refresh_token.record.user_id)

    def revoke_old_credential(self, refresh_token: RefreshTokenItem) -> None:
        # Claiming the token already rotated it.
        return None


class MachineGrant(grants.ClientCredentialsGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post"]


class HundiOpenIDCode(OpenIDCode):
    """ID tokens for the authorization code flow, signed like access tokens."""

    def __init__(self, provider: HundiAuthorizationServer) -> None:
        super().__init__(require_nonce=False)
        self.provider = provider

    def exists_nonce(self, nonce: str, request: OAuth2Request) -> bool:
        return on_loop(self.provider.store.nonce_used, request.payload.client_id, nonce)

    def resolve_client_private_key(self, client: ClientMixin) -> Any:
        return self.provider.keys().current.key

    def get_client_algorithm(self, client: ClientMixin) -> str:
        return ALGORITHM

    def get_encode_header(self, client: ClientMixin) -> dict[str, str]:
        return {"alg": ALGORITHM, "kid": self.provider.keys().current.kid, "typ": "JWT"}

    def get_client_claims(self, client: ClientMixin) -> dict[str, Any]:
        now = int(time.time())
        return {
            "iss": self.provider.settings.issuer,
            "aud": [client.get_client_id()],
            "exp": now + ID_TOKEN_LIFETIME,
        }

    def generate_user_info(self, user: UserRecord, scope: str) -> UserInfo:
        info = UserInfo(sub=user.id.hex, name=user.full_name, role=user.role.value)
        if "email" in scope.split():
            info["email"] = user.email
        return info


class RefreshRevocation(RevocationEndpoint):
    """Revoke a refresh token's family; access tokens simply expire."""

    CLIENT_AUTH_METHODS = ["none", "client_secret_basic", "client_secret_post"]

    def query_token(self, token_string: str, token_type_hint: str | None) -> Any:
        if token_type_hint == "access_token":
            return None
        return _RevocableToken(token_string)

    def revoke_token(self, token: Any, request: OAuth2Request) -> None:
        on_loop(
            self.server.store.revoke_refresh_token,
            token.value,
            request.client.get_client_id(),
        )


@dataclass(frozen=True)
class _RevocableToken:
    value: str

    def check_client(self, client: ClientMixin) -> bool:
        # The store revokes only a token issued to this client.
        return True


# --- the server ---------------------------------------------------------------


class HundiAuthorizationServer(AuthorizationServer):
    def __init__(
        self, settings: Settings, store: OAuthStore, keys: Callable[[], SigningKeys]
    ) -> None:
        super().__init__(scopes_supported=[*USER_SCOPES.split(), MACHINE_SCOPE])
        self.settings = settings
        self.store = store
        self.keys = keys
        self.web_client = WebClient(settings.issuer, settings.oauth_web_redirect_uris)
        self.register_token_generator("default", self._generate_token)
        self.register_grant(
            CodeGrant, [S256Challenge(required=True), HundiOpenIDCode(self)]
        )
        self.register_grant(RefreshGrant)
        self.register_grant(MachineGrant)
        self.register_endpoint(RefreshRevocation)

    def issuer_tokens(self) -> TokenIssuer:
        return TokenIssuer(
            self.keys(), self.settings.issuer, self.settings.oauth_audience
        )

    def active_user(self, user_id: uuid.UUID) -> UserRecord | None:
        user = on_loop(self.store.user_by_id, user_id)
        return user if user is not None and user.is_active else None

    # authlib hooks ------------------------------------------------------------

    def query_client(self, client_id: str) -> ClientMixin | None:
        if client_id == WEB_CLIENT_ID:
            return self.web_client
        record = on_loop(self.store.machine_client, client_id)
        if record is None or not record.is_active:
            return None
        return MachineClient(record)

    def save_token(self, token: dict[str, Any], request: OAuth2Request) -> None:
        refresh = token.get("refresh_token")
        if not refresh:
            return
        previous: RefreshTokenItem | None = request.refresh_token
        code: AuthorizationCodeItem | None = request.authorization_code
        if previous is not None:
            family_id = previous.record.family_id
            auth_time = previous.record.auth_time
            expires_at = previous.record.expires_at
        else:
            family_id = uuid.uuid4()
            auth_time = code.record.auth_time if code is not None else datetime.now(UTC)
            expires_at = datetime.now(UTC) + timedelta(
                days=self.settings.refresh_token_days
            )
        on_loop(
            self.store.save_refresh_token,
            refresh,
            family_id=family_id,
            client_id=request.client.get_client_id(),
            user_id=request.user.id,
            scope=token.get("scope", ""),
            auth_time=auth_time,
            expires_at=expires_at,
        )

    def _generate_token(
        self,
        grant_type: str,
        client: ClientMixin,
        user: UserRecord | None = None,
        scope: str | None = None,
        expires_in: int | None = None,
        include_refresh_token: bool = True,
    ) -> dict[str, Any]:
        scope = client.get_allowed_scope(scope)
        issuer = self.issuer_tokens()
        if user is None:
            issued = issuer.access_token(
                subject=client.get_client_id(),
                client_id=client.get_client_id(),
                scope=scope,
                lifetime=self.settings.machine_token_seconds,
                extra={"role": "LENDER"},
            )
        else:
            issued = issuer.access_token(
                subject=user.id.hex,
                client_id=client.get_client_id(),
                scope=scope,
                lifetime=self.settings.access_token_seconds,
                extra={"role": user.role.value},
            )
        token = {
            "token_type": "Bearer",
            "access_token": issued.token,
            "expires_in": issued.expires_in,
            "scope": scope,
        }
        if include_refresh_token and user is not None:
            token["refresh_token"] = secrets.token_urlsafe(48)
        return token

    def create_oauth2_request(self, request: Any) -> OAuth2Request:
        if isinstance(request, OAuth2Request):
            return request
        oauth_request = SnapshotRequest(request)
        oauth_request.user = request.user
        return oauth_request

    def create_json_request(self, request: Any) -> JsonRequest:
        return SnapshotJsonRequest(request)

    def handle_response(self, status: int, body: Any, headers: Any) -> Response:
        header_map = dict(headers or [])
        if status == 302 and "Location" in header_map:
            return RedirectResponse(header_map["Location"], status_code=302)
        response: Response
        if isinstance(body, dict):
            response = JSONResponse(body, status_code=status)
        else:
            response = Response(body or b"", status_code=status)
        for name, value in header_map.items():
            if name.lower() != "content-type":
                response.headers[name] = value
        return response

    def send_signal(self, name: str, *args: Any, **kwargs: Any) -> None:
        if name == "after_revoke_token":
            logger.info("refresh token revoked")


async def run_in_thread(function: Callable[..., ResultT], *args: Any) -> ResultT:
    return await anyio.to_thread.run_sync(function, *args)


def dump_json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))
