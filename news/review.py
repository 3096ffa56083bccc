"""The review queue: imported documents staff have not checked yet, and drafts imports created.

A document needs review while it has warnings or figures awaiting confirmation and nobody has
marked it reviewed; a re-import that changes it clears the mark (news/importing/loading.py).
"""

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from news.models import NewsItem, SourceDocument
from parks.models import CooperationPlatform, KeyFigure, Park


def review_queue() -> QuerySet[SourceDocument]:
    """Return unreviewed documents with warnings or pending figures, with what they produced."""
    pending = KeyFigure.objects.filter(
        source_document=OuterRef("pk"), status=KeyFigure.Status.PENDING
    )
    items = NewsItem.objects.prefetch_related(
        Prefetch("parks", queryset=Park.objects.only("name", "slug", "is_published"))
    )
    figures = KeyFigure.objects.select_related("park").only(
        *("label", "value", "unit", "qualifier", "status", "source_sentence", "as_of"),
        *("as_of_precision", "source_document_id", "park__name"),
    )
    return (
        SourceDocument.objects.filter(reviewed_at__isnull=True)
        .filter(~Q(warnings=[]) | Exists(pending))
        .select_related("profile_park")
        .prefetch_related(Prefetch("news_item", queryset=items), Prefetch("key_figures", figures))
        .order_by("-updated_at", "pk")
    )


def draft_parks() -> QuerySet[Park]:
    """Return unpublished parks, newest first: most were created by an import."""
    return (
        Park.objects.drafts()
        .select_related("source_document")
        .only("name", "slug", "created_at", "source_document__name")
        .order_by("-created_at", "pk")
    )


def draft_platforms() -> QuerySet[CooperationPlatform]:
    """Return unpublished platforms, newest first."""
    return (
        CooperationPlatform.objects.drafts()
        .select_related("source_document", "park")
        .only("name", "slug", "created_at", "source_document__name", "park__name")
        .order_by("-created_at", "pk")
    )


def mark_reviewed(documents: QuerySet[SourceDocument], *, user) -> int:
    """Take documents out of the review queue; return how many."""
    return documents.update(reviewed_at=timezone.now(), reviewed_by=user)
