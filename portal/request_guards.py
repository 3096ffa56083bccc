"""Refuse requests before any view parses them: oversized query strings, writes to read-only pages."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import APIException

from portal.api.errors import error_body


class QueryTooLong(APIException):
    status_code = 414
    default_code = "query_too_long"
    default_detail = _("This address is too long. Please shorten your search or filters.")


class QueryStringLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if len(request.META.get("QUERY_STRING", "")) > settings.MAX_QUERY_STRING_BYTES:
            return query_too_long(request)
        return self.get_response(request)


def query_too_long(request) -> HttpResponse:
    """Answer 414 as JSON under /api/, else as a short plain-text message."""
    exc = QueryTooLong()
    if request.path_info.startswith("/api/"):
        return JsonResponse({"error": error_body(exc, exc.status_code)}, status=exc.status_code)
    return HttpResponse(
        str(exc.detail), status=exc.status_code, content_type="text/plain; charset=utf-8"
    )


SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
# Paths that accept writes: the admin, the API (its own permissions decide) and the language switch.
WRITABLE_PREFIXES = ("/admin/", "/api/", "/i18n/")


class PublicReadOnlyMiddleware:
    """Answer 405 to PUT, DELETE, TRACE and the like on the public site, which only serves reads."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in SAFE_METHODS and not request.path_info.startswith(
            WRITABLE_PREFIXES
        ):
            return HttpResponseNotAllowed(SAFE_METHODS)
        return self.get_response(request)
