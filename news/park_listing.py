"""Keep `ParkNewsListing` in step with news items and their parks, and read a park's news by it.

Triggers, not signals: the admin's bulk actions, `QuerySet.update()`, `bulk_create()` and raw
SQL change an item's status or its parks without a signal. They are (re)installed after every
`migrate`, not by a migration: SQLite drops a table's triggers when a migration rebuilds it,
and a migrate that finds any missing rebuilds the listing from the links, which it may have
missed meanwhile.
"""

from django.core.checks import CheckMessage, Warning
from django.db import connections
from django.db.models import QuerySet

from news.models import NewsItem, ParkNewsListing

PREFIX = "news_park_listing_"


def _names() -> dict[str, str]:
    link = NewsItem._meta.get_field("parks").remote_field.through
    return {
        "listing": ParkNewsListing._meta.db_table,
        "link": link._meta.db_table,
        "link_item": link._meta.get_field("newsitem").column,
        "link_park": link._meta.get_field("park").column,
        "item": NewsItem._meta.db_table,
    }


# (trigger, when it fires, what it does), the same on both databases but for the wrapping.
_TRIGGERS = {
    "link_insert": (
        "AFTER INSERT ON {link}",
        "INSERT INTO {listing} (id, park_id, item_id, status, published_at)"
        " SELECT NEW.id, NEW.{link_park}, NEW.{link_item}, status, published_at"
        " FROM {item} WHERE id = NEW.{link_item};",
    ),
    "link_update": (
        "AFTER UPDATE ON {link}",
        "DELETE FROM {listing} WHERE id = OLD.id;"
        " INSERT INTO {listing} (id, park_id, item_id, status, published_at)"
        " SELECT NEW.id, NEW.{link_park}, NEW.{link_item}, status, published_at"
        " FROM {item} WHERE id = NEW.{link_item};",
    ),
    "link_delete": ("AFTER DELETE ON {link}", "DELETE FROM {listing} WHERE id = OLD.id;"),
    "item_update": (
        "AFTER UPDATE OF status, published_at ON {item}",
        "UPDATE {listing} SET status = NEW.status, published_at = NEW.published_at"
        " WHERE item_id = NEW.id;",
    ),
}


def _create_sql(vendor: str) -> list[str]:
    names = _names()
    statements = []
    for name, (when, action) in _TRIGGERS.items():
        trigger, when, action = PREFIX + name, when.format(**names), action.format(**names)
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


def _installed(cursor, vendor: str) -> set[str]:
    if vendor == "sqlite":
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    else:
        cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
    return {name for (name,) in cursor.fetchall() if name.startswith(PREFIX)}


def install(using: str = "default") -> bool:
    """Install any missing trigger and, if one was missing, rebuild the listing; say whether."""
    connection = connections[using]
    if connection.vendor not in ("sqlite", "postgresql"):
        return False
    with connection.cursor() as cursor:
        if ParkNewsListing._meta.db_table not in connection.introspection.table_names(cursor):
            return False  # migrated back before the listing
        if _installed(cursor, connection.vendor) == {PREFIX + name for name in _TRIGGERS}:
            return False
        for statement in _create_sql(connection.vendor):
            cursor.execute(statement)
        names = _names()
        cursor.execute(f"DELETE FROM {names['listing']}")
        cursor.execute(
            f"INSERT INTO {names['listing']} (id, park_id, item_id, status, published_at)"
            f" SELECT link.id, link.{names['link_park']}, link.{names['link_item']},"
            f" item.status, item.published_at FROM {names['link']} link"
            f" JOIN {names['item']} item ON item.id = link.{names['link_item']}"
        )
    return True


def install_after_migrate(sender, using: str, **kwargs) -> None:
    install(using)


def missing_triggers(using: str = "default") -> set[str]:
    """Name the listing's triggers the database lacks (none where it has no listing yet)."""
    connection = connections[using]
    if connection.vendor not in ("sqlite", "postgresql"):
        return set()
    with connection.cursor() as cursor:
        if ParkNewsListing._meta.db_table not in connection.introspection.table_names(cursor):
            return set()
        return {PREFIX + name for name in _TRIGGERS} - _installed(cursor, connection.vendor)


def check_triggers(app_configs=None, databases=None, **kwargs) -> list[CheckMessage]:
    """`manage.py check --database default`: warn when a restore or a manual change left the
    listing without its triggers, so parks' pages would go stale until the next migrate."""
    problems = []
    for alias in databases or ():
        if missing := missing_triggers(alias):
            problems.append(
                Warning(
                    f"The parks' news listing lacks its triggers {', '.join(sorted(missing))}.",
                    hint="Run `manage.py migrate`: it installs them and rebuilds the listing.",
                    id="news.W001",
                )
            )
    return problems


def newest_in_park(items: QuerySet[NewsItem], park, *, now=None, year=None) -> QuerySet[NewsItem]:
    """Narrow published `items` to `park`'s, newest first, by the park's own index.

    The same rows as `items.filter(parks=park)` in the same order, read from the park's
    listing: one seek to its newest published item (at `now`, in `year`), then as many rows
    as asked for. Only for published items: the listing's status and time bound the seek.
    """
    bounds = {"park_listings__park": park, "park_listings__status": NewsItem.Status.PUBLISHED}
    if now is not None:
        bounds["park_listings__published_at__lte"] = now
    if year is not None:
        bounds["park_listings__published_at__year"] = year
    return items.filter(**bounds).order_by(
        "-park_listings__published_at", "-park_listings__item_id"
    )
