"""Every admin page of the domain models opens for staff, with search and filters working."""

import pytest
from django.urls import reverse

from tests.news.factories import ChannelFactory, NewsItemFactory, SourceDocumentFactory
from tests.parks.factories import (
    CountryFactory,
    IndustryFactory,
    KeyFigureFactory,
    OrganizationFactory,
    ParkFactory,
    PlatformFactory,
)

pytestmark = pytest.mark.django_db

FACTORIES = {
    "parks.country": CountryFactory,
    "parks.industry": IndustryFactory,
    "parks.organization": OrganizationFactory,
    "parks.park": ParkFactory,
    "parks.cooperationplatform": PlatformFactory,
    "parks.keyfigure": KeyFigureFactory,
    "news.sourcedocument": SourceDocumentFactory,
    "news.channel": ChannelFactory,
    "news.newsitem": NewsItemFactory,
}


@pytest.mark.parametrize("label", FACTORIES)
def test_changelist_and_change_pages_open(admin_client, label):
    obj = FACTORIES[label]()
    app, model = label.split(".")
    assert admin_client.get(reverse(f"admin:{app}_{model}_changelist")).status_code == 200
    assert (
        admin_client.get(reverse(f"admin:{app}_{model}_changelist"), {"q": "<script>"}).status_code
        == 200
    )
    assert (
        admin_client.get(reverse(f"admin:{app}_{model}_change", args=[obj.pk])).status_code == 200
    )


def test_source_documents_cannot_be_added_or_edited_by_hand(admin_client):
    document = SourceDocumentFactory(warnings=["Title was cut off"])
    assert admin_client.get(reverse("admin:news_sourcedocument_add")).status_code == 403
    page = admin_client.get(reverse("admin:news_sourcedocument_change", args=[document.pk]))
    assert b"Title was cut off" in page.content
    assert b'name="_save"' not in page.content


def test_source_documents_filter_by_warnings(admin_client):
    SourceDocumentFactory(name="clean.txt")
    SourceDocumentFactory(name="doubtful.txt", warnings=["No publication date"])
    page = admin_client.get(reverse("admin:news_sourcedocument_changelist"), {"warnings": "yes"})
    assert b"doubtful.txt" in page.content and b"clean.txt" not in page.content


def test_park_autocomplete_serves_platform_forms(admin_client):
    ParkFactory(name="China-Israel Changzhou Innovation Park")
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Changzhou",
            "app_label": "parks",
            "model_name": "cooperationplatform",
            "field_name": "park",
        },
    )
    assert [r["text"] for r in response.json()["results"]] == [
        "China-Israel Changzhou Innovation Park"
    ]


def test_park_aliases_are_edited_one_per_line(admin_client):
    park = ParkFactory(aliases=["CICP", "CIP"])
    page = admin_client.get(reverse("admin:parks_park_change", args=[park.pk]))
    assert b"CICP\nCIP</textarea>" in page.content


def test_confirm_action_confirms_pending_figures(admin_client):
    figure = KeyFigureFactory(status="pending")
    admin_client.post(
        reverse("admin:parks_keyfigure_changelist"),
        {"action": "confirm", "_selected_action": [figure.pk]},
    )
    figure.refresh_from_db()
    assert figure.status == "confirmed"


def test_source_document_page_links_what_it_produced(admin_client):
    document = SourceDocumentFactory()
    item = NewsItemFactory(source_document=document, title="Hub marks first anniversary")
    draft = PlatformFactory(
        name="Natali Remote ECG Monitoring Center", is_published=False, source_document=document
    )
    KeyFigureFactory(source_document=document, park=draft.park)
    page = admin_client.get(
        reverse("admin:news_sourcedocument_change", args=[document.pk])
    ).content.decode()
    assert reverse("admin:news_newsitem_change", args=[item.pk]) in page
    assert "Natali Remote ECG Monitoring Center" in page
    assert f"?source_document__id__exact={document.pk}" in page
