"""The definitions module, the docs and the migration describe the same metrics."""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from pathlib import Path
from types import ModuleType

from hundi.domain.enums import TargetDirection
from hundi.domain.kpis import (
    KPI_DEFINITIONS,
    MILESTONE_DEFINITIONS,
    KpiGroup,
    KpiKey,
    TargetBounds,
    default_targets,
)

ROOT = Path(__file__).resolve().parents[3]
DOCS = ROOT / "docs" / "metrics.md"
MIGRATION = (
    ROOT / "migrations" / "versions" / "20261204_d4e6f8a0b2c3_add_kpi_capture.py"
)


def _flat(text: str) -> str:
    """Join wrapped lines, so a definition matches however the docs wrap it."""
    return " ".join(text.split())


def _migration() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kpi_capture_migration", MIGRATION)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_key_has_one_definition() -> None:
    keys = [d.key for d in KPI_DEFINITIONS] + [m.key for m in MILESTONE_DEFINITIONS]

    assert sorted(keys) == sorted(KpiKey)
    assert len(KPI_DEFINITIONS) == 19


def test_five_groups_as_on_the_target_sheet() -> None:
    counts = {group: 0 for group in KpiGroup}
    for definition in KPI_DEFINITIONS:
        counts[definition.group] += 1

    assert list(counts.values()) == [6, 3, 4, 3, 3]


def test_docs_state_every_definition() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    flat = _flat(docs)

    for definition in KPI_DEFINITIONS:
        assert f"#### {definition.name}\n" in docs, definition.name
        assert _flat(definition.definition) in flat, definition.name
    for milestone in MILESTONE_DEFINITIONS:
        assert f"### {milestone.name}\n" in docs, milestone.name
        assert _flat(milestone.definition) in flat, milestone.name


def test_migration_stores_the_default_targets() -> None:
    stored = {
        KpiKey(key): TargetBounds(
            TargetDirection(direction),
            None if low is None else Decimal(low),
            None if high is None else Decimal(high),
        )
        for key, direction, low, high in _migration().TARGETS
    }

    assert stored == default_targets()


def test_bounds_match_direction() -> None:
    for key, target in default_targets().items():
        needs_low = target.direction is not TargetDirection.AT_MOST
        needs_high = target.direction is not TargetDirection.AT_LEAST
        assert (target.low is not None) == needs_low, key
        assert (target.high is not None) == needs_high, key
