"""Public reads of parks and platforms, each starting from `published()` or `public()`."""

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from news.selectors import latest_news_calls, latest_news_from
from parks.figures import headline_figures
from parks.models import (
    CooperationPlatform,
    Country,
    Designation,
    Industry,
    KeyFigure,
    Organization,
    Park,
    ParkPhoto,
)
from portal.prepared import PreparedQuery, attach_prefetched, run_together


def _public_figure_rows() -> QuerySet[KeyFigure]:
    figures = KeyFigure.objects.public().select_related("source_document").order_by("as_of", "pk")
    return figures.defer("source_document__raw_text")


_PARK_BY_SLUG = PreparedQuery(lambda slug: Park.objects.published().filter(slug=slug)[:1], slug=str)
# What a park's page shows besides the park, each a prepared query on the park's id: as one
# prefetch_related call, building these eight queries cost more than the rest of the page.
_PARK_PARTS = {
    "partner_countries": PreparedQuery(lambda park: Country.objects.filter(parks=park), park=int),
    "sponsors": PreparedQuery(
        lambda park: Organization.objects.filter(sponsored_parks=park), park=int
    ),
    "notable_companies": PreparedQuery(
        lambda park: Organization.objects.filter(host_parks=park), park=int
    ),
    "focus_industries": PreparedQuery(lambda park: Industry.objects.filter(parks=park), park=int),
    "designations": PreparedQuery(lambda park: Designation.objects.filter(park=park), park=int),
    "photos": PreparedQuery(lambda park: ParkPhoto.objects.filter(park=park), park=int),
    "platforms": PreparedQuery(
        lambda park: (
            CooperationPlatform.objects.published()
            .only("name", "slug", "kind", "park_id")
            .filter(park=park)
        ),
        park=int,
    ),
    "key_figures": PreparedQuery(lambda park: _public_figure_rows().filter(park=park), park=int),
}


def park_detail(*, slug: str, news: int) -> Park:
    """Return a published park with everything its page shows, or 404, its `news` newest
    items as `latest_news`.

    The parts and the news reach the database together: in one round trip on PostgreSQL.
    """
    found = _PARK_BY_SLUG(slug=slug)
    if not found:
        raise Http404("No published park has this address.")
    park = found[0]
    parts = [(query, {"park": park.pk}) for query in _PARK_PARTS.values()]
    loaded = run_together([*parts, *latest_news_calls(park, limit=news)])
    for relation, rows in zip(_PARK_PARTS, loaded[: len(parts)], strict=True):
        attach_prefetched(park, relation, rows)
    park.latest_news = latest_news_from(loaded[len(parts) :])
    return park


def platform_list() -> QuerySet[CooperationPlatform]:
    """Return published platforms with their park."""
    return CooperationPlatform.objects.published().select_related("park")


def featured_platforms(*, limit: int = 6) -> list[CooperationPlatform]:
    """Return platforms for the home page, featured ones first: their names and kinds."""
    platforms = CooperationPlatform.objects.published().only("name", "slug", "kind")
    return list(platforms.order_by("-is_featured", "name")[:limit])


def platform_detail(*, slug: str) -> CooperationPlatform:
    """Return a published platform, or 404."""
    return get_object_or_404(platform_list(), slug=slug)


# What a park card shows (home page, park index): neither the park's profile nor where each
# figure came from, whose 300 source documents took a third of the home page's time.
_CARD_FIELDS = ("name", "slug", "tagline", "city", "province")
_CARD_FIGURE_FIELDS = (
    *("park", "metric", "change", "label", "value", "unit", "qualifier"),
    *("as_of", "as_of_precision", "created_at"),
)


def park_overview() -> list[Park]:
    """Return published parks, each with `headline_figures` (latest values of its first series)."""
    figures = KeyFigure.objects.public().only(*_CARD_FIGURE_FIELDS).order_by("as_of", "pk")
    cards = Park.objects.published().only(*_CARD_FIELDS)
    parks = list(
        cards.prefetch_related("partner_countries", Prefetch("key_figures", queryset=figures))
    )
    for park in parks:
        park.headline_figures = headline_figures(park.key_figures.all())
    return parks
