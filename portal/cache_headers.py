"""One caching policy for every page, feed and API read that does not set its own.

Pages, feeds and API reads carry Last-Modified (the API and feeds an ETag too), so any cache
can check a copy with a cheap 304. Without a Cache-Control header, though, browsers and
proxies may keep a copy by guesswork (RFC 9111 heuristic freshness: a tenth of its age, an
hour for a feed last changed ten hours ago), and an edit would not show at once.

- By default every cache must revalidate every time (`no-cache`): an edit shows at once.
- With SHARED_CACHE_SECONDS > 0, a proxy or CDN in front may serve its copy of an answer to
  a visitor without a session for that long (`s-maxage`), so a shared story's spike stays at
  the edge; browsers still revalidate (`max-age=0`). Answers vary on Cookie, so no signed-in
  person's copy is shared and none is served to them.
- Anyone signed in, by session or by API token, gets `private, no-cache`.
"""

from django.conf import settings
from django.utils.cache import patch_vary_headers

from portal.page_cache import carries_identity

SHAREABLE_STATUSES = frozenset({200, 301, 404, 410})
PRIVATE = "private, no-cache"
REVALIDATED = "no-cache"


def policy(request, response) -> str:
    """Return the Cache-Control value for an answer that names none."""
    if carries_identity(request) or response.cookies:
        return PRIVATE
    seconds = settings.SHARED_CACHE_SECONDS
    if seconds > 0 and response.status_code in SHAREABLE_STATUSES:
        return f"public, max-age=0, s-maxage={seconds}"
    return REVALIDATED


class CacheHeadersMiddleware:
    """Give each GET or HEAD answer without a Cache-Control header the site's policy.

    Inside the page cache: a stored page keeps the header it was given, so a hit costs nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method in ("GET", "HEAD") and "Cache-Control" not in response:
            response["Cache-Control"] = policy(request, response)
            patch_vary_headers(response, ("Cookie",))
        return response
