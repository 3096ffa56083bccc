"""Public reads of news: every one starts from `NewsItem.objects.published()`."""

import datetime as dt
import operator
from collections.abc import Mapping
from functools import reduce

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Value
from django.http import Http404
from django.utils import timezone

from news.filters import PublishedNewsFilter
from news.listings import newest_linked, newest_listed_ids
from news.models import NewsImage, NewsItem
from news.shown_links import (
    RELATIONS,
    attach_rows,
    linked_rows,
    shown_calls,
    with_shown,
)
from parks.models import CooperationPlatform, Park
from portal.per_generation import once_per_generation
from portal.prepared import PreparedQuery, Shape, attach_prefetched, run_together

RELATED_LIMIT = 5
# What a news card shows (templates/jinja2/includes/news_card.html), besides the parks it
# shows: building an item's other twenty fields cost a park page 2 % of its CPU.
CARD_FIELDS = ("title", "slug", "lead", "published_at", "published_precision")


def _listed(items: QuerySet[NewsItem]) -> QuerySet[NewsItem]:
    return with_shown(items.select_related("channel"), "parks")


def news_item_list(*, filters: Mapping | None = None) -> QuerySet[NewsItem]:
    """Return published items for listings, newest first, narrowed by query parameters."""
    # Listings show the lead, never the body: leaving 2–4 KB bodies out keeps deep pages cheap.
    items = _listed(NewsItem.objects.published()).defer("body", "body_html", "imported_values")
    if filters:
        items = PublishedNewsFilter(filters, queryset=items).qs
    return items


# For news related to several parks and platforms at once: above this many links, walking the
# newest-first index and probing the link tables finds the newest few in about (published
# items ÷ links) steps; below it, sorting the links is cheaper. At 100,000 items a platform's
# 500 links took 7 ms to sort and 16–22 ms to walk to its 20 newest on PostgreSQL. One park's
# or platform's newest are read from its own listing instead (news/listings.py).
WALK_INDEX_ABOVE = 1500


def _newest_linked_to_any(
    items: QuerySet[NewsItem], targets: Mapping[str, list[int]], *, walk: bool
) -> QuerySet[NewsItem]:
    """Return the newest of `items` linked to any target ({"parks": ids, "platforms": ids}).

    Joining a park's 4,000 links and sorting them cost SQLite 18 ms; an EXISTS probe while
    walking the (status, published_at) index costs 2 ms, but would walk the whole index for
    a park with a handful of items, so the number of links (`link_counts`) picks the plan.
    """
    targets = {name: ids for name, ids in targets.items() if ids}
    if not targets:
        return items.none()
    if walk:
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
        return items.filter(Exists(probes[0].union(*probes[1:], all=True)))
    joined = reduce(operator.or_, (Q(**{f"{name}__in": ids}) for name, ids in targets.items()))
    return items.filter(joined).distinct()


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


def latest_news_about(target: Park | CooperationPlatform, *, limit: int) -> list[NewsItem]:
    """Return the newest published items linked to a park or platform, from its listing."""
    return latest_news_from(run_together(latest_news_calls(target, limit=limit)))


def latest_news_calls(target: Park | CooperationPlatform, *, limit: int) -> list:
    """The prepared queries (with their values) that load `target`'s newest items and the
    parks each shows, for `run_together`: the parks' query selects the items again as a
    subquery, so both reach the database in one round trip."""
    relation = "parks" if isinstance(target, Park) else "platforms"
    values = {"now": timezone.now(), "relation": relation, "target": target.pk, "limit": limit}
    return [(_LATEST, values), (_LATEST_PARKS, values)]


def latest_news_from(loaded: list[list]) -> list[NewsItem]:
    """Return the items `latest_news_calls` loaded, each with the parks it shows."""
    items, parks = loaded
    attach_rows(items, ("parks",), [parks])
    return items


def _walks(targets: Mapping[str, list[int]]) -> bool:
    counts = link_counts()
    link_total = sum(counts.get((name, pk), 0) for name, ids in targets.items() for pk in ids)
    return link_total > WALK_INDEX_ABOVE


def _build_latest(now, relation, target, limit):
    # Not from published(): the listing's own status and time, which its triggers keep equal
    # to the item's, make these published items. Bounding the item's time too made
    # PostgreSQL's estimate for the query's prepared (generic) plan count that bound twice,
    # so it planned the query afresh on every request: 0.4–0.6 ms of its CPU.
    items = NewsItem.objects.select_related("channel")
    items = items.only(*CARD_FIELDS, "channel__name", "channel__slug")
    return newest_linked(items, relation, target, now=now)[:limit]


_LATEST = PreparedQuery(_build_latest, now=dt.datetime, relation=Shape, target=int, limit=Shape)
_LATEST_PARKS = PreparedQuery(
    lambda now, relation, target, limit: linked_rows(
        "parks", newest_listed_ids(relation, target, now=now, limit=limit)
    ),
    now=dt.datetime,
    relation=Shape,
    target=int,
    limit=Shape,
)

_ITEM_BY_SLUG = PreparedQuery(
    lambda slug, now: (
        NewsItem.objects.published(now=now)
        .defer("body", "imported_values")  # body_html is shown
        .select_related("channel")
        .filter(slug=slug)[:1]
    ),
    slug=str,
    now=dt.datetime,
)
_ITEM_BY_PK = PreparedQuery(
    lambda pk: NewsItem.objects.select_related("channel").filter(pk=pk)[:1], pk=int
)
_IMAGES = PreparedQuery(lambda item: NewsImage.objects.filter(item=item), item=int)


def _detailed(rows: list[NewsItem]) -> NewsItem:
    """Return the one item in `rows` with the links and images its page shows, or 404."""
    if not rows:
        raise Http404("No published news item has this address.")
    item = rows[0]
    *shown, images = run_together([*shown_calls([item], RELATIONS), (_IMAGES, {"item": item.pk})])
    attach_rows([item], RELATIONS, shown)
    attach_prefetched(item, "images", images)
    return item


def news_item_detail(*, slug: str) -> NewsItem:
    """Return the published item with its links to published parks and platforms, or 404."""
    return _detailed(_ITEM_BY_SLUG(slug=slug, now=timezone.now()))


def news_item_preview(*, pk: int) -> NewsItem:
    """Return any item, published or not, as its page would show it: for permission-checked staff preview."""
    return _detailed(_ITEM_BY_PK(pk=pk))


def _build_related(now, item, parks, platforms, walk):
    items = NewsItem.objects.published(now=now).exclude(pk=item)
    items = items.only("title", "slug", "published_at", "published_precision")
    targets = {"parks": parks, "platforms": platforms}
    return _newest_linked_to_any(items, targets, walk=walk)[:RELATED_LIMIT]


_RELATED = PreparedQuery(
    _build_related, now=dt.datetime, item=int, parks=[int], platforms=[int], walk=Shape
)


def related_news(item: NewsItem) -> list[NewsItem]:
    """Return the newest other items that share a park or platform with `item`."""
    parks = [park.pk for park in item.shown_parks]
    platforms = [platform.pk for platform in item.shown_platforms]
    if not parks and not platforms:
        return []
    targets = {"parks": parks, "platforms": platforms}
    return _RELATED(
        now=timezone.now(), item=item.pk, parks=parks, platforms=platforms, walk=_walks(targets)
    )


_NEIGHBOUR_FIELDS = ("title", "slug", "published_at", "published_precision")
# The plain bound lets the database walk its (status, published_at) index from `when`.
# Older items need no "published by now" bound (`when` is past): given both, SQLite
# started its walk at now and stepped through every newer item to reach `when`.
_OLDER = PreparedQuery(
    lambda when, item: (
        NewsItem.objects.filter(
            Q(published_at__lt=when) | Q(pk__lt=item),
            status=NewsItem.Status.PUBLISHED,
            published_at__lte=when,
        )
        .only(*_NEIGHBOUR_FIELDS)
        .order_by("-published_at", "-pk")[:1]
    ),
    when=dt.datetime,
    item=int,
)
_NEWER = PreparedQuery(
    lambda when, item, now: (
        NewsItem.objects.published(now=now)
        .filter(Q(published_at__gt=when) | Q(pk__gt=item), published_at__gte=when)
        .only(*_NEIGHBOUR_FIELDS)
        .order_by("published_at", "pk")[:1]
    ),
    when=dt.datetime,
    item=int,
    now=dt.datetime,
)


def neighbours(item: NewsItem) -> tuple[NewsItem | None, NewsItem | None]:
    """Return the previous (older) and next (newer) published items around `item`."""
    older, newer = run_together(
        [
            (_OLDER, {"when": item.published_at, "item": item.pk}),
            (_NEWER, {"when": item.published_at, "item": item.pk, "now": timezone.now()}),
        ]
    )
    return (older[0] if older else None), (newer[0] if newer else None)
