"""A publisher imports a document in the admin, edits the draft it produced, publishes it, and
visitors see it; a publisher renames a park and its old link still works — in a real browser."""

import importlib

import pytest
from django.contrib.auth.models import Permission
from playwright.sync_api import expect

from news.models import NewsItem
from tests.conftest import DATA_DIR
from tests.parks.factories import ParkFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROLES = importlib.import_module("news.migrations.0005_editorial_roles")
PASSWORD = "a-long-passphrase-1"


def publisher_permissions() -> list[Permission]:
    grants = ROLES.PUBLISHER
    return [
        Permission.objects.get(content_type__app_label=app, codename=f"{action}_{model}")
        for app, models in grants.items()
        for model, actions in models.items()
        for action in actions
    ]


@pytest.fixture
def publisher_page(live_server, page, django_user_model):
    user = django_user_model.objects.create_user("publisher", password=PASSWORD, is_staff=True)
    user.user_permissions.set(publisher_permissions())
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "publisher")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    return page


def test_publisher_imports_edits_publishes_and_visitors_see_it(live_server, publisher_page):
    page = publisher_page
    page.click("text=Import documents")
    page.set_input_files("#id_files", str(DATA_DIR / "article_without_date.txt"))
    page.click("input[type=submit][value=Import]")
    expect(page.locator("#import-report")).to_contain_text("article_without_date.txt")
    item = NewsItem.objects.get()
    assert item.status == NewsItem.Status.DRAFT

    page.goto(f"{live_server.url}/admin/news/newsitem/?state=draft")
    page.click(f"text={item.title[:40]}")
    page.fill("#id_title", "Innovation park opens a medical device incubator")
    page.select_option("#id_status", "published")
    page.fill("#id_published_at_0", "2024-05-01")
    page.fill("#id_published_at_1", "10:00:00")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    item.refresh_from_db()
    page.goto(f"{live_server.url}{item.get_absolute_url()}")
    expect(page.locator("h1")).to_have_text("Innovation park opens a medical device incubator")
    expect(page.locator(".preview-banner")).to_have_count(0)
    assert item.history.first().history_user.username == "publisher"


def test_a_renamed_park_keeps_its_shared_link_working(live_server, publisher_page, browser):
    park = ParkFactory(name="China-Israel Changzhou Innovation Park", slug="cicp")
    shared_link = f"{live_server.url}/parks/cicp/"

    page = publisher_page
    page.goto(f"{live_server.url}/admin/parks/park/{park.pk}/change/")
    page.fill("#id_slug", "china-israel-changzhou")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    visitor = browser.new_page()
    try:
        visitor.goto(shared_link)
        assert visitor.url == f"{live_server.url}/parks/china-israel-changzhou/"
        expect(visitor.locator("h1")).to_contain_text("China-Israel Changzhou Innovation Park")
    finally:
        visitor.close()

    page.goto(f"{live_server.url}/admin/parks/park/{park.pk}/change/")
    expect(page.locator(".field-former_addresses")).to_contain_text("/parks/cicp/")
