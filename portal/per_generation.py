"""Values derived from content, computed once per content generation and shared by all servers.

Listing totals, the filters' options and Last-Modified's database stamps change only when
content does; any content write starts a new generation (portal/cache_invalidation.py), and an
entry lapses when the next scheduled item appears, as cached pages do. A cache that is not
shared would miss other servers' edits, and a cache that is down is skipped: either way the
value is computed afresh.
"""

import logging
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache

from portal.cache_invalidation import current_generation

logger = logging.getLogger(__name__)


def once_per_generation[T](name: str, compute: Callable[[], T]) -> T:
    """Return compute()'s value for the current content generation, computing it at most once."""
    if not getattr(settings, "CACHE_IS_SHARED", True):
        return compute()
    from portal.page_cache import seconds_to_keep  # it reads news, which reads this module's users

    try:
        key = f"{name}:{current_generation()}"
        found = cache.get(key)
    except Exception:  # the cache is down: compute in the database
        return compute()
    if found is not None:
        return found[0]
    value = compute()
    try:
        if timeout := seconds_to_keep():
            cache.set(key, (value,), timeout)  # boxed, so a None value is kept too
    except Exception:
        logger.warning("Cache unavailable; %s not kept.", name, exc_info=True)
    return value
