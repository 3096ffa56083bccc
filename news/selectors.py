"""Public reads of news: every one starts from `NewsItem.objects.published()`."""

from collections.abc import Mapping

from django.db.models import F, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from news.filters import NewsItemFilter
from news.models import NewsItem
from parks.models import CooperationPlatform, Industry, Park

RELATED_LIMIT = 5


def _listed(items: QuerySet[NewsItem]) -> QuerySet[NewsItem]:
    parks = Park.objects.published().only("name", "slug", "short_name")
    return items.select_related("channel").prefetch_related(Prefetch("parks", queryset=parks))


def news_item_list(*, filters: Mapping | None = None) -> QuerySet[NewsItem]:
    """Return published items for listings, newest first, narrowed by query parameters."""
    items = _listed(NewsItem.objects.published())
    if filters:
        items = NewsItemFilter(filters, queryset=items).qs
    return items


def _detailed(items: QuerySet[NewsItem]) -> QuerySet[NewsItem]:
    platforms = CooperationPlatform.objects.published().only("name", "slug", "kind")
    return _listed(items).prefetch_related(
        Prefetch("platforms", queryset=platforms),
        Prefetch("industries", queryset=Industry.objects.only("name", "slug")),
        "images",
    )


def news_item_detail(*, slug: str) -> NewsItem:
    """Return the published item with its links to published parks and platforms, or 404."""
    return get_object_or_404(_detailed(NewsItem.objects.published()), slug=slug)


def news_item_preview(*, pk: int) -> NewsItem:
    """Return any item, published or not, as its page would show it: for permission-checked staff preview."""
    return get_object_or_404(_detailed(NewsItem.objects.all()), pk=pk)


def count_view(item: NewsItem) -> None:
    """Count one view with an atomic UPDATE, so concurrent views never overwrite each other."""
    NewsItem.objects.filter(pk=item.pk).update(view_count=F("view_count") + 1)
    item.view_count += 1


def related_news(item: NewsItem, *, limit: int = RELATED_LIMIT) -> list[NewsItem]:
    """Return the newest other items that share a park or platform with `item`."""
    park_ids = [park.pk for park in item.parks.all()]
    platform_ids = [platform.pk for platform in item.platforms.all()]
    if not park_ids and not platform_ids:
        return []
    shared = Q(parks__in=park_ids) | Q(platforms__in=platform_ids)
    related = NewsItem.objects.published().filter(shared).exclude(pk=item.pk).distinct()
    return list(related.only("title", "slug", "published_at", "published_precision")[:limit])


def neighbours(item: NewsItem) -> tuple[NewsItem | None, NewsItem | None]:
    """Return the previous (older) and next (newer) published items around `item`."""
    when, pk = item.published_at, item.pk
    items = NewsItem.objects.published().only(
        "title", "slug", "published_at", "published_precision"
    )
    older = Q(published_at__lt=when) | Q(published_at=when, pk__lt=pk)
    newer = Q(published_at__gt=when) | Q(published_at=when, pk__gt=pk)
    previous = items.filter(older).order_by("-published_at", "-pk").first()
    following = items.filter(newer).order_by("published_at", "pk").first()
    return previous, following
