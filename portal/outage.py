"""A database outage answers 503 with Retry-After, not a 500 with a traceback.

While PostgreSQL restarts or is unreachable, any request whose view (or template) touches the
database fails fast (the connect timeout) with a connection error. This middleware turns that
error into the site's 503 page, or the API's error body under /api/, so clients and load
balancers know to retry. Django's health checks reconnect on the next request once the database
is back, so the app recovers without a restart. A middleware that fails to reach the database
(saving a session, say) raises outside any view, where Django answers with the 500 handler:
`server_error` answers 503 there too.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.views import defaults
from rest_framework.exceptions import APIException

from portal.api.errors import error_body

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 30
DATABASE_DOWN = (OperationalError, InterfaceError)


class ServiceUnavailable(APIException):
    status_code = 503
    default_code = "service_unavailable"
    default_detail = _("The service is briefly unavailable; please retry shortly.")


def service_unavailable(request) -> HttpResponse:
    """Answer 503 in the form the client reads: JSON under /api/, else the standalone page."""
    if request.path_info.startswith("/api/"):
        exc = ServiceUnavailable()
        response = JsonResponse({"error": error_body(exc, exc.status_code)}, status=503)
    else:
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


class DatabaseOutageMiddleware:
    """Answer 503 when handling a request fails because the database is unreachable."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_DOWN):
            return None
        logger.warning("Database unavailable (%s); answering 503.", exception)
        return service_unavailable(request)


def server_error(request) -> HttpResponse:
    """The 500 handler: 503 when the error being handled is the database being unreachable."""
    if isinstance(sys.exc_info()[1], DATABASE_DOWN):
        return service_unavailable(request)
    return defaults.server_error(request)
