from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets

from parks.filters import CooperationPlatformFilter, IndustryFilter, KeyFigureFilter, ParkFilter
from parks.models import CooperationPlatform, Industry, KeyFigure, Park
from parks.serializers import (
    IndustrySerializer,
    KeyFigureSerializer,
    ParkListSerializer,
    ParkSerializer,
    PlatformListSerializer,
    PlatformSerializer,
)
from portal.api.access import PublicationMixin
from portal.api.conditional import ConditionalGetMixin


class ParkViewSet(PublicationMixin, ConditionalGetMixin, viewsets.ModelViewSet):
    """Innovation parks: profiles, partner countries, focus industries, platforms."""

    queryset = Park.objects.all()
    lookup_field = "slug"
    lookup_value_converter = "text"
    filterset_class = ParkFilter

    def get_serializer_class(self):
        return ParkListSerializer if self.action == "list" else ParkSerializer

    def published_queryset(self) -> QuerySet[Park]:
        return self.with_relations(
            Park.objects.published(), CooperationPlatform.objects.published()
        )

    def all_queryset(self) -> QuerySet[Park]:
        return self.with_relations(Park.objects.all(), CooperationPlatform.objects.all())

    def with_relations(self, parks, platforms) -> QuerySet[Park]:
        parks = parks.prefetch_related("partner_countries", "focus_industries")
        if self.action == "list":
            return parks
        platforms = platforms.only("name", "slug", "kind", "park_id")
        return parks.prefetch_related(
            "sponsors",
            "notable_companies",
            "designations",
            Prefetch("platforms", queryset=platforms),
        )


class CooperationPlatformViewSet(PublicationMixin, ConditionalGetMixin, viewsets.ModelViewSet):
    """Cooperation platforms: institutes, centres and networks that belong to a park or a region."""

    queryset = CooperationPlatform.objects.all()
    lookup_field = "slug"
    lookup_value_converter = "text"
    filterset_class = CooperationPlatformFilter

    def get_serializer_class(self):
        return PlatformListSerializer if self.action == "list" else PlatformSerializer

    def published_queryset(self) -> QuerySet[CooperationPlatform]:
        # Prefetching the park from published parks leaves `park` empty when its park is a draft.
        parks = Prefetch("park", queryset=Park.objects.published())
        return CooperationPlatform.objects.published().prefetch_related(parks)

    def all_queryset(self) -> QuerySet[CooperationPlatform]:
        return CooperationPlatform.objects.select_related("park")


class KeyFigureQueries:
    queryset = KeyFigure.objects.all()
    serializer_class = KeyFigureSerializer
    filterset_class = KeyFigureFilter

    def published_queryset(self) -> QuerySet[KeyFigure]:
        return self.ordered(KeyFigure.objects.public())

    def all_queryset(self) -> QuerySet[KeyFigure]:
        return self.ordered(KeyFigure.objects.all())

    def ordered(self, figures) -> QuerySet[KeyFigure]:
        return figures.select_related("park").order_by("park__name", "metric", "as_of", "pk")


class KeyFigureViewSet(
    KeyFigureQueries, PublicationMixin, ConditionalGetMixin, viewsets.ModelViewSet
):
    """Key figures about parks over time, with the sentence each came from."""

    lookup_value_converter = "int"


@extend_schema_view(
    list=extend_schema(parameters=[OpenApiParameter("park_slug", str, OpenApiParameter.PATH)])
)
class ParkKeyFigureViewSet(
    KeyFigureQueries,
    PublicationMixin,
    ConditionalGetMixin,
    mixins.ListModelMixin,
    viewsets.GenericViewSet,
):
    """One park's figures: 404 for a park that is unknown or not visible."""

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return KeyFigure.objects.none()
        parks = Park.objects.all() if self.wants_unpublished() else Park.objects.published()
        park = get_object_or_404(parks, slug=self.kwargs["park_slug"])
        return super().get_queryset().filter(park=park)


class IndustryViewSet(ConditionalGetMixin, viewsets.ModelViewSet):
    """Industries that parks focus on and news is tagged with."""

    queryset = Industry.objects.all()
    serializer_class = IndustrySerializer
    lookup_field = "slug"
    lookup_value_converter = "text"
    filterset_class = IndustryFilter
    last_modified_field = None
