import pytest
from django.core.cache import cache
from django.db import OperationalError

from portal import health

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_uncached(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_readyz_answers_ok_when_database_and_cache_are_up(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "down": []}


def test_readyz_names_the_cache_when_it_is_down(client, monkeypatch):
    monkeypatch.setattr(cache, "get", lambda *args, **kwargs: None)  # a fail-open cache

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "down": ["cache"]}


def test_readyz_names_the_database_when_it_is_down(client, monkeypatch):
    def refuse():
        raise OperationalError("connection refused")

    monkeypatch.setattr(health.connection, "cursor", refuse)

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["down"] == ["database"]


def test_health_checks_are_not_language_prefixed(client):
    assert client.get("/zh-hans/healthz").status_code == 404
