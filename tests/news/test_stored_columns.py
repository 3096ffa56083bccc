import datetime as dt

import pytest
from django.db import connection

from news.models import NewsItem
from portal.api.pagination import KeysetCursorPagination
from tests.news.factories import NewsItemFactory

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)
EVIL_BODY = "Hello **bold** world.\n\n<script>alert(1)</script>\n\n[link](javascript:alert(2))"


def stored(item: NewsItem) -> NewsItem:
    return NewsItem.objects.get(pk=item.pk)


def test_saving_renders_the_body_into_sanitised_html():
    item = NewsItemFactory(body=EVIL_BODY)

    html = stored(item).body_html

    assert "<strong>bold</strong>" in html
    assert "<script" not in html
    assert "alert(1)" not in html
    assert "javascript:" not in html


def test_saving_only_the_body_stores_its_html_too():
    item = NewsItemFactory(body="Old text.")
    item.body = "New *text*."

    item.save(update_fields=["body"])

    assert stored(item).body_html == "<p>New <em>text</em>.</p>"


def test_saving_other_fields_leaves_the_stored_html_alone():
    item = NewsItemFactory(body="Old text.")
    item.title, item.body = "New title", "Unsaved *body*."

    item.save(update_fields=["title"])

    saved = stored(item)
    assert saved.title == "New title"
    assert (saved.body, saved.body_html) == ("Old text.", "<p>Old text.</p>")


def test_item_page_shows_the_rendered_body(client):
    item = NewsItemFactory(body=EVIL_BODY)

    text = client.get(item.get_absolute_url()).text

    assert "Hello <strong>bold</strong> world." in text
    assert "<script>alert(1)" not in text


def test_item_page_shows_the_stored_html_not_a_fresh_rendering(client):
    item = NewsItemFactory(body="From the body.")
    NewsItem.objects.filter(pk=item.pk).update(body_html="<p>From the stored column.</p>")

    text = client.get(item.get_absolute_url()).text

    assert "From the stored column." in text
    assert "From the body." not in text


def test_changed_at_is_the_edit_time_after_an_edit_of_a_past_item(time_machine):
    time_machine.move_to(T0, tick=False)
    item = NewsItemFactory(published_at=T0 - dt.timedelta(days=3))
    time_machine.shift(dt.timedelta(minutes=5))
    item.title = "Corrected"
    item.save()

    item.refresh_from_db()

    assert item.updated_at == T0 + dt.timedelta(minutes=5)
    assert item.changed_at == max(item.published_at, item.updated_at) == item.updated_at


def test_changed_at_is_the_publication_time_when_that_is_later(time_machine):
    time_machine.move_to(T0, tick=False)
    item = NewsItemFactory(published_at=T0 + dt.timedelta(hours=2))

    item.refresh_from_db()

    assert item.updated_at == T0
    assert item.changed_at == max(item.published_at, item.updated_at) == item.published_at


def test_changed_at_of_an_unpublished_draft_is_its_edit_time_on_every_database(time_machine):
    time_machine.move_to(T0, tick=False)
    item = NewsItemFactory(status=NewsItem.Status.DRAFT, published_at=None)

    assert stored(item).changed_at == T0


def sync_page_keys(*, after: tuple[dt.datetime, int] | None):
    """Build the key query of one sync page as the sync endpoint's pagination does."""
    items = KeysetCursorPagination().after(NewsItem.objects.published(), after)
    return items.values("pk")[: KeysetCursorPagination.page_size + 1]


def query_plan(queryset) -> list[str]:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return [row[-1] for row in cursor.fetchall()]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="EXPLAIN QUERY PLAN is SQLite's")
@pytest.mark.parametrize(
    "resuming",
    [
        False,
        True,
    ],
    ids=["first-page", "resumed-page"],
)
def test_sync_page_walks_the_changed_index_without_sorting(resuming, time_machine):
    time_machine.move_to(T0, tick=False)
    items = NewsItemFactory.create_batch(20)
    NewsItemFactory(status=NewsItem.Status.DRAFT, published_at=None)
    NewsItemFactory(published_at=T0 + dt.timedelta(days=1))
    middle = NewsItem.objects.values_list("changed_at", "pk").get(pk=items[9].pk)
    after = middle if resuming else None

    plan = query_plan(sync_page_keys(after=after))

    assert any("news_status_changed_idx" in step for step in plan), plan
    assert not any("TEMP B-TREE" in step for step in plan), plan
