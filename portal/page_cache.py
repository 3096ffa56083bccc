"""Rendered anonymous GET responses of the public pages, API lists and feeds, shared in the cache.

A page is keyed by its full address (which alone chooses its language), and stored with the content
generation it was rendered at (portal/cache_invalidation.py), so any edit retires it on every
server at once; it is kept no longer than PAGE_CACHE_SECONDS, nor past the next scheduled
publication. Requests that carry a session, flash messages or credentials are never cached or
served from the cache. Public pages carry nothing per visitor (no CSRF token: the language switch
needs none), and a response that set a cookie or used a CSRF token is never stored.

The middleware sits right after the security and static-file layers: a hit costs one cache round
trip (two when this process holds an outdated copy of the page) and skips sessions, locale, URL
resolution and the view, but not the API's rate limits, and a hit on a news item still counts a
view. It sits outside the content security policy: a page is stored with its policy header,
which Django's middleware would otherwise build afresh for every hit (a tenth of a hit's work).
"""

import hashlib
import logging
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe
from django.utils.module_loading import import_string
from rest_framework.request import Request

from news.models import NewsItem
from news.view_counts import record_view
from portal.cache_invalidation import (
    GENERATION_KEY,
    current_generation,
    one_read_per_request,
    remember_generation,
)
from portal.per_generation import ProcessCopies

logger = logging.getLogger(__name__)
CACHED_VIEWS = frozenset(
    {
        "portal:home",
        "parks:park-list",
        "parks:park-detail",
        "parks:platform-list",
        "parks:platform-detail",
        "news:item-list",
        "news:item-detail",
        "api:park-list",
        "api:platform-list",
        "api:industry-list",
        "api:key-figure-list",
        "api:park-figure-list",
        "api:news-item-list",
        "api:news-sync-list",
        "api:news-withdrawal-list",
        "feeds:news-rss",
        "feeds:news-atom",
        "feeds:news-json",
        "feeds:park-rss",
        "feeds:park-atom",
        "feeds:park-json",
    }
)
# Raised whenever what a stored page holds changes, so a deploy never serves pages stored in the
# old shape (2: stored with the Content-Security-Policy header and the parsed Last-Modified).
ENTRY_FORMAT = 2
PRIVATE_COOKIES = ("sessionid", "messages")
UNSTORED_HEADERS = {"set-cookie", "content-length"}
kept_pages = ProcessCopies(limit=128)  # hot pages this process holds (up to ~100 KB each)


def may_use_cache(request) -> bool:
    """Tell whether this request may be answered from the page cache (or stored in it)."""
    return settings.PAGE_CACHE and request.method == "GET" and not carries_identity(request)


def carries_identity(request) -> bool:
    """Tell whether the request may be someone's own: a session, messages or an API token."""
    private_cookies = {settings.SESSION_COOKIE_NAME, *PRIVATE_COOKIES}
    return "Authorization" in request.headers or bool(private_cookies.intersection(request.COOKIES))


def page_key(request) -> str:
    """Key a page by its address alone: the path picks its language (LocaleMiddleware with
    unprefixed English), so neither a language cookie nor Accept-Language splits the cache."""
    address = request.build_absolute_uri().encode("utf-8", "surrogatepass")
    return f"page:{ENTRY_FORMAT}:{hashlib.sha256(address).hexdigest()}"


def lookup(key: str) -> tuple[int | None, dict | None]:
    """Return the content generation and the stored page, from this process when it can.

    The generation is always read from the shared cache, so a page this process kept is
    served only while it is current everywhere; a hot page then costs one small round trip
    instead of fetching (and unpickling) up to 100 KB from Redis on every hit.
    """
    kept = kept_pages.get(key)
    if kept is None:  # nothing here: the generation and the page in one round trip
        found = cache.get_many([GENERATION_KEY, key])
        generation, entry = found.get(GENERATION_KEY), found.get(key)
    else:
        generation = cache.get(GENERATION_KEY)
        if kept["generation"] == generation:
            return generation, kept
        entry = cache.get(key)  # the copy is of an older generation: fetch what is current
    if entry is not None and "until" in entry:
        kept_pages.keep(key, entry, entry["until"])
    return generation, entry


def seconds_to_keep() -> int:
    """Keep a page no longer than the setting, nor past the next scheduled publication."""
    next_publication = next_scheduled_publication()
    if next_publication is None:
        return settings.PAGE_CACHE_SECONDS
    until = (next_publication - timezone.now()) // timedelta(seconds=1)
    return max(0, min(settings.PAGE_CACHE_SECONDS, until))


def next_scheduled_publication() -> datetime | None:
    """Return when the next scheduled item appears, looked up once per generation."""
    key = f"next-publication:{current_generation()}"
    cached = cache.get(key)
    if cached is not None and (cached == "none" or cached > timezone.now()):
        return None if cached == "none" else cached
    upcoming = NewsItem.objects.scheduled().order_by("published_at")
    found = upcoming.values_list("published_at", flat=True).first()
    cache.set(key, found or "none", settings.PAGE_CACHE_SECONDS)
    return found


def is_storable(request, response) -> bool:
    """Store only whole, shareable answers: no cookie set, no CSRF token rendered into them."""
    match = getattr(request, "resolver_match", None)
    return (
        match is not None
        and match.view_name in CACHED_VIEWS
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


def to_entry(request, response, generation: int) -> dict:
    headers = [(k, v) for k, v in response.items() if k.lower() not in UNSTORED_HEADERS]
    last_modified = parse_http_date_safe(response.headers.get("Last-Modified", ""))
    view_class = getattr(request.resolver_match.func, "cls", None)
    throttles = getattr(view_class, "throttle_classes", ())
    return {
        "generation": generation,
        "headers": headers,
        "content": response.content,
        "last_modified": last_modified,
        "news_item": getattr(request, "viewed_news_item", None),
        "throttles": [f"{throttle.__module__}.{throttle.__qualname__}" for throttle in throttles],
    }


def from_entry(request, entry: dict) -> HttpResponse:
    """Rebuild a stored page, answering a conditional GET with 304."""
    content = entry["content"]
    response = HttpResponse(content)
    for header, value in entry["headers"]:
        response.headers[header] = value
    response.headers["Content-Length"] = str(len(content))
    response.headers["X-Page-Cache"] = "hit"
    if entry["news_item"] is not None:
        record_view(entry["news_item"])
    return get_conditional_response(
        request,
        etag=response.headers.get("ETag"),
        last_modified=entry["last_modified"],
        response=response,
    )


def is_throttled(request, entry: dict) -> bool:
    """Apply an API view's rate limits to a cached copy of it, as the view itself would."""
    if not entry["throttles"]:
        return False
    api_request = Request(request)
    throttles = (import_string(path)() for path in entry["throttles"])
    return not all(throttle.allow_request(api_request, None) for throttle in throttles)


class PageCacheMiddleware:
    """Answer from the page cache, or store what the view answers; fail open on cache errors."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with one_read_per_request():
            return self.answer(request)

    def answer(self, request):
        if not may_use_cache(request):
            return self.get_response(request)
        key = page_key(request)
        try:
            generation, entry = lookup(key)
            remember_generation(generation)
            fresh = entry is not None and entry["generation"] == generation
            if fresh and not is_throttled(request, entry):  # else the view answers, 429 or not
                return from_entry(request, entry)
            generation = generation or current_generation()
        except Exception:
            logger.warning("Cache unavailable; serving uncached.", exc_info=True)
            return self.get_response(request)
        response = self.get_response(request)
        if is_storable(request, response):
            self.store(key, to_entry(request, response, generation))
            response.headers["X-Page-Cache"] = "miss"
        return response

    def store(self, key: str, entry: dict) -> None:
        try:
            if timeout := seconds_to_keep():
                entry["until"] = time.time() + timeout
                cache.set(key, entry, timeout)
                kept_pages.keep(key, entry, entry["until"])
        except Exception:
            logger.warning("Cache unavailable; page not stored.", exc_info=True)
