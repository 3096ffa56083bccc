"""SQLite's planner statistics come back after a migrate rebuilt tables (and dropped them)."""

import pytest
from django.apps import apps
from django.db import connection

from portal.db_statistics import refresh_after_migrate
from tests.news.factories import NewsItemFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's statistics"),
]


def news_statistics() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'news_newsitem'")
        return cursor.fetchone()[0]


def drop_statistics() -> None:
    """What rebuilding the table does to them."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # sqlite_stat1 exists from here on
        cursor.execute("DELETE FROM sqlite_stat1")


def test_a_migrate_that_applied_migrations_gathers_statistics_again():
    NewsItemFactory.create_batch(3)
    drop_statistics()

    refresh_after_migrate(apps.get_app_config("portal"), using="default", plan=[("m", False)])

    assert news_statistics() > 0


def test_a_migrate_with_nothing_to_apply_leaves_them_alone():
    NewsItemFactory.create_batch(3)
    drop_statistics()

    refresh_after_migrate(apps.get_app_config("portal"), using="default", plan=[])

    assert news_statistics() == 0
