"""Rate limits for anonymous clients that fail open: a cache outage must not take the API down."""

import logging

from rest_framework.throttling import AnonRateThrottle

logger = logging.getLogger(__name__)


class AnonymousRateThrottle(AnonRateThrottle):
    def allow_request(self, request, view):
        try:
            return super().allow_request(request, view)
        except Exception:
            # Any cache backend error (connection refused, timeout…) lets the request through.
            logger.warning("Rate-limit cache unavailable; not throttling.", exc_info=True)
            return True
