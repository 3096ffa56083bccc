import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from news.models import NewsItem
from portal import pagination
from portal.pagination import sort_keyset
from tests.news.factories import NewsItemFactory

pytestmark = pytest.mark.django_db

PER_PAGE = 20


@pytest.fixture
def small_steps(monkeypatch, settings):
    """Deep pages and anchors from the 2nd page on, so a few dozen items exercise them."""
    monkeypatch.setattr(pagination, "SHALLOW", PER_PAGE)
    monkeypatch.setattr(pagination, "ANCHOR_EVERY", 7)
    settings.PAGE_CACHE = False


def titles_on(client, page: int) -> list[str]:
    response = client.get(reverse("news:item-list"), {"page": page})
    assert response.status_code == 200
    return [item.title for item in response.context["page_obj"].object_list]


def test_deep_pages_match_the_listing_order_through_ties(client, small_steps):
    moment = timezone.now() - dt.timedelta(days=1)
    for n in range(95):  # three items share each timestamp: the id breaks the tie
        NewsItemFactory(title=f"Item {n:03}", published_at=moment - dt.timedelta(hours=n // 3))
    expected = list(NewsItem.objects.published().values_list("title", flat=True))

    for page in range(1, 6):
        assert titles_on(client, page) == expected[(page - 1) * PER_PAGE : page * PER_PAGE]


def test_a_deep_page_seeks_past_an_anchor_instead_of_skipping_every_row(client, small_steps):
    for n in range(60):
        NewsItemFactory(published_at=timezone.now() - dt.timedelta(hours=n + 1))
    titles_on(client, 3)  # counts the rows and keeps the anchors

    with CaptureQueriesContext(connection) as queries:
        titles_on(client, 3)

    id_query = next(
        q["sql"] for q in queries if q["sql"].startswith('SELECT "news_newsitem"."id" AS "pk" FROM')
    )
    assert '"news_newsitem"."published_at" <' in id_query
    offset = int(id_query.rsplit("OFFSET", 1)[1].split()[0]) if "OFFSET" in id_query else 0
    assert offset < pagination.ANCHOR_EVERY


def test_only_a_total_order_of_plain_columns_has_a_keyset():
    items = NewsItem.objects.all()

    assert sort_keyset(items) == [("published_at", True), ("id", True)]
    assert sort_keyset(items.order_by("title", "pk")) == [("title", False), ("id", False)]
    assert sort_keyset(items.order_by("title")) is None  # ties without a tie-break
    assert sort_keyset(items.order_by("channel", "pk")) is None  # a join's order
    assert sort_keyset(items.order_by("?")) is None


def test_a_listing_with_nulls_in_its_order_pages_without_anchors(small_steps):
    """NULLs sort first on one database and last on another, and `<` skips them: no seeking."""
    for n in range(40):
        event = None if n % 4 == 0 else dt.date(2020, 1, 1) + dt.timedelta(days=n // 2)
        NewsItemFactory(event_date=event)
    items = NewsItem.objects.order_by("event_date", "pk")
    expected = list(items.values_list("pk", flat=True))

    paginator = pagination.FastPaginator(items, PER_PAGE, count_key="event-date-order")

    assert [row.pk for row in paginator.page(2).object_list] == expected[PER_PAGE : 2 * PER_PAGE]


def test_workers_with_their_own_cache_walk_the_index_instead(client, small_steps, settings):
    """Without a shared cache the numbered pass would run on every deep page."""
    settings.CACHE_IS_SHARED = False
    for n in range(60):
        NewsItemFactory(
            title=f"Item {n:02}", published_at=timezone.now() - dt.timedelta(hours=n + 1)
        )

    with CaptureQueriesContext(connection) as queries:
        titles = titles_on(client, 3)

    assert titles == [f"Item {n:02}" for n in range(40, 60)]
    assert not any("ROW_NUMBER" in query["sql"] for query in queries)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="counts SQLite's virtual machine steps")
def test_sqlite_seeks_from_the_anchor_however_deep_the_page(small_steps):
    """SQLite ranges on the first bound of a column it meets: the anchor's must come first."""
    for n in range(300):
        NewsItemFactory(published_at=timezone.now() - dt.timedelta(hours=n + 1))
    items = NewsItem.objects.published()
    paginator = pagination.FastPaginator(items, PER_PAGE, count_key="every-published-item")
    expected = list(items.values_list("pk", flat=True))

    def steps_for(page: int) -> int:
        steps = 0

        def count():
            nonlocal steps
            steps += 1

        connection.ensure_connection()
        connection.connection.set_progress_handler(count, 1)
        try:
            shown = [row.pk for row in paginator.page(page).object_list]
        finally:
            connection.connection.set_progress_handler(None, 1)
        assert shown == expected[(page - 1) * PER_PAGE : page * PER_PAGE]
        return steps

    steps_for(3)  # counts the rows and keeps the anchors
    shallow, deep = steps_for(3), steps_for(14)  # 35 and 259 rows past the top

    assert deep < shallow * 1.2
