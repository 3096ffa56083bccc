import pytest

from portal.api.throttling import AnonymousRateThrottle
from tests.news.factories import NewsItemFactory

pytestmark = pytest.mark.django_db


def error_of(response) -> dict:
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message", "details"}
    assert body["error"]["status"] == response.status_code
    return body["error"]


def test_400_names_the_bad_parameter(api_client):
    error = error_of(api_client.get("/api/v1/news/", {"colour": "red"}))

    assert error["code"] == "invalid_filter"
    assert error["details"] == {"colour": ["Unknown query parameter."]}


def test_401_and_403_share_the_body(api_client, django_user_model):
    assert error_of(api_client.delete("/api/v1/parks/x/"))["code"] == "not_authenticated"
    api_client.force_authenticate(django_user_model.objects.create_user("reader"))
    assert error_of(api_client.delete("/api/v1/parks/x/"))["code"] == "permission_denied"


def test_404_for_unknown_object_and_unknown_address(api_client):
    assert error_of(api_client.get("/api/v1/news/nothing-here/"))["code"] == "not_found"
    assert error_of(api_client.get("/api/v1/nothing-here/"))["code"] == "not_found"
    assert error_of(api_client.get("/api/nothing/"))["code"] == "not_found"


def test_405_for_a_method_the_endpoint_lacks(api_client, staff_user):
    api_client.force_authenticate(staff_user)

    error = error_of(api_client.post("/api/v1/sync/news/", {}, format="json"))

    assert error["code"] == "method_not_allowed"


def test_429_gives_retry_after_in_header_and_details(api_client, monkeypatch):
    monkeypatch.setattr(AnonymousRateThrottle, "THROTTLE_RATES", {"anon": "1/minute"})
    NewsItemFactory()
    api_client.get("/api/v1/news/")

    response = api_client.get("/api/v1/news/")

    error = error_of(response)
    assert error["code"] == "throttled"
    assert int(response.headers["Retry-After"]) == error["details"]["retry_after"] > 0


def test_write_validation_errors_list_the_fields(api_client, staff_user):
    api_client.force_authenticate(staff_user)

    error = error_of(api_client.post("/api/v1/industries/", {"name": ""}, format="json"))

    assert error["code"] == "invalid"
    assert set(error["details"]) == {"name", "slug"}
