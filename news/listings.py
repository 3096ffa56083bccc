"""Keep each park's and platform's news listing in step with news items and their links, and
read a park's or platform's newest news by it.

Triggers, not signals: the admin's bulk actions, `QuerySet.update()`, `bulk_create()` and raw
SQL change an item's status or its links without a signal. They are (re)installed after every
`migrate`, not by a migration: SQLite drops a table's triggers when a migration rebuilds it,
and a migrate that finds any missing rebuilds that listing from the links, which it may have
missed meanwhile.
"""

from django.core.checks import CheckMessage, Warning
from django.db import connections
from django.db.models import QuerySet

from news.models import NewsItem, NewsListing, ParkNewsListing, PlatformNewsListing

# relation on NewsItem: (listing, its field naming the park or platform, trigger name prefix)
LISTINGS: dict[str, tuple[type[NewsListing], str, str]] = {
    "parks": (ParkNewsListing, "park", "news_park_listing_"),
    "platforms": (PlatformNewsListing, "platform", "news_platform_listing_"),
}


def _names(relation: str) -> dict[str, str]:
    listing, target, _ = LISTINGS[relation]
    field = NewsItem._meta.get_field(relation)
    link = field.remote_field.through
    return {
        "listing": listing._meta.db_table,
        "target": listing._meta.get_field(target).column,
        "link": link._meta.db_table,
        "link_item": link._meta.get_field(field.m2m_field_name()).column,
        "link_target": link._meta.get_field(field.m2m_reverse_field_name()).column,
        "item": NewsItem._meta.db_table,
    }


_COPY_LINK = (
    "INSERT INTO {listing} (id, {target}, item_id, status, published_at)"
    " SELECT NEW.id, NEW.{link_target}, NEW.{link_item}, status, published_at"
    " FROM {item} WHERE id = NEW.{link_item};"
)
# (trigger, when it fires, what it does), the same on both databases but for the wrapping.
_TRIGGERS = {
    "link_insert": ("AFTER INSERT ON {link}", _COPY_LINK),
    "link_update": (
        "AFTER UPDATE ON {link}",
        "DELETE FROM {listing} WHERE id = OLD.id; " + _COPY_LINK,
    ),
    "link_delete": ("AFTER DELETE ON {link}", "DELETE FROM {listing} WHERE id = OLD.id;"),
    "item_update": (
        "AFTER UPDATE OF status, published_at ON {item}",
        "UPDATE {listing} SET status = NEW.status, published_at = NEW.published_at"
        " WHERE item_id = NEW.id;",
    ),
}


def _trigger_names(relation: str) -> set[str]:
    prefix = LISTINGS[relation][2]
    return {prefix + name for name in _TRIGGERS}


def _create_sql(relation: str, vendor: str) -> list[str]:
    names, prefix = _names(relation), LISTINGS[relation][2]
    statements = []
    for name, (when, action) in _TRIGGERS.items():
        trigger, when, action = prefix + name, when.format(**names), action.format(**names)
        if vendor == "sqlite":
            statements.append(f"CREATE TRIGGER IF NOT EXISTS {trigger} {when} BEGIN {action} END")
        else:
            statements.append(
                f"CREATE OR REPLACE FUNCTION {trigger}() RETURNS trigger LANGUAGE plpgsql"
                f" AS $$ BEGIN {action} RETURN NULL; END $$"
            )
            statements.append(
                f"CREATE OR REPLACE TRIGGER {trigger} {when} FOR EACH ROW"
                f" EXECUTE FUNCTION {trigger}()"
            )
    return statements


def _rebuild_sql(relation: str) -> list[str]:
    names = _names(relation)
    return [
        f"DELETE FROM {names['listing']}",
        f"INSERT INTO {names['listing']} (id, {names['target']}, item_id, status, published_at)"
        f" SELECT link.id, link.{names['link_target']}, link.{names['link_item']},"
        f" item.status, item.published_at FROM {names['link']} link"
        f" JOIN {names['item']} item ON item.id = link.{names['link_item']}",
    ]


def _installed(cursor, vendor: str) -> set[str]:
    if vendor == "sqlite":
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    else:
        cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
    return {name for (name,) in cursor.fetchall()}


def _missing(cursor, connection) -> dict[str, set[str]]:
    """Each migrated listing's missing triggers, by relation."""
    tables = set(connection.introspection.table_names(cursor))
    installed = _installed(cursor, connection.vendor)
    return {
        relation: _trigger_names(relation) - installed
        for relation, (listing, _, _) in LISTINGS.items()
        if listing._meta.db_table in tables  # not when migrated back before it
    }


def install(using: str = "default") -> set[str]:
    """Install any missing trigger and rebuild the listings that lacked one; return those
    listings' relations."""
    connection = connections[using]
    if connection.vendor not in ("sqlite", "postgresql"):
        return set()
    with connection.cursor() as cursor:
        rebuilt = {
            relation for relation, missing in _missing(cursor, connection).items() if missing
        }
        for relation in rebuilt:
            for statement in [*_create_sql(relation, connection.vendor), *_rebuild_sql(relation)]:
                cursor.execute(statement)
    return rebuilt


def install_after_migrate(sender, using: str, **kwargs) -> None:
    install(using)


def missing_triggers(using: str = "default") -> set[str]:
    """Name the triggers the database lacks (none for a listing not migrated yet)."""
    connection = connections[using]
    if connection.vendor not in ("sqlite", "postgresql"):
        return set()
    with connection.cursor() as cursor:
        return set().union(*_missing(cursor, connection).values())


def check_triggers(app_configs=None, databases=None, **kwargs) -> list[CheckMessage]:
    """`manage.py check --database default`: warn when a restore or a manual change left a
    listing without its triggers, so parks' and platforms' pages would go stale until the
    next migrate."""
    problems = []
    for alias in databases or ():
        if missing := missing_triggers(alias):
            problems.append(
                Warning(
                    f"The news listings lack their triggers {', '.join(sorted(missing))}.",
                    hint="Run `manage.py migrate`: it installs them and rebuilds the listings.",
                    id="news.W001",
                )
            )
    return problems


def newest_linked(
    items: QuerySet[NewsItem], relation: str, target, *, now=None, year=None
) -> QuerySet[NewsItem]:
    """Narrow `items` to the published ones linked to `target` (a park or platform, by
    `relation`), newest first, by its own listing.

    The same rows as `items.published(now=now).filter(**{relation: target})` in the same
    order: one seek to its newest published item (at `now`, in `year`), then as many rows as
    asked for. The listing's status and time, which its triggers keep equal to the item's,
    bound the seek; without `now`, pass items already published.
    """
    field = LISTINGS[relation][1]
    path = f"{field}_listings"
    bounds = {f"{path}__{field}": target, f"{path}__status": NewsItem.Status.PUBLISHED}
    if now is not None:
        bounds[f"{path}__published_at__lte"] = now
    if year is not None:
        bounds[f"{path}__published_at__year"] = year
    return items.filter(**bounds).order_by(f"-{path}__published_at", f"-{path}__item_id")


def newest_listed_ids(relation: str, target, *, now, limit: int) -> QuerySet:
    """Return the ids of the `limit` newest items published at `now` and linked to `target`,
    newest first, read from its listing alone: a subquery for another query to select by."""
    listing, field, _ = LISTINGS[relation]
    rows = listing.objects.filter(
        **{field: target}, status=NewsItem.Status.PUBLISHED, published_at__lte=now
    )
    return rows.order_by("-published_at", "-item_id").values("item_id")[:limit]
