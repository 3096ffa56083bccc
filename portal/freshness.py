"""Conditional GET for public pages: repeat visits get a cheap 304, and any edit shows at once.

A page's Last-Modified is the latest of: any edit to a park, platform, key figure or news item
(published or not, so withdrawing one counts), the newest publication time that has passed (so a
scheduled item appears on time), this process's start (so a deploy's new templates show), and the
last content write any server recorded in the shared cache (so a deletion shows too).
"""

from datetime import datetime

from django.db.models import Max
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.http import condition

from news.models import NewsItem
from parks.models import CooperationPlatform, KeyFigure, Park
from portal.cache_invalidation import content_changed_at
from portal.per_generation import once_per_generation

STARTED_AT = timezone.now()


def content_last_modified(request, *args, **kwargs) -> datetime:
    """Return when anything a visitor can see last changed."""
    return max(stamp for stamp in (STARTED_AT, stored_last_modified()) if stamp is not None)


def stored_last_modified() -> datetime | None:
    """Return the newest edit, deletion or passed publication time, once per content generation.

    Five aggregate queries and a cache read a page otherwise. Any content write records its
    time and then starts a new generation, and the entry lapses when the next scheduled item
    appears, as cached pages do.
    """
    return once_per_generation(
        "last-modified", lambda: _latest(content_changed_at(), _database_last_modified())
    )


def _latest(*stamps: datetime | None) -> datetime | None:
    return max((stamp for stamp in stamps if stamp is not None), default=None)


def _database_last_modified() -> datetime | None:
    stamps = [
        model.objects.aggregate(latest=Max("updated_at"))["latest"]
        for model in (Park, CooperationPlatform, KeyFigure, NewsItem)
    ]
    newest = NewsItem.objects.published().order_by("-published_at")
    stamps.append(newest.values_list("published_at", flat=True).first())
    return _latest(*stamps)


def conditional_page(view):
    """Answer If-Modified-Since with 304; portal/cache_headers.py says who may keep a copy."""
    return condition(last_modified_func=content_last_modified)(view)


class ConditionalPageMixin:
    """Class-based version of `conditional_page`."""

    @method_decorator(conditional_page)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def head(self, request, *args, **kwargs):
        # Without a head(), View.setup() stores self.get as self.head: a cycle between the view
        # and its own method, which left every page's data for the garbage collector to free.
        return self.get(request, *args, **kwargs)
