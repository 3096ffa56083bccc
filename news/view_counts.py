"""News item views, counted in the cache and written to the database in batches.

Counting each view with its own UPDATE turns a shared story into a queue of writers on one row.
Instead each view is one increment in a buffer shared by all app servers (a Redis hash; a plain
cache entry when the cache is local to the process), and `flush_view_counts()` moves the buffer
into the database with one F() UPDATE per distinct count, at most every FLUSH_SECONDS or
FLUSH_VIEWS views per process, or from the `flush_view_counts` command. A buffer is emptied
atomically before it is written, and put back if the write fails, so no count is lost or doubled.
"""

import threading
import time
import uuid
from collections import defaultdict

from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import F
from django_redis import get_redis_connection
from redis.exceptions import ResponseError

from news.models import NewsItem
from portal.cache_invalidation import invisible_writes

FLUSH_SECONDS = 10
FLUSH_VIEWS = 500
BUFFER_KEY = "news-view-counts"


class RedisBuffer:
    """Counts in one Redis hash, shared by every process that uses the same Redis."""

    def __init__(self, client, key: str):
        self.client, self.key = client, key

    def add(self, pk: int, count: int = 1) -> None:
        self.client.hincrby(self.key, pk, count)

    def drain(self) -> dict[int, int]:
        claimed = f"{self.key}:flushing:{uuid.uuid4().hex}"
        try:
            self.client.rename(self.key, claimed)
        except ResponseError:  # nothing buffered: Redis refuses to rename a missing key
            return {}
        counts = self.client.hgetall(claimed)
        self.client.delete(claimed)
        return {int(pk): int(count) for pk, count in counts.items()}


class LocalBuffer:
    """Counts in a cache that is not shared (local memory in development and tests).

    Such a cache belongs to one process, so a lock is all the atomicity it needs.
    """

    lock = threading.Lock()

    def __init__(self, key: str):
        self.key = key

    def add(self, pk: int, count: int = 1) -> None:
        with self.lock:
            counts = cache.get(self.key, {})
            counts[pk] = counts.get(pk, 0) + count
            cache.set(self.key, counts, None)

    def drain(self) -> dict[int, int]:
        with self.lock:
            counts = cache.get(self.key, {})
            cache.delete(self.key)
        return counts


def make_buffer():
    """Return the Redis buffer when the default cache is Redis, else a local one."""
    try:
        return RedisBuffer(get_redis_connection("default"), cache.make_key(BUFFER_KEY))
    except NotImplementedError:  # not django-redis
        return LocalBuffer(BUFFER_KEY)


_buffer = None
_pending = {"views": 0, "since": time.monotonic()}


def view_buffer():
    global _buffer
    if _buffer is None:
        _buffer = make_buffer()
    return _buffer


def record_view(pk: int) -> None:
    """Count one view of item `pk`; flush this process's share when it is due."""
    try:
        view_buffer().add(pk)
    except Exception:  # buffer unreachable: count straight into the database
        write_counts({pk: 1})
        return
    _pending["views"] += 1
    due = time.monotonic() - _pending["since"] >= FLUSH_SECONDS
    if due or _pending["views"] >= FLUSH_VIEWS:
        flush_view_counts()


def flush_view_counts(buffer=None) -> int:
    """Write buffered views to the database; return how many views were written."""
    buffer = buffer or view_buffer()
    _pending.update(views=0, since=time.monotonic())
    try:
        counts = buffer.drain()
    except Exception:  # the buffer keeps its counts for the next flush
        return 0
    try:
        write_counts(counts)
    except DatabaseError:
        for pk, count in counts.items():
            buffer.add(pk, count)
        raise
    return sum(counts.values())


def write_counts(counts: dict[int, int]) -> None:
    """Add `counts` to the items' view counts: one UPDATE per distinct increment."""
    if not counts:
        return
    by_increment = defaultdict(list)
    for pk, count in counts.items():
        by_increment[count].append(pk)
    with transaction.atomic(), invisible_writes():
        for increment, pks in sorted(by_increment.items()):
            items = NewsItem.objects.filter(pk__in=sorted(pks))
            items.update(view_count=F("view_count") + increment)
