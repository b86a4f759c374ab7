"""The built-in provider's signing keys: created on first start, rotated on demand.

Keys are RSA 2048 (RS256), each with a `kid`. They live in
`<VAR_DIR>/keys/signing-keys.json`, or come whole from the environment
(`OAUTH_SIGNING_KEYS`, the same JSON) when several hosts must share them.
The newest key signs; an older key stays in the published key set until every
token it signed has expired, so rotation never cuts off a valid token.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from joserfc.jwk import KeySet, RSAKey

logger = logging.getLogger(__name__)

ALGORITHM = "RS256"
KEY_BITS = 2048


class SigningKeyError(Exception):
    """The signing keys are missing, unreadable or malformed."""


@dataclass(frozen=True)
class StoredKey:
    key: RSAKey
    created_at: int
    # Unix time after which the key no longer signs; None while it is current.
    retired_at: int | None

    @property
    def kid(self) -> str:
        return str(self.key.kid)


class SigningKeys:
    """The signing key set, read from a file or the environment."""

    def __init__(self, keys: list[StoredKey], path: Path | None) -> None:
        if not keys:
            raise SigningKeyError("the signing key set is empty")
        self._keys = keys
        self.path = path
        self._loaded_at = time.monotonic()

    @property
    def current(self) -> StoredKey:
        """The key that signs new tokens: the newest one not retired."""
        active = [key for key in self._keys if key.retired_at is None]
        return max(active or self._keys, key=lambda stored: stored.created_at)

    def public_key_set(self) -> KeySet:
        return KeySet([stored.key for stored in self._keys])

    def public_jwks(self) -> dict[str, Any]:
        """The JWKS document: public parts only, each with kid, alg and use."""
        keys = []
        for stored in self._keys:
            public = stored.key.as_dict(private=False)
            public.update({"kid": stored.kid, "alg": ALGORITHM, "use": "sig"})
            keys.append(public)
        return {"keys": keys}

    def has_kid(self, kid: str) -> bool:
        return any(stored.kid == kid for stored in self._keys)

    def reload_if_stale(self, min_interval: float) -> SigningKeys:
        """Read the file again, at most once per `min_interval` seconds.

        Another process may have rotated the keys since this one read them.
        """
        if self.path is None or time.monotonic() - self._loaded_at < min_interval:
            return self
        self._loaded_at = time.monotonic()
        return read_key_file(self.path)


def _new_key() -> StoredKey:
    kid = uuid.uuid4().hex[:16]
    key = RSAKey.generate_key(
        KEY_BITS, parameters={"kid": kid, "alg": ALGORITHM, "use": "sig"}
    )
    return StoredKey(key=key, created_at=int(time.time()), retired_at=None)


def _serialize(keys: list[StoredKey]) -> str:
    document = {
        "keys": [
            {
                **stored.key.as_dict(private=True),
                "kid": stored.kid,
                "alg": ALGORITHM,
                "use": "sig",
                "created_at": stored.created_at,
                "retired_at": stored.retired_at,
            }
            for stored in keys
        ]
    }
    return json.dumps(document, indent=2)


def parse_key_document(text: str, source: str) -> list[StoredKey]:
    try:
        document = json.loads(text)
        keys = []
        for entry in document["keys"]:
            created_at = int(entry.pop("created_at", 0))
            retired_at = entry.pop("retired_at", None)
            key = RSAKey.import_key(entry)
            if not key.is_private:
                raise SigningKeyError(
                    f"{source}: key {entry.get('kid')} has no private part"
                )
            keys.append(
                StoredKey(key, created_at, int(retired_at) if retired_at else None)
            )
        return keys
    except SigningKeyError:
        raise
    except (ValueError, KeyError, TypeError) as error:
        raise SigningKeyError(f"{source} is not a signing key set: {error}") from None


def read_key_file(path: Path) -> SigningKeys:
    return SigningKeys(
        parse_key_document(path.read_text(encoding="utf-8"), str(path)), path
    )


def _write_new_file(path: Path, keys: list[StoredKey]) -> bool:
    """Write the key file unless it exists; False when another process won."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(_serialize(keys))
    try:
        os.link(temporary, path)
        return True
    except FileExistsError:
        return False
    finally:
        temporary.unlink()


def load_signing_keys(var_dir: Path, from_environment: str | None) -> SigningKeys:
    """Load the key set from the environment, the key file, or create the file."""
    if from_environment:
        return SigningKeys(
            parse_key_document(from_environment, "OAUTH_SIGNING_KEYS"), None
        )
    path = var_dir / "keys" / "signing-keys.json"
    if not path.exists() and _write_new_file(path, [_new_key()]):
        logger.info("created a new signing key set at %s", path)
    return read_key_file(path)


def rotate_signing_keys(var_dir: Path, keep_seconds: int) -> tuple[str, list[str]]:
    """Add a new current key; retire the old one; drop keys retired long enough.

    Returns the new kid and the kids dropped. A retired key stays published
    for `keep_seconds` (the longest token lifetime) after it stopped signing.
    """
    path = var_dir / "keys" / "signing-keys.json"
    keys = read_key_file(path)._keys if path.exists() else []
    now = int(time.time())
    kept, dropped = [], []
    for stored in keys:
        retired = stored.retired_at if stored.retired_at is not None else now
        if now - retired > keep_seconds:
            dropped.append(stored.kid)
        else:
            kept.append(StoredKey(stored.key, stored.created_at, retired))
    new_key = _new_key()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(_serialize([*kept, new_key]), encoding="utf-8")
    with contextlib.suppress(OSError):
        temporary.chmod(0o600)
    temporary.replace(path)
    logger.info("rotated signing keys: new kid %s, dropped %s", new_key.kid, dropped)
    return new_key.kid, dropped
