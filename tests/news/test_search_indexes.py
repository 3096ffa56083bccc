"""News search on PostgreSQL answers from indexes built from the very expressions it queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.filters import NEWS_SEARCH_FIELDS
from news.models import NewsItem
from news.search_indexes import news_key_indexes, news_search_indexes
from portal.search import filter_text, through_indexes
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


def test_the_migrations_built_the_key_indexes_in_place_of_the_bigram_indexes():
    with connection.cursor() as cursor:
        found = set(connection.introspection.get_constraints(cursor, NewsItem._meta.db_table))
        cursor.execute("SELECT count(*) FROM pg_proc WHERE proname = 'parkwire_cjk_bigrams'")
        (old_functions,) = cursor.fetchone()
    assert {index.name for index in news_key_indexes()} <= found
    assert not any(name.endswith("_bigrams") for name in found)
    assert old_functions == 0


TEXTS = {
    "title": "常州举办创新大会",
    "lead": "Delegates met in 中以常州创新园.",
    "body": "First paragraph.\n\nThe 常州 park hosted them.",
    "spaced": "常 州 are two characters apart",
    "reversed": "州常 is the wrong order",
    "alone": "常 alone",
}


def test_a_two_character_chinese_term_reads_the_key_indexes_and_finds_it_anywhere():
    for slug, text in TEXTS.items():
        field = slug if slug in ("title", "lead") else "body"
        NewsItemFactory(slug=slug, **{field: text})

    explained = plan(through_indexes(NewsItem.objects.all(), "常州", NEWS_SEARCH_FIELDS))
    items = filter_text(NewsItem.objects.all(), "常州", NEWS_SEARCH_FIELDS, rare_first=True)

    assert "Seq Scan on news_newsitem" not in explained
    for field in NEWS_SEARCH_FIELDS:
        assert f"news_search_{field}_keys" in explained
    assert sorted(item.slug for item in items) == ["body", "lead", "title"]


def test_key_matching_of_cjk_terms_agrees_with_substring_matching():
    texts = [
        "常州",
        "中以常州创新园",
        "常州abc",
        "abc常州",
        "常",
        "州常州",
        "東京",
        "서울시",
        "かな",
    ]
    for n, text in enumerate(texts):
        NewsItemFactory(slug=f"t{n}", body=text)

    for term in [
        "常州",
        "州常",
        "東京",
        "서울",
        "かな",
        "创新",
        "常",
        "州",
        "京",
        "울",
        "な",
        "中",
    ]:
        found = filter_text(NewsItem.objects.all(), term, NEWS_SEARCH_FIELDS)
        assert sorted(item.body for item in found) == sorted(t for t in texts if term in t), term


WORDS = {
    "plain": "Advances in AI for clinics",
    "hyphen": "An AI-driven lab",
    "chinese": "中以创新中心举行AI医疗论坛",
    "brackets": "Artificial intelligence (ai)",
    "end": "The lab does AI",
    "said": "He said it was Taiwan's",
    "longer": "AIR and MAIL and 5AI",
}


@pytest.mark.parametrize("term", ["AI", "ai"])
def test_a_short_word_reads_the_key_indexes_and_is_found_as_a_whole_word(term):
    for slug, text in WORDS.items():
        NewsItemFactory(slug=slug, body=text)

    by_key = through_indexes(NewsItem.objects.all(), term, NEWS_SEARCH_FIELDS)
    found = filter_text(NewsItem.objects.all(), term, NEWS_SEARCH_FIELDS)

    explained = plan(by_key)
    assert "Seq Scan on news_newsitem" not in explained
    for field in NEWS_SEARCH_FIELDS:
        assert f"news_search_{field}_keys" in explained
    whole_words = ["brackets", "chinese", "end", "hyphen", "plain"]
    assert sorted(item.slug for item in by_key) == whole_words
    assert sorted(item.slug for item in found) == whole_words


def test_a_one_character_chinese_term_reads_the_key_indexes():
    NewsItemFactory(slug="park", body="中以常州创新园")
    NewsItemFactory(slug="other", body="上海的创新中心")

    items = through_indexes(NewsItem.objects.all(), "园", NEWS_SEARCH_FIELDS)

    assert "Seq Scan on news_newsitem" not in plan(items)
    assert [item.slug for item in items] == ["park"]


@pytest.mark.parametrize("query", ["园", "常州", "AI", "AI 常州"])
def test_common_short_terms_are_tested_cheaply_row_by_row(query, monkeypatch):
    """Past the probe, keys would be computed for every row read (8 s to count "AI")."""
    monkeypatch.setattr("portal.search.RARE_MATCHES", 1)
    NewsItemFactory.create_batch(2, body="中以常州创新园 and its AI lab")
    NewsItemFactory(body="Nothing of the kind.")

    found = filter_text(NewsItem.objects.all(), query, NEWS_SEARCH_FIELDS, rare_first=True)

    where = str(found.query).split(" WHERE ", 1)[1]
    assert "parkwire_search_keys" not in where
    assert "to_tsvector" not in where.split(" IN (SELECT", 1)[0]  # the document only inside it
    assert len(found) == 2


def test_the_keys_do_not_depend_on_the_letters_case_or_the_locale():
    with connection.cursor() as cursor:
        cursor.execute("SELECT parkwire_search_keys(%s)", ["5g and Ai, iT 常州 x"])
        (keys,) = cursor.fetchone()

    assert sorted(keys) == sorted(["5G", "AI", "IT", "X", "常", "州", "常州"])


def test_terms_of_two_cjk_characters_combine_with_other_terms():
    NewsItemFactory(slug="both", body="常州 robotics fair")
    NewsItemFactory(slug="one", body="常州 textile fair")

    found = filter_text(NewsItem.objects.all(), "常州 robotics", NEWS_SEARCH_FIELDS)

    assert [item.slug for item in found] == ["both"]


def scan_settings() -> tuple[str, str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('enable_seqscan'), current_setting('enable_indexscan')"
        )
        return cursor.fetchone()


@pytest.mark.parametrize(
    "query", ["robotics", "常州", "常州创新园", "园", "AI", "nothing-matches-this"]
)
def test_rare_terms_are_kept_by_id_with_the_same_result(query):
    NewsItemFactory(slug="robotics", title="Robotics fair", body="Industrial robotics.")
    NewsItemFactory(slug="changzhou", body="中以常州创新园 opened an AI lab.")
    NewsItemFactory(slug="other", body="A textile fair.")
    everything = NewsItem.objects.all()

    plain = sorted(item.slug for item in filter_text(everything, query, NEWS_SEARCH_FIELDS))
    by_id = filter_text(everything, query, NEWS_SEARCH_FIELDS, rare_first=True)
    with CaptureQueriesContext(connection) as listed:
        found = sorted(item.slug for item in by_id)

    assert found == plain
    listing_sql = " ".join(query["sql"] for query in listed.captured_queries)
    assert "to_tsvector" not in listing_sql and "parkwire_search_keys" not in listing_sql
    assert scan_settings() == ("on", "on")  # the probe's planner settings did not leak


def test_a_common_term_keeps_the_text_condition(monkeypatch):
    monkeypatch.setattr("portal.search.RARE_MATCHES", 2)
    NewsItemFactory.create_batch(3, body="Common words in the incubator.")
    NewsItemFactory(body="Something else.")

    found = filter_text(NewsItem.objects.all(), "incubator", NEWS_SEARCH_FIELDS, rare_first=True)

    assert "to_tsvector" in str(found.query)
    assert len(found) == 3
    assert scan_settings() == ("on", "on")


def test_the_news_listing_filters_a_rare_word_through_the_indexes(client):
    NewsItemFactory(slug="robotics", title="Robotics fair")
    NewsItemFactory(slug="textiles", title="Textile fair")

    response = client.get("/news/", {"q": "robotics"})

    assert [item.slug for item in response.context["page_obj"]] == ["robotics"]


@pytest.mark.parametrize("query", ["תל", "é"])
def test_terms_no_index_serves_skip_the_probe(query):
    NewsItemFactory(body="מרכז תל אביב and a café")

    with CaptureQueriesContext(connection) as probed:
        found = filter_text(NewsItem.objects.all(), query, NEWS_SEARCH_FIELDS, rare_first=True)

    assert not probed.captured_queries  # the probe would read every row through no index
    assert len(found) == 1


@pytest.mark.parametrize(("query", "expected"), [("תל", ["tel-aviv"]), ("é", ["cafe"])])
def test_short_terms_without_keys_read_the_full_text_index_once_not_every_document(query, expected):
    NewsItemFactory(slug="tel-aviv", body="מרכז תל אביב")
    NewsItemFactory(slug="cafe", title="The Café of the park")
    NewsItemFactory(slug="none", body="Nothing of the kind.")

    found = filter_text(NewsItem.objects.all(), query, NEWS_SEARCH_FIELDS)

    assert sorted(item.slug for item in found) == expected
    where = str(found.query).split(" WHERE ", 1)[1]
    subquery = where.index(" IN (SELECT")
    assert "to_tsvector" not in where[:subquery]  # the document is only built inside it
