"""Filters for published parks, platforms and key figures (used by the API)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from parks.models import CooperationPlatform, Country, Industry, KeyFigure, Park
from portal.api.filtering import StableOrderingFilter, UtcIsoDateTimeFilter
from portal.filtersets import FilterSet
from portal.search import MAX_QUERY_LENGTH, filter_text

PARK_SEARCH_FIELDS = {"name": "A", "short_name": "A", "tagline": "B", "summary": "C"}
PLATFORM_SEARCH_FIELDS = {"name": "A", "description": "C"}


class TextSearchFilter(django_filters.CharFilter):
    """Match every word of `q` in the given fields (ranked full text on PostgreSQL)."""

    def __init__(self, *, fields: dict[str, str], **kwargs):
        kwargs.setdefault("label", _("Text"))
        super().__init__(max_length=MAX_QUERY_LENGTH, strip=True, **kwargs)
        self.search_fields = fields

    def filter(self, qs, value):
        return filter_text(qs, value, self.search_fields) if value else qs


class ParkFilter(FilterSet):
    q = TextSearchFilter(fields=PARK_SEARCH_FIELDS)
    country = django_filters.ModelChoiceFilter(
        label=_("Partner country (ISO code)"),
        field_name="partner_countries",
        to_field_name="code",
        queryset=Country.objects.all(),
    )
    industry = django_filters.ModelChoiceFilter(
        label=_("Focus industry"),
        field_name="focus_industries",
        to_field_name="slug",
        queryset=Industry.objects.all(),
    )
    updated_since = UtcIsoDateTimeFilter(field_name="updated_at", lookup_expr="gte")
    ordering = StableOrderingFilter(fields=("name", "established", "updated_at"))

    class Meta:
        model = Park
        fields = ("q", "country", "industry", "province", "city", "updated_since", "ordering")


class CooperationPlatformFilter(FilterSet):
    q = TextSearchFilter(fields=PLATFORM_SEARCH_FIELDS)
    park = django_filters.ModelChoiceFilter(to_field_name="slug", queryset=Park.objects.published())
    updated_since = UtcIsoDateTimeFilter(field_name="updated_at", lookup_expr="gte")
    ordering = StableOrderingFilter(fields=("name", "kind", "updated_at"))

    class Meta:
        model = CooperationPlatform
        fields = ("q", "park", "kind", "updated_since", "ordering")


class KeyFigureFilter(FilterSet):
    park = django_filters.ModelChoiceFilter(to_field_name="slug", queryset=Park.objects.published())
    as_of_after = django_filters.DateFilter(field_name="as_of", lookup_expr="gte")
    as_of_before = django_filters.DateFilter(field_name="as_of", lookup_expr="lte")
    updated_since = UtcIsoDateTimeFilter(field_name="updated_at", lookup_expr="gte")
    ordering = StableOrderingFilter(fields=("as_of", "metric", "value", "updated_at"))

    class Meta:
        model = KeyFigure
        fields = (
            "park",
            "metric",
            "change",
            "as_of_after",
            "as_of_before",
            "updated_since",
            "ordering",
        )


class IndustryFilter(FilterSet):
    q = TextSearchFilter(fields={"name": "A", "description": "C"})
    ordering = StableOrderingFilter(fields=("name",))

    class Meta:
        model = Industry
        fields = ("q", "ordering")
