"""Ranked text search that works on SQLite and PostgreSQL, for English and for unspaced Chinese.

PostgreSQL's full-text search splits words on spaces, so a Chinese phrase such as 中以常州创新园
is one token it rarely matches; every backend therefore also matches each query term as a substring.
On PostgreSQL, trigram indexes serve substrings of three characters or more; a term of two CJK
characters (常州, 园区: the commonest length of a Chinese word) is matched through the pairs of
adjacent CJK characters in each text instead, which bigram indexes serve (news/search_indexes.py).
"""

import re
from functools import reduce
from operator import add

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection, transaction
from django.db.models import Case, F, FloatField, Func, Q, QuerySet, TextField, Value, When
from django.db.models.functions import Coalesce

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
CONFIG = "english"
WEIGHT_SCORES = {"A": 1.0, "B": 0.4, "C": 0.2, "D": 0.1}
# Han (with extension A and compatibility ideographs), kana and Hangul syllables.
CJK_RANGES = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x3040, 0x30FF),
    (0xAC00, 0xD7AF),
)
CJK_PAIR = re.compile("[{}]{{2}}".format("".join(f"{chr(a)}-{chr(b)}" for a, b in CJK_RANGES)))
BIGRAMS = "cjk_bigrams_"
# Up to this many matches a term is rare, and its rows are found through the search indexes
# alone. Left to itself, PostgreSQL walked the publication-time index and tested each row,
# computing its body's search document: a news listing for a word in 100 of 100,000 bodies
# took 30 s.
RARE_MATCHES = 1000


class CjkBigrams(Func):
    """The distinct pairs of adjacent CJK characters in a text (a PostgreSQL function).

    Created by news migration 0009 from news/search_indexes.py. A text contains a term of two
    CJK characters exactly when this array contains the term.
    """

    function = "parkwire_cjk_bigrams"
    output_field = ArrayField(TextField())


def query_terms(query: str) -> list[str]:
    """Split a visitor's query into at most MAX_TERMS distinct terms."""
    return list(dict.fromkeys(query.split()))[:MAX_TERMS]


def _uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def _full_text_query(query: str) -> SearchQuery:
    return SearchQuery(query, search_type="websearch", config=CONFIG)


def _substring_match(terms: list[str], fields: dict[str, str], *, bigrams: bool = False) -> Q:
    match = Q()
    for term in terms:
        if bigrams and CJK_PAIR.fullmatch(term):
            lookups = [(f"{BIGRAMS}{field}__contains", [term]) for field in fields]
        else:
            lookups = [(f"{field}__icontains", term) for field in fields]
        match &= Q.create(lookups, connector=Q.OR)
    return match


def _substring_score(query: str, terms: list[str], fields: dict[str, str]):
    score = Value(0.0, output_field=FloatField())
    for field, weight in fields.items():
        for text in dict.fromkeys([query, *terms]):
            hit = When(**{f"{field}__icontains": text}, then=Value(WEIGHT_SCORES[weight]))
            score += Case(hit, default=Value(0.0), output_field=FloatField())
    return score


def search_document(fields: dict[str, str]) -> SearchVector:
    """Return the weighted full-text document of `fields` (PostgreSQL).

    News indexes exactly this expression (news/search_indexes.py): a query that builds it
    any other way would compute every body's document again.
    """
    return reduce(add, (SearchVector(name, weight=w, config=CONFIG) for name, w in fields.items()))


def filter_text(
    items: QuerySet, query: str, fields: dict[str, str], *, rare_first: bool = False
) -> QuerySet:
    """Keep rows containing every term, or (on PostgreSQL) matching the full-text query.

    With `rare_first` (large, indexed tables), PostgreSQL first reads up to RARE_MATCHES
    matches through the indexes; when that is all of them, the rows are kept by id.
    """
    terms = query_terms(query)
    if not terms:
        return items
    if not _uses_postgres():
        return items.filter(_substring_match(terms, fields))
    bigrams = any(CJK_PAIR.fullmatch(term) for term in terms)
    searched = items
    if bigrams:
        searched = searched.alias(**{f"{BIGRAMS}{field}": CjkBigrams(field) for field in fields})
    searched = searched.annotate(search_document=search_document(fields))
    match = _substring_match(terms, fields, bigrams=bigrams)
    full_text = Q(search_document=_full_text_query(query))
    indexed = any(len(term) >= 3 or CJK_PAIR.fullmatch(term) for term in terms)
    if not indexed:
        # No index serves a term of one or two characters (other than a CJK pair), so the
        # table is read anyway; the full-text arm reads its own index once, instead of every
        # row's document being computed on the way (/news/?q=园: 20 s at 100,000 items).
        full_text = Q(pk__in=searched.filter(full_text).values("pk"))
    matching = searched.filter(match | full_text)
    # The probe would read the whole table too for such a term (62 s for 园).
    if rare_first and indexed:
        ids = _all_ids_if_few(matching, limit=RARE_MATCHES)
        if ids is not None:
            return items.filter(pk__in=ids)
    return matching


def _all_ids_if_few(matching: QuerySet, *, limit: int) -> list[int] | None:
    """Return the ids of every row of `matching` if there are at most `limit`, else None.

    Only bitmap index scans are allowed for this one query, so it reads at most `limit` + 1
    matching rows whatever the planner estimates.
    """
    scans = ["enable_seqscan", "enable_indexscan"]
    with transaction.atomic(), connection.cursor() as cursor:
        # Undone by the savepoint's rollback on error; otherwise back to the configured values.
        cursor.execute(
            "SELECT set_config(name, 'off', true) FROM pg_settings WHERE name = ANY(%s)", [scans]
        )
        ids = list(matching.order_by().values_list("pk", flat=True)[: limit + 1])
        cursor.execute(
            "SELECT set_config(name, reset_val, true) FROM pg_settings WHERE name = ANY(%s)",
            [scans],
        )
    return ids if len(ids) <= limit else None


def rank_text(
    items: QuerySet, query: str, fields: dict[str, str], *, newest: int | None = None
) -> QuerySet:
    """Return matching rows best first: substring hits by field weight, plus PostgreSQL's rank.

    With `newest`, only the newest that many matches are ranked: a common word matches most of
    100,000 items, and ranking them all (to_tsvector and ts_rank of every body, then a sort)
    took PostgreSQL 20 s; the newest matches come from walking the publication-time index.
    """
    terms = query_terms(query)
    if newest and terms:
        candidates = filter_text(items, query, fields, rare_first=True)
        candidates = candidates.order_by("-published_at", "-pk")
        items = items.filter(pk__in=candidates.values("pk")[:newest])
    items = filter_text(items, query, fields)
    score = _substring_score(query, terms, fields)
    if _uses_postgres() and terms:
        score += Coalesce(SearchRank(F("search_document"), _full_text_query(query)), Value(0.0))
    return items.annotate(search_rank=score).order_by("-search_rank", "pk")
