"""Ranked text search that works on SQLite and PostgreSQL, for English and for unspaced Chinese.

PostgreSQL's full-text search splits words on spaces, so a Chinese phrase such as 中以常州创新园
is one token it rarely matches; every backend therefore also matches each query term as a substring.
"""

from functools import reduce
from operator import add

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, F, FloatField, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
CONFIG = "english"
WEIGHT_SCORES = {"A": 1.0, "B": 0.4, "C": 0.2, "D": 0.1}


def query_terms(query: str) -> list[str]:
    """Split a visitor's query into at most MAX_TERMS distinct terms."""
    return list(dict.fromkeys(query.split()))[:MAX_TERMS]


def _uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def _full_text_query(query: str) -> SearchQuery:
    return SearchQuery(query, search_type="websearch", config=CONFIG)


def _substring_match(terms: list[str], fields: dict[str, str]) -> Q:
    match = Q()
    for term in terms:
        match &= Q.create([(f"{field}__icontains", term) for field in fields], connector=Q.OR)
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


def filter_text(items: QuerySet, query: str, fields: dict[str, str]) -> QuerySet:
    """Keep rows containing every term, or (on PostgreSQL) matching the full-text query."""
    terms = query_terms(query)
    if not terms:
        return items
    match = _substring_match(terms, fields)
    if _uses_postgres():
        items = items.annotate(search_document=search_document(fields))
        match |= Q(search_document=_full_text_query(query))
    return items.filter(match)


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
        candidates = filter_text(items, query, fields).order_by("-published_at", "-pk")
        items = items.filter(pk__in=candidates.values("pk")[:newest])
    items = filter_text(items, query, fields)
    score = _substring_score(query, terms, fields)
    if _uses_postgres() and terms:
        score += Coalesce(SearchRank(F("search_document"), _full_text_query(query)), Value(0.0))
    return items.annotate(search_rank=score).order_by("-search_rank", "pk")
