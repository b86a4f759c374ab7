"""The `hundi` command: serve, migrate, seed, export the schema, run day-end.

Every failure a user can cause (a wrong database URL, a database that
already has data, a bad option) ends in one line on standard error and a
non-zero exit status, without a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import sys
from collections.abc import Callable, Coroutine, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError

from hundi.commands import CommandError
from hundi.logs import configure_logging
from hundi.paths import SCHEMA_FILE
from hundi.settings import SettingsError, get_settings, load_database_url

logger = logging.getLogger(__name__)


def _safe_url(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def _run(coroutine: Coroutine[Any, Any, Any]) -> Any:
    return asyncio.run(coroutine)


# --- commands -------------------------------------------------------------


def cmd_serve(args: argparse.Namespace) -> None:
    import uvicorn

    from hundi.app import create_app
    from hundi.runtime import tune_garbage_collector

    # The flags act as HOST and PORT do, for worker processes and for the
    # default public URL (the token issuer) alike.
    if args.host:
        os.environ["HOST"] = args.host
    if args.port:
        os.environ["PORT"] = str(args.port)
    settings = get_settings()
    host = settings.host
    port = settings.port
    print(f"Hundi on http://{host}:{port}/  (GraphQL at /graphql)", flush=True)
    if args.workers > 1:
        # Each worker process imports the application and reads the settings.
        uvicorn.run(
            "hundi.asgi:app",
            host=host,
            port=port,
            workers=args.workers,
            log_config=None,
            proxy_headers=True,
        )
        return
    app = create_app(settings)
    tune_garbage_collector()
    uvicorn.run(app, host=host, port=port, log_config=None, proxy_headers=True)


def cmd_migrate(args: argparse.Namespace) -> None:
    from alembic.util.exc import CommandError as AlembicCommandError

    from hundi.migrate import current_revision, upgrade

    database_url = load_database_url()
    try:
        upgrade(database_url, args.revision)
    except AlembicCommandError as error:
        raise CommandError(
            f"cannot migrate to revision {args.revision!r}: {error}"
        ) from None
    current = current_revision(database_url)
    print(f"Database {_safe_url(database_url)} is at revision {current}.")
    if args.revision not in ("head", current):
        print(
            "hundi migrate only upgrades; to go back to an earlier revision, run "
            "`alembic downgrade REVISION`."
        )


def cmd_seed_demo(args: argparse.Namespace) -> None:
    from hundi.seed.runner import seed

    documents_dir = get_settings(serving=False).documents_dir
    _run(
        seed(
            load_database_url(),
            scale=args.scale,
            if_empty=args.if_empty,
            documents_dir=documents_dir,
        )
    )


def cmd_export_schema(args: argparse.Namespace) -> None:
    from hundi.api.schema import printed_schema

    text = printed_schema()
    output = Path(args.output)
    if args.check:
        current = output.read_text(encoding="utf-8") if output.exists() else ""
        if current != text:
            raise CommandError(
                f"{output} is stale; run `hundi export-schema` (or `make schema`)"
            )
        print(f"{output} is up to date.")
        return
    output.write_text(text, encoding="utf-8")
    print(f"Wrote {output}.")


def cmd_token(args: argparse.Namespace) -> None:
    from hundi.auth.operator import issue_token_for

    settings = get_settings(serving=False)
    token = _run(issue_token_for(settings, args.email, args.ttl))
    print(token)


def cmd_rotate_signing_key(args: argparse.Namespace) -> None:
    from hundi.auth.keys import rotate_signing_keys

    settings = get_settings(serving=False)
    if settings.oauth_signing_keys:
        raise CommandError(
            "the signing keys come from OAUTH_SIGNING_KEYS; rotate them where "
            "that variable is set"
        )
    keep = 2 * max(settings.access_token_seconds, settings.machine_token_seconds, 3600)
    kid, dropped = rotate_signing_keys(settings.var_dir, keep_seconds=keep)
    print(f"New signing key {kid}; keys dropped: {', '.join(dropped) or 'none'}.")
    print("Restart every server process so that it signs with the new key.")


def cmd_create_user(args: argparse.Namespace) -> None:
    from hundi.auth.operator import create_user_from_command_line

    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else None
    settings = get_settings(serving=False)
    summary = _run(create_user_from_command_line(settings, args, password))
    print(summary)


def cmd_day_end(args: argparse.Namespace) -> None:
    from hundi.services.lending.operator import (
        parse_business_date,
        run_day_end_from_command_line,
    )

    business_date = parse_business_date(args.date)
    settings = get_settings(serving=False)
    print(_run(run_day_end_from_command_line(settings, business_date)))


# --- parser ---------------------------------------------------------------


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{value} must be greater than 0")
    return value


def _port(text: str) -> int:
    value = _positive_int(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"port {value} is above 65535")
    return value


CommandHandler = Callable[[argparse.Namespace], None]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hundi",
        description="Hundi: invoice financing for India's small and medium "
        "enterprises. Settings come from the environment and .env "
        "(DATABASE_URL, PORT, DEBUG, ...).",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser(
        "serve",
        help="serve the API and the web app",
        description="Serve the "
        "GraphQL API, the health checks and the built web app with uvicorn.",
    )
    serve.add_argument(
        "--host", help="address to listen on (default: HOST or 127.0.0.1)"
    )
    serve.add_argument(
        "--port", type=_port, help="TCP port to listen on (default: PORT or 8000)"
    )
    serve.add_argument(
        "--workers",
        type=_positive_int,
        default=1,
        help="number of worker processes (default: 1)",
    )
    serve.set_defaults(handler=cmd_serve)

    migrate = commands.add_parser(
        "migrate",
        help="bring the database to the latest schema",
        description="Apply Alembic migrations to the database at DATABASE_URL; "
        "creates the SQLite file when it does not exist.",
    )
    migrate.add_argument(
        "--revision", default="head", help="revision to upgrade to (default: head)"
    )
    migrate.set_defaults(handler=cmd_migrate)

    seed_demo = commands.add_parser(
        "seed-demo",
        help="write demo data into an empty database",
        description="Write a realistic, deterministic demo data set (SMEs, "
        "buyers, lenders, six months of invoices, applications, offers, loans, "
        "repayments and KPI inputs, and one demo user per role). Refuses a "
        "database that already has data.",
    )
    seed_demo.add_argument(
        "--scale",
        type=_positive_int,
        metavar="N",
        help="instead write a large synthetic data set of N SMEs with about 10 "
        "invoices each, for benchmarks",
    )
    seed_demo.add_argument(
        "--if-empty",
        action="store_true",
        help="exit quietly with success when the database already has data",
    )
    seed_demo.set_defaults(handler=cmd_seed_demo)

    export = commands.add_parser(
        "export-schema",
        help="write the GraphQL schema to schema.graphql",
        description="Print the GraphQL schema in SDL to a file.",
    )
    export.add_argument(
        "--output",
        default=str(SCHEMA_FILE),
        help="file to write (default: schema.graphql at the repository root)",
    )
    export.add_argument(
        "--check",
        action="store_true",
        help="write nothing; fail when the file differs from the schema",
    )
    export.set_defaults(handler=cmd_export_schema)

    token = commands.add_parser(
        "token",
        help="print a short-lived access token for a user",
        description="Print an access token for the user with this e-mail address, "
        "signed by the built-in provider. It needs the server's signing keys and "
        "database, so only operators can run it; use it for scripts, support and "
        "tests.",
    )
    token.add_argument("email", help="e-mail address of an active user")
    token.add_argument(
        "--ttl",
        type=_positive_int,
        default=600,
        metavar="SECONDS",
        help="lifetime of the token in seconds, at most 3600 (default: 600)",
    )
    token.set_defaults(handler=cmd_token)

    rotate = commands.add_parser(
        "rotate-signing-key",
        help="start signing tokens with a new key",
        description="Add a new signing key and retire the current one. The old "
        "key stays in the published key set until its tokens have expired.",
    )
    rotate.set_defaults(handler=cmd_rotate_signing_key)

    create_user = commands.add_parser(
        "create-user",
        help="create a user, such as the first ADMIN",
        description="Create a user with a role. Platform roles (OPS, MANAGEMENT, "
        "ADMIN) belong to no organisation; SME and LENDER users need --sme-id or "
        "--lender-id. Without --password-stdin a one-time password is printed.",
    )
    create_user.add_argument("email", help="the user's e-mail address")
    create_user.add_argument("--name", required=True, help="the user's full name")
    create_user.add_argument(
        "--role",
        required=True,
        choices=["SME", "LENDER", "OPS", "MANAGEMENT", "ADMIN"],
        help="the user's role",
    )
    create_user.add_argument(
        "--sme-id", help="the SME the user acts for (its UUID or API global id)"
    )
    create_user.add_argument(
        "--lender-id",
        help="the lender the user acts for (its UUID or API global id)",
    )
    create_user.add_argument(
        "--lender-admin",
        action="store_true",
        help="let a LENDER user manage the lender's products",
    )
    create_user.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input",
    )
    create_user.set_defaults(handler=cmd_create_user)

    day_end = commands.add_parser(
        "day-end",
        help="close a business date: classify loans, accrue penal interest",
        description="Run the day-end of a business date in India: expire lapsed "
        "applications and offers, accrue penal interest on overdue principal, "
        "and classify every active loan (SMA_0, SMA_1, SMA_2, NPA). Running a "
        "date twice changes nothing the second time; dates run in order.",
    )
    day_end.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="the business date to close (default: today in India)",
    )
    day_end.set_defaults(handler=cmd_day_end)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging("text", "WARNING" if args.command != "serve" else "INFO")
    try:
        if args.command == "serve":
            settings = get_settings(serving=True)
            configure_logging(settings.effective_log_format, settings.log_level)
        args.handler(args)
    except SettingsError as error:
        return _fail(f"invalid setting: {error}")
    except CommandError as error:
        return _fail(str(error))
    except (OperationalError, DBAPIError, OSError, ConnectionError) as error:
        return _fail(_database_failure(error))
    except KeyboardInterrupt:
        return 130
    return 0


def _database_failure(error: BaseException) -> str:
    settings_url = ""
    with contextlib.suppress(SettingsError):
        settings_url = _safe_url(load_database_url())
    reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
    return f"cannot use the database {settings_url}: {reason}"


def _fail(message: str) -> int:
    print(f"hundi: error: {message}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
