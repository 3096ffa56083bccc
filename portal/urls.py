from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from portal.content_policy import with_inline_styles
from portal.discovery import robots_txt
from portal.health import healthz, readyz
from portal.sitemaps import SITEMAPS

urlpatterns = [
    path("admin/", with_inline_styles(admin.site.urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    # -- API routes (portal/api.py) --
    path("api/", include("portal.api.urls")),
    # -- feed and discovery routes --
    path("", include("news.feed_urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots-txt"),
    # -- health checks (portal/health.py) --
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
]

urlpatterns += i18n_patterns(
    # -- public pages --
    path("", include("portal.page_urls")),
    path("", include("parks.urls")),
    path("", include("news.urls")),
    prefix_default_language=False,
)

# Uploaded pictures in development; production serves MEDIA_URL from the storage (empty unless DEBUG).
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# A database outage met outside a view (in a middleware) answers 503, as one met inside does.
handler500 = "portal.outage.server_error"
