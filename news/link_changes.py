"""A news item whose links change has changed, for everyone who keeps a copy of it.

Sync clients find changes by `changed_at`, which follows `updated_at`, which only `save()`
sets. The admin's bulk actions that tag items with a park or industry, and code that links
from the other side (`park.news_items.add(item)`), change links without saving the item: its
copies kept the old parks, platforms and industries, and a copy narrowed to a park never
received an item newly tagged with it. Every link change now stamps the items it touches, in
the same transaction.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import m2m_changed
from django.utils import timezone

from news.models import NewsItem
from news.withdrawals import LINK_SCOPES, link_named, link_table

_restoring = ContextVar("restoring_links", default=False)


@contextmanager
def restoring_links() -> Iterator[None]:
    """Load links without stamping their items: a restore keeps each item's own updated_at.

    loaddata sets links after saving each row with `raw`, but m2m_changed does not say so.
    """
    token = _restoring.set(True)
    try:
        yield
    finally:
        _restoring.reset(token)


def stamp_relinked_items(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    """Stamp the items whose links changed: after an add or a remove, or before a clear,
    while the links to clear can still be found."""
    if action not in ("post_add", "post_remove", "pre_clear") or _restoring.get():
        return
    if action != "pre_clear" and not pk_set:
        return  # nothing was added or removed
    now = timezone.now()
    if not reverse:  # item.parks.add(...): this one item changed
        NewsItem.objects.filter(pk=instance.pk).update(updated_at=now)
        instance.updated_at = now
    elif action == "pre_clear":  # park.news_items.clear(): every item linked to the park
        NewsItem.objects.filter(**{link_named(sender): instance}).update(updated_at=now)
    else:  # park.news_items.add(*items)
        NewsItem.objects.filter(pk__in=pk_set).update(updated_at=now)


def connect() -> None:
    for name in LINK_SCOPES:
        m2m_changed.connect(
            stamp_relinked_items, sender=link_table(name), dispatch_uid=f"relinked-{name}"
        )
