import pytest
from django.urls import reverse

from tests.news.factories import NewsItemFactory
from tests.parks.factories import ParkFactory, PlatformFactory

pytestmark = pytest.mark.django_db


def test_platform_index_lists_published_platforms_with_kind_and_park(client):
    PlatformFactory(
        name="Israel Innovation Center", park=ParkFactory(name="CICP"), kind="innovation_center"
    )
    PlatformFactory(name="Draft Lab", is_published=False)

    text = client.get(reverse("parks:platform-list")).text

    assert "Israel Innovation Center" in text
    assert "innovation centre" in text
    assert "CICP" in text
    assert "Draft Lab" not in text


def test_platform_page_shows_description_and_news_mentioning_it(client):
    platform = PlatformFactory(description="A bridge between two ecosystems.")
    NewsItemFactory(title="Mentions it").platforms.add(platform)
    NewsItemFactory(title="Does not")

    text = client.get(platform.get_absolute_url()).text

    assert "A bridge between two ecosystems." in text
    assert "Mentions it" in text
    assert "Does not" not in text


def test_platform_of_an_unpublished_park_does_not_link_it(client):
    platform = PlatformFactory(park=ParkFactory(name="Secret Park", is_published=False))

    assert "Secret Park" not in client.get(platform.get_absolute_url()).text


def test_unpublished_platform_is_not_found(client):
    platform = PlatformFactory(is_published=False)

    assert client.get(platform.get_absolute_url()).status_code == 404


def test_platform_pages_query_count_does_not_grow(client, django_assert_max_num_queries):
    platforms = PlatformFactory.create_batch(15)
    for _ in range(20):
        NewsItemFactory().platforms.add(platforms[0])

    with django_assert_max_num_queries(8):
        assert client.get(reverse("parks:platform-list")).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(platforms[0].get_absolute_url()).status_code == 200
