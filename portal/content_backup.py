"""The whole content as one portable JSON file: every parks and news table, the former slugs
that keep old addresses working, and the accounts their history and reviews point to.

Django's serializers do the work (dumpdata/loaddata). Rows keep their ids, and links to
permissions go by natural key, so a file written from SQLite loads into PostgreSQL and back;
loaddata resets PostgreSQL's sequences afterwards. Uploaded image files are not in the file:
copy MEDIA_ROOT alongside it.
"""

from pathlib import Path

from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings

from news.link_changes import restoring_links
from news.models import NewsItem
from parks.models import Park

CONTENT = ("auth.group", "auth.user", "parks", "news", "portal.formerslug")
# Derived from the links by database triggers (news/listings.py): rebuilt, never restored.
DERIVED = ["news.parknewslisting", "news.platformnewslisting"]


class ContentExists(Exception):
    """The database already holds content; importing over it would mix two sites."""


def export_content(path: Path) -> None:
    """Write every content row to `path` as JSON."""
    call_command(
        "dumpdata",
        *CONTENT,
        exclude=DERIVED,
        natural_foreign=True,
        output=str(path),
        verbosity=0,
    )


def import_content(path: Path, *, allow_existing: bool = False) -> None:
    """Load a file written by `export_content`, all or nothing."""
    if not allow_existing and (Park.objects.exists() or NewsItem.objects.exists()):
        raise ContentExists("The database already holds parks or news.")
    # The file carries the history; loading it must not write a second one for every link set.
    with (
        transaction.atomic(),
        override_settings(SIMPLE_HISTORY_ENABLED=False),
        restoring_links(),
    ):
        call_command("loaddata", str(path), verbosity=0)
