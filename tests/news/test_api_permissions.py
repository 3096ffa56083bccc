import pytest
from django.contrib.auth.models import Permission
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from news.models import NewsItem
from tests.news.factories import NewsItemFactory
from tests.parks.factories import ParkFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/news/"
NEW_ITEM = {"title": "Park opens", "slug": "park-opens", "body": "Text.", "status": "draft"}


def authenticate_with_token(api_client, user):
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")


def test_anonymous_write_answers_401_with_a_challenge(api_client):
    response = api_client.post(LIST_URL, NEW_ITEM, format="json")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Token"
    assert response.json()["error"]["code"] == "not_authenticated"
    assert not NewsItem.objects.exists()


def test_non_staff_write_answers_403_even_with_model_permissions(api_client, django_user_model):
    user = django_user_model.objects.create_user("reader")
    user.user_permissions.add(Permission.objects.get(codename="add_newsitem"))
    authenticate_with_token(api_client, user)

    response = api_client.post(LIST_URL, NEW_ITEM, format="json")

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"


def test_staff_without_the_model_permission_cannot_delete(api_client, django_user_model):
    item = NewsItemFactory()
    api_client.force_authenticate(django_user_model.objects.create_user("intern", is_staff=True))

    response = api_client.delete(f"{LIST_URL}{item.slug}/")

    assert response.status_code == 403
    assert NewsItem.objects.filter(pk=item.pk).exists()


def test_staff_with_permission_creates_an_item_by_token(api_client, staff_user):
    ParkFactory(slug="cicp")
    authenticate_with_token(api_client, staff_user)

    response = api_client.post(LIST_URL, {**NEW_ITEM, "park_slugs": ["cicp"]}, format="json")

    assert response.status_code == 201
    assert [park.slug for park in NewsItem.objects.get(slug="park-opens").parks.all()] == ["cicp"]


def test_staff_session_writes_need_the_csrf_token(staff_user):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(staff_user)

    assert client.post(LIST_URL, NEW_ITEM, format="json").status_code == 403


def test_staff_updates_and_deletes_a_draft(api_client, staff_user):
    draft = NewsItemFactory(status=NewsItem.Status.DRAFT, published_at=None)
    api_client.force_authenticate(staff_user)

    patched = api_client.patch(f"{LIST_URL}{draft.slug}/", {"title": "Renamed"}, format="json")
    deleted = api_client.delete(f"{LIST_URL}{draft.slug}/")

    assert patched.status_code == 200
    assert patched.json()["title"] == "Renamed"
    assert deleted.status_code == 204
    assert not NewsItem.objects.exists()


def test_publishing_without_a_time_is_a_400_not_a_crash(api_client, staff_user):
    api_client.force_authenticate(staff_user)

    response = api_client.post(LIST_URL, {**NEW_ITEM, "status": "published"}, format="json")

    assert response.status_code == 400
    assert "published_at" in response.json()["error"]["details"]


def test_unknown_related_slug_in_a_write_is_a_400(api_client, staff_user):
    api_client.force_authenticate(staff_user)

    response = api_client.post(LIST_URL, {**NEW_ITEM, "park_slugs": ["nowhere"]}, format="json")

    assert response.status_code == 400
    assert "park_slugs" in response.json()["error"]["details"]


def test_staff_reads_published_only_unless_they_ask(api_client, staff_user):
    NewsItemFactory(slug="draft", status=NewsItem.Status.DRAFT, published_at=None)
    NewsItemFactory(slug="live")
    api_client.force_authenticate(staff_user)

    default = api_client.get(LIST_URL).json()["results"]
    preview = api_client.get(LIST_URL, {"include_unpublished": "true"}).json()["results"]

    assert [item["slug"] for item in default] == ["live"]
    assert {item["slug"] for item in preview} == {"draft", "live"}


def test_anonymous_preview_answers_401(api_client):
    assert api_client.get(LIST_URL, {"include_unpublished": "true"}).status_code == 401


def test_staff_without_view_permission_cannot_preview(api_client, django_user_model):
    api_client.force_authenticate(django_user_model.objects.create_user("intern", is_staff=True))

    response = api_client.get(LIST_URL, {"include_unpublished": "true"})

    assert response.status_code == 403


def test_staff_preview_reaches_a_draft_detail(api_client, staff_user):
    draft = NewsItemFactory(status=NewsItem.Status.DRAFT, published_at=None)
    api_client.force_authenticate(staff_user)

    response = api_client.get(f"{LIST_URL}{draft.slug}/", {"include_unpublished": "true"})

    assert response.status_code == 200
    assert response.json()["status"] == "draft"


def test_nul_in_a_related_slug_is_a_400(api_client, staff_user):
    api_client.force_authenticate(staff_user)

    response = api_client.post(LIST_URL, {**NEW_ITEM, "park_slugs": ["\x00cicp"]}, format="json")

    assert response.status_code == 400
