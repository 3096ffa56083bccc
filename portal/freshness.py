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
from django.views.decorators.cache import cache_control
from django.views.decorators.http import condition

from news.models import NewsItem
from parks.models import CooperationPlatform, KeyFigure, Park
from portal.cache_invalidation import content_changed_at

STARTED_AT = timezone.now()


def content_last_modified(request, *args, **kwargs) -> datetime:
    """Return when anything a visitor can see last changed."""
    stamps = [STARTED_AT, content_changed_at()]
    for model in (Park, CooperationPlatform, KeyFigure, NewsItem):
        stamps.append(model.objects.aggregate(latest=Max("updated_at"))["latest"])
    newest = NewsItem.objects.published().order_by("-published_at")
    stamps.append(newest.values_list("published_at", flat=True).first())
    return max(stamp for stamp in stamps if stamp is not None)


def conditional_page(view):
    """Answer If-Modified-Since with 304 and make browsers revalidate every time."""
    revalidated = cache_control(private=True, no_cache=True)(view)
    return condition(last_modified_func=content_last_modified)(revalidated)


class ConditionalPageMixin:
    """Class-based version of `conditional_page`."""

    @method_decorator(conditional_page)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)
