"""Every change to a park, platform or news item is kept as a revision, viewable and restorable."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from news.models import NewsItem
from parks.models import CooperationPlatform, Park
from tests.news.admin_forms import change_form_data
from tests.news.factories import NewsItemFactory
from tests.parks.factories import ParkFactory

pytestmark = pytest.mark.django_db


def test_admin_edit_records_a_revision_with_its_author(client, publisher):
    item = NewsItemFactory(title="First title", published_at=timezone.now().replace(microsecond=0))
    client.force_login(publisher)
    client.post(
        reverse("admin:news_newsitem_change", args=[item.pk]),
        change_form_data(item, title="Second title"),
    )
    latest = item.history.first()
    assert latest.title == "Second title"
    assert latest.history_user == publisher
    delta = latest.diff_against(latest.prev_record)
    assert [change.field for change in delta.changes] == ["title"]


def test_history_page_shows_the_changes(client, publisher):
    item = NewsItemFactory(title="First title")
    item.title = "Second title"
    item.save()
    client.force_login(publisher)
    page = client.get(reverse("admin:news_newsitem_history", args=[item.pk])).content.decode()
    assert "First title" in page and "Second title" in page


def test_reverting_restores_an_earlier_revision(client, publisher):
    item = NewsItemFactory(title="First title", body="Original body.")
    item.title, item.body = "Vandalised", "Spam."
    item.save()
    original = item.history.earliest()
    client.force_login(publisher)
    url = reverse("admin:news_newsitem_simple_history", args=[item.pk, original.history_id])
    response = client.post(url, change_form_data(original.instance))
    item.refresh_from_db()
    assert response.status_code == 302
    assert (item.title, item.body) == ("First title", "Original body.")
    assert item.history.count() == 3


def test_editor_cannot_revert_a_published_item_to_an_unpublished_revision(client, editor):
    item = NewsItemFactory(status=NewsItem.Status.DRAFT, published_at=None)
    item.status = NewsItem.Status.PUBLISHED
    item.published_at = item.created_at
    item.save()
    draft = item.history.earliest()
    client.force_login(editor)
    url = reverse("admin:news_newsitem_simple_history", args=[item.pk, draft.history_id])
    client.post(url, change_form_data(draft.instance))
    item.refresh_from_db()
    assert item.status == NewsItem.Status.PUBLISHED


def test_park_and_platform_changes_are_kept(client, publisher):
    park = ParkFactory(name="Old name")
    client.force_login(publisher)
    park.name = "New name"
    park.save()
    assert [record.name for record in park.history.all()] == ["New name", "Old name"]
    page = client.get(reverse("admin:parks_park_history", args=[park.pk]))
    assert page.status_code == 200


def test_importer_writes_record_history_with_the_file_as_reason(seeds_dir):
    call_command("import_seeds", str(seeds_dir), stdout=io.StringIO())
    item = NewsItem.objects.filter(source_document__isnull=False).first()
    record = item.history.earliest()
    assert record.history_user is None
    assert record.history_change_reason == f"import: {item.source_document.name}"
    draft = CooperationPlatform.objects.filter(is_published=False).first()
    assert draft.history.earliest().history_change_reason.startswith("import: ")
    park = Park.objects.get(slug="sino-swiss-changzhou-innovation-park")
    assert park.history.filter(history_change_reason="import: reference.toml").exists()


def test_import_records_link_changes_of_news_items(seeds_dir):
    call_command("import_seeds", str(seeds_dir), stdout=io.StringIO())
    item = NewsItem.objects.filter(parks__isnull=False).first()
    assert item.history.first().parks.exists()
