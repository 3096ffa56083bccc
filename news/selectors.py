"""Public reads of news: every one starts from `NewsItem.objects.published()`."""

from collections.abc import Mapping

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
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
    # Listings show the lead, never the body: leaving 2–4 KB bodies out keeps deep pages cheap.
    items = _listed(NewsItem.objects.published()).defer("body", "body_html", "imported_values")
    if filters:
        items = NewsItemFilter(filters, queryset=items).qs
    return items


# Above this many links, walking the newest-first index and probing the link table finds the
# newest few in about (published items ÷ links) steps; below it, sorting the links is cheaper.
WALK_INDEX_ABOVE = 500


def latest_news_about(target: Park | CooperationPlatform, *, limit: int) -> QuerySet[NewsItem]:
    """Return the newest published items linked to a park or platform, cheaply at any size.

    Joining a park's 4,000 links and sorting them cost SQLite 18 ms a page; an EXISTS probe
    while walking the (status, published_at) index costs 2 ms, but would walk the whole index
    for a park with a handful of items, so the link count (an index-only count) picks the plan.
    """
    relation = NewsItem._meta.get_field("parks" if isinstance(target, Park) else "platforms")
    links = relation.remote_field.through.objects.filter(
        **{relation.m2m_reverse_field_name(): target}
    )
    items = news_item_list()
    if links.count() > WALK_INDEX_ABOVE:
        linked = links.filter(**{relation.m2m_field_name(): OuterRef("pk")})
        return items.filter(Exists(linked))[:limit]
    return items.filter(**{relation.name: target})[:limit]


def _detailed(items: QuerySet[NewsItem]) -> QuerySet[NewsItem]:
    platforms = CooperationPlatform.objects.published().only("name", "slug", "kind")
    return _listed(items).prefetch_related(
        Prefetch("platforms", queryset=platforms),
        Prefetch("industries", queryset=Industry.objects.only("name", "slug")),
        "images",
    )


def news_item_detail(*, slug: str) -> NewsItem:
    """Return the published item with its links to published parks and platforms, or 404."""
    items = NewsItem.objects.published().defer("body", "imported_values")  # body_html is shown
    return get_object_or_404(_detailed(items), slug=slug)


def news_item_preview(*, pk: int) -> NewsItem:
    """Return any item, published or not, as its page would show it: for permission-checked staff preview."""
    return get_object_or_404(_detailed(NewsItem.objects.all()), pk=pk)


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
    fields = ("title", "slug", "published_at", "published_precision")
    # The plain bound lets the database walk its (status, published_at) index from `when`.
    # Older items need no "published by now" bound (`when` is past): given both, SQLite
    # started its walk at now and stepped through every newer item to reach `when`.
    older = NewsItem.objects.filter(
        Q(published_at__lt=when) | Q(pk__lt=pk),
        status=NewsItem.Status.PUBLISHED,
        published_at__lte=when,
    ).only(*fields)
    newer = (
        NewsItem.objects.published()
        .filter(Q(published_at__gt=when) | Q(pk__gt=pk), published_at__gte=when)
        .only(*fields)
    )
    previous = older.order_by("-published_at", "-pk").first()
    following = newer.order_by("published_at", "pk").first()
    return previous, following
