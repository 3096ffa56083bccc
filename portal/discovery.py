"""robots.txt: what crawlers may fetch, and where the sitemap is."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

# Machine-facing or endless: the admin, the API (schema and docs too), every search result page.
DISALLOWED = ["/admin/", "/api/", "/i18n/"]


def search_paths() -> list[str]:
    """Return the search page's path in every language."""
    paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.append(reverse("portal:search"))
    return list(dict.fromkeys(paths))


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Let crawlers read the public pages and feeds, and point them to the sitemap."""
    lines = ["User-agent: *"] + [f"Disallow: {path}" for path in DISALLOWED + search_paths()]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
