"""The review queue shows imported documents beside what was extracted, until staff mark them reviewed."""

import io
import shutil

import pytest
from django.core.management import call_command
from django.urls import reverse

from news.models import SourceDocument
from parks.models import CooperationPlatform
from tests.news.factories import NewsItemFactory, SourceDocumentFactory
from tests.parks.factories import KeyFigureFactory, ParkFactory, PlatformFactory

pytestmark = pytest.mark.django_db

URL = "admin:news_review"


def test_queue_lists_documents_with_warnings_or_pending_figures(client, editor):
    warned = SourceDocumentFactory(name="warned.txt", warnings=["No publication date"])
    figured = SourceDocumentFactory(name="figured.txt")
    KeyFigureFactory(source_document=figured, status="pending", source_sentence="Over 300 firms.")
    SourceDocumentFactory(name="clean.txt")
    NewsItemFactory(source_document=warned, title="Extracted headline")
    client.force_login(editor)
    page = client.get(reverse(URL)).content.decode()
    assert "warned.txt" in page and "figured.txt" in page and "clean.txt" not in page
    assert "Extracted headline" in page and "Over 300 firms." in page


def test_marking_reviewed_takes_a_document_out_of_the_queue(client, publisher):
    document = SourceDocumentFactory(name="warned.txt", warnings=["Title was cut off"])
    client.force_login(publisher)
    client.post(reverse(URL), {"reviewed": document.pk})
    document.refresh_from_db()
    assert document.reviewed_by == publisher and document.reviewed_at is not None
    assert "warned.txt" not in client.get(reverse(URL)).content.decode()


def test_editors_see_the_queue_but_cannot_mark_reviewed(client, editor):
    document = SourceDocumentFactory(warnings=["Title was cut off"])
    client.force_login(editor)
    assert "Mark reviewed" not in client.get(reverse(URL)).content.decode()
    assert client.post(reverse(URL), {"reviewed": document.pk}).status_code == 403


def test_a_changing_reimport_puts_a_reviewed_document_back(client, publisher, tmp_path, seeds_dir):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(seeds_dir / "001_96e823c6f9e3f443.txt", folder)
    call_command("import_seeds", str(folder), stdout=io.StringIO())
    document = SourceDocument.objects.get()
    client.force_login(publisher)
    client.post(reverse(URL), {"reviewed": document.pk})
    call_command("import_seeds", str(folder), stdout=io.StringIO())  # unchanged: stays reviewed
    document.refresh_from_db()
    assert document.reviewed_at is not None
    path = folder / "001_96e823c6f9e3f443.txt"
    path.write_text(path.read_text() + "\nA new closing paragraph about the park.\n")
    call_command("import_seeds", str(folder), stdout=io.StringIO())
    document.refresh_from_db()
    assert document.reviewed_at is None


def test_draft_parks_and_platforms_are_listed_and_publishable(client, publisher):
    park = ParkFactory(name="Unknown Valley Park", is_published=False)
    platform = PlatformFactory(name="New Lab", is_published=False)
    client.force_login(publisher)
    page = client.get(reverse(URL)).content.decode()
    assert "Unknown Valley Park" in page and "New Lab" in page
    client.post(reverse(URL), {"publish": "platform", "pk": platform.pk})
    assert CooperationPlatform.objects.published().filter(pk=platform.pk).exists()
    assert "publish" in page and reverse("admin:parks_park_change", args=[park.pk]) in page


def test_editors_cannot_publish_drafts_from_the_queue(client, editor):
    park = ParkFactory(is_published=False)
    client.force_login(editor)
    assert client.post(reverse(URL), {"publish": "park", "pk": park.pk}).status_code == 403
    park.refresh_from_db()
    assert not park.is_published


def test_bogus_posts_and_pages_are_harmless(client, publisher):
    client.force_login(publisher)
    assert client.post(reverse(URL), {"reviewed": "abc"}).status_code == 302
    assert client.post(reverse(URL), {"publish": "park", "pk": "x"}).status_code == 404
    assert client.get(reverse(URL), {"page": "99999"}).status_code == 200


def test_queue_uses_few_queries_for_many_documents(
    client, publisher, django_assert_max_num_queries
):
    for _ in range(30):
        document = SourceDocumentFactory(warnings=["No publication date"])
        item = NewsItemFactory(source_document=document)
        item.parks.add(ParkFactory())
        KeyFigureFactory(source_document=document, status="pending")
    client.force_login(publisher)
    with django_assert_max_num_queries(15):
        assert client.get(reverse(URL)).status_code == 200


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(reverse(URL))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
