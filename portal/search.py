"""Ranked text search that works on SQLite and PostgreSQL, for English and for unspaced Chinese.

PostgreSQL's full-text search splits words on spaces, so a Chinese phrase such as 中以常州创新园
is one token it rarely matches; every backend therefore also matches each query term as a substring.
A word of one or two letters or digits (AI, 5G, EV) is matched as a whole word instead: as a
substring, "AI" found every "said" and "Taiwan".
On PostgreSQL, trigram indexes serve substrings of three characters or more. Shorter terms, one
or two CJK characters (园, 常州: the commonest lengths of a Chinese word) and short words, have
indexes over each text's short search keys instead (news/search_indexes.py): a term in a few
rows is found through them; one in many rows is tested row by row, which is cheaper than its
keys.
"""

import re
from functools import reduce
from operator import add, or_

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
CJK_CLASS = "".join(f"{chr(start)}-{chr(end)}" for start, end in CJK_RANGES)
SHORT_CJK = re.compile(f"[{CJK_CLASS}]{{1,2}}")
SHORT_WORD = re.compile("[A-Za-z0-9]{1,2}")
# The same word boundary as the search keys': not next to another ASCII letter or digit, so "AI"
# is found in "AI-driven" and in "AI医疗", but not in "said".
WHOLE_WORD = "(?<![A-Za-z0-9]){}(?![A-Za-z0-9])"
SEARCH_KEYS = "search_keys_"
# Up to this many matches a term is rare, and its rows are found through the search indexes
# alone. Left to itself, PostgreSQL walked the publication-time index and tested each row,
# computing its body's search document: a news listing for a word in 100 of 100,000 bodies
# took 30 s.
RARE_MATCHES = 1000


class SearchKeys(Func):
    """A text's short search keys (a PostgreSQL function), for terms trigrams cannot serve.

    The keys are each CJK character, each pair of adjacent CJK characters, and each word of one
    or two ASCII letters or digits, upper-cased. A text contains such a term exactly when this
    array contains `search_key(term)`. Created by news migration 0010 (news/search_indexes.py).
    """

    function = "parkwire_search_keys"
    output_field = ArrayField(TextField())


def search_key(term: str) -> str | None:
    """Return the key `SearchKeys` holds for `term`, or None when the term is not that short."""
    if SHORT_CJK.fullmatch(term):
        return term
    if SHORT_WORD.fullmatch(term):
        return term.upper()
    return None


def query_terms(query: str) -> list[str]:
    """Split a visitor's query into at most MAX_TERMS distinct terms."""
    return list(dict.fromkeys(query.split()))[:MAX_TERMS]


def _uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def _full_text_query(query: str) -> SearchQuery:
    return SearchQuery(query, search_type="websearch", config=CONFIG)


def _contains(field: str, text: str) -> Q:
    """Match `text` in `field`: a short word as a whole word, anything else as a substring."""
    if SHORT_WORD.fullmatch(text):
        whole_word = Q(**{f"{field}__iregex": WHOLE_WORD.format(text)})
        if _uses_postgres():
            return whole_word
        # SQLite calls Python for each regular expression: the LIKE first spares it most rows
        # (/news/?q=zq: 4.6 s at 100,000 items without it).
        return Q(**{f"{field}__icontains": text}) & whole_word
    if SHORT_CJK.fullmatch(text):
        # No letter case to ignore, and PostgreSQL's upper() of a body cost 3 times the LIKE.
        return Q(**{f"{field}__contains": text})
    return Q(**{f"{field}__icontains": text})


def _term_match(terms: list[str], fields: dict[str, str], *, by_key: bool = False) -> Q:
    """Match rows containing every term in some field; `by_key` finds short terms by key.

    Both ways match the same rows. A key is found through its index, but testing it row by row
    computes the text's keys (170 µs a body); the LIKE or regular expression costs 5–15 µs.
    """
    match = Q()
    for term in terms:
        key = search_key(term) if by_key else None
        if key:
            contained = [Q(**{f"{SEARCH_KEYS}{field}__contains": [key]}) for field in fields]
        else:
            contained = [_contains(field, term) for field in fields]
        match &= reduce(or_, contained)
    return match


def _substring_score(query: str, terms: list[str], fields: dict[str, str]):
    score = Value(0.0, output_field=FloatField())
    for field, weight in fields.items():
        for text in dict.fromkeys([query, *terms]):
            hit = When(_contains(field, text), then=Value(WEIGHT_SCORES[weight]))
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
        return items.filter(_term_match(terms, fields))
    if rare_first and any(search_key(term) or len(term) >= 3 for term in terms):
        ids = _all_ids_if_few(through_indexes(items, query, fields), RARE_MATCHES)
        if ids is not None:
            return items.filter(pk__in=ids)
    searched = items.annotate(search_document=search_document(fields))
    match = _term_match(terms, fields)
    if _full_text_adds_matches(terms):
        full_text = Q(search_document=_full_text_query(query))
        if not any(len(term) >= 3 for term in terms):
            # Nothing here is found through the trigram indexes, so rows are tested one by
            # one; the full-text arm reads its own index once, instead of every row's
            # document being computed on the way (/news/?q=园 took 20 s at 100,000 items).
            full_text = Q(pk__in=searched.filter(full_text).values("pk"))
        match |= full_text
    return searched.filter(match)


def through_indexes(items: QuerySet, query: str, fields: dict[str, str]) -> QuerySet:
    """Return the rows `filter_text` keeps, with every term in a form an index serves (PostgreSQL).

    Short terms are found by key here, which tested row by row is dear, so only the rare-term
    probe reads this, with nothing but bitmap index scans allowed.
    """
    terms = query_terms(query)
    keys = {f"{SEARCH_KEYS}{field}": SearchKeys(field) for field in fields}
    searched = items.alias(**keys).annotate(search_document=search_document(fields))
    match = _term_match(terms, fields, by_key=True)
    if _full_text_adds_matches(terms):
        match |= Q(search_document=_full_text_query(query))
    return searched.filter(match)


def _full_text_adds_matches(terms: list[str]) -> bool:
    """Whether full text can match rows that the terms themselves do not.

    Not when every term is a short word or one or two CJK characters: a short word's only word
    form is itself, and a CJK lexeme is a whole run of CJK characters, which the substring
    match finds anyway; unless "or" joins the terms. Left in, the full-text arm read every
    row's document for a word in most of them: counting /news/?q=AI took 13 s.
    """
    return not all(search_key(term) for term in terms) or "or" in {t.lower() for t in terms}


def _all_ids_if_few(matching: QuerySet, limit: int) -> list[int] | None:
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
