"""Staff review imported content in the admin, in a real browser."""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from parks.models import CooperationPlatform, Park

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def staff_login(live_server, page, django_user_model, seeds_dir):
    call_command("import_seeds", str(seeds_dir), stdout=io.StringIO())
    django_user_model.objects.create_superuser(
        "editor", "editor@example.com", "a-long-passphrase-1"
    )
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-passphrase-1")
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    return page


def test_staff_find_imported_news_and_the_cut_title_warning(live_server, staff_login):
    page = staff_login
    page.goto(f"{live_server.url}/admin/news/newsitem/")
    assert page.locator("#result_list tbody tr").count() == 4
    page.click(
        "text=Requirement of the Municipal Committee Secretary upon visit to the China-Israel Changzhou Innovation Park"
    )
    assert page.input_value("#id_title").endswith("Changzhou Innovation Park")
    page.goto(f"{live_server.url}/admin/news/sourcedocument/?warnings=yes")
    page.click("text=001_96e823c6f9e3f443.txt")
    expect(page.locator("main")).to_contain_text("cut off by the source site")


def test_staff_publish_a_draft_platform_found_by_the_import(live_server, staff_login):
    page = staff_login
    page.goto(f"{live_server.url}/admin/parks/cooperationplatform/?is_published__exact=0")
    page.click("text=Natali Remote ECG Monitoring Center")
    page.check("#id_is_published")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    assert CooperationPlatform.objects.get(name="Natali Remote ECG Monitoring Center").is_published


def test_staff_edit_park_aliases_one_per_line(live_server, staff_login):
    page = staff_login
    park = Park.objects.get(slug="sino-swiss-changzhou-innovation-park")
    page.goto(f"{live_server.url}/admin/parks/park/{park.pk}/change/")
    page.fill("#id_aliases", "Sino-Swiss Innovation Park\nSSCIP")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    park.refresh_from_db()
    assert park.aliases == ["Sino-Swiss Innovation Park", "SSCIP"]
