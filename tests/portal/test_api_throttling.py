import pytest
from django.core.cache import cache

from portal.api.throttling import AnonymousRateThrottle

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_per_minute(monkeypatch):
    monkeypatch.setattr(AnonymousRateThrottle, "THROTTLE_RATES", {"anon": "2/minute"})


def test_anonymous_clients_are_limited(api_client, two_per_minute):
    statuses = [api_client.get("/api/v1/parks/").status_code for _ in range(3)]

    assert statuses == [200, 200, 429]


def test_staff_are_not_limited(api_client, staff_user, two_per_minute):
    api_client.force_authenticate(staff_user)

    assert {api_client.get("/api/v1/parks/").status_code for _ in range(3)} == {200}


def test_limit_fails_open_when_the_cache_is_down(api_client, two_per_minute, monkeypatch):
    def cache_down(*args, **kwargs):
        raise ConnectionError("cache unreachable")

    monkeypatch.setattr(cache, "get", cache_down)

    assert {api_client.get("/api/v1/parks/").status_code for _ in range(3)} == {200}
