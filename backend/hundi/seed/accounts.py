"""Print the URLs of a local Hundi and the demo accounts to sign in with."""

from __future__ import annotations

import os

from hundi.seed.demo import (
    DEMO_LENDER_CLIENT_ID,
    DEMO_LENDER_CLIENT_SECRET,
    DEMO_PASSWORD,
)

DEMO_USERS = [
    ("SME", "sme@hundi.example"),
    ("LENDER (maker, lender admin)", "lender@hundi.example"),
    ("LENDER (checker)", "lender.checker@hundi.example"),
    ("OPS", "ops@hundi.example"),
    ("MANAGEMENT", "management@hundi.example"),
    ("ADMIN", "admin@hundi.example"),
]


def banner(base_url: str) -> str:
    lines = [
        "",
        f"Hundi is starting on {base_url}/",
        f"  Web app         {base_url}/",
        f"  GraphQL         {base_url}/graphql",
        f"  Health          {base_url}/healthz   {base_url}/readyz",
        f"  OpenID Connect  {base_url}/.well-known/openid-configuration",
        "",
        f"Demo accounts (password {DEMO_PASSWORD}), present only in the demo data:",
    ]
    lines += [f"  {role:<30} {email}" for role, email in DEMO_USERS]
    lines += [
        f"  {'Lender machine client':<30} "
        f"{DEMO_LENDER_CLIENT_ID} / {DEMO_LENDER_CLIENT_SECRET}",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    host = os.environ.get("HOST", "127.0.0.1")
    port = os.environ.get("PORT", "8000")
    print(banner(f"http://{host}:{port}"))
