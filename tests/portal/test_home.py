import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.news.factories import NewsItemFactory
from tests.parks.factories import CountryFactory, KeyFigureFactory, ParkFactory, PlatformFactory

pytestmark = pytest.mark.django_db


def test_home_shows_latest_news_parks_and_featured_platforms(client):
    park = ParkFactory(name="China-Israel Changzhou Innovation Park", city="Changzhou")
    park.partner_countries.add(CountryFactory(code="IL", name="Israel"))
    KeyFigureFactory(park=park, label="Enterprises", value=230, unit="enterprises")
    NewsItemFactory(title="Latest headline")
    PlatformFactory(name="Featured Hall", is_featured=True)

    text = client.get(reverse("portal:home")).text

    for expected in [
        "Latest headline",
        "China-Israel Changzhou Innovation Park",
        "Israel",
        "Changzhou",
        "230 enterprises",
        "Featured Hall",
    ]:
        assert expected in text


def test_home_puts_featured_platforms_first(client):
    for n in range(6):
        PlatformFactory(name=f"Aaa platform {n}")
    PlatformFactory(name="Zzz featured", is_featured=True)

    platforms = client.get(reverse("portal:home")).context["platforms"]

    assert platforms[0].name == "Zzz featured"


def test_home_hides_drafts(client):
    NewsItemFactory(title="Draft headline", status="draft")
    ParkFactory(name="Draft Park", is_published=False)

    text = client.get(reverse("portal:home")).text

    assert "Draft headline" not in text
    assert "Draft Park" not in text


def test_header_shows_hotline_nav_skip_link_and_landmarks(client):
    text = client.get(reverse("portal:home")).text

    assert 'class="skip-link" href="#main"' in text
    assert '<main id="main"' in text
    assert 'href="tel:' in text
    assert 'aria-current="page"' in text


def test_home_query_count_does_not_grow(client, django_assert_max_num_queries):
    for park in ParkFactory.create_batch(8):
        park.partner_countries.add(CountryFactory())
        KeyFigureFactory.create_batch(4, park=park)
        PlatformFactory(park=park)
        for _ in range(5):
            NewsItemFactory().parks.add(park)

    with django_assert_max_num_queries(14):
        response = client.get(reverse("portal:home"))

    assert response.status_code == 200


def test_park_cards_read_only_what_they_show(client, settings):
    """Neither the parks' profiles nor the figures' source documents: a third of the page."""
    settings.PAGE_CACHE = False
    park = ParkFactory(profile="A long profile " * 200, city="Changzhou")
    KeyFigureFactory(park=park, label="Companies", value=120, as_of=None)  # undated: created_at

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("portal:home"))

    assert "Companies" in response.text and "Changzhou" in response.text
    read = " ".join(query["sql"] for query in queries)
    assert "news_sourcedocument" not in read
    assert '"parks_park"."profile"' not in read
