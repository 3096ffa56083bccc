"""Bulk actions ask for confirmation first, then say how many items changed."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from news.models import NewsItem
from tests.news.factories import NewsItemFactory
from tests.parks.factories import IndustryFactory, ParkFactory

pytestmark = pytest.mark.django_db

Status = NewsItem.Status
CHANGELIST = "admin:news_newsitem_changelist"


def run_action(client, action: str, items, *, confirm: bool, **extra):
    data = {"action": action, "_selected_action": [item.pk for item in items], **extra}
    if confirm:
        data["post"] = "yes"
    return client.post(reverse(CHANGELIST), data)


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_publish_asks_for_confirmation_before_changing_anything(client, publisher):
    item = NewsItemFactory(status=Status.IN_REVIEW, published_at=None, title="Awaiting")
    client.force_login(publisher)
    response = run_action(client, "publish", [item], confirm=False)
    item.refresh_from_db()
    assert response.status_code == 200
    assert "Awaiting" in response.content.decode()
    assert 'name="post" value="yes"' in response.content.decode()
    assert item.status == Status.IN_REVIEW


def test_confirmed_publish_publishes_and_reports_the_count(client, publisher):
    items = NewsItemFactory.create_batch(2, status=Status.IN_REVIEW, published_at=None)
    already = NewsItemFactory()
    client.force_login(publisher)
    response = run_action(client, "publish", [*items, already], confirm=True)
    assert response.status_code == 302
    assert NewsItem.objects.published().count() == 3
    assert messages_of(response) == ["2 news items changed."]


def test_unpublish_takes_items_back_to_draft(client, publisher):
    item = NewsItemFactory()
    client.force_login(publisher)
    run_action(client, "unpublish", [item], confirm=True)
    item.refresh_from_db()
    assert item.status == Status.DRAFT
    assert not NewsItem.objects.published().exists()


def test_archive_hides_items_and_records_who_did_it(client, publisher):
    item = NewsItemFactory()
    client.force_login(publisher)
    run_action(client, "archive", [item], confirm=True)
    item.refresh_from_db()
    assert item.status == Status.ARCHIVED
    assert item.history.first().history_user == publisher
    assert item.history.first().history_change_reason == "archived"


def test_editor_submits_drafts_for_review_in_bulk(client, editor):
    drafts = NewsItemFactory.create_batch(3, status=Status.DRAFT, published_at=None)
    client.force_login(editor)
    response = run_action(client, "submit_for_review", drafts, confirm=True)
    assert NewsItem.objects.filter(status=Status.IN_REVIEW).count() == 3
    assert messages_of(response) == ["3 news items changed."]


@pytest.mark.parametrize("action", ["publish", "unpublish", "archive"])
def test_editor_cannot_run_publishing_actions(client, editor, action):
    item = NewsItemFactory(status=Status.IN_REVIEW, published_at=None)
    client.force_login(editor)
    run_action(client, action, [item], confirm=True)
    item.refresh_from_db()
    assert item.status == Status.IN_REVIEW


def test_add_park_needs_a_choice_then_adds_it(client, publisher):
    park = ParkFactory(name="Sino-Swiss Park")
    items = NewsItemFactory.create_batch(2)
    items[0].parks.add(park)
    client.force_login(publisher)
    form_page = run_action(client, "add_park", items, confirm=False)
    assert 'name="park"' in form_page.content.decode()
    response = run_action(client, "add_park", items, confirm=True, park=park.pk)
    assert all(park in item.parks.all() for item in items)
    assert messages_of(response) == ["1 news item changed."]


def test_add_industry_adds_it_to_every_selected_item(client, publisher):
    industry = IndustryFactory()
    items = NewsItemFactory.create_batch(2)
    client.force_login(publisher)
    run_action(client, "add_industry", items, confirm=True, industry=industry.pk)
    assert industry.news_items.count() == 2
