"""Record a Withdrawal whenever a public news item leaves the public site or changes its slug.

A sync client (`/api/v1/sync/news/`) learns of new and changed items, but an item that is
unpublished, archived, moved into the future, renamed or deleted just stops appearing there,
and the client's copy would live on. Each such change leaves the old slug in `Withdrawal`,
which `/api/v1/sync/news/withdrawals/` lists. An item that was never public leaves nothing.

Model signals, like the cache invalidation they resemble (both tell copies elsewhere that they
went stale): the change can come from the admin's form, its bulk actions and deletes, the API,
the importer or the workflow, and one missed path would leave copies stale with no error.
Nothing in the project changes a news item's status or slug with `QuerySet.update()`, which
signals would miss.
"""

from django.db.models.signals import post_delete, post_save, pre_save

from news.models import NewsItem, Withdrawal

PUBLIC_SLUG = "_slug_while_public"


def note_public_slug(sender, instance: NewsItem, raw: bool = False, **kwargs) -> None:
    """Before a save, remember the slug the item is public under as stored (None if it is not)."""
    if raw or instance.pk is None:
        return
    stored = NewsItem.objects.published().filter(pk=instance.pk).values_list("slug", flat=True)
    instance.__dict__[PUBLIC_SLUG] = stored.first()


def record_if_withdrawn(sender, instance: NewsItem, raw: bool = False, **kwargs) -> None:
    """After a save, withdraw the old slug if the item is no longer public under it."""
    slug = instance.__dict__.pop(PUBLIC_SLUG, None)
    if raw or slug is None:
        return
    if slug != instance.slug or not instance.is_public():
        Withdrawal.objects.create(slug=slug)


def record_if_deleted_while_public(sender, instance: NewsItem, **kwargs) -> None:
    if instance.is_public():
        Withdrawal.objects.create(slug=instance.slug)


def connect() -> None:
    pre_save.connect(note_public_slug, sender=NewsItem, dispatch_uid="withdrawals-pre")
    post_save.connect(record_if_withdrawn, sender=NewsItem, dispatch_uid="withdrawals-post")
    post_delete.connect(
        record_if_deleted_while_public, sender=NewsItem, dispatch_uid="withdrawals-delete"
    )
