"""A FilterSet that copies its filters cheaply for each request.

django-filter deep-copies every declared filter for each FilterSet it builds, with their
querysets, widgets and choices: 336 copies and about a tenth of a news index page's time. A
request changes only a filter's own attributes (its parent and model, the form field it
caches) and its `extra` options, so a shallow copy with its own `extra` keeps requests apart.
"""

import copy
from collections import OrderedDict

import django_filters
from django_filters.filters import Filter, FilterMethod


class _FreshCopies(OrderedDict):
    """The declared filters; deepcopy() (FilterSet.__init__'s) gives each a fresh copy."""

    def __deepcopy__(self, memo):
        return OrderedDict((name, fresh_copy(declared)) for name, declared in self.items())


class FilterSet(django_filters.FilterSet):
    @classmethod
    def get_filters(cls):
        return _FreshCopies(super().get_filters())


def fresh_copy(declared: Filter) -> Filter:
    """Return a copy of `declared` that a request can bind to its FilterSet."""
    fresh = copy.copy(declared)
    fresh.extra = dict(declared.extra)
    fresh.__dict__.pop("_field", None)
    fresh.__dict__.pop("parent", None)
    if isinstance(fresh.__dict__.get("filter"), FilterMethod):
        fresh.filter = FilterMethod(fresh)  # `method=` names a method of the copy's parent
    return fresh
