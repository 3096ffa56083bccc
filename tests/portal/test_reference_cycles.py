"""A page's data is freed when its response is, not left in reference cycles for the garbage
collector, whose passes over them cost a tenth of a millisecond or more a request."""

import gc
import io
import weakref

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory

from parks import views
from tests.news.factories import NewsItemFactory
from tests.parks.factories import ParkFactory

pytestmark = pytest.mark.django_db


def serve(path: str) -> bytes:
    """Answer a GET as a WSGI server would, without the test client's own cycles.

    Like the test client, it keeps the connection open across the request: closing it would
    drop this test's transaction, and with it the data, on PostgreSQL.
    """
    environ = RequestFactory().get(path).environ
    environ["wsgi.input"] = io.BytesIO(b"")
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        response = WSGIHandler()(environ, lambda status, headers, exc_info=None: None)
        try:
            return b"".join(response)
        finally:
            response.close()
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


@pytest.fixture
def collector_off():
    gc.collect()
    gc.disable()
    yield
    gc.enable()


def test_a_park_page_frees_its_park_without_the_collector(monkeypatch, settings, collector_off):
    """Fails if the view keeps a bound method of itself (Django's default `head`), if the
    template engine search raises on the way (a traceback's frames hold the response), or if
    a macro is imported with the page's context."""
    settings.PAGE_CACHE = False
    park = ParkFactory(name="Freed park")
    NewsItemFactory().parks.add(park)
    loaded = []

    def park_detail(**kwargs):
        found = views_park_detail(**kwargs)
        loaded.append(weakref.ref(found))
        return found

    views_park_detail = views.park_detail
    monkeypatch.setattr(views, "park_detail", park_detail)

    body = serve(park.get_absolute_url())

    assert b"Freed park" in body
    assert len(loaded) == 1
    assert loaded[0]() is None
