"""Staff preview: any item, published or not, as visitors would see it, marked and never indexed."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from news.models import NewsItem
from news.selectors import news_item_preview


def preview_view(request, object_id: int):
    """Render the public item page for staff with view permission; the view is not counted."""
    item = news_item_preview(pk=object_id)
    if not admin.site.get_model_admin(NewsItem).has_view_permission(request, item):
        raise PermissionDenied
    context = {"newsitem": item, "object": item, "preview": True, "related": []}
    response = TemplateResponse(request, "news/newsitem_detail.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
