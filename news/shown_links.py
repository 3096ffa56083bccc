"""The parks, platforms and industries a list of news items shows, loaded by prepared queries.

A listing shows each item's links: the news index and JSON Feed its parks, the API its parks,
platforms and industries. prefetch_related built a query per relation and request, and on the
API list that cost more than a third of the request; these prepared queries
(portal/prepared.py) load the same rows, in the same order, into the same `<relation>_shown`
lists that `NewsItem.shown_parks` and the like read.
"""

from django.db.models import F, QuerySet

from news.models import NewsItem
from portal.prepared import PreparedQuery, Shape, run_together

RELATIONS = ("parks", "platforms", "industries")
# Every listing's fields: the few a tag or a summary shows.
_FIELDS = {
    "parks": ("name", "slug", "short_name"),
    "platforms": ("name", "slug", "kind"),
    "industries": ("name", "slug"),
}
# Industries have no publication state; parks and platforms do.
_PUBLISHABLE = ("parks", "platforms")


def linked_rows(relation: str, items, *, published_only: bool = True) -> QuerySet:
    """Return the rows of `relation` linked to `items` (ids, or a query of ids), by name, each
    with `shown_for_item`: a row linked to two items comes once for each."""
    field = NewsItem._meta.get_field(relation)
    linked_to = field.related_query_name()  # "news_items" on each side
    rows = field.related_model._default_manager.filter(**{f"{linked_to}__in": items})
    if published_only and relation in _PUBLISHABLE:
        rows = rows.filter(is_published=True)
    # The filter's join to the link table also gives each row the item it is shown for.
    rows = rows.annotate(shown_for_item=F(linked_to)).only(*_FIELDS[relation])
    return rows.order_by("name", "pk")


def _links_query(relation: str) -> PreparedQuery:
    return PreparedQuery(
        lambda items, published_only: linked_rows(relation, items, published_only=published_only),
        items=[int],
        published_only=Shape,
    )


_QUERIES = {relation: _links_query(relation) for relation in RELATIONS}


def shown_calls(items: list[NewsItem], relations=RELATIONS, *, published_only=True) -> list:
    """The prepared queries (with their values) that load `items`' links, for `run_together`."""
    ids = [item.pk for item in items]
    return [
        (_QUERIES[relation], {"items": ids, "published_only": published_only})
        for relation in relations
    ]


def attach_rows(items: list[NewsItem], relations, loaded: list[list]) -> None:
    """Set `<relation>_shown` on each item from the rows `shown_calls` loaded."""
    for relation, rows in zip(relations, loaded, strict=True):
        by_item = {item.pk: [] for item in items}
        for row in rows:
            by_item[row.shown_for_item].append(row)
        for item in items:
            setattr(item, f"{relation}_shown", by_item[item.pk])


def attach_shown(items: list[NewsItem], relations=RELATIONS, *, published_only=True) -> None:
    """Set `<relation>_shown` on each item: its linked rows, by name, published ones only
    unless `published_only` is false (staff reading the API see drafts' links too)."""
    if not items:
        return
    relations = tuple(relations)
    calls = shown_calls(items, relations, published_only=published_only)
    attach_rows(items, relations, run_together(calls))


def with_shown(items: QuerySet[NewsItem], *relations: str, published_only=True):
    """Return `items` set to attach the shown links of whatever rows it fetches."""
    return items.after_fetch(
        lambda rows: attach_shown(rows, relations, published_only=published_only)
    )
