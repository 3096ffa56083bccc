"""News over the API: a browsable list, a detail, and a sync endpoint for clients that copy it all.

The sync endpoint walks items in (changed_at, id) order, where changed_at is the later of the
publication time and the last edit, a column the database keeps and indexes. A new item, an item backdated into the past when it is
imported or edited, and a scheduled item when its time comes all land after every cursor handed
out before, so a client resuming from its last `next` misses none of them; ordering by the
publication time alone would slip backdated items behind cursors already handed out.

An item that leaves the public site (unpublished, archived, rescheduled, renamed, deleted) stops
appearing there; its old slug appears in the withdrawals endpoint instead, in the order it left,
for as long as no public item holds that slug again (news/withdrawals.py records them). An item
that leaves a park, platform, industry or channel leaves the sync list narrowed to it; the
withdrawals narrowed the same way name it, until it is back.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from rest_framework import exceptions, mixins, viewsets

from news import workflow
from news.filters import (
    NewsItemApiFilter,
    NewsItemSyncFilter,
    PublishedNewsApiFilter,
    WithdrawalFilter,
)
from news.models import NewsItem, Withdrawal
from news.serializers import (
    NewsItemListSerializer,
    NewsItemSerializer,
    NewsItemSyncSerializer,
    WithdrawalSerializer,
)
from news.shown_links import RELATIONS, with_shown
from portal.api.access import PublicationMixin
from portal.api.conditional import ConditionalGetMixin
from portal.api.pagination import KeysetCursorPagination, WithdrawalCursorPagination


def public_news_items() -> QuerySet[NewsItem]:
    """Return published items linked only to published parks and platforms."""
    return with_shown(NewsItem.objects.published().select_related("channel"), *RELATIONS)


class NewsItemViewSet(PublicationMixin, ConditionalGetMixin, viewsets.ModelViewSet):
    """Park news, newest first; lists are lean, details carry the Markdown body."""

    queryset = NewsItem.objects.all()
    lookup_field = "slug"
    lookup_value_converter = "text"
    filterset_class = NewsItemApiFilter

    def get_serializer_class(self):
        return NewsItemListSerializer if self.action == "list" else NewsItemSerializer

    def published_queryset(self) -> QuerySet[NewsItem]:
        self.filterset_class = PublishedNewsApiFilter  # published only: listings apply
        return public_news_items()

    def all_queryset(self) -> QuerySet[NewsItem]:
        items = NewsItem.objects.select_related("channel")
        return with_shown(items, *RELATIONS, published_only=False)

    def perform_create(self, serializer):
        self.check_workflow(serializer)
        serializer.save()

    def perform_update(self, serializer):
        self.check_workflow(serializer)
        serializer.save()

    def check_workflow(self, serializer) -> None:
        """Answer 403 when an editor tries to publish, schedule, unpublish or archive."""
        before, data = serializer.instance, serializer.validated_data
        try:
            workflow.check_change(
                self.request.user,
                before=before,
                status=data.get("status", getattr(before, "status", NewsItem.Status.DRAFT)),
                published_at=data.get("published_at", getattr(before, "published_at", None)),
            )
        except PermissionDenied as error:
            raise exceptions.PermissionDenied(str(error)) from None


class NewsItemSyncViewSet(ConditionalGetMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Every published item, whole, in change order: resume from `next` to get what changed."""

    serializer_class = NewsItemSyncSerializer
    filterset_class = NewsItemSyncFilter
    pagination_class = KeysetCursorPagination
    last_modified_field = "changed_at"

    def get_queryset(self):
        return public_news_items()


class NewsWithdrawalViewSet(ConditionalGetMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Slugs of items that left the public site, in the order they left: drop these copies.

    Walk it like the sync list and resume from `next`. A slug that a public item holds again
    is left out: that item is in the sync list, changed after it left. Narrowed like the sync
    list (`?park=…`), it also names public items that left that park, platform, industry or
    channel, until they are back in it.
    """

    serializer_class = WithdrawalSerializer
    filterset_class = WithdrawalFilter
    pagination_class = WithdrawalCursorPagination
    last_modified_field = "withdrawn_at"

    def get_queryset(self):
        return Withdrawal.objects.all()  # WithdrawalFilter keeps those that apply
