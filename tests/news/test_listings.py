import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news import listings
from news.listings import newest_linked, newest_listed_ids
from news.models import NewsItem, ParkNewsListing, PlatformNewsListing
from tests.news.factories import NewsItemFactory
from tests.news.listings import listing_rows, rows_from_links
from tests.parks.factories import ParkFactory, PlatformFactory

pytestmark = pytest.mark.django_db

Link = NewsItem.parks.through


def days_ago(days: float) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days)


def assert_in_step() -> None:
    for relation in listings.LISTINGS:
        assert listing_rows(relation) == rows_from_links(relation)


def test_links_made_from_either_side_are_listed_with_their_items_status_and_time():
    park, other = ParkFactory(), ParkFactory()
    item = NewsItemFactory(published_at=days_ago(3))
    item.parks.add(park)
    other.news_items.add(item, NewsItemFactory(status=NewsItem.Status.DRAFT, published_at=None))

    assert_in_step()
    row = ParkNewsListing.objects.get(park=park)
    assert (row.item_id, row.status, row.published_at) == (item.pk, "published", item.published_at)
    assert ParkNewsListing.objects.filter(park=other).count() == 2


def test_set_remove_and_clear_drop_their_rows():
    parks = ParkFactory.create_batch(3)
    item = NewsItemFactory()
    item.parks.set(parks)
    item.parks.set(parks[1:])
    assert_in_step()
    parks[1].news_items.remove(item)
    assert_in_step()
    item.parks.clear()
    assert_in_step()
    assert not ParkNewsListing.objects.exists()


def test_status_and_time_follow_save_bulk_update_and_raw_sql():
    park = ParkFactory()
    first, second = NewsItemFactory(), NewsItemFactory()
    park.news_items.add(first, second)

    first.status, first.published_at = NewsItem.Status.ARCHIVED, days_ago(9)
    first.save()
    assert_in_step()
    NewsItem.objects.filter(pk=second.pk).update(published_at=days_ago(-2))  # rescheduled
    assert_in_step()
    NewsItem.objects.all().update(status=NewsItem.Status.DRAFT, published_at=None)
    assert_in_step()
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {NewsItem._meta.db_table} SET status = %s, published_at = %s WHERE id = %s",
            ["published", days_ago(1), first.pk],
        )
    assert_in_step()
    assert ParkNewsListing.objects.get(item=first).status == "published"


def test_bulk_created_links_and_deleted_items_and_parks():
    parks, items = ParkFactory.create_batch(2), NewsItemFactory.create_batch(3)
    Link.objects.bulk_create([Link(park=park, newsitem=item) for park in parks for item in items])
    assert len(listing_rows()) == 6
    assert_in_step()
    # A link that exists already is skipped by the database, and by the listing with it.
    Link.objects.bulk_create(
        [Link(park=parks[0], newsitem=items[0]), Link(park=parks[0], newsitem=NewsItemFactory())],
        ignore_conflicts=True,
    )
    assert len(listing_rows()) == 7
    assert_in_step()

    items[0].delete()
    assert_in_step()
    parks[0].delete()
    assert_in_step()
    assert {row[1:3] for row in listing_rows()} == {(parks[1].pk, item.pk) for item in items[1:]}


PARK_ITEM_TRIGGER = "news_park_listing_item_update"


def drop_trigger(name: str = PARK_ITEM_TRIGGER, table: str = "news_newsitem") -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"DROP TRIGGER {name} ON {table}"
            if connection.vendor == "postgresql"
            else f"DROP TRIGGER {name}"
        )


def test_install_restores_a_missing_trigger_and_rebuilds_what_it_missed():
    park = ParkFactory()
    item = NewsItemFactory()
    item.parks.add(park)
    drop_trigger()
    NewsItem.objects.filter(pk=item.pk).update(status=NewsItem.Status.ARCHIVED)
    assert listing_rows() != rows_from_links()  # what SQLite's table rebuilds used to cause

    assert listings.install() == {"parks"}

    assert_in_step()
    NewsItem.objects.filter(pk=item.pk).update(status=NewsItem.Status.PUBLISHED)
    assert_in_step()  # the trigger is back
    assert listings.install() == set()  # nothing missing: nothing rebuilt


def published_titles(items) -> list[str]:
    return [item.title for item in items]


@pytest.fixture
def park_with_mixed_news():
    """A park's news across three years, with ties, drafts, scheduled and archived items."""
    park, other = ParkFactory(), ParkFactory()
    now = timezone.now()
    tie = now.replace(year=now.year - 1, month=6, day=1)
    for title, fields in [
        ("This year", {"published_at": days_ago(1)}),
        ("Tie, first", {"published_at": tie}),
        ("Tie, second", {"published_at": tie}),
        ("Last year", {"published_at": tie - dt.timedelta(days=30)}),
        ("Two years ago", {"published_at": now.replace(year=now.year - 2, month=3, day=1)}),
        ("Draft", {"status": NewsItem.Status.DRAFT, "published_at": None}),
        ("Scheduled", {"published_at": now + dt.timedelta(hours=2)}),
        ("Archived", {"status": NewsItem.Status.ARCHIVED, "published_at": tie}),
    ]:
        NewsItemFactory(title=title, **fields).parks.add(park)
    NewsItemFactory(title="Elsewhere", published_at=tie).parks.add(other)
    both = NewsItemFactory(title="Both parks", published_at=tie - dt.timedelta(days=1))
    both.parks.add(park, other)
    return park, tie.year


def test_newest_linked_gives_the_rows_and_order_of_the_plain_filter(park_with_mixed_news):
    park, year = park_with_mixed_news
    published = NewsItem.objects.published()

    expected = published_titles(published.filter(parks=park))
    assert published_titles(newest_linked(published, "parks", park)) == expected
    assert published_titles(newest_linked(published, "parks", park, now=timezone.now())) == expected
    assert expected[:2] == ["This year", "Tie, second"]
    assert "Scheduled" not in expected and "Archived" not in expected

    in_year = published_titles(published.filter(parks=park, published_at__year=year))
    assert published_titles(newest_linked(published, "parks", park, year=year)) == in_year
    assert in_year == ["Tie, second", "Tie, first", "Both parks", "Last year"]


def test_newest_linked_at_a_time_needs_no_published_items(park_with_mixed_news):
    park, _ = park_with_mixed_news
    now = timezone.now()
    expected = published_titles(NewsItem.objects.published(now=now).filter(parks=park))

    every_item = newest_linked(NewsItem.objects.all(), "parks", park, now=now)

    assert published_titles(every_item) == expected


@pytest.mark.parametrize("limit", [1, 3, 20])
def test_newest_listed_ids_are_the_newest_published_items(park_with_mixed_news, limit):
    park, _ = park_with_mixed_news
    now = timezone.now()
    newest = NewsItem.objects.published(now=now).filter(parks=park)

    ids = newest_listed_ids("parks", park, now=now, limit=limit)

    assert [row["item_id"] for row in ids] == list(newest.values_list("pk", flat=True)[:limit])


def get_through_listing(client, url: str):
    """GET `url` and check that the park's items came from its listing."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert any("newslisting" in query["sql"] for query in queries)
    return response


@pytest.mark.parametrize("query", ["year={year}", "year={year}&month=6", "q=Tie&year={year}", ""])
def test_the_news_index_narrowed_to_a_park_reads_its_listing(
    client, settings, park_with_mixed_news, query
):
    settings.PAGE_CACHE = False
    park, year = park_with_mixed_news
    params = f"park={park.slug}&{query.format(year=year)}"

    response = get_through_listing(client, f"/news/?{params}")

    filters = {"parks": park}
    if "year" in query:
        filters["published_at__year"] = year
    if "month" in query:
        filters["published_at__month"] = 6
    expected = NewsItem.objects.published().filter(**filters)
    if "q=" in query:
        expected = expected.filter(title__contains="Tie")
    titles = [item.title for item in response.context["page_obj"]]
    assert titles and titles == published_titles(expected)


def test_a_parks_second_page_continues_where_the_first_ended(client, settings):
    settings.PAGE_CACHE = False
    park = ParkFactory()
    for n in range(25):
        NewsItemFactory(title=f"Item {n:02}", published_at=days_ago(n + 1)).parks.add(park)

    pages = [client.get(f"/news/?park={park.slug}&page={page}") for page in (1, 2)]

    titles = [item.title for page in pages for item in page.context["page_obj"]]
    assert titles == [f"Item {n:02}" for n in range(25)]
    assert pages[0].context["page_obj"].paginator.count == 25


@pytest.mark.django_db(transaction=True)
def test_migrating_back_removes_the_triggers_and_migrating_again_rebuilds_the_listing():
    park, item = ParkFactory(), NewsItemFactory()
    call_command("migrate", "news", "0012", verbosity=0)
    try:
        # Left behind, the triggers would fail these writes on the dropped table.
        item.parks.add(park)
        NewsItem.objects.filter(pk=item.pk).update(status=NewsItem.Status.ARCHIVED)
    finally:
        call_command("migrate", verbosity=0)

    assert_in_step()
    assert listing_rows() == {
        (ParkNewsListing.objects.get().pk, park.pk, item.pk, "archived", item.published_at)
    }


@pytest.mark.parametrize("query", ["", "&year={year}", "&ordering=title", "&page_size=2&page=2"])
def test_the_api_narrowed_to_a_park_reads_its_listing_for_published_items(
    api_client, settings, park_with_mixed_news, query
):
    settings.PAGE_CACHE = False
    park, year = park_with_mixed_news
    params = f"?park={park.slug}{query.format(year=year)}"
    expected = NewsItem.objects.published().filter(parks=park)
    if "year" in query:
        expected = expected.filter(published_at__year=year)
    if "title" in query:
        expected = expected.order_by("title", "pk")
    slugs = [item.slug for item in expected]
    if "page=2" in query:
        slugs = slugs[2:4]

    response = get_through_listing(api_client, f"/api/v1/news/{params}")

    assert [item["slug"] for item in response.json()["results"]] == slugs


def test_staff_previewing_unpublished_news_of_a_park_see_drafts_through_the_links(
    api_client, staff_user, park_with_mixed_news
):
    park, _ = park_with_mixed_news
    api_client.force_authenticate(staff_user)

    with CaptureQueriesContext(connection) as queries:
        response = api_client.get(f"/api/v1/news/?park={park.slug}&include_unpublished=true")

    titles = {item["title"] for item in response.json()["results"]}
    assert {"Draft", "Scheduled", "Archived", "This year"} <= titles
    assert not any("news_parknewslisting" in q["sql"] for q in queries)


def test_the_database_check_warns_of_a_missing_trigger():
    assert listings.check_triggers(databases=["default"]) == []
    drop_trigger()

    warnings = listings.check_triggers(databases=["default"])

    assert [warning.id for warning in warnings] == ["news.W001"]
    assert PARK_ITEM_TRIGGER in warnings[0].msg
    assert listings.check_triggers(databases=None) == []  # plain `check` reads no database


def test_platform_links_are_listed_through_every_write():
    platforms, items = PlatformFactory.create_batch(2), NewsItemFactory.create_batch(3)
    items[0].platforms.add(*platforms)
    platforms[1].news_items.add(items[1])
    Link = NewsItem.platforms.through
    Link.objects.bulk_create([Link(cooperationplatform=platforms[0], newsitem=items[2])])
    NewsItem.objects.filter(pk=items[0].pk).update(status=NewsItem.Status.ARCHIVED)
    assert len(listing_rows("platforms")) == 4
    assert_in_step()

    items[1].delete()
    platforms[0].news_items.remove(items[2])
    platforms[0].delete()
    assert_in_step()
    assert PlatformNewsListing.objects.get().item_id == items[0].pk


def test_install_rebuilds_only_the_listing_that_lacked_a_trigger():
    item, platform = NewsItemFactory(), PlatformFactory()
    item.platforms.add(platform)
    drop_trigger("news_platform_listing_link_delete", "news_newsitem_platforms")
    item.platforms.clear()

    assert listings.install() == {"platforms"}

    assert_in_step()


def test_a_platforms_page_and_filtered_news_read_its_listing(client, settings):
    settings.PAGE_CACHE = False
    platform, other = PlatformFactory(), PlatformFactory()
    for n in range(25):
        NewsItemFactory(title=f"Item {n:02}", published_at=days_ago(n + 1)).platforms.add(platform)
    NewsItemFactory(title="Draft", status=NewsItem.Status.DRAFT, published_at=None).platforms.add(
        platform
    )
    NewsItemFactory(title="Elsewhere", published_at=days_ago(0.5)).platforms.add(other)

    page = get_through_listing(client, platform.get_absolute_url())
    listed = get_through_listing(client, f"/news/?platform={platform.slug}&page=2")

    assert [item.title for item in page.context["news"]] == [f"Item {n:02}" for n in range(20)]
    assert [item.title for item in listed.context["page_obj"]] == [
        f"Item {n:02}" for n in range(20, 25)
    ]
