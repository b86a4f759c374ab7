"""The garbage collector settings of a serving worker."""

from __future__ import annotations

import gc

from hundi.runtime import YOUNG_COLLECTION_THRESHOLD, tune_garbage_collector


def test_garbage_collector_tuned_for_serving() -> None:
    before = gc.get_threshold()
    try:
        tune_garbage_collector()
        assert gc.get_threshold()[0] == YOUNG_COLLECTION_THRESHOLD
        assert gc.get_threshold()[1:] == before[1:]
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
