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
KEPT_IN_PROCESS = 512  # entries; past this the process forgets them all and reads them again
_kept: dict[str, tuple[object, float]] = {}


def once_per_generation[T](name: str, compute: Callable[[], T]) -> T:
    """Return compute()'s value for the current content generation, computing it at most once."""
    if not getattr(settings, "CACHE_IS_SHARED", True):
        return compute()
    from portal.page_cache import seconds_to_keep  # it reads news, which reads this module's users

    try:
        key = f"generation-value:{name}:{current_generation()}"
    except Exception:  # the cache is down: compute in the database
        return compute()
    if (kept := _kept.get(key)) is not None and kept[1] > time.time():
        return kept[0]
    try:
        found = cache.get(key)
    except Exception:
        return compute()
    if found is not None:
        _keep(key, *found)
        return found[0]
    value = compute()
    try:
        if timeout := seconds_to_keep():
            entry = (value, time.time() + timeout)  # boxed, so a None value is kept too
            cache.set(key, entry, timeout)
            _keep(key, *entry)
    except Exception:
        logger.warning("Cache unavailable; %s not kept.", name, exc_info=True)
    return value


def _keep(key: str, value: object, until: float) -> None:
    if len(_kept) >= KEPT_IN_PROCESS:
        _kept.clear()  # old generations' entries: cheaper to drop than to track
    _kept[key] = (value, until)


def forget_kept() -> None:
    """Drop this process's copies (tests that empty the shared cache call this too)."""
    _kept.clear()
