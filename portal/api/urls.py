"""The JSON API: one router for every resource, the OpenAPI schema and its documentation page."""

from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import exceptions
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.routers import SimpleRouter

from news.api import NewsItemSyncViewSet, NewsItemViewSet, NewsWithdrawalViewSet
from parks.api import (
    CooperationPlatformViewSet,
    IndustryViewSet,
    KeyFigureViewSet,
    ParkKeyFigureViewSet,
    ParkViewSet,
)
from portal import slug_urls  # noqa: F401  (registers the <text:…> converter)
from portal.content_policy import allow_inline_styles

app_name = "api"


@extend_schema(exclude=True)
@api_view(["GET", "POST", "PUT", "PATCH", "DELETE"])
@authentication_classes([])
@permission_classes([])
def not_found(request, *args, **kwargs):
    """Answer unknown API addresses with the JSON error body, not the HTML 404 page."""
    raise exceptions.NotFound(_("No API endpoint at this address."))


router = SimpleRouter(use_regex_path=False)
router.register("parks", ParkViewSet, basename="park")
router.register("parks/<text:park_slug>/figures", ParkKeyFigureViewSet, basename="park-figure")
router.register("figures", KeyFigureViewSet, basename="key-figure")
router.register("platforms", CooperationPlatformViewSet, basename="platform")
router.register("industries", IndustryViewSet, basename="industry")
router.register("news", NewsItemViewSet, basename="news-item")
router.register("sync/news", NewsItemSyncViewSet, basename="news-sync")
router.register("sync/news/withdrawals", NewsWithdrawalViewSet, basename="news-withdrawal")

urlpatterns = [
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its start-up script as a file, so the CSP needs no inline script.
    path(
        "docs/",
        allow_inline_styles(SpectacularSwaggerSplitView.as_view(url_name="api:schema")),
        name="docs",
    ),
    re_path(r"^", not_found),
]
