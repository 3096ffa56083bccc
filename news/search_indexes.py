"""PostgreSQL indexes that let news search answer from indexes instead of reading every body.

Search matches each term as a case-insensitive substring (`UPPER(column::text) LIKE …`) and as
full text (`search_document(…) @@ query`); at 100,000 items, computing both for every row took
about 19 s for a word that matches nothing. Trigram GIN indexes on the upper-cased columns
serve the substring matches, and a GIN index on the weighted document serves full text. Both
must be built from the very expressions the queries use, so they are built from the same code.
Trigrams cannot serve a term of one or two characters, and one or two CJK characters are the
commonest Chinese words (常州 read every body, over the 3 s search budget), as AI and 5G are
common English ones; an index on each column's short search keys serves those
(portal.search.SearchKeys; migration 0010, which replaced 0009's CJK-pair indexes).
SQLite has no such indexes; there a search reads the table (about 0.6 s at 100,000 items).
"""

from string import ascii_lowercase, ascii_uppercase

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db.models import TextField
from django.db.models.functions import Cast, Upper

from news.filters import NEWS_SEARCH_FIELDS
from portal.search import CJK_RANGES, SearchKeys, search_document

# One regular-expression pass for the CJK runs and one split for the words: about 170 µs for a
# 3 KB body. COST 1000 (ten times the default) says so to the planner; only the rare-term probe
# uses the keys, with bitmap scans alone (portal.search.through_indexes). Upper-cased with
# translate(), not upper(), so the keys do not depend on the database's locale.
CJK_CLASS = "".join(f"\\u{start:04x}-\\u{end:04x}" for start, end in CJK_RANGES)
CREATE_KEYS_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {SearchKeys.function}(value text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000 AS $$
  SELECT coalesce(array_agg(DISTINCT key), '{{}}') FROM (
    SELECT substr(run[1], i, width) AS key
    FROM regexp_matches(value, '[{CJK_CLASS}]+', 'g') AS run,
         generate_series(1, char_length(run[1])) AS i, (VALUES (1), (2)) AS widths(width)
    UNION ALL
    SELECT translate(word, '{ascii_lowercase}', '{ascii_uppercase}')
    FROM regexp_split_to_table(value, '[^A-Za-z0-9]+') AS word
    WHERE char_length(word) BETWEEN 1 AND 2
  ) AS keys
$$
"""
DROP_KEYS_FUNCTION = f"DROP FUNCTION IF EXISTS {SearchKeys.function}(text)"


def news_search_indexes() -> list[GinIndex]:
    """Return the indexes: one trigram index per searched column, one full-text index."""
    substrings = [
        GinIndex(
            OpClass(Upper(Cast(field, TextField())), name="gin_trgm_ops"),
            name=f"news_search_{field}_trgm",
        )
        for field in NEWS_SEARCH_FIELDS
    ]
    return [*substrings, GinIndex(search_document(NEWS_SEARCH_FIELDS), name="news_search_fts")]


def add_news_search_indexes(apps, schema_editor) -> None:
    _for_each_index(apps, schema_editor, schema_editor.add_index)


def remove_news_search_indexes(apps, schema_editor) -> None:
    _for_each_index(apps, schema_editor, schema_editor.remove_index)


def _for_each_index(apps, schema_editor, change, indexes=news_search_indexes) -> None:
    if schema_editor.connection.vendor == "postgresql":
        model = apps.get_model("news", "NewsItem")
        for index in indexes():
            change(model, index)


def news_key_indexes() -> list[GinIndex]:
    """Return one index per searched column over its short search keys."""
    return [
        GinIndex(SearchKeys(field), name=f"news_search_{field}_keys")
        for field in NEWS_SEARCH_FIELDS
    ]


def add_key_indexes(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_KEYS_FUNCTION)
    _for_each_index(apps, schema_editor, schema_editor.add_index, news_key_indexes)


def remove_key_indexes(apps, schema_editor) -> None:
    _for_each_index(apps, schema_editor, schema_editor.remove_index, news_key_indexes)
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_KEYS_FUNCTION)
