"""Typed settings, read once from the environment and an optional `.env` file.

Outside debug mode `Settings` rejects values that are only safe on a developer's
machine, and the error names the variable to change.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Annotated, Literal, TypeVar

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
        default="http://127.0.0.1:8000",
        description="The URL users reach Hundi at; the OAuth issuer.",
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
    max_document_bytes: int = Field(
        default=10 * 1024 * 1024,
        ge=1024,
        description="Largest accepted upload of one document, in bytes.",
    )

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [item.strip() for item in value.split(",") if item.strip()]
        return value

    @model_validator(mode="after")
    def _reject_unsafe_outside_debug(self) -> Settings:
        if self.debug:
            return self
        if self.graphiql:
            raise ValueError(
                "GRAPHIQL is on outside debug mode; unset GRAPHIQL or set DEBUG=true"
            )
        if self.sql_echo:
            raise ValueError(
                "SQL_ECHO logs query parameters outside debug mode; unset SQL_ECHO"
            )
        if self.secret_key == PLACEHOLDER_SECRET or len(self.secret_key) < 32:
            raise ValueError(
                "SECRET_KEY is the placeholder or shorter than 32 characters; "
                "set SECRET_KEY to a long random value (for example the output "
                "of `python -c 'import secrets; print(secrets.token_urlsafe(48))'`)"
            )
        if "*" in self.cors_origins:
            raise ValueError(
                "CORS_ORIGINS allows every origin ('*'); list the exact origins"
            )
        return self

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
    def documents_dir(self) -> Path:
        return self.var_dir / "documents"


SettingsT = TypeVar("SettingsT", bound=DatabaseSettings)


def load_settings(**overrides: object) -> Settings:
    """Read the settings, turning validation failures into one `SettingsError`."""
    return _load(Settings, overrides)


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
def get_settings() -> Settings:
    """Return the process-wide settings, read on first use."""
    return load_settings()
