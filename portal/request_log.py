"""One JSON line per request on stdout, and the request's id on every log line written meanwhile.

An incoming X-Request-ID (from the proxy) is kept when it is short and plain, so one id follows a
request through every tier; otherwise a new one is made. The id is echoed in the response.
"""

import json
import logging
import re
import time
import uuid
from contextvars import ContextVar

REQUEST_ID_HEADER = "X-Request-ID"
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:@/+=-]{1,128}")
request_id: ContextVar[str] = ContextVar("request_id", default="")
logger = logging.getLogger("portal.request")


def incoming_request_id(request) -> str:
    """Return the proxy's request id if it is sane, else a new one."""
    candidate = request.headers.get(REQUEST_ID_HEADER, "")
    return candidate if SANE_REQUEST_ID.fullmatch(candidate) else uuid.uuid4().hex


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = incoming_request_id(request)
        token = request_id.set(request.id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response.headers[REQUEST_ID_HEADER] = request.id
            logger.info(
                "request",
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                },
            )
            return response
        finally:
            request_id.reset(token)


class JsonLinesFormatter(logging.Formatter):
    """Format a record as one JSON object: time, level, logger, message, request id, extras."""

    EXTRAS = ("method", "path", "status", "duration_ms")

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": request_id.get(),
        }
        entry.update({key: getattr(record, key) for key in self.EXTRAS if hasattr(record, key)})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
