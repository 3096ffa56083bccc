import datetime as dt

import pytest
from django.urls import reverse

from parks.models import Designation, KeyFigure
from tests.news.factories import NewsItemFactory, SourceDocumentFactory
from tests.parks.factories import (
    CountryFactory,
    IndustryFactory,
    KeyFigureFactory,
    OrganizationFactory,
    ParkFactory,
    PlatformFactory,
)

pytestmark = pytest.mark.django_db


def test_park_index_lists_published_parks_with_city_and_countries(client):
    park = ParkFactory(name="Sino-Swiss Park", city="Changzhou")
    park.partner_countries.add(CountryFactory(code="CH", name="Switzerland"))
    ParkFactory(name="Draft Park", is_published=False)

    text = client.get(reverse("parks:park-list")).text

    assert "Sino-Swiss Park" in text
    assert "Switzerland" in text
    assert "Draft Park" not in text


def test_park_page_shows_the_profile(client):
    park = ParkFactory(
        name="CICP",
        tagline="Pilot of cooperation",
        profile="First.\n\nSecond.",
        hotline="86 0519 1",
    )
    park.partner_countries.add(CountryFactory(code="IL", name="Israel"))
    park.sponsors.add(OrganizationFactory(name="Ministry of Science"))
    park.focus_industries.add(IndustryFactory(name="Medical devices"))
    Designation.objects.create(park=park, title="National Medical Device Park")
    PlatformFactory(name="Published Platform", park=park)
    PlatformFactory(name="Draft Platform", park=park, is_published=False)

    text = client.get(park.get_absolute_url()).text

    for expected in [
        "Pilot of cooperation",
        "<p>Second.</p>",
        "Israel",
        "Ministry of Science",
        "Medical devices",
        "National Medical Device Park",
        "Published Platform",
        "86 0519 1",
    ]:
        assert expected in text
    assert "Draft Platform" not in text


def test_park_page_shows_the_founding_date_at_its_precision(client):
    park = ParkFactory(established=dt.date(2015, 1, 1), established_precision="month")

    assert "January 2015" in client.get(park.get_absolute_url()).text


def test_park_page_lists_its_latest_news(client):
    park = ParkFactory()
    NewsItemFactory(title="Park news").parks.add(park)
    NewsItemFactory(title="Other news")

    text = client.get(park.get_absolute_url()).text

    assert "Park news" in text
    assert "Other news" not in text
    assert f"?park={park.slug}" in text


def test_unpublished_and_unknown_parks_are_not_found(client):
    draft = ParkFactory(is_published=False)

    assert client.get(draft.get_absolute_url()).status_code == 404
    assert (
        client.get(reverse("parks:park-detail", kwargs={"slug": "no-such-park"})).status_code == 404
    )


def test_a_series_of_figures_is_drawn_as_an_accessible_chart_with_a_table(client):
    park = ParkFactory()
    for year, value in [(2017, 40), (2018, 80), (2019, 120)]:
        KeyFigureFactory(
            park=park,
            value=value,
            as_of=dt.date(year, 12, 31),
            as_of_precision="year",
            source_sentence=f"By {year} there were {value} enterprises.",
            source_document=SourceDocumentFactory(name=f"profile-{year}.txt"),
        )

    text = client.get(park.get_absolute_url()).text

    assert '<svg class="chart"' in text
    assert 'role="img"' in text
    assert "<title id=" in text and "<desc id=" in text
    assert text.count('<circle class="chart__point"') == 3
    assert "<table" in text
    assert "By 2018 there were 80 enterprises." in text
    assert "profile-2019.txt" in text


def test_a_single_figure_is_shown_as_a_value_with_date_and_source(client):
    park = ParkFactory()
    KeyFigureFactory(
        park=park,
        metric="area",
        label="Area",
        value=3,
        unit="km²",
        as_of=dt.date(2020, 1, 1),
        as_of_precision="year",
        source_sentence="The park covers 3 km².",
    )

    text = client.get(park.get_absolute_url()).text

    assert "<svg" not in text
    assert "3 km²" in text
    assert "as of 2020" in text
    assert "The park covers 3 km²." in text


def test_unconfirmed_figures_are_not_shown(client):
    park = ParkFactory()
    KeyFigureFactory(park=park, label="Pending figure", status=KeyFigure.Status.PENDING)
    KeyFigureFactory(
        park=park, metric="x", label="Rejected figure", status=KeyFigure.Status.REJECTED
    )

    text = client.get(park.get_absolute_url()).text

    assert "Pending figure" not in text
    assert "Rejected figure" not in text


def test_total_and_added_figures_form_separate_series(client):
    park = ParkFactory()
    KeyFigureFactory(park=park, value=100, as_of=dt.date(2019, 1, 1), change=KeyFigure.Change.TOTAL)
    KeyFigureFactory(park=park, value=20, as_of=dt.date(2019, 1, 1), change=KeyFigure.Change.ADDED)

    series = client.get(park.get_absolute_url()).context["series"]

    assert sorted((one.change, len(one.points)) for one in series) == [("added", 1), ("total", 1)]


def test_park_page_query_count_does_not_grow(client, django_assert_max_num_queries):
    park = ParkFactory()
    park.partner_countries.add(*CountryFactory.create_batch(3))
    park.sponsors.add(*OrganizationFactory.create_batch(3))
    park.focus_industries.add(*IndustryFactory.create_batch(3))
    PlatformFactory.create_batch(5, park=park)
    for metric in ("a", "b", "c"):
        for year in range(2010, 2020):
            KeyFigureFactory(
                park=park,
                metric=metric,
                as_of=dt.date(year, 1, 1),
                source_document=SourceDocumentFactory(),
            )
    for _ in range(20):
        NewsItemFactory().parks.add(park)

    with django_assert_max_num_queries(20):
        response = client.get(park.get_absolute_url())

    assert response.status_code == 200


def test_park_index_query_count_does_not_grow(client, django_assert_max_num_queries):
    for park in ParkFactory.create_batch(10):
        park.partner_countries.add(CountryFactory())
        KeyFigureFactory.create_batch(3, park=park)

    with django_assert_max_num_queries(10):
        response = client.get(reverse("parks:park-list"))

    assert response.status_code == 200


def test_park_and_news_pages_answer_head_requests(client):
    park = ParkFactory()
    item = NewsItemFactory()

    for url in (park.get_absolute_url(), item.get_absolute_url(), "/parks/", "/news/"):
        response = client.head(url)
        assert response.status_code == 200, url
        assert "Last-Modified" in response.headers
