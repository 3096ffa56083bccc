"""Public reads of news: every one starts from `NewsItem.objects.published()`."""

import operator
from collections.abc import Mapping
from functools import reduce

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Value
from django.shortcuts import get_object_or_404

from news.filters import NewsItemFilter
from news.models import NewsItem
from parks.models import CooperationPlatform, Industry, Park
from portal.per_generation import once_per_generation

RELATED_LIMIT = 5


def _listed(items: QuerySet[NewsItem]) -> QuerySet[NewsItem]:
    parks = Park.objects.published().only("name", "slug", "short_name")
    return items.select_related("channel").prefetch_related(NewsItem.prefetch_shown("parks", parks))


def news_item_list(*, filters: Mapping | None = None) -> QuerySet[NewsItem]:
    """Return published items for listings, newest first, narrowed by query parameters."""
    # Listings show the lead, never the body: leaving 2–4 KB bodies out keeps deep pages cheap.
    items = _listed(NewsItem.objects.published()).defer("body", "body_html", "imported_values")
    if filters:
        items = NewsItemFilter(filters, queryset=items).qs
    return items


# Above this many links, walking the newest-first index and probing the link tables finds the
# newest few in about (published items ÷ links) steps; below it, sorting the links is cheaper.
# At 100,000 items a platform's 500 links took 7 ms to sort and 16–22 ms to walk to its 20
# newest on PostgreSQL; a park's 4,000 links, 18 ms to sort and 2 ms to walk to its 8 newest.
WALK_INDEX_ABOVE = 1500


def _newest_linked(
    items: QuerySet[NewsItem], targets: Mapping[str, list[int]], *, limit: int
) -> QuerySet[NewsItem]:
    """Return the newest of `items` linked to any target ({"parks": ids, "platforms": ids}).

    Joining a park's 4,000 links and sorting them cost SQLite 18 ms; an EXISTS probe while
    walking the (status, published_at) index costs 2 ms, but would walk the whole index for
    a park with a handful of items, so the number of links (`link_counts`) picks the plan.
    """
    targets = {name: ids for name, ids in targets.items() if ids}
    if not targets:
        return items.none()
    counts = link_counts()
    link_total = sum(counts.get((name, pk), 0) for name, ids in targets.items() for pk in ids)
    if link_total > WALK_INDEX_ABOVE:
        probes = []
        for name, ids in targets.items():
            relation = NewsItem._meta.get_field(name)
            links = relation.remote_field.through.objects.filter(
                **{f"{relation.m2m_reverse_field_name()}__in": ids},
                **{relation.m2m_field_name(): OuterRef("pk")},
            )
            probes.append(links.values("pk"))
        # One EXISTS over a UNION ALL, not EXISTS OR EXISTS: PostgreSQL turns the latter into
        # hashes of every link (12 ms for a news item's related news), the former into two
        # index probes per row walked (1 ms).
        return items.filter(Exists(probes[0].union(*probes[1:], all=True)))[:limit]
    joined = reduce(operator.or_, (Q(**{f"{name}__in": ids}) for name, ids in targets.items()))
    return items.filter(joined).distinct()[:limit]


def link_counts() -> dict[tuple[str, int], int]:
    """Return how many items link to each park and platform, as {("parks", id): count}.

    Counted once per content generation, in one grouped query: counting a page's targets'
    links on every request cost more than the query whose plan the count picks.
    """
    return once_per_generation("link-counts", _count_links)


def _count_links() -> dict[tuple[str, int], int]:
    grouped = []
    for name in ("parks", "platforms"):
        field = NewsItem._meta.get_field(name)
        links = field.remote_field.through.objects.annotate(relation=Value(name))
        grouped.append(
            links.values_list("relation", field.m2m_reverse_field_name())
            .annotate(Count("pk"))
            .order_by()
        )
    counted = grouped[0].union(*grouped[1:], all=True)
    return {(name, pk): count for name, pk, count in counted}


def latest_news_about(target: Park | CooperationPlatform, *, limit: int) -> QuerySet[NewsItem]:
    """Return the newest published items linked to a park or platform, cheaply at any size."""
    relation = "parks" if isinstance(target, Park) else "platforms"
    return _newest_linked(news_item_list(), {relation: [target.pk]}, limit=limit)


def _detailed(items: QuerySet[NewsItem]) -> QuerySet[NewsItem]:
    platforms = CooperationPlatform.objects.published().only("name", "slug", "kind")
    return _listed(items).prefetch_related(
        NewsItem.prefetch_shown("platforms", platforms),
        NewsItem.prefetch_shown("industries", Industry.objects.only("name", "slug")),
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
    park_ids = [park.pk for park in item.shown_parks]
    platform_ids = [platform.pk for platform in item.shown_platforms]
    if not park_ids and not platform_ids:
        return []
    targets = {"parks": park_ids, "platforms": platform_ids}
    items = NewsItem.objects.published().exclude(pk=item.pk)
    items = items.only("title", "slug", "published_at", "published_precision")
    return list(_newest_linked(items, targets, limit=limit))


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
