"""Liveness and readiness for load balancers and orchestrators: cheap, uncached, unlocalised."""

import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    """Answer 200 while this process can serve requests at all."""
    return JsonResponse({"status": "ok"})


def database_is_up() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        return False


def cache_is_up() -> bool:
    """Write and read back a value: a fail-open cache swallows errors, so ask for proof."""
    token = uuid.uuid4().hex
    try:
        cache.set("readyz", token, 10)
        return cache.get("readyz") == token
    except Exception:
        return False


@never_cache
def readyz(request):
    """Answer 200 when the database and the cache are reachable, else 503 naming what is down."""
    checks = {"database": database_is_up(), "cache": cache_is_up()}
    down = sorted(name for name, up in checks.items() if not up)
    body = {"status": "unavailable" if down else "ok", "down": down}
    return JsonResponse(body, status=503 if down else 200)
