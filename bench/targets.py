"""The addresses the load benchmark measures, and the SQL queries each one costs."""

import base64
import datetime as dt

from django.db import connection
from django.templatetags.static import static
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from news.models import NewsItem
from parks.models import Park

DEEP_PAGE = 2000


def deep_cursor() -> str:
    """Return a sync cursor nine tenths of the way through every published item."""
    items = NewsItem.objects.published()
    count = items.count()
    key, pk = items.order_by("changed_at", "pk").values_list("changed_at", "pk")[count * 9 // 10]
    raw = f"{key.astimezone(dt.UTC).isoformat()}|{pk}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def bench_paths() -> list[tuple[str, str]]:
    """Return (label, path) for each page measured, the static file last."""
    park = Park.objects.published().order_by("pk").first()
    items = NewsItem.objects.published().order_by("-published_at", "-pk")
    middle = items.values_list("slug", flat=True)[items.count() // 2]
    year = items.values_list("published_at", flat=True)[items.count() // 3].year
    return [
        ("home", "/"),
        ("news index p1", "/news/"),
        (f"news index p{DEEP_PAGE:,}", f"/news/?page={DEEP_PAGE}"),
        ("news park+year", f"/news/?park={park.slug}&year={year}"),
        ("news item", f"/news/{middle}/"),
        ("park page", f"/parks/{park.slug}/"),
        ("API news p1", "/api/v1/news/"),
        ("API sync p1", "/api/v1/sync/news/"),
        ("API sync deep", f"/api/v1/sync/news/?cursor={deep_cursor()}"),
        ("JSON Feed", "/feeds/news.json"),
        ("static file", static("css/site.css")),
    ]


def queries_per_request(path: str, *, page_cache: bool) -> int:
    """Count the SQL queries one anonymous GET of `path` costs (a second GET if caching)."""
    client = Client(HTTP_HOST="127.0.0.1")
    with override_settings(PAGE_CACHE=page_cache):
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
    return len(queries)
