"""Staff preview unpublished items as visitors would see them; nobody else can."""

import pytest
from django.urls import reverse

from news.models import NewsItem
from tests.news.factories import NewsItemFactory
from tests.parks.factories import ParkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    return NewsItemFactory(
        title="Embargoed announcement", status=NewsItem.Status.DRAFT, published_at=None
    )


def preview_url(item) -> str:
    return reverse("admin:news_newsitem_preview", args=[item.pk])


def test_editor_previews_a_draft_marked_as_a_preview(client, editor, draft):
    client.force_login(editor)
    response = client.get(preview_url(draft))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Embargoed announcement" in page
    assert 'class="preview-banner"' in page
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_preview_does_not_count_a_view(client, editor, draft):
    client.force_login(editor)
    client.get(preview_url(draft))
    draft.refresh_from_db()
    assert draft.view_count == 0


def test_preview_links_only_published_parks(client, editor, draft):
    draft.parks.add(
        ParkFactory(name="Visible Park"), ParkFactory(name="Draft Park", is_published=False)
    )
    client.force_login(editor)
    page = client.get(preview_url(draft)).content.decode()
    assert "Visible Park" in page and "Draft Park" not in page


def test_anonymous_preview_redirects_to_the_admin_login(client, draft):
    response = client.get(preview_url(draft))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_staff_without_view_permission_cannot_preview(client, django_user_model, draft):
    client.force_login(django_user_model.objects.create_user("intern", is_staff=True))
    assert client.get(preview_url(draft)).status_code == 403


def test_preview_of_an_unknown_item_is_404(client, editor):
    client.force_login(editor)
    assert client.get(reverse("admin:news_newsitem_preview", args=[999999])).status_code == 404


def test_the_draft_itself_stays_hidden_from_visitors(client, draft):
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_change_page_and_list_link_to_the_preview(client, editor, draft):
    client.force_login(editor)
    change = client.get(reverse("admin:news_newsitem_change", args=[draft.pk])).content.decode()
    listing = client.get(reverse("admin:news_newsitem_changelist")).content.decode()
    assert preview_url(draft) in change
    assert preview_url(draft) in listing
