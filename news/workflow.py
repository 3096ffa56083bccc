"""The editorial workflow: who may move a news item between draft, review, published and archived.

Editors write drafts and submit them for review; publishers (`news.publish_newsitem`) also publish,
schedule (a publication time in the future), unpublish and archive. The admin and the API both call
`check_change` before saving, so a crafted request cannot get past the rule.
"""

from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from news.models import NewsItem

PUBLISH_PERMISSION = "news.publish_newsitem"
Status = NewsItem.Status
PUBLISHER_STATUSES = frozenset({Status.PUBLISHED, Status.ARCHIVED})
EDITOR_STATUSES = (Status.DRAFT, Status.IN_REVIEW)


def can_publish(user) -> bool:
    return user.has_perm(PUBLISH_PERMISSION)


def publishing_change(
    *, before: NewsItem | None, status: str, published_at: datetime | None
) -> bool:
    """Return True when saving `status`/`published_at` publishes, schedules, unpublishes or archives."""
    if before is None:
        return status in PUBLISHER_STATUSES
    if status != before.status:
        return status in PUBLISHER_STATUSES or before.status in PUBLISHER_STATUSES
    return before.status in PUBLISHER_STATUSES and published_at != before.published_at


def check_change(user, *, before: NewsItem | None, status: str, published_at) -> None:
    """Raise PermissionDenied when `user` may not make this change of status or publication time."""
    if can_publish(user):
        return
    if publishing_change(before=before, status=status, published_at=published_at):
        raise PermissionDenied(_("Only publishers may publish, schedule, unpublish or archive."))


def stored_state(item: NewsItem) -> NewsItem | None:
    """Return the item's status and time as stored (not as a form or a revision has set them)."""
    if item.pk is None:
        return None
    return NewsItem.objects.filter(pk=item.pk).only("status", "published_at").first()


def check_save(user, item: NewsItem) -> None:
    """Raise PermissionDenied when saving `item` as it is would be a change `user` may not make."""
    check_change(
        user, before=stored_state(item), status=item.status, published_at=item.published_at
    )


def require_publisher(user) -> None:
    if not can_publish(user):
        raise PermissionDenied(_("Only publishers may publish, schedule, unpublish or archive."))


@transaction.atomic
def publish(items: Iterable[NewsItem], *, user, now: datetime | None = None) -> int:
    """Publish items; one without a time is published now, one with a future time is scheduled."""
    require_publisher(user)
    now = now or timezone.now()
    changed = 0
    for item in items:
        if item.status != Status.PUBLISHED or item.published_at is None:
            item.status = Status.PUBLISHED
            item.published_at = item.published_at or now
            _save(item, user, "published")
            changed += 1
    return changed


@transaction.atomic
def unpublish(items: Iterable[NewsItem], *, user) -> int:
    """Take published (or scheduled) items back to draft; return how many changed."""
    require_publisher(user)
    return _move(items, Status.DRAFT, user=user, only_from={Status.PUBLISHED}, reason="unpublished")


@transaction.atomic
def archive(items: Iterable[NewsItem], *, user) -> int:
    """Archive items: they leave every public surface but stay in the admin."""
    require_publisher(user)
    return _move(items, Status.ARCHIVED, user=user, only_from=set(Status), reason="archived")


@transaction.atomic
def submit_for_review(items: Iterable[NewsItem], *, user) -> int:
    """Send drafts to the publishers' review queue."""
    return _move(items, Status.IN_REVIEW, user=user, only_from={Status.DRAFT}, reason="submitted")


def _move(items, status: str, *, user, only_from: set, reason: str) -> int:
    changed = 0
    for item in items:
        if item.status in only_from and item.status != status:
            item.status = status
            _save(item, user, reason)
            changed += 1
    return changed


def _save(item: NewsItem, user, reason: str) -> None:
    """Save one item so its history records who moved it and why."""
    item._history_user = user
    item._change_reason = reason
    item.save()
