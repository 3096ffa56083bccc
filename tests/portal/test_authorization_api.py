"""Who may call which API method: every role against every endpoint and method."""

import pytest

from tests.news.factories import NewsItemFactory
from tests.parks.factories import IndustryFactory, KeyFigureFactory, ParkFactory, PlatformFactory
from tests.portal.roles import ROLES, login_as

pytestmark = pytest.mark.django_db

WRITES = {"post": "add", "put": "change", "patch": "change", "delete": "delete"}
DENIED = {"anonymous": 401, "member": 403, "staff": 403}


@pytest.fixture
def endpoints():
    """(list URL, detail URL, model label) for every resource, each with one published object."""
    park = ParkFactory(slug="matrix-park")
    PlatformFactory(slug="matrix-platform", park=park)
    figure = KeyFigureFactory(park=park)
    IndustryFactory(slug="matrix-industry")
    NewsItemFactory(slug="matrix-news").parks.add(park)
    return [
        ("/api/v1/parks/", "/api/v1/parks/matrix-park/", "parks.park"),
        ("/api/v1/platforms/", "/api/v1/platforms/matrix-platform/", "parks.cooperationplatform"),
        ("/api/v1/figures/", f"/api/v1/figures/{figure.pk}/", "parks.keyfigure"),
        ("/api/v1/industries/", "/api/v1/industries/matrix-industry/", "parks.industry"),
        ("/api/v1/news/", "/api/v1/news/matrix-news/", "news.newsitem"),
        ("/api/v1/parks/matrix-park/figures/", None, "parks.keyfigure"),
        ("/api/v1/sync/news/", None, "news.newsitem"),
        ("/api/v1/sync/news/withdrawals/", None, "news.withdrawal"),
    ]


def expected(role, user, method, label, *, writable: bool) -> set[int]:
    """Return the acceptable statuses: a refusal names who is refused, an allowed write may still fail validation."""
    if method == "get":
        return {200}
    if role in DENIED:
        return {DENIED[role]}
    app, model = label.split(".")
    if not user.has_perm(f"{app}.{WRITES[method]}_{model}"):
        return {403}
    if not writable:
        return {405}
    return {200, 201, 204, 400}


@pytest.mark.parametrize("role", ROLES)
def test_every_api_method_answers_each_role_as_expected(client, django_user_model, endpoints, role):
    user = login_as(client, role, django_user_model)
    mismatches = []
    for list_url, detail_url, label in endpoints:
        calls = [("get", list_url), ("post", list_url)]
        if detail_url:
            calls += [("get", detail_url), ("put", detail_url), ("patch", detail_url)]
        writable = not (list_url.startswith("/api/v1/sync/") or detail_url is None)
        for method, url in calls:
            status = getattr(client, method)(url, {}, content_type="application/json").status_code
            allowed = expected(role, user, method, label, writable=writable)
            if status not in allowed:
                mismatches.append(
                    f"{method.upper()} {url}: expected {sorted(allowed)}, got {status}"
                )
    assert mismatches == [], "\n".join(mismatches)


@pytest.mark.parametrize("role", ROLES)
def test_delete_needs_the_delete_permission(client, django_user_model, role):
    user = login_as(client, role, django_user_model)
    NewsItemFactory(slug="doomed")
    status = client.delete("/api/v1/news/doomed/").status_code
    if role in DENIED:
        assert status == DENIED[role]
    else:
        assert status == (204 if user.has_perm("news.delete_newsitem") else 403)


def test_editors_cannot_publish_through_the_api(client, django_user_model):
    login_as(client, "editor", django_user_model)
    response = client.post(
        "/api/v1/news/",
        {
            "title": "Editor's scoop",
            "slug": "scoop",
            "body": "Text.",
            "status": "published",
            "published_at": "2021-01-01T00:00:00Z",
        },
        content_type="application/json",
    )
    assert response.status_code == 403
    assert response.json()["error"]["status"] == 403
