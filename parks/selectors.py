"""Public reads of parks and platforms, each starting from `published()` or `public()`."""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from parks.figures import headline_figures
from parks.models import CooperationPlatform, KeyFigure, Park


def _public_figures() -> Prefetch:
    figures = KeyFigure.objects.public().select_related("source_document").order_by("as_of", "pk")
    return Prefetch("key_figures", queryset=figures.defer("source_document__raw_text"))


def park_list() -> QuerySet[Park]:
    """Return published parks with their partner countries and public key figures."""
    return Park.objects.published().prefetch_related("partner_countries", _public_figures())


def park_detail(*, slug: str) -> Park:
    """Return a published park with everything its page shows, or 404."""
    platforms = CooperationPlatform.objects.published().only("name", "slug", "kind", "park_id")
    parks = Park.objects.published().prefetch_related(
        "partner_countries",
        "sponsors",
        "notable_companies",
        "focus_industries",
        "designations",
        "photos",
        Prefetch("platforms", queryset=platforms),
        _public_figures(),
    )
    return get_object_or_404(parks, slug=slug)


def platform_list() -> QuerySet[CooperationPlatform]:
    """Return published platforms with their park."""
    return CooperationPlatform.objects.published().select_related("park")


def featured_platforms(*, limit: int = 6) -> list[CooperationPlatform]:
    """Return platforms for the home page: featured ones first."""
    return list(platform_list().order_by("-is_featured", "name")[:limit])


def platform_detail(*, slug: str) -> CooperationPlatform:
    """Return a published platform, or 404."""
    return get_object_or_404(platform_list(), slug=slug)


def park_overview() -> list[Park]:
    """Return published parks, each with `headline_figures` (latest values of its first series)."""
    parks = list(park_list())
    for park in parks:
        park.headline_figures = headline_figures(park.key_figures.all())
    return parks
