import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date

from news.models import NewsItem
from tests.news.factories import NewsItemFactory
from tests.parks.factories import ParkFactory

pytestmark = pytest.mark.django_db

PAGES = ["portal:home", "parks:park-list", "parks:platform-list", "news:item-list", "portal:search"]


@pytest.mark.parametrize("name", PAGES)
def test_pages_carry_last_modified_and_ask_browsers_to_revalidate(client, name):
    response = client.get(reverse(name))

    assert response.has_header("Last-Modified")
    assert "no-cache" in response["Cache-Control"]


def test_repeat_visit_gets_not_modified(client):
    NewsItemFactory()
    first = client.get(reverse("news:item-list"))

    repeat = client.get(reverse("news:item-list"), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert repeat.status_code == 304


def test_an_edit_after_the_visit_gives_a_fresh_page(client):
    item = NewsItemFactory(title="Before")
    seen = http_date(timezone.now().timestamp() - 60)
    NewsItem.objects.filter(pk=item.pk).update(title="After", updated_at=timezone.now())

    response = client.get(reverse("news:item-list"), HTTP_IF_MODIFIED_SINCE=seen)

    assert response.status_code == 200
    assert "After" in response.text


def test_unpublishing_a_park_counts_as_a_change(client):
    park = ParkFactory()
    seen = http_date(timezone.now().timestamp() - 60)
    park.is_published = False
    park.save()

    assert client.get(reverse("parks:park-list"), HTTP_IF_MODIFIED_SINCE=seen).status_code == 200


def test_a_scheduled_item_reaching_its_time_counts_as_a_change(client):
    created = timezone.now() - dt.timedelta(hours=2)
    item = NewsItemFactory(published_at=timezone.now() - dt.timedelta(minutes=1))
    NewsItem.objects.filter(pk=item.pk).update(updated_at=created)
    seen = http_date(timezone.now().timestamp() - 600)

    assert client.get(reverse("news:item-list"), HTTP_IF_MODIFIED_SINCE=seen).status_code == 200


def test_deleting_an_item_makes_the_next_visit_fetch_a_fresh_page(client):
    import datetime as dt

    import time_machine

    from tests.news.factories import NewsItemFactory

    # Later than the process start, which also counts as a change.
    start = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=1)
    with time_machine.travel(start, tick=False):
        kept = NewsItemFactory(title="Kept item", published_at=start - dt.timedelta(days=1))
        doomed = NewsItemFactory(title="Doomed item", published_at=start - dt.timedelta(days=1))
        first = client.get("/news/")
        assert "Doomed item" in first.content.decode()
    with time_machine.travel(start + dt.timedelta(minutes=5), tick=False):
        doomed.delete()
        again = client.get("/news/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 200
    assert "Doomed item" not in again.content.decode() and kept.title in again.content.decode()


def test_the_database_is_asked_once_per_content_generation(django_assert_num_queries):
    from portal.freshness import stored_last_modified

    NewsItemFactory()
    first = stored_last_modified()

    with django_assert_num_queries(0):
        assert stored_last_modified() == first


def test_a_scheduled_item_appearing_moves_last_modified_without_any_write(client, time_machine):
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=1)
    time_machine.move_to(start, tick=False)
    NewsItemFactory(published_at=start - dt.timedelta(days=1))
    NewsItemFactory(published_at=start + dt.timedelta(minutes=30))  # scheduled
    before = client.get(reverse("news:item-list"))["Last-Modified"]

    time_machine.move_to(start + dt.timedelta(minutes=40), tick=False)
    after = client.get(reverse("news:item-list"))["Last-Modified"]

    assert after == http_date((start + dt.timedelta(minutes=30)).timestamp()) != before
