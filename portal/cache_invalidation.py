"""One content generation shared by every app server: any write to content bumps it.

Cached pages are keyed by the generation, so an edit through one server retires every cached
page on all of them at once. The bump hangs off the database connection rather than model
signals, because signals miss `QuerySet.update()`, `bulk_create()` and raw deletes, which the
admin's bulk actions and the importer use: every INSERT, UPDATE or DELETE on a parks or news
table bumps it, once when written and again at commit (a page rendered from the old rows in
between is retired too). The counter starts from the clock, so a counter lost with the cache
never falls back to a number that old cached pages still carry.
"""

import functools
import logging
import re
import time
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime

from django.apps import apps
from django.core.cache import cache
from django.db import connections, transaction
from django.db.backends.signals import connection_created
from django.utils import timezone

logger = logging.getLogger(__name__)
GENERATION_KEY = "content-generation"
CONTENT_APPS = ("parks", "news")
WRITE = re.compile(r'\s*(?:UPDATE|INSERT\s+INTO|DELETE\s+FROM)\s+[`"]?(\w+)', re.IGNORECASE)
_paused: ContextVar[bool] = ContextVar("invalidation_paused", default=False)
_seen: ContextVar[dict | None] = ContextVar("generation_seen", default=None)


@contextmanager
def one_read_per_request():
    """Within this scope (one request), ask the cache for the generation at most once.

    A page asks for it up to six times (page cache, counts, filter options, Last-Modified);
    a write in the scope forgets the answer, so the request's own edits are never hidden.
    """
    token = _seen.set({})
    try:
        yield
    finally:
        _seen.reset(token)


def remember_generation(generation: int | None) -> None:
    """Record a generation read elsewhere (the page cache's own lookup) for this request."""
    seen = _seen.get()
    if seen is not None and generation is not None:
        seen["generation"] = generation


def current_generation() -> int:
    """Return the shared content generation, creating it when the cache has none."""
    seen = _seen.get()
    if seen and "generation" in seen:
        return seen["generation"]
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns() // 1000, timeout=None)
        generation = cache.get(GENERATION_KEY, 0)
    remember_generation(generation)
    return generation


CHANGED_AT_KEY = "content-changed-at"


def content_changed_at() -> datetime | None:
    """Return when content last changed through any server, deletions included (None if unknown)."""
    try:
        return cache.get(CHANGED_AT_KEY)
    except Exception:
        return None


def bump_generation() -> None:
    """Retire every cached page on every server; a cache outage must not fail the write."""
    if seen := _seen.get():
        seen.clear()
    try:
        # Conditional GET reads this too, so a deletion (which changes no updated_at) is seen.
        cache.set(CHANGED_AT_KEY, timezone.now(), timeout=None)
        cache.incr(GENERATION_KEY)
    except ValueError:  # no counter yet: start one beyond anything cached before
        cache.add(GENERATION_KEY, time.time_ns() // 1000, timeout=None)
    except Exception:  # pages cached meanwhile expire within PAGE_CACHE_SECONDS
        logger.warning("Cache unavailable; cached pages not invalidated.", exc_info=True)


@contextmanager
def invisible_writes():
    """Write without retiring cached pages, for bookkeeping no page shows at once (view counts)."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


@functools.cache
def content_tables() -> frozenset[str]:
    models = (
        model
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    )
    return frozenset(model._meta.db_table for model in models)


def bump_on_content_write(execute, sql, params, many, context):
    """Database execute wrapper: run the statement, then bump if it wrote to content."""
    result = execute(sql, params, many, context)
    if not _paused.get() and (match := WRITE.match(sql)) and match[1] in content_tables():
        bump_generation()
        transaction.on_commit(bump_generation, using=context["connection"].alias)
    return result


def _install(sender=None, connection=None, **kwargs) -> None:
    if bump_on_content_write not in connection.execute_wrappers:
        connection.execute_wrappers.append(bump_on_content_write)


def connect() -> None:
    """Watch every database connection, open now or later, for writes to content."""
    connection_created.connect(_install, dispatch_uid="portal.cache_invalidation")
    for connection in connections.all(initialized_only=True):
        _install(connection=connection)
