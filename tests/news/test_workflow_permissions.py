"""Editors write and submit drafts; only publishers publish, schedule, unpublish and archive."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from news import workflow
from news.models import NewsItem
from tests.news.admin_forms import change_form_data
from tests.news.factories import NewsItemFactory

pytestmark = pytest.mark.django_db

Status = NewsItem.Status
API = "/api/v1/news/"


@pytest.mark.parametrize(
    ("before", "after", "publishing"),
    [
        (None, Status.DRAFT, False),
        (None, Status.PUBLISHED, True),
        (Status.DRAFT, Status.IN_REVIEW, False),
        (Status.IN_REVIEW, Status.DRAFT, False),
        (Status.IN_REVIEW, Status.PUBLISHED, True),
        (Status.PUBLISHED, Status.DRAFT, True),
        (Status.DRAFT, Status.ARCHIVED, True),
        (Status.ARCHIVED, Status.DRAFT, True),
    ],
)
def test_publishing_changes_are_the_moves_into_or_out_of_public_statuses(before, after, publishing):
    stored = NewsItem(status=before, published_at=None) if before else None
    assert workflow.publishing_change(before=stored, status=after, published_at=None) is publishing


def test_moving_the_time_of_a_published_item_is_a_publishing_change():
    now = timezone.now()
    stored = NewsItem(status=Status.PUBLISHED, published_at=now)
    later = now + dt.timedelta(days=1)
    assert workflow.publishing_change(before=stored, status=Status.PUBLISHED, published_at=later)
    assert not workflow.publishing_change(before=stored, status=Status.PUBLISHED, published_at=now)


def test_editor_cannot_publish_with_the_workflow_functions(editor):
    item = NewsItemFactory(status=Status.IN_REVIEW, published_at=None)
    with pytest.raises(PermissionDenied):
        workflow.publish([item], user=editor)
    item.refresh_from_db()
    assert item.status == Status.IN_REVIEW


def test_editor_submits_a_draft_for_review(editor):
    item = NewsItemFactory(status=Status.DRAFT, published_at=None)
    assert workflow.submit_for_review([item], user=editor) == 1
    item.refresh_from_db()
    assert item.status == Status.IN_REVIEW


def test_publishing_an_item_without_a_time_publishes_it_now(publisher):
    item = NewsItemFactory(status=Status.IN_REVIEW, published_at=None)
    assert workflow.publish([item], user=publisher) == 1
    assert NewsItem.objects.published().filter(pk=item.pk).exists()


def test_editor_admin_post_cannot_publish(client, editor):
    item = NewsItemFactory(status=Status.DRAFT, published_at=None)
    client.force_login(editor)
    url = reverse("admin:news_newsitem_change", args=[item.pk])
    response = client.post(
        url,
        change_form_data(
            item, status="published", published_at_0="2024-05-01", published_at_1="10:00:00"
        ),
    )
    item.refresh_from_db()
    assert response.status_code == 200  # the form again, with an error
    assert item.status == Status.DRAFT


def test_editor_admin_form_offers_only_draft_and_review(client, editor):
    item = NewsItemFactory(status=Status.DRAFT, published_at=None)
    client.force_login(editor)
    page = client.get(reverse("admin:news_newsitem_change", args=[item.pk])).content.decode()
    assert 'value="review"' in page
    assert 'value="published"' not in page and 'value="archived"' not in page


def test_editor_cannot_unpublish_a_published_item_by_a_crafted_post(client, editor):
    item = NewsItemFactory(status=Status.PUBLISHED)
    client.force_login(editor)
    url = reverse("admin:news_newsitem_change", args=[item.pk])
    response = client.post(url, change_form_data(item, status="draft", title="Edited title"))
    item.refresh_from_db()
    assert response.status_code == 302  # saved: status is read-only for editors here, so ignored
    assert item.title == "Edited title"
    assert item.status == Status.PUBLISHED


def test_publisher_admin_post_schedules_an_item(client, publisher):
    item = NewsItemFactory(status=Status.IN_REVIEW, published_at=None)
    client.force_login(publisher)
    url = reverse("admin:news_newsitem_change", args=[item.pk])
    response = client.post(
        url,
        change_form_data(
            item, status="published", published_at_0="2099-05-01", published_at_1="10:00:00"
        ),
    )
    item.refresh_from_db()
    assert response.status_code == 302
    assert NewsItem.objects.scheduled().filter(pk=item.pk).exists()


def test_editor_cannot_use_the_publish_bulk_action(client, editor):
    item = NewsItemFactory(status=Status.IN_REVIEW, published_at=None)
    client.force_login(editor)
    changelist = reverse("admin:news_newsitem_changelist")
    assert (
        "publish"
        not in client.get(changelist).context["action_form"].fields["action"].choices.__str__()
    )
    client.post(changelist, {"action": "publish", "_selected_action": [item.pk], "post": "yes"})
    item.refresh_from_db()
    assert item.status == Status.IN_REVIEW


def test_editor_api_create_of_a_published_item_answers_403(api_client, editor):
    api_client.force_authenticate(editor)
    response = api_client.post(
        API,
        {
            "title": "Park opens",
            "slug": "park-opens",
            "body": "Text.",
            "status": "published",
            "published_at": "2024-05-01T10:00:00Z",
        },
        format="json",
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"
    assert not NewsItem.objects.exists()


def test_editor_api_may_create_a_draft(api_client, editor):
    api_client.force_authenticate(editor)
    response = api_client.post(
        API, {"title": "Park opens", "slug": "park-opens", "body": "Text."}, format="json"
    )
    assert response.status_code == 201
    assert NewsItem.objects.get().status == Status.DRAFT


@pytest.mark.parametrize(
    ("status", "change"),
    [
        (Status.IN_REVIEW, {"status": "published", "published_at": "2024-05-01T10:00:00Z"}),
        (Status.PUBLISHED, {"status": "archived"}),
        (Status.PUBLISHED, {"published_at": "2099-01-01T00:00:00Z"}),
    ],
)
def test_editor_api_update_into_publication_answers_403(api_client, editor, status, change):
    item = NewsItemFactory(status=status)
    api_client.force_authenticate(editor)
    response = api_client.patch(f"{API}{item.slug}/", change, format="json")
    assert response.status_code == 403
    assert response.json()["error"]["status"] == 403
    item.refresh_from_db()
    assert item.status == status


def test_editor_api_may_edit_the_text_of_a_published_item(api_client, editor):
    item = NewsItemFactory(status=Status.PUBLISHED)
    api_client.force_authenticate(editor)
    response = api_client.patch(f"{API}{item.slug}/", {"title": "Better title"}, format="json")
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.title == "Better title"


def test_publisher_api_publishes(api_client, publisher):
    item = NewsItemFactory(status=Status.IN_REVIEW, published_at=None)
    api_client.force_authenticate(publisher)
    response = api_client.patch(
        f"{API}{item.slug}/",
        {"status": "published", "published_at": "2024-05-01T10:00:00Z"},
        format="json",
    )
    assert response.status_code == 200
    assert NewsItem.objects.published().filter(pk=item.pk).exists()
