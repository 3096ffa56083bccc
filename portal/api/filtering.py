"""Filtering for list endpoints that answers 400 to anything it does not recognise."""

import datetime as dt

import django_filters
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_filters.fields import IsoDateTimeField
from django_filters.rest_framework import DjangoFilterBackend

from portal.api.exceptions import InvalidFilter

MAX_REPORTED_PARAMS = 20


class StrictFilterBackend(DjangoFilterBackend):
    """Apply the view's FilterSet to lists only; reject unknown parameters and invalid values."""

    def filter_queryset(self, request, queryset, view):
        listing = not getattr(view, "detail", False)
        filterset = self.get_filterset(request, queryset, view) if listing else None
        unknown = sorted(set(request.query_params) - known_params(view, filterset, listing=listing))
        if unknown:
            reject(unknown, _("Unknown query parameter."))
        empty = sorted(name for name, values in request.query_params.lists() if "" in values)
        if empty:
            reject(empty, _("Give a value, or leave the parameter out."))
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            raise InvalidFilter({name: list(errors) for name, errors in filterset.errors.items()})
        return filterset.qs


def reject(names: list[str], message: str):
    raise InvalidFilter({name[:100]: [message] for name in names[:MAX_REPORTED_PARAMS]})


def known_params(view, filterset, *, listing: bool) -> set[str]:
    known = set(getattr(view, "extra_query_params", ()))
    if filterset is not None:
        known |= set(filterset.filters)
    paginator = getattr(view, "paginator", None)
    if listing and paginator is not None:
        known |= paginator.get_query_params()
    return known


class StableOrderingFilter(django_filters.OrderingFilter):
    """Order by whitelisted fields, then by primary key, so pages never overlap."""

    def filter(self, qs, value):
        if value and "" in value:
            raise InvalidFilter({self.field_name: [_("Name a field between each pair of commas.")]})
        qs = super().filter(qs, value)
        return qs.order_by(*qs.query.order_by, "pk") if value else qs


class UtcIsoDateTimeField(IsoDateTimeField):
    def to_python(self, value):
        moment = super().to_python(value)
        try:
            # PostgreSQL rejects offsets beyond ±15:59 that ISO 8601 (and Python) allow.
            return moment.astimezone(dt.UTC) if moment else moment
        except OverflowError:
            raise ValidationError(_("Enter a date and time within years 1 to 9999.")) from None


class UtcIsoDateTimeFilter(django_filters.IsoDateTimeFilter):
    """Filter on an ISO 8601 date and time, compared in UTC."""

    field_class = UtcIsoDateTimeField
