import os
import threading
import uuid

import pytest
import redis
from django.core.management import call_command
from django.db import DatabaseError

from news import view_counts
from news.models import NewsItem
from news.view_counts import LocalBuffer, RedisBuffer, flush_view_counts, record_view
from tests.news.factories import NewsItemFactory

pytestmark = pytest.mark.django_db


def views_of(item) -> int:
    return NewsItem.objects.get(pk=item.pk).view_count


def test_views_are_buffered_until_flushed():
    item = NewsItemFactory(view_count=3)

    record_view(item.pk)
    record_view(item.pk)

    assert views_of(item) == 3
    assert flush_view_counts() == 2
    assert views_of(item) == 5


def test_a_flush_writes_one_update_per_distinct_count(django_assert_num_queries):
    items = NewsItemFactory.create_batch(4)
    for item, views in zip(items, (1, 1, 2, 5), strict=True):
        for _ in range(views):
            record_view(item.pk)

    with django_assert_num_queries(3 + 2):  # three UPDATEs, inside a savepoint
        flush_view_counts()

    assert [views_of(item) for item in items] == [1, 1, 2, 5]


def test_a_flush_with_nothing_buffered_touches_no_row(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert flush_view_counts() == 0


def test_views_flush_themselves_after_enough_views(monkeypatch):
    monkeypatch.setattr(view_counts, "FLUSH_VIEWS", 3)
    item = NewsItemFactory()
    flush_view_counts()

    for _ in range(3):
        record_view(item.pk)

    assert views_of(item) == 3


def test_a_failed_write_keeps_the_counts_for_the_next_flush(monkeypatch):
    item = NewsItemFactory()
    record_view(item.pk)

    def database_down(counts):
        raise DatabaseError("down")

    with monkeypatch.context() as patch:
        patch.setattr(view_counts, "write_counts", database_down)
        with pytest.raises(DatabaseError):
            flush_view_counts()

    assert flush_view_counts() == 1
    assert views_of(item) == 1


def test_views_go_straight_to_the_database_when_the_buffer_is_down(monkeypatch):
    item = NewsItemFactory()

    def buffer_down(pk, count=1):
        raise ConnectionError("unreachable")

    monkeypatch.setattr(view_counts.view_buffer(), "add", buffer_down)
    record_view(item.pk)

    assert views_of(item) == 1


def test_concurrent_views_are_all_counted():
    buffer = LocalBuffer("test-views")

    def view_many():
        for _ in range(200):
            buffer.add(7)

    threads = [threading.Thread(target=view_many) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert buffer.drain() == {7: 1600}
    assert buffer.drain() == {}


def test_flush_view_counts_command_writes_the_buffer():
    item = NewsItemFactory()
    record_view(item.pk)

    call_command("flush_view_counts")

    assert views_of(item) == 1


@pytest.fixture
def redis_client():
    client = redis.Redis.from_url(os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15")
    try:
        client.ping()
    except redis.ConnectionError:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip("Redis is not reachable")
    return client


def test_the_redis_buffer_counts_views_from_many_threads_and_drains_once(redis_client):
    buffer = RedisBuffer(redis_client, f"test-views-{uuid.uuid4().hex}")

    def view_many():
        for _ in range(100):
            buffer.add(7)

    threads = [threading.Thread(target=view_many) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert buffer.drain() == {7: 800}
    assert buffer.drain() == {}
