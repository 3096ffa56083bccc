"""A public page's old address keeps working after staff change its slug."""

import pytest
from django.urls import reverse
from django.utils import translation

from news.models import NewsItem
from portal.models import FormerSlug
from tests.news.admin_forms import change_form_data
from tests.news.factories import ChannelFactory, NewsItemFactory
from tests.parks.factories import IndustryFactory, ParkFactory, PlatformFactory

pytestmark = pytest.mark.django_db

FACTORIES = {"news item": NewsItemFactory, "park": ParkFactory, "platform": PlatformFactory}


def moved(obj, slug: str):
    """Save `obj` under a new slug, as the admin and the API do; return its old address."""
    old = obj.get_absolute_url()
    obj.slug = slug
    obj.save()
    return old


@pytest.fixture(params=FACTORIES.values(), ids=FACTORIES.keys())
def factory(request):
    return request.param


def test_the_old_address_redirects_permanently_to_the_new_one(client, factory):
    obj = factory(slug="old-name")
    old = moved(obj, "new-name")

    response = client.get(old)

    assert response.status_code == 301
    assert response["Location"] == obj.get_absolute_url()
    assert obj.get_absolute_url().endswith("/new-name/")
    assert str(obj) in client.get(response["Location"]).text


def test_the_redirect_keeps_the_language_and_the_query_string(client):
    item = NewsItemFactory(slug="old-name")
    moved(item, "new-name")

    response = client.get("/zh-hans/news/old-name/?utm_source=wechat&x=%E5%9B%AD")

    assert response.status_code == 301
    assert response["Location"] == "/zh-hans/news/new-name/?utm_source=wechat&x=%E5%9B%AD"
    with translation.override("zh-hans"):
        assert response["Location"].startswith(item.get_absolute_url())


def test_every_former_slug_leads_straight_to_the_current_address(client, factory):
    obj = factory(slug="first")
    first = moved(obj, "second")
    second = moved(obj, "third")

    for old in (first, second):
        response = client.get(old)
        assert response.status_code == 301
        assert response["Location"] == obj.get_absolute_url()


def test_moving_back_to_a_former_slug_serves_it_again(client, factory):
    obj = factory(slug="first")
    moved(obj, "second")
    second = moved(obj, "first")

    assert client.get(obj.get_absolute_url()).status_code == 200
    assert client.get(second)["Location"] == obj.get_absolute_url()
    assert list(FormerSlug.objects.values_list("slug", flat=True)) == ["second"]


def test_an_object_now_living_at_the_old_slug_wins(client, factory):
    obj = factory(slug="shared-name")
    old = moved(obj, "renamed")
    newcomer = factory(slug="shared-name")

    response = client.get(old)

    assert response.status_code == 200
    assert str(newcomer) in response.text


def test_the_last_object_to_leave_a_slug_owns_it(client, factory):
    first = factory(slug="shared-name")
    old = moved(first, "first-renamed")
    second = factory(slug="shared-name")
    moved(second, "second-renamed")

    assert client.get(old)["Location"] == second.get_absolute_url()


def test_a_draft_renamed_before_it_was_public_leaves_nothing(client):
    item = NewsItemFactory(slug="draft-name", status=NewsItem.Status.DRAFT)
    old = moved(item, "final-name")
    item.status = NewsItem.Status.PUBLISHED
    item.save()

    assert client.get(old).status_code == 404
    assert not FormerSlug.objects.exists()


def test_an_unpublished_page_is_not_found_at_either_address(client):
    park = ParkFactory(slug="old-name")
    old = moved(park, "new-name")
    park.is_published = False
    park.save()

    assert client.get(old).status_code == 404
    assert client.get(park.get_absolute_url()).status_code == 404


def test_a_deleted_object_takes_its_former_slugs_with_it(client, factory):
    obj = factory(slug="old-name")
    old = moved(obj, "new-name")
    obj.delete()

    assert client.get(old).status_code == 404
    assert not FormerSlug.objects.exists()


def test_former_slugs_are_kept_per_kind_of_page(client):
    park = ParkFactory(slug="same-name")
    moved(park, "park-renamed")
    item = NewsItemFactory(slug="same-name")

    assert client.get(item.get_absolute_url()).status_code == 200
    assert client.get("/parks/same-name/")["Location"] == park.get_absolute_url()


@pytest.mark.parametrize("slug", ["no-such-page", "x" * 2000, "%E2%80%AE%3Cscript%3E", "a%00b"])
def test_an_unknown_address_is_still_not_found(client, slug):
    moved(NewsItemFactory(slug="old-name"), "new-name")

    response = client.get(f"/news/{slug}/")

    assert response.status_code in (400, 404)


def test_a_redirect_costs_the_same_few_queries_however_many_pages_moved(
    client, django_assert_max_num_queries
):
    items = NewsItemFactory.create_batch(20)
    old_addresses = [moved(item, f"renamed-{number}") for number, item in enumerate(items)]
    client.get(items[0].get_absolute_url())  # this content generation's Last-Modified, once

    # The miss, the former slug's current owner, and at most the content type, once.
    with django_assert_max_num_queries(3):
        response = client.get(old_addresses[-1])

    assert response["Location"] == items[-1].get_absolute_url()


def test_a_publisher_renaming_a_published_item_in_the_admin_keeps_its_old_address(admin_client):
    item = NewsItemFactory(slug="old-name")
    old = item.get_absolute_url()
    change = reverse("admin:news_newsitem_change", args=[item.pk])

    response = admin_client.post(change, change_form_data(item, slug="new-name"))

    assert response.status_code == 302
    assert admin_client.get(old)["Location"] == "/news/new-name/"
    assert f'<a href="{old}">{old}</a>' in admin_client.get(change).text


def test_the_park_form_tells_staff_a_new_slug_keeps_the_old_address(admin_client):
    park = ParkFactory()

    page = admin_client.get(reverse("admin:parks_park_change", args=[park.pk])).text

    assert "former addresses" in page.lower()
    assert "the current address will redirect to the new one" in page


@pytest.mark.parametrize(
    "address",
    [
        "/news/?{name}={slug}",
        "/api/v1/news/?{name}={slug}",
        "/api/v1/sync/news/?{name}={slug}",
    ],
)
@pytest.mark.parametrize(
    ("name", "factory", "link"),
    [
        ("park", ParkFactory, "parks"),
        ("platform", PlatformFactory, "platforms"),
        ("industry", IndustryFactory, "industries"),
        ("channel", ChannelFactory, None),
    ],
)
def test_listings_narrowed_by_a_former_slug_keep_listing_its_news(
    client, address, name, factory, link
):
    target = factory(slug="old-name")
    if link is None:
        NewsItemFactory(title="Linked to the renamed one", channel=target)
    else:
        getattr(NewsItemFactory(title="Linked to the renamed one"), link).add(target)
    NewsItemFactory(title="Linked to nothing")
    moved(target, "new-name")

    response = client.get(address.format(name=name, slug="old-name"))

    assert response.status_code == 200
    assert "Linked to the renamed one" in response.text
    assert "Linked to nothing" not in response.text


def test_withdrawals_narrowed_by_a_former_slug_are_those_of_the_renamed_park(client):
    park = ParkFactory(slug="old-name")
    item = NewsItemFactory()
    item.parks.add(park)
    moved(park, "new-name")
    item.parks.remove(park)

    response = client.get("/api/v1/sync/news/withdrawals/?park=old-name")

    assert response.status_code == 200
    assert [entry["slug"] for entry in response.json()["results"]] == [item.slug]


def test_an_unknown_slug_in_a_filter_is_still_refused(client):
    moved(ParkFactory(slug="old-name"), "new-name")

    assert client.get("/api/v1/news/?park=never-was").status_code == 400


def test_a_control_character_in_a_filter_is_refused_not_looked_up(client):
    moved(ParkFactory(slug="old-name"), "new-name")

    assert client.get("/api/v1/news/?park=old%00name").status_code == 400
    assert client.get("/news/?park=old%00name").status_code == 200  # the form says why


def test_the_add_form_promises_nothing_about_an_address_it_does_not_have(admin_client):
    page = admin_client.get(reverse("admin:parks_park_add")).text

    assert "former addresses" in page.lower()
    assert "will redirect" not in page
