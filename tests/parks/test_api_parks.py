import pytest

from parks.models import KeyFigure
from tests.parks.factories import (
    CountryFactory,
    IndustryFactory,
    KeyFigureFactory,
    OrganizationFactory,
    ParkFactory,
    PlatformFactory,
)

pytestmark = pytest.mark.django_db


def slugs(response) -> list[str]:
    return [item["slug"] for item in response.json()["results"]]


def test_park_list_shows_published_parks_only(api_client):
    ParkFactory(slug="cicp")
    ParkFactory(slug="draft", is_published=False)

    assert slugs(api_client.get("/api/v1/parks/")) == ["cicp"]


def test_unpublished_park_detail_is_not_found(api_client):
    park = ParkFactory(is_published=False)

    assert api_client.get(f"/api/v1/parks/{park.slug}/").status_code == 404


def test_park_detail_has_profile_relations_and_published_platforms_only(api_client):
    park = ParkFactory(profile="A long profile.")
    park.sponsors.add(OrganizationFactory(name="Changzhou Government"))
    PlatformFactory(park=park, slug="institute")
    PlatformFactory(park=park, is_published=False)

    body = api_client.get(f"/api/v1/parks/{park.slug}/").json()

    assert body["profile"] == "A long profile."
    assert [sponsor["name"] for sponsor in body["sponsors"]] == ["Changzhou Government"]
    assert [platform["slug"] for platform in body["platforms"]] == ["institute"]
    assert body["figures_url"].endswith(f"/api/v1/parks/{park.slug}/figures/")


def test_parks_filter_by_partner_country_and_industry(api_client):
    israel = CountryFactory(code="IL", name="Israel")
    devices = IndustryFactory(slug="medical-devices")
    ParkFactory(slug="cicp").partner_countries.add(israel)
    ParkFactory(slug="sino-swiss")
    ParkFactory(slug="hub").focus_industries.add(devices)

    assert slugs(api_client.get("/api/v1/parks/", {"country": "IL"})) == ["cicp"]
    assert slugs(api_client.get("/api/v1/parks/", {"industry": "medical-devices"})) == ["hub"]
    assert api_client.get("/api/v1/parks/", {"country": "XX"}).status_code == 400


def test_parks_order_by_name_descending(api_client):
    ParkFactory(slug="a", name="Alpha Park")
    ParkFactory(slug="b", name="Beta Park")

    assert slugs(api_client.get("/api/v1/parks/", {"ordering": "-name"})) == ["b", "a"]


def test_platform_of_a_draft_park_shows_no_park(api_client):
    PlatformFactory(slug="orphan", park=ParkFactory(is_published=False))

    result = api_client.get("/api/v1/platforms/").json()["results"][0]

    assert result["slug"] == "orphan"
    assert result["park"] is None


def test_platforms_filter_by_park_and_kind(api_client):
    park = ParkFactory(slug="cicp")
    PlatformFactory(slug="in", park=park, kind="incubator")
    PlatformFactory(slug="other-kind", park=park)
    PlatformFactory(slug="other-park", kind="incubator")

    assert slugs(api_client.get("/api/v1/platforms/", {"park": "cicp", "kind": "incubator"})) == [
        "in"
    ]
    assert api_client.get("/api/v1/platforms/", {"kind": "castle"}).status_code == 400


def test_figures_are_public_ones_only(api_client):
    park = ParkFactory()
    KeyFigureFactory(park=park, metric="enterprises")
    KeyFigureFactory(park=park, metric="pending", status=KeyFigure.Status.PENDING)
    KeyFigureFactory(park=ParkFactory(is_published=False), metric="hidden-park")

    results = api_client.get("/api/v1/figures/").json()["results"]

    assert [figure["metric"] for figure in results] == ["enterprises"]


def test_park_figures_are_nested_under_the_park(api_client):
    park = ParkFactory(slug="cicp")
    KeyFigureFactory(park=park, metric="enterprises")
    KeyFigureFactory(metric="elsewhere")

    results = api_client.get("/api/v1/parks/cicp/figures/").json()["results"]

    assert [figure["metric"] for figure in results] == ["enterprises"]


def test_figures_of_an_unpublished_or_unknown_park_are_not_found(api_client):
    ParkFactory(slug="draft", is_published=False)

    assert api_client.get("/api/v1/parks/draft/figures/").status_code == 404
    assert api_client.get("/api/v1/parks/nowhere/figures/").status_code == 404


def test_figures_filter_by_as_of_range_and_reject_bad_dates(api_client):
    KeyFigureFactory(metric="old", as_of="2018-12-31")
    KeyFigureFactory(metric="new", as_of="2021-06-30")

    response = api_client.get("/api/v1/figures/", {"as_of_after": "2020-01-01"})

    assert [figure["metric"] for figure in response.json()["results"]] == ["new"]
    assert api_client.get("/api/v1/figures/", {"as_of_after": "yesterday"}).status_code == 400


def test_figure_detail_by_id_and_non_numeric_id_is_not_found(api_client):
    figure = KeyFigureFactory(value=1200)

    assert api_client.get(f"/api/v1/figures/{figure.pk}/").json()["value"] == "1200.00"
    assert api_client.get("/api/v1/figures/abc/").status_code == 404


def test_industries_list_and_detail_by_slug(api_client):
    IndustryFactory(slug="medical-devices", name="Medical devices")

    assert slugs(api_client.get("/api/v1/industries/")) == ["medical-devices"]
    assert api_client.get("/api/v1/industries/medical-devices/").json()["name"] == "Medical devices"


def test_staff_creates_a_platform_for_a_park(api_client, staff_user):
    ParkFactory(slug="cicp")
    api_client.force_authenticate(staff_user)

    response = api_client.post(
        "/api/v1/platforms/",
        {
            "name": "Israel Innovation Centre",
            "slug": "iic",
            "kind": "innovation_center",
            "park_slug": "cicp",
        },
        format="json",
    )

    assert response.status_code == 201
    assert response.json()["park"]["slug"] == "cicp"


@pytest.mark.parametrize(
    ("url", "limit"),
    [
        ("/api/v1/parks/", 5),
        ("/api/v1/platforms/", 4),
        ("/api/v1/figures/", 3),
        ("/api/v1/industries/", 3),
    ],
)
def test_list_queries_stay_bounded(api_client, django_assert_max_num_queries, url, limit):
    countries, industries = CountryFactory.create_batch(3), IndustryFactory.create_batch(3)
    for park in ParkFactory.create_batch(50):
        park.partner_countries.set(countries)
        park.focus_industries.set(industries)
        PlatformFactory(park=park)
        KeyFigureFactory(park=park)
    IndustryFactory.create_batch(47)

    with django_assert_max_num_queries(limit):
        response = api_client.get(url, {"page_size": 50})

    assert len(response.json()["results"]) == 50
