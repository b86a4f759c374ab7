"""Signing keys: created once, shared by processes, rotated without cutting off tokens."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from hundi.auth.keys import (
    SigningKeyError,
    load_signing_keys,
    parse_key_document,
    rotate_signing_keys,
)
from hundi.auth.tokens import TokenIssuer
from hundi.auth.validation import TokenValidator


def validator_for(var_dir: Path) -> TokenValidator:
    def current():
        return load_signing_keys(var_dir, None)

    return TokenValidator(
        issuer="https://hundi.test",
        audience="hundi-api",
        keys=current,
        reload_keys=current,
        leeway=0,
    )


def test_keys_created_on_first_start_with_private_file(tmp_path: Path) -> None:
    keys = load_signing_keys(tmp_path, None)

    path = tmp_path / "keys" / "signing-keys.json"
    assert path.exists()
    assert path.stat().st_mode & 0o077 == 0
    assert keys.current.kid


def test_keys_loaded_again_are_the_same(tmp_path: Path) -> None:
    first = load_signing_keys(tmp_path, None)
    second = load_signing_keys(tmp_path, None)

    assert first.current.kid == second.current.kid


async def test_rotation_keeps_old_tokens_valid(tmp_path: Path) -> None:
    old_keys = load_signing_keys(tmp_path, None)
    old_token = TokenIssuer(old_keys, "https://hundi.test", "hundi-api").access_token(
        subject="a" * 32, client_id="hundi-web", scope="hundi", lifetime=300
    )

    new_kid, dropped = rotate_signing_keys(tmp_path, keep_seconds=3600)
    new_keys = load_signing_keys(tmp_path, None)
    new_token = TokenIssuer(new_keys, "https://hundi.test", "hundi-api").access_token(
        subject="a" * 32, client_id="hundi-web", scope="hundi", lifetime=300
    )
    validator = validator_for(tmp_path)

    assert new_keys.current.kid == new_kid
    assert new_kid != old_keys.current.kid
    assert dropped == []
    assert (await validator.validate(old_token.token)).claims["sub"] == "a" * 32
    assert (await validator.validate(new_token.token)).claims["sub"] == "a" * 32


def test_rotation_drops_keys_retired_long_ago(tmp_path: Path) -> None:
    first = load_signing_keys(tmp_path, None).current.kid
    rotate_signing_keys(tmp_path, keep_seconds=3600)
    path = tmp_path / "keys" / "signing-keys.json"
    document = json.loads(path.read_text())
    for entry in document["keys"]:
        if entry["kid"] == first:
            entry["retired_at"] = int(time.time()) - 7200
    path.write_text(json.dumps(document))

    _kid, dropped = rotate_signing_keys(tmp_path, keep_seconds=3600)

    assert dropped == [first]


def test_key_document_without_private_part_rejected(tmp_path: Path) -> None:
    keys = load_signing_keys(tmp_path, None)
    public_only = json.dumps({"keys": [keys.public_jwks()["keys"][0]]})

    with pytest.raises(SigningKeyError, match="no private part"):
        parse_key_document(public_only, "OAUTH_SIGNING_KEYS")


def test_malformed_key_document_rejected() -> None:
    with pytest.raises(SigningKeyError, match="not a signing key set"):
        parse_key_document("{}", "OAUTH_SIGNING_KEYS")
