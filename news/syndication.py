"""What every feed (RSS, Atom, JSON Feed) lists, and the validators for conditional GET.

A feed is the newest FEED_SIZE published items, site-wide or for one published park. Its ETag
covers the feed's address, the listed items, their versions and the published parks, so an edit, a
publication, a withdrawal or a renamed park changes it (a renamed industry or channel does not);
Last-Modified is the newest publication or edit time among the items.
"""

import hashlib
from datetime import datetime

from django.db.models import Count, Max, QuerySet, Subquery
from django.http import HttpRequest
from django.views.decorators.http import condition

from news.listings import newest_linked
from news.models import NewsItem
from news.shown_links import with_shown
from parks.models import Park

# Full bodies: 20 keeps a poll near 80 KB; readers polling hourly miss nothing at any park's pace.
FEED_SIZE = 20


def feed_items(*, park: Park | None = None) -> QuerySet[NewsItem]:
    """Return the newest published items, with their published parks, industries and channel."""
    items = NewsItem.objects.published().defer("body", "imported_values")
    if park is not None:
        items = newest_linked(items, "parks", park)
    return with_shown(items.select_related("channel"), "parks", "industries")[:FEED_SIZE]


def _validators(request: HttpRequest, slug: str | None) -> tuple[str | None, datetime | None]:
    """Compute (etag, last_modified) once per request; (None, None) for an unknown park."""
    if not hasattr(request, "_feed_validators"):
        request._feed_validators = _compute_validators(request.path, slug)
    return request._feed_validators


def _compute_validators(path: str, slug: str | None) -> tuple[str | None, datetime | None]:
    items = NewsItem.objects.published()
    if slug is not None:
        # The park's id as a scalar subquery: both databases seek its listing with it.
        park = Park.objects.published().filter(slug=slug).values("pk")[:1]
        items = newest_linked(items, "parks", Subquery(park))
    rows = list(items.values_list("pk", "updated_at", "published_at")[:FEED_SIZE])
    parks = Park.objects.published().aggregate(newest=Max("updated_at"), count=Count("pk"))
    if slug is not None and not rows and not Park.objects.published().filter(slug=slug).exists():
        return None, None
    fingerprint = repr((path, rows, parks["newest"], parks["count"])).encode()
    last_modified = max((max(updated, published) for _, updated, published in rows), default=None)
    return hashlib.sha256(fingerprint).hexdigest()[:32], last_modified


def _etag(request: HttpRequest, slug: str | None = None) -> str | None:
    return _validators(request, slug)[0]


def _last_modified(request: HttpRequest, slug: str | None = None) -> datetime | None:
    return _validators(request, slug)[1]


conditional_feed = condition(etag_func=_etag, last_modified_func=_last_modified)
