import datetime as dt

import pytest
from django.urls import reverse

from tests.news.factories import NewsItemFactory
from tests.parks.factories import IndustryFactory, ParkFactory, PlatformFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_settle_at_once")]

SYNC_URL = "/api/v1/sync/news/"
T0 = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)


def next_page(api_client, url):
    response = api_client.get(url)
    assert response.status_code == 200
    return response.json()


def walk(api_client, url, between_pages=()):
    """Fetch pages until has_more is false, calling one hook after each page."""
    seen, hooks = [], list(between_pages)
    while True:
        page = next_page(api_client, url)
        seen += [item["slug"] for item in page["results"]]
        url = page["next"]
        if hooks:
            hooks.pop(0)()
        if not page["has_more"] and not hooks:
            return seen, url


def test_walk_sees_every_item_exactly_once_while_items_are_published(api_client, time_machine):
    time_machine.move_to(T0, tick=False)
    NewsItemFactory.create_batch(7, published_at=T0 - dt.timedelta(days=3))
    NewsItemFactory(slug="scheduled", published_at=T0 + dt.timedelta(minutes=30))

    def publish_new_and_backdated():
        time_machine.shift(dt.timedelta(minutes=1))
        NewsItemFactory(slug="fresh", published_at=dt.datetime.now(tz=dt.UTC))
        NewsItemFactory(slug="backdated", published_at=T0 - dt.timedelta(days=365))

    def let_scheduled_item_appear():
        time_machine.shift(dt.timedelta(hours=1))

    seen, _ = walk(
        api_client,
        f"{SYNC_URL}?page_size=3",
        [publish_new_and_backdated, let_scheduled_item_appear],
    )

    assert len(seen) == len(set(seen)) == 10
    assert {"fresh", "backdated", "scheduled"} <= set(seen)


def test_resuming_from_the_last_next_returns_only_what_changed(api_client, time_machine):
    time_machine.move_to(T0, tick=False)
    items = NewsItemFactory.create_batch(4)
    _, resume = walk(api_client, f"{SYNC_URL}?page_size=3")

    time_machine.shift(dt.timedelta(minutes=5))
    items[0].title = "Corrected title"
    items[0].save()
    NewsItemFactory(slug="later")
    page = next_page(api_client, resume)

    assert [item["slug"] for item in page["results"]] == [items[0].slug, "later"]
    assert page["results"][0]["title"] == "Corrected title"


def test_identical_change_times_are_ordered_by_id_without_loss(api_client, time_machine):
    time_machine.move_to(T0, tick=False)
    items = NewsItemFactory.create_batch(5)

    seen, _ = walk(api_client, f"{SYNC_URL}?page_size=2")

    assert seen == [item.slug for item in items]


def test_sync_items_are_whole_with_their_change_time(api_client):
    NewsItemFactory()

    item = next_page(api_client, SYNC_URL)["results"][0]

    assert "body" in item
    assert "changed_at" in item


def test_empty_sync_offers_a_next_link_to_poll(api_client):
    page = next_page(api_client, SYNC_URL)

    assert page["results"] == []
    assert page["has_more"] is False
    assert page["next"].endswith(SYNC_URL)


@pytest.mark.parametrize(
    "cursor", ["garbage", "bm90fGEgY3Vyc29y", "MjAyNi0wMy0wMVQwODowMDowMHwx", "%00"]
)
def test_a_cursor_the_api_did_not_give_out_answers_400(api_client, cursor):
    response = api_client.get(f"{SYNC_URL}?cursor={cursor}")

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_cursor"


def test_sync_rejects_browsing_parameters(api_client):
    assert api_client.get(SYNC_URL, {"ordering": "title"}).status_code == 400
    assert api_client.get(SYNC_URL, {"page": "2"}).status_code == 400


def test_sync_pages_cost_the_same_queries_wherever_they_are(
    api_client, django_assert_max_num_queries
):
    parks, platforms, industries = (
        ParkFactory.create_batch(3),
        PlatformFactory.create_batch(3),
        IndustryFactory.create_batch(3),
    )
    for item in NewsItemFactory.create_batch(60):
        item.parks.set(parks)
        item.platforms.set(platforms)
        item.industries.set(industries)
    first = next_page(api_client, f"{SYNC_URL}?page_size=50")

    with django_assert_max_num_queries(4):
        second = api_client.get(first["next"]).json()

    assert len(second["results"]) == 10


def test_a_row_that_commits_late_with_an_earlier_stamp_is_still_delivered(
    api_client, time_machine, settings
):
    """A write stamped at T that commits after a client read a row stamped T + 1 s."""
    settings.SYNC_SETTLE_SECONDS = 60
    time_machine.move_to(T0 + dt.timedelta(seconds=1), tick=False)
    NewsItemFactory(slug="committed-first", published_at=T0 - dt.timedelta(days=1))
    time_machine.move_to(T0 + dt.timedelta(seconds=2), tick=False)
    seen, resume = walk(api_client, SYNC_URL)
    time_machine.move_to(T0, tick=False)
    NewsItemFactory(slug="committed-late", published_at=T0 - dt.timedelta(days=1))

    time_machine.move_to(T0 + dt.timedelta(seconds=90), tick=False)
    again, _ = walk(api_client, resume)

    assert seen == ["committed-first"]
    assert again == ["committed-late", "committed-first"]  # the earlier stamp comes first


def test_the_cursor_stops_short_of_the_settling_window(api_client, time_machine, settings):
    settings.SYNC_SETTLE_SECONDS = 60
    time_machine.move_to(T0, tick=False)
    NewsItemFactory(slug="settled", published_at=T0 - dt.timedelta(days=1))
    time_machine.move_to(T0 + dt.timedelta(minutes=5), tick=False)
    NewsItemFactory(slug="recent", published_at=T0 - dt.timedelta(days=1))
    time_machine.move_to(T0 + dt.timedelta(minutes=5, seconds=10), tick=False)

    page = next_page(api_client, SYNC_URL)
    repeat = next_page(api_client, page["next"])

    assert [item["slug"] for item in page["results"]] == ["settled", "recent"]
    assert page["has_more"] is False
    assert [item["slug"] for item in repeat["results"]] == ["recent"]  # until it has settled


def test_a_full_page_of_recent_rows_ends_the_walk_instead_of_repeating(
    api_client, time_machine, settings
):
    settings.SYNC_SETTLE_SECONDS = 60
    time_machine.move_to(T0, tick=False)
    NewsItemFactory.create_batch(3, published_at=T0 - dt.timedelta(days=1))

    first = next_page(api_client, f"{SYNC_URL}?page_size=2")
    time_machine.move_to(T0 + dt.timedelta(seconds=61), tick=False)
    seen, _ = walk(api_client, first["next"])

    assert first["has_more"] is False  # its `next` would give the same page again
    assert len(seen) == 3  # once settled, the walk goes on from before them


@pytest.mark.parametrize(
    ("action", "choice", "narrowed"),
    [("add_park", "park", "park"), ("add_industry", "industry", "industry")],
)
def test_items_bulk_tagged_in_the_admin_reach_every_copy(
    client, api_client, publisher, time_machine, action, choice, narrowed
):
    time_machine.move_to(T0, tick=False)
    target = {"park": ParkFactory, "industry": IndustryFactory}[choice](slug="cicp")
    item = NewsItemFactory(slug="tagged-later")
    _, everything = walk(api_client, SYNC_URL)
    _, only_target = walk(api_client, f"{SYNC_URL}?{narrowed}=cicp")

    time_machine.shift(dt.timedelta(minutes=5))
    client.force_login(publisher)
    data = {"action": action, "_selected_action": [item.pk], choice: target.pk, "post": "yes"}
    assert client.post(reverse("admin:news_newsitem_changelist"), data).status_code == 302

    for resume in (everything, only_target):
        changed = next_page(api_client, resume)["results"]
        assert [entry["slug"] for entry in changed] == ["tagged-later"]
        assert "cicp" in str(changed[0][f"{choice.replace('y', 'ie')}s"])


def test_links_changed_from_the_other_side_change_the_item_for_sync(api_client, time_machine):
    time_machine.move_to(T0, tick=False)
    park, emptied, platform = ParkFactory(), ParkFactory(), PlatformFactory()
    linked, unlinked, cleared = (NewsItemFactory(slug=slug) for slug in ("a", "b", "c"))
    unlinked.parks.add(park)
    cleared.parks.add(emptied)
    NewsItemFactory(slug="untouched").parks.add(park)
    _, resume = walk(api_client, SYNC_URL)

    time_machine.shift(dt.timedelta(minutes=5))
    platform.news_items.add(linked)
    park.news_items.remove(unlinked)
    emptied.news_items.clear()

    changed = next_page(api_client, resume)["results"]
    assert sorted(entry["slug"] for entry in changed) == ["a", "b", "c"]
