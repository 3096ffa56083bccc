"""FilterSets copy their declared filters cheaply, yet each request's stay its own."""

import pytest
from django.db.models import QuerySet

from news.filters import NewsItemFilter
from news.models import NewsItem
from tests.news.factories import NewsItemFactory
from tests.parks.factories import ParkFactory

pytestmark = pytest.mark.django_db


def test_each_filterset_binds_its_own_copies_and_leaves_the_declared_ones_alone():
    first, second = NewsItemFilter({"q": "a"}), NewsItemFilter({"q": "b"})
    assert first.form is not second.form  # builds the form fields

    for name, declared in NewsItemFilter.base_filters.items():
        mine, theirs = first.filters[name], second.filters[name]
        assert mine is not theirs and mine is not declared
        assert mine.parent is first and theirs.parent is second
        assert mine.field is not theirs.field
        assert mine.extra is not theirs.extra is not declared.extra
        assert not hasattr(declared, "parent") and not hasattr(declared, "_field")


def test_a_method_filter_runs_on_its_own_filterset():
    NewsItemFactory(title="Robotics fund opens")
    NewsItemFactory(title="Water summit held")
    items = NewsItem.objects.all()

    robotics = NewsItemFilter({"q": "robotics"}, queryset=items)
    water = NewsItemFilter({"q": "water"}, queryset=items)

    assert [item.title for item in robotics.qs] == ["Robotics fund opens"]
    assert [item.title for item in water.qs] == ["Water summit held"]


def test_a_choice_filter_offers_and_accepts_the_same_parks_request_after_request():
    park = ParkFactory(slug="cicp")
    for _ in range(2):
        filterset = NewsItemFilter({"park": "cicp"}, queryset=NewsItem.objects.all())
        assert filterset.is_valid()
        assert filterset.form.cleaned_data["park"] == park


def test_building_a_filterset_copies_no_queryset(monkeypatch):
    """The deep copy django-filter made of every filter, querysets and all, is not made."""
    copied = []
    original = QuerySet.__deepcopy__
    monkeypatch.setattr(
        QuerySet, "__deepcopy__", lambda qs, memo: copied.append(qs.model) or original(qs, memo)
    )

    assert NewsItemFilter({"park": "cicp"}).form.fields["park"]

    assert copied == []
