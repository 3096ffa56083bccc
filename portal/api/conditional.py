"""ETag and Last-Modified on API reads, answering If-None-Match and If-Modified-Since with 304.

The ETag hashes the rendered body, so it changes whenever anything a client sees changes
(a renamed park inside a news item, an item leaving a page). Last-Modified is the newest
modification time among the objects shown; If-None-Match wins when a client sends both.
"""

from django.http import HttpResponseNotModified
from django.utils.cache import parse_etags, patch_vary_headers, set_response_etag
from django.utils.http import http_date, parse_http_date_safe

KEPT_ON_304 = ("Cache-Control", "Content-Location", "ETag", "Expires", "Last-Modified", "Vary")


class ConditionalGetMixin:
    last_modified_field: str | None = "updated_at"
    last_modified = None

    def get_object(self):
        obj = super().get_object()
        self.note_modified([obj])
        return obj

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        if page is not None:
            self.note_modified(page)
        return page

    def note_modified(self, objects) -> None:
        if self.last_modified_field:
            times = [getattr(obj, self.last_modified_field) for obj in objects]
            self.last_modified = max((time for time in times if time), default=None)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, ["Authorization", "Cookie"])
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        response.render()
        set_response_etag(response)
        if self.last_modified is not None:
            response.headers["Last-Modified"] = http_date(self.last_modified.timestamp())
        if is_not_modified(request, response.headers.get("ETag"), self.last_modified):
            return not_modified(response)
        return response


def is_not_modified(request, etag: str | None, last_modified) -> bool:
    """Apply RFC 9110's If-None-Match, then If-Modified-Since, to a GET."""
    if_none_match = parse_etags(request.headers.get("If-None-Match", ""))
    if if_none_match:
        return "*" in if_none_match or opaque(etag or "") in {opaque(tag) for tag in if_none_match}
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return bool(since and last_modified and int(last_modified.timestamp()) <= since)


def opaque(etag: str) -> str:
    """Drop the weak marker: If-None-Match compares entity tags weakly (RFC 9110 13.1.2)."""
    return etag.removeprefix("W/")


def not_modified(response) -> HttpResponseNotModified:
    result = HttpResponseNotModified()
    for header in KEPT_ON_304:
        if header in response.headers:
            result.headers[header] = response.headers[header]
    return result
