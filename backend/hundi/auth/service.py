"""Everything sign-in needs, built once per application from the settings."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.templating import Jinja2Templates

from hundi.auth.keys import SigningKeys, load_signing_keys
from hundi.auth.server import HundiAuthorizationServer, RequestSnapshot
from hundi.auth.store import OAuthStore
from hundi.auth.tokens import TokenIssuer
from hundi.auth.validation import ExternalIssuer, TokenValidator
from hundi.db import Database
from hundi.settings import Settings

TEMPLATES = Jinja2Templates(
    directory=str(Path(__file__).resolve().parents[1] / "templates")
)

# Another process may rotate the key file; look at it again at most this often.
KEY_RELOAD_SECONDS = 30.0


class AuthService:
    """Signing keys, token validation and the OAuth provider of one application."""

    def __init__(self, settings: Settings, database: Database | None = None) -> None:
        self.settings = settings
        self._keys = load_signing_keys(settings.var_dir, settings.oauth_signing_keys)
        self.store = OAuthStore(database)  # type: ignore[arg-type]
        self.server = HundiAuthorizationServer(settings, self.store, self.keys)
        self.external = (
            ExternalIssuer(
                settings.oidc_issuer,
                refresh_interval=settings.oidc_jwks_refresh_seconds,
            )
            if settings.oidc_issuer
            else None
        )
        self.validator = TokenValidator(
            issuer=settings.issuer,
            audience=settings.oauth_audience,
            keys=self.keys,
            reload_keys=self.reload_keys,
            leeway=settings.token_leeway_seconds,
            external=self.external,
            external_audience=settings.oidc_audience,
        )

    def bind(self, database: Database) -> None:
        self.store.database = database

    def keys(self) -> SigningKeys:
        return self._keys

    def reload_keys(self) -> SigningKeys:
        self._keys = self._keys.reload_if_stale(KEY_RELOAD_SECONDS)
        return self._keys

    def issuer(self) -> TokenIssuer:
        return TokenIssuer(
            self.keys(), self.settings.issuer, self.settings.oauth_audience
        )

    def public_uri(self, request: Request) -> str:
        """Return the request's URL under the public base URL."""
        query = f"?{request.url.query}" if request.url.query else ""
        return f"{self.settings.issuer}{request.url.path}{query}"

    async def snapshot(self, request: Request, *, with_form: bool) -> RequestSnapshot:
        form: dict[str, str] = {}
        form_lists: dict[str, list[str]] = {}
        if with_form:
            data = await request.form()
            for key, value in data.multi_items():
                if isinstance(value, str):
                    form.setdefault(key, value)
                    form_lists.setdefault(key, []).append(value)
        return RequestSnapshot(
            method=request.method,
            uri=self.public_uri(request),
            headers=request.headers,
            args=dict(request.query_params),
            form=form,
            form_lists=form_lists,
        )
