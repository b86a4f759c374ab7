"""Typed settings, read once from the environment and an optional `.env` file.

Outside debug mode `Settings` rejects values that are only safe on a developer's
machine, and the error names the variable to change.
"""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path
from typing import Annotated, Literal, TypeVar
from urllib.parse import urlsplit

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

PLACEHOLDER_SECRET = "change-me-in-production"
SUPPORTED_DRIVERS = ("sqlite+aiosqlite", "postgresql+asyncpg")


class SettingsError(Exception):
    """Raised when the environment holds an invalid or unsafe setting."""


class DatabaseSettings(BaseSettings):
    """The database URL alone, for tools such as migrations that need no more."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        case_sensitive=False,
    )

    database_url: str = Field(
        default="sqlite+aiosqlite:///var/hundi.db",
        description="SQLAlchemy URL of the database: SQLite (aiosqlite) or "
        "PostgreSQL (asyncpg).",
    )

    @field_validator("database_url")
    @classmethod
    def _check_database_url(cls, value: str) -> str:
        try:
            url = make_url(value)
        except ArgumentError as error:
            raise ValueError(
                f"DATABASE_URL {value!r} is not a database URL; expected for "
                "example sqlite+aiosqlite:///var/hundi.db or "
                "postgresql+asyncpg://user@host/db"
            ) from error
        if url.drivername not in SUPPORTED_DRIVERS:
            raise ValueError(
                f"DATABASE_URL uses driver {url.drivername!r}; Hundi supports "
                f"{' and '.join(SUPPORTED_DRIVERS)}"
            )
        return value


class Settings(DatabaseSettings):
    """Every setting of a Hundi process, with its environment variable."""

    host: str = Field(default="127.0.0.1", description="Address to listen on.")
    port: int = Field(default=8000, ge=1, le=65535, description="TCP port.")
    debug: bool = Field(
        default=False,
        description="Development mode: GraphiQL, text logs, relaxed checks.",
    )
    log_format: Literal["text", "json"] | None = Field(
        default=None,
        description="Log line format; text in debug mode, JSON otherwise.",
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    public_base_url: str = Field(
        default="",
        description="The URL users reach Hundi at; the OAuth issuer. Unset, it is "
        "http://127.0.0.1:PORT (or http://HOST:PORT for a named host).",
    )
    secret_key: str = Field(
        default=PLACEHOLDER_SECRET,
        description="Key for signing browser session cookies and CSRF tokens.",
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated origins allowed to call the API.",
    )
    graphiql: bool | None = Field(
        default=None, description="Serve GraphiQL at /graphql; only in debug."
    )
    sql_echo: bool = Field(default=False, description="Log every SQL statement.")
    var_dir: Path = Field(
        default=Path("var"),
        description="Folder for the SQLite file, documents and signing keys.",
    )
    max_page_size: int = Field(default=100, ge=1, le=1000)
    oauth_audience: str = Field(
        default="hundi-api", description="The `aud` of access tokens for this API."
    )
    access_token_seconds: int = Field(
        default=600, ge=60, le=3600, description="Lifetime of a user's access token."
    )
    machine_token_seconds: int = Field(
        default=900,
        ge=60,
        le=3600,
        description="Lifetime of a machine client's access token.",
    )
    refresh_token_days: int = Field(
        default=14, ge=1, le=90, description="Lifetime of a refresh token family."
    )
    session_hours: int = Field(
        default=12, ge=1, le=168, description="Longest life of a web app session."
    )
    token_leeway_seconds: int = Field(
        default=30, ge=0, le=300, description="Clock skew allowed on exp, nbf, iat."
    )
    oauth_signing_keys: str | None = Field(
        default=None,
        description="The signing key set as JSON; by default a file under VAR_DIR.",
    )
    oauth_web_redirect_uris: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated redirect URIs the web client may also use "
        "besides PUBLIC_BASE_URL/auth/callback, such as another Hundi that signs "
        "in here.",
    )
    oidc_issuer: str | None = Field(
        default=None,
        description="Issuer URL of an external OpenID Connect provider whose "
        "access tokens the API also accepts.",
    )
    oidc_audience: str | None = Field(
        default=None, description="The `aud` the external provider's tokens carry."
    )
    oidc_role_claim: str = Field(
        default="roles",
        description="Claim (dot path, such as realm_access.roles) holding the "
        "external provider's roles.",
    )
    oidc_role_map: dict[str, str] = Field(
        default_factory=dict,
        description="JSON map of external role to Hundi role, such as "
        '{"hundi-ops": "OPS"}.',
    )
    oidc_client_id: str | None = Field(
        default=None,
        description="Client id of the web app at the external provider, for "
        "signing in to the web app there.",
    )
    oidc_client_secret: str | None = Field(
        default=None,
        description="Client secret of the web app at the external provider.",
    )
    oidc_jwks_refresh_seconds: int = Field(
        default=60,
        ge=1,
        description="Shortest interval between two fetches of a key set when a "
        "token names an unknown kid.",
    )
    max_document_bytes: int = Field(
        default=10 * 1024 * 1024,
        ge=1024,
        description="Largest accepted upload of one document, in bytes.",
    )
    launch_date: date | None = Field(
        default=None,
        description="The day Hundi launched (YYYY-MM-DD): cumulative success "
        "metrics count from it, and the milestones from its month. Unset, it is "
        "the first day of the month of the first SME registration.",
    )
    einvoice_portal_public_key: str | None = Field(
        default=None,
        description="PEM text of the RSA public key that the e-invoice portal "
        "signs SignedInvoice and SignedQRCode with. Unset, imported e-invoices "
        "are saved as not signature-verified.",
    )

    @field_validator("cors_origins", "oauth_web_redirect_uris", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [item.strip() for item in value.split(",") if item.strip()]
        return value

    @field_validator("einvoice_portal_public_key")
    @classmethod
    def _check_portal_public_key(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        # An environment variable often carries the PEM's line breaks as "\n".
        pem = value.strip().replace("\\n", "\n")
        if not pem.startswith("-----BEGIN PUBLIC KEY-----"):
            raise ValueError(
                "EINVOICE_PORTAL_PUBLIC_KEY is not a PEM public key; set it to the "
                "text from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----"
            )
        return pem

    @model_validator(mode="after")
    def _default_public_base_url(self) -> Settings:
        # Tokens name the issuer, so the default follows the port the server
        # listens on: `hundi token` then matches `hundi serve` on any PORT.
        if not self.public_base_url.strip():
            listening_everywhere = self.host in ("0.0.0.0", "::", "")
            host = "127.0.0.1" if listening_everywhere else self.host
            if ":" in host:
                host = f"[{host}]"
            self.public_base_url = f"http://{host}:{self.port}"
        return self

    def unsafe_settings(self) -> list[str]:
        """Name what is only safe on a developer's machine; empty in debug mode."""
        if self.debug:
            return []
        problems = []
        if self.graphiql:
            problems.append(
                "GRAPHIQL is on outside debug mode; unset GRAPHIQL or set DEBUG=true"
            )
        if self.sql_echo:
            problems.append(
                "SQL_ECHO logs query parameters outside debug mode; unset SQL_ECHO"
            )
        if self.secret_key == PLACEHOLDER_SECRET or len(self.secret_key) < 32:
            problems.append(
                "SECRET_KEY is the placeholder or shorter than 32 characters; "
                "set SECRET_KEY to a long random value (for example the output "
                "of `python -c 'import secrets; print(secrets.token_urlsafe(48))'`)"
            )
        if "*" in self.cors_origins:
            problems.append(
                "CORS_ORIGINS allows every origin ('*'); list the exact origins"
            )
        if not _secure_or_local(self.public_base_url):
            problems.append(
                "PUBLIC_BASE_URL must use https:// outside debug mode (plain http "
                "is allowed only for localhost and 127.0.0.1)"
            )
        return problems

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def graphiql_enabled(self) -> bool:
        return self.debug if self.graphiql is None else self.graphiql

    @property
    def effective_log_format(self) -> str:
        if self.log_format is not None:
            return self.log_format
        return "text" if self.debug else "json"

    @property
    def issuer(self) -> str:
        """The built-in provider's issuer identifier: the public base URL."""
        return self.public_base_url.rstrip("/")

    @property
    def secure_cookies(self) -> bool:
        return self.public_base_url.startswith("https://")

    @property
    def documents_dir(self) -> Path:
        return self.var_dir / "documents"


SettingsT = TypeVar("SettingsT", bound=DatabaseSettings)


def _secure_or_local(url: str) -> bool:
    parsed = urlsplit(url)
    return parsed.scheme == "https" or parsed.hostname in ("localhost", "127.0.0.1")


def load_settings(*, serving: bool = True, **overrides: object) -> Settings:
    """Read the settings, turning every failure into one `SettingsError`.

    With `serving`, values that are unsafe outside debug mode are failures
    too. Operator commands that serve nothing (migrate, token) pass False.
    """
    settings = _load(Settings, overrides)
    problems = settings.unsafe_settings() if serving else []
    if problems:
        raise SettingsError("; ".join(problems))
    return settings


def load_database_url(**overrides: object) -> str:
    """Read `DATABASE_URL` alone, checked like every other setting."""
    return _load(DatabaseSettings, overrides).database_url


def _load(cls: type[SettingsT], overrides: dict[str, object]) -> SettingsT:
    try:
        return cls(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        messages = []
        for item in error.errors():
            where = ".".join(str(part) for part in item["loc"]).upper()
            text = str(item["msg"]).removeprefix("Value error, ")
            named = where and not text.startswith(where)
            messages.append(f"{where}: {text}" if named else text)
        raise SettingsError("; ".join(messages)) from None


@functools.cache
def get_settings(*, serving: bool = True) -> Settings:
    """Return the process-wide settings, read on first use."""
    return load_settings(serving=serving)
