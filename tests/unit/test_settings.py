"""Settings: read from the environment, unsafe values refused outside debug."""

from __future__ import annotations

import pytest

from hundi.settings import SettingsError, load_settings

SAFE_SECRET = "x" * 40


def test_settings_defaults_to_sqlite_under_var(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)

    settings = load_settings(_env_file=None, debug=True)

    assert settings.database_url == "sqlite+aiosqlite:///var/hundi.db"
    assert settings.is_sqlite


def test_settings_read_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORT", "9001")
    monkeypatch.setenv("DATABASE_URL", "postgresql+asyncpg://app@db/hundi")

    settings = load_settings(_env_file=None, debug=True)

    assert settings.port == 9001
    assert settings.database_url == "postgresql+asyncpg://app@db/hundi"


def test_settings_placeholder_secret_refused_outside_debug() -> None:
    with pytest.raises(SettingsError, match="SECRET_KEY"):
        load_settings(_env_file=None, debug=False)


def test_settings_wildcard_cors_refused_outside_debug() -> None:
    with pytest.raises(SettingsError, match="CORS_ORIGINS"):
        load_settings(
            _env_file=None, debug=False, secret_key=SAFE_SECRET, cors_origins="*"
        )


def test_settings_graphiql_refused_outside_debug() -> None:
    with pytest.raises(SettingsError, match="GRAPHIQL"):
        load_settings(
            _env_file=None, debug=False, secret_key=SAFE_SECRET, graphiql=True
        )


def test_settings_sql_echo_refused_outside_debug() -> None:
    with pytest.raises(SettingsError, match="SQL_ECHO"):
        load_settings(
            _env_file=None, debug=False, secret_key=SAFE_SECRET, sql_echo=True
        )


def test_settings_production_values_accepted() -> None:
    settings = load_settings(
        _env_file=None,
        debug=False,
        secret_key=SAFE_SECRET,
        cors_origins="https://app.hundi.in",
    )

    assert settings.cors_origins == ["https://app.hundi.in"]
    assert settings.effective_log_format == "json"
    assert settings.graphiql_enabled is False


def test_settings_unknown_driver_refused() -> None:
    with pytest.raises(SettingsError, match="DATABASE_URL uses driver 'mysql'"):
        load_settings(
            _env_file=None, debug=True, database_url="mysql://localhost/hundi"
        )


def test_settings_malformed_database_url_refused() -> None:
    with pytest.raises(SettingsError, match="not a database URL"):
        load_settings(_env_file=None, debug=True, database_url="::nonsense::")


def test_settings_portal_key_with_escaped_newlines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pem = "-----BEGIN PUBLIC KEY-----\\nMIIBIjAN\\n-----END PUBLIC KEY-----"
    monkeypatch.setenv("EINVOICE_PORTAL_PUBLIC_KEY", pem)

    settings = load_settings(_env_file=None, debug=True)

    assert settings.einvoice_portal_public_key == (
        "-----BEGIN PUBLIC KEY-----\nMIIBIjAN\n-----END PUBLIC KEY-----"
    )


def test_settings_portal_key_not_pem_refused() -> None:
    with pytest.raises(SettingsError, match="EINVOICE_PORTAL_PUBLIC_KEY"):
        load_settings(_env_file=None, debug=True, einvoice_portal_public_key="abc")


def test_settings_portal_key_unset_by_default() -> None:
    settings = load_settings(_env_file=None, debug=True)

    assert settings.einvoice_portal_public_key is None


@pytest.mark.parametrize(
    ("host", "port", "expected"),
    [
        ("127.0.0.1", 8000, "http://127.0.0.1:8000"),
        ("127.0.0.1", 8765, "http://127.0.0.1:8765"),
        ("0.0.0.0", 9000, "http://127.0.0.1:9000"),
        ("localhost", 8080, "http://localhost:8080"),
        ("::1", 8000, "http://[::1]:8000"),
    ],
)
def test_public_base_url_follows_host_and_port(
    monkeypatch: pytest.MonkeyPatch, host: str, port: int, expected: str
) -> None:
    monkeypatch.delenv("PUBLIC_BASE_URL", raising=False)
    monkeypatch.setenv("HOST", host)
    monkeypatch.setenv("PORT", str(port))

    settings = load_settings(_env_file=None, debug=True)

    assert settings.public_base_url == expected
    assert settings.issuer == expected


def test_public_base_url_given_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORT", "8765")
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://hundi.example/")

    settings = load_settings(_env_file=None, debug=True)

    assert settings.issuer == "https://hundi.example"
