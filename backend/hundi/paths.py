"""Where the repository's files are, relative to this package."""

from pathlib import Path

REPOSITORY_ROOT = Path(__file__).resolve().parents[2]
MIGRATIONS_DIR = REPOSITORY_ROOT / "migrations"
SCHEMA_FILE = REPOSITORY_ROOT / "schema.graphql"
FRONTEND_DIST = REPOSITORY_ROOT / "frontend" / "dist"
