"""Values derived from content, computed once per content generation and shared by all servers.

Listing totals, the filters' options and Last-Modified's database stamps change only when
content does; any content write starts a new generation (portal/cache_invalidation.py), and an
entry lapses when the next scheduled item appears, as cached pages do. A cache that is not
shared would miss other servers' edits, and a cache that is down is skipped: either way the
value is computed afresh.

Each process also keeps the entries it has seen, keyed by the same generation: the generation
is read from the shared cache on every request, so a kept entry is retired on every server the
moment content changes anywhere, and a page no longer pays a cache round trip per value.
"""

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache

from portal.cache_invalidation import current_generation

logger = logging.getLogger(__name__)
MISSING = object()


class ProcessCopies:
    """This process's copies of shared-cache entries, each kept until a wall-clock time.

    Bounded by count: when full it forgets them all, mostly old generations' entries that no
    request will ask for again, which is cheaper than tracking which are.
    """

    def __init__(self, limit: int):
        self.limit = limit
        self.entries: dict[str, tuple[object, float]] = {}

    def get(self, key: str, default=None):
        kept = self.entries.get(key)
        return kept[0] if kept is not None and kept[1] > time.time() else default

    def keep(self, key: str, value: object, until: float) -> None:
        if len(self.entries) >= self.limit:
            self.entries.clear()
        self.entries[key] = (value, until)

    def forget(self) -> None:
        """Drop every copy (tests that empty the shared cache call this too)."""
        self.entries.clear()

    def __len__(self) -> int:
        return len(self.entries)


kept = ProcessCopies(limit=512)


def once_per_generation[T](
    name: str, compute: Callable[[], T], *, uncached: Callable[[], T] | None = None
) -> T:
    """Return compute()'s value for the current content generation, computing it at most once.

    Where the cache is not shared or is down, `uncached()` answers instead (by default,
    compute() afresh): a value that is only worth having when kept can offer a cheaper one.
    """
    uncached = uncached or compute
    if not getattr(settings, "CACHE_IS_SHARED", True):
        return uncached()
    from portal.page_cache import seconds_to_keep  # it reads news, which reads this module's users

    try:
        generation = current_generation()
    except Exception:
        return uncached()
    if not generation:  # a working cache always holds one (it starts from the clock): it is down
        return uncached()
    key = f"generation-value:{name}:{generation}"
    if (value := kept.get(key, MISSING)) is not MISSING:
        return value
    try:
        found = cache.get(key)
    except Exception:
        return compute()
    if found is not None:
        kept.keep(key, *found)
        return found[0]
    value = compute()
    try:
        if timeout := seconds_to_keep():
            entry = (value, time.time() + timeout)  # boxed, so a None value is kept too
            cache.set(key, entry, timeout)
            kept.keep(key, *entry)
    except Exception:
        logger.warning("Cache unavailable; %s not kept.", name, exc_info=True)
    return value
