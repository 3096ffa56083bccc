"""The admin's review queue: imported documents beside what the importer made of them."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from news import review
from news.models import SourceDocument
from parks.models import CooperationPlatform, Park

PER_PAGE = 10
PUBLISHABLE = {"park": Park, "platform": CooperationPlatform}


def review_queue_view(request):
    """List documents to review, with drafts to publish; POST marks one reviewed or publishes one."""
    if not request.user.has_perm("news.view_sourcedocument"):
        raise PermissionDenied
    if request.method == "POST":
        return _handle_post(request)
    page = Paginator(review.review_queue(), PER_PAGE).get_page(request.GET.get("page"))
    context = {
        **admin.site.each_context(request),
        "title": _("Review queue"),
        "page": page,
        "draft_parks": review.draft_parks()[:50],
        "draft_platforms": review.draft_platforms()[:50],
        "can_review": request.user.has_perm("news.change_sourcedocument"),
    }
    return TemplateResponse(request, "admin/news/review_queue.html", context)


def _handle_post(request):
    if "reviewed" in request.POST:
        _mark_reviewed(request, request.POST["reviewed"])
    elif request.POST.get("publish") in PUBLISHABLE:
        _publish_draft(request, PUBLISHABLE[request.POST["publish"]], request.POST.get("pk"))
    return redirect("admin:news_review")


def _mark_reviewed(request, pk: str) -> None:
    if not request.user.has_perm("news.change_sourcedocument"):
        raise PermissionDenied
    documents = SourceDocument.objects.filter(pk=pk if pk.isdigit() else None)
    if review.mark_reviewed(documents, user=request.user):
        messages.success(request, _("Marked reviewed: it has left the queue."))


def _publish_draft(request, model, pk) -> None:
    opts = model._meta
    if not request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
        raise PermissionDenied
    draft = get_object_or_404(model, pk=pk if str(pk).isdigit() else None)
    draft.is_published = True
    draft._change_reason = "published from the review queue"
    draft.save()
    messages.success(request, _("Published %s.") % draft)
