"""Filters for published news, shared by the news pages and the API."""

from copy import deepcopy

import django_filters
from django import forms
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from news.listings import newest_linked
from news.models import Channel, NewsItem, Withdrawal
from news.withdrawals import applying_to
from parks.models import CooperationPlatform, Industry, Park
from portal.api.filtering import StableOrderingFilter, UtcIsoDateTimeFilter
from portal.filtersets import FilterSet
from portal.search import MAX_QUERY_LENGTH, filter_text
from portal.widgets import NamedModelChoiceFilter, QuickSelect

NEWS_SEARCH_FIELDS = {"title": "A", "lead": "B", "body": "C"}
FIRST_YEAR = 2000


def year_choices():
    """Offer the years from FIRST_YEAR to this one, newest first."""
    years = range(timezone.localdate().year, FIRST_YEAR - 1, -1)
    return [("", _("Any year")), *((year, str(year)) for year in years)]


def month_choices():
    """Offer the months by name in the active language."""
    return [("", _("Any month")), *MONTHS.items()]


class NewsItemFilter(FilterSet):
    q = django_filters.CharFilter(
        label=_("Text"),
        method="filter_q",
        max_length=MAX_QUERY_LENGTH,
        strip=True,
        error_messages={
            "max_length": _("Please shorten your search to %(limit_value)d characters.")
        },
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    park = NamedModelChoiceFilter(
        label=_("Park"),
        field_name="parks",
        to_field_name="slug",
        queryset=Park.objects.published(),
        empty_label=_("All parks"),
    )
    platform = NamedModelChoiceFilter(
        label=_("Platform"),
        field_name="platforms",
        to_field_name="slug",
        queryset=CooperationPlatform.objects.published(),
        empty_label=_("All platforms"),
    )
    industry = NamedModelChoiceFilter(
        label=_("Industry"),
        field_name="industries",
        to_field_name="slug",
        queryset=Industry.objects.all(),
        empty_label=_("All industries"),
    )
    channel = NamedModelChoiceFilter(
        label=_("Channel"),
        to_field_name="slug",
        queryset=Channel.objects.all(),
        empty_label=_("All channels"),
    )
    year = django_filters.TypedChoiceFilter(
        label=_("Year"),
        field_name="published_at",
        lookup_expr="year",
        choices=year_choices,
        coerce=int,
        widget=QuickSelect,
    )
    month = django_filters.TypedChoiceFilter(
        label=_("Month"),
        field_name="published_at",
        lookup_expr="month",
        choices=month_choices,
        coerce=int,
        widget=QuickSelect,
    )

    class Meta:
        model = NewsItem
        fields = ("q", "park", "platform", "industry", "channel", "year", "month")

    def filter_q(self, queryset, name, value):
        return filter_text(queryset, value, NEWS_SEARCH_FIELDS, rare_first=True)


class NewsItemApiFilter(NewsItemFilter):
    """The news filters, plus the date ranges and ordering API clients need."""

    published_after = django_filters.DateFilter(
        label=_("Published on or after"), field_name="published_at", lookup_expr="date__gte"
    )
    published_before = django_filters.DateFilter(
        label=_("Published on or before"), field_name="published_at", lookup_expr="date__lte"
    )
    updated_since = UtcIsoDateTimeFilter(
        label=_("Changed at or after"), field_name="updated_at", lookup_expr="gte"
    )
    ordering = StableOrderingFilter(fields=("published_at", "event_date", "title", "updated_at"))
    # Described as integers: the schema would otherwise take the type of published_at.
    year = extend_schema_field({"type": "integer", "minimum": FIRST_YEAR})(
        django_filters.TypedChoiceFilter(
            field_name="published_at", lookup_expr="year", choices=year_choices, coerce=int
        )
    )
    month = extend_schema_field({"type": "integer", "minimum": 1, "maximum": 12})(
        django_filters.TypedChoiceFilter(
            field_name="published_at", lookup_expr="month", choices=month_choices, coerce=int
        )
    )

    class Meta(NewsItemFilter.Meta):
        fields = (
            *NewsItemFilter.Meta.fields,
            *("published_after", "published_before", "updated_since", "ordering"),
        )


class NewsItemSyncFilter(NewsItemFilter):
    """Narrow a full copy to some parks, platforms, industries or a channel."""

    q = year = month = None

    class Meta(NewsItemFilter.Meta):
        fields = ("park", "platform", "industry", "channel")


class WithdrawalFilter(NewsItemSyncFilter):
    """The sync list's narrowing, for its withdrawals: a narrowed copy also drops what left it."""

    # Described as slugs: a withdrawal has no park field for the schema to take a type from.
    park, platform, industry, channel = (
        extend_schema_field({"type": "string"})(deepcopy(NewsItemSyncFilter.base_filters[name]))
        for name in NewsItemSyncFilter.Meta.fields
    )

    class Meta(NewsItemSyncFilter.Meta):
        model = Withdrawal

    def filter_queryset(self, queryset):
        scopes = {name: value.slug for name, value in self.form.cleaned_data.items() if value}
        return queryset.filter(applying_to(**scopes))


# The filters whose choice has a newest-first listing, and the relation each narrows by.
_LISTED = {"park": "parks", "platform": "platforms"}


class ReadsListings:
    """For filters over published items only: a chosen park's (or else platform's) items are
    read from its own newest-first listing (news/listings.py), not found by walking every
    item."""

    def filter_queryset(self, queryset):
        chosen = self.form.cleaned_data
        name = next((name for name in _LISTED if chosen.get(name) is not None), None)
        if name is None:
            return super().filter_queryset(queryset)
        year = chosen.get("year") or None
        queryset = newest_linked(queryset, _LISTED[name], chosen[name], year=year)
        # The other filters as FilterSet.filter_queryset applies them; an ordering asked for
        # replaces the listing's.
        for other, value in chosen.items():
            if other != name:
                queryset = self.filters[other].filter(queryset, value)
        return queryset


class PublishedNewsFilter(ReadsListings, NewsItemFilter):
    """The public pages' news filters."""


class PublishedNewsApiFilter(ReadsListings, NewsItemApiFilter):
    """The API's news filters, for readers who see published items only."""
