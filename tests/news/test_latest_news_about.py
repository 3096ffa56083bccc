import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news import selectors
from news.models import NewsItem
from news.selectors import RELATED_LIMIT, latest_news_about, news_item_detail, related_news
from parks.views import PARK_NEWS
from tests.news.factories import NewsItemFactory
from tests.parks.factories import ParkFactory, PlatformFactory

pytestmark = pytest.mark.django_db

EXISTS_PLAN, JOIN_PLAN = 0, 10**9


def days_ago(days: float) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days)


def latest_news_sql(target, *, limit: int) -> str:
    """The SQL of the query that picks the newest items."""
    with CaptureQueriesContext(connection) as queries:
        latest_news_about(target, limit=limit)
    selects = [query["sql"] for query in queries if '"news_newsitem"."title"' in query["sql"]]
    assert len(selects) == 1
    return selects[0]


def linked_news(target, relation: str) -> list[str]:
    """Link a mix of items to `target`; return the published titles, newest first."""
    other = ParkFactory() if relation == "parks" else PlatformFactory()
    tie = days_ago(4)
    for title, fields in [
        ("Third", {"published_at": days_ago(3)}),
        ("Newest", {"published_at": days_ago(1)}),
        ("Tie, first", {"published_at": tie}),
        ("Tie, second", {"published_at": tie}),
        ("Oldest", {"published_at": days_ago(400)}),
        ("Second", {"published_at": days_ago(2)}),
        ("Draft", {"status": NewsItem.Status.DRAFT, "published_at": None}),
        ("Scheduled", {"published_at": timezone.now() + dt.timedelta(hours=1)}),
        ("Archived", {"status": NewsItem.Status.ARCHIVED, "published_at": days_ago(1)}),
    ]:
        getattr(NewsItemFactory(title=title, **fields), relation).add(target)
    getattr(NewsItemFactory(title="About another", published_at=days_ago(0.5)), relation).add(other)
    return ["Newest", "Second", "Third", "Tie, second", "Tie, first", "Oldest"]


@pytest.fixture(params=[("parks", ParkFactory), ("platforms", PlatformFactory)], ids=str)
def target_and_titles(request):
    relation, factory = request.param
    target = factory()
    return target, linked_news(target, relation)


@pytest.mark.parametrize("threshold", [EXISTS_PLAN, JOIN_PLAN], ids=["exists", "join"])
@pytest.mark.parametrize("limit", [1, 4, 50])
def test_both_plans_return_the_newest_published_items(
    monkeypatch, target_and_titles, threshold, limit
):
    target, expected = target_and_titles
    monkeypatch.setattr(selectors, "WALK_INDEX_ABOVE", threshold)

    items = latest_news_about(target, limit=limit)

    assert [item.title for item in items] == expected[:limit]


def related_news_sql(item) -> str:
    """The SQL of the query that picks an item's related news."""
    with CaptureQueriesContext(connection) as queries:
        related_news(news_item_detail(slug=item.slug))
    return queries[-1]["sql"]


def test_the_threshold_picks_related_news_plan(monkeypatch):
    """Guard the comparison below: the two thresholds do build different queries."""
    item = NewsItemFactory()
    item.platforms.add(PlatformFactory())

    monkeypatch.setattr(selectors, "WALK_INDEX_ABOVE", EXISTS_PLAN)
    exists_sql = related_news_sql(item)
    monkeypatch.setattr(selectors, "WALK_INDEX_ABOVE", JOIN_PLAN)
    join_sql = related_news_sql(item)

    assert "EXISTS" in exists_sql
    assert "EXISTS" not in join_sql


@pytest.mark.parametrize("factory", [ParkFactory, PlatformFactory])
@pytest.mark.parametrize("threshold", [EXISTS_PLAN, JOIN_PLAN], ids=["exists", "join"])
def test_the_newest_items_of_a_park_or_platform_are_read_from_its_listing(
    monkeypatch, factory, threshold
):
    monkeypatch.setattr(selectors, "WALK_INDEX_ABOVE", threshold)
    target = factory()
    relation = "parks" if factory is ParkFactory else "platforms"
    getattr(NewsItemFactory(), relation).add(target)

    sql = latest_news_sql(target, limit=5)

    assert "newslisting" in sql
    assert "EXISTS" not in sql
    assert 'newslisting"."published_at" DESC' in sql
    # Bounded by the listing alone: bounding the item's time as well made PostgreSQL plan the
    # query on every request, its estimate for the prepared plan counting the bound twice.
    assert 'newslisting"."published_at" <=' in sql
    assert '"news_newsitem"."published_at" <=' not in sql
    assert '"news_newsitem"."status" =' not in sql


@pytest.mark.parametrize("factory", [ParkFactory, PlatformFactory])
def test_the_newest_items_and_the_parks_they_show_come_in_two_queries(
    factory, django_assert_num_queries
):
    target = factory()
    relation = "parks" if factory is ParkFactory else "platforms"
    shown, hidden = ParkFactory(name="Shown"), ParkFactory(name="Hidden", is_published=False)
    for n in range(4):
        item = NewsItemFactory(title=f"Item {n}", published_at=days_ago(n + 1))
        getattr(item, relation).add(target)
        item.parks.add(shown, hidden)

    with django_assert_num_queries(2):
        items = latest_news_about(target, limit=3)

    assert [item.title for item in items] == ["Item 0", "Item 1", "Item 2"]
    expected_parks = {"Shown", target.name} if relation == "parks" else {"Shown"}
    for item in items:
        assert {park.name for park in item.shown_parks} == expected_parks


@pytest.mark.parametrize("threshold", [EXISTS_PLAN, JOIN_PLAN], ids=["exists", "join"])
def test_park_page_lists_the_parks_newest_items(client, monkeypatch, threshold):
    monkeypatch.setattr(selectors, "WALK_INDEX_ABOVE", threshold)
    park = ParkFactory()
    for n in range(PARK_NEWS + 2):
        NewsItemFactory(title=f"Item {n:02}", published_at=days_ago(n + 1)).parks.add(park)
    NewsItemFactory(title="Not yet", published_at=timezone.now() + dt.timedelta(hours=1)).parks.add(
        park
    )
    NewsItemFactory(title="Elsewhere", published_at=days_ago(0.5)).parks.add(ParkFactory())

    response = client.get(park.get_absolute_url())

    expected = [f"Item {n:02}" for n in range(PARK_NEWS)]
    assert response.status_code == 200
    assert [item.title for item in response.context["news"]] == expected
    positions = [response.text.index(title) for title in expected]
    assert positions == sorted(positions)
    for absent in (f"Item {PARK_NEWS:02}", "Not yet", "Elsewhere"):
        assert absent not in response.text


def test_link_counts_are_read_once_per_generation_and_follow_new_links(
    django_assert_num_queries,
):
    park, platform = ParkFactory(), PlatformFactory()
    item = NewsItemFactory()
    item.parks.add(park)
    item.platforms.add(platform)
    NewsItemFactory().parks.add(park)

    assert selectors.link_counts() == {("parks", park.pk): 2, ("platforms", platform.pk): 1}
    with django_assert_num_queries(0):
        selectors.link_counts()

    NewsItemFactory().platforms.add(platform)  # a write: a new generation

    assert selectors.link_counts()[("platforms", platform.pk)] == 2


@pytest.mark.parametrize(("links", "plan"), [(3, "JOIN"), (4, "EXISTS")])
def test_the_link_count_picks_related_news_plan(monkeypatch, links, plan):
    monkeypatch.setattr(selectors, "WALK_INDEX_ABOVE", 3)
    platform = PlatformFactory()
    items = [NewsItemFactory() for _ in range(links)]
    for item in items:
        item.platforms.add(platform)

    sql = related_news_sql(items[0])

    assert ("EXISTS" in sql) == (plan == "EXISTS")


@pytest.mark.parametrize("threshold", [EXISTS_PLAN, JOIN_PLAN], ids=["exists", "join"])
def test_related_news_share_a_park_or_a_platform_under_both_plans(monkeypatch, threshold):
    monkeypatch.setattr(selectors, "WALK_INDEX_ABOVE", threshold)
    park, platform = ParkFactory(), PlatformFactory()
    item = NewsItemFactory(title="Main", published_at=days_ago(0.1))
    item.parks.add(park)
    item.platforms.add(platform)
    for title, age, links in [
        ("Both", 1, (park, platform)),
        ("Park", 2, (park,)),
        ("Platform", 3, (platform,)),
        ("Park again", 4, (park,)),
        ("Platform again", 5, (platform,)),
        ("Too old for five", 6, (park,)),
        ("Unrelated", 0.5, (ParkFactory(),)),
    ]:
        news = NewsItemFactory(title=title, published_at=days_ago(age))
        for target in links:
            relation = news.platforms if target == platform else news.parks
            relation.add(target)
    NewsItemFactory(title="Draft", status=NewsItem.Status.DRAFT, published_at=None).parks.add(park)

    related = related_news(news_item_detail(slug=item.slug))

    assert [news.title for news in related] == [
        "Both",
        "Park",
        "Platform",
        "Park again",
        "Platform again",
    ][:RELATED_LIMIT]
