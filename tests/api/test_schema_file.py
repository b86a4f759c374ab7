"""The committed schema.graphql is the schema the code serves."""

from __future__ import annotations

from hundi.api.schema import printed_schema
from hundi.paths import SCHEMA_FILE


def test_schema_file_is_current() -> None:
    committed = SCHEMA_FILE.read_text(encoding="utf-8")

    assert committed == printed_schema(), "schema.graphql is stale; run `make schema`"


def test_schema_every_type_and_field_described() -> None:
    from hundi.api.schema import schema

    missing = []
    for name, graphql_type in schema._schema.type_map.items():
        if name.startswith("__") or name in {"String", "Int", "Boolean", "ID", "Float"}:
            continue
        if not graphql_type.description:
            missing.append(name)
        for field_name, field in getattr(graphql_type, "fields", {}).items():
            if not field.description:
                missing.append(f"{name}.{field_name}")

    assert missing == []
