"""Process settings for a serving worker."""

from __future__ import annotations

import gc

# Objects allocated between young-generation collections. Python's default of
# 700 runs a collection several times per list request, each one scanning the
# objects the request is still using.
YOUNG_COLLECTION_THRESHOLD = 20_000


def tune_garbage_collector() -> None:
    """Move the objects built at start-up out of the collector's reach.

    The schema, the models and the imported modules live as long as the
    process, so freezing them means no collection scans them again. A higher
    threshold means fewer collections per request. Reference counting still
    frees almost everything at once, because the collector only finds cycles.
    """
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, middle, old)
