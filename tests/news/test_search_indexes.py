"""News search on PostgreSQL answers from indexes built from the very expressions it queries."""

import pytest
from django.db import connection

from news.filters import NEWS_SEARCH_FIELDS
from news.models import NewsItem
from news.search_indexes import news_search_indexes
from portal.search import filter_text
from tests.news.factories import NewsItemFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's indexes"),
]


def plan(queryset) -> str:
    """EXPLAIN `queryset` with sequential scans priced out, as on a table of 100,000 bodies."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_the_migration_built_every_search_index():
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, NewsItem._meta.db_table)
    assert {index.name for index in news_search_indexes()} <= set(found)


def test_a_word_search_reads_the_full_text_and_trigram_indexes():
    NewsItemFactory.create_batch(3)

    explained = plan(filter_text(NewsItem.objects.all(), "robotics", NEWS_SEARCH_FIELDS))

    assert "Seq Scan on news_newsitem" not in explained
    assert "news_search_fts" in explained
    for field in NEWS_SEARCH_FIELDS:
        assert f"news_search_{field}_trgm" in explained


def test_unspaced_chinese_is_found_through_the_trigram_indexes():
    NewsItemFactory(title="中以常州创新园举办对接会")
    items = filter_text(NewsItem.objects.all(), "常州创新园", NEWS_SEARCH_FIELDS)

    assert "news_search_title_trgm" in plan(items)
    assert [item.title for item in items] == ["中以常州创新园举办对接会"]
