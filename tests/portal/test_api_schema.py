import pytest
import yaml
from django.test import Client

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/v1/parks/",
    "/api/v1/parks/{slug}/",
    "/api/v1/parks/{park_slug}/figures/",
    "/api/v1/figures/",
    "/api/v1/figures/{id}/",
    "/api/v1/platforms/",
    "/api/v1/platforms/{slug}/",
    "/api/v1/industries/",
    "/api/v1/industries/{slug}/",
    "/api/v1/news/",
    "/api/v1/news/{slug}/",
    "/api/v1/sync/news/",
    "/api/v1/sync/news/withdrawals/",
]


@pytest.fixture
def schema():
    response = Client().get("/api/schema/")
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def test_schema_describes_every_endpoint_and_nothing_else(schema):
    assert sorted(schema["paths"]) == sorted(ENDPOINTS)


def test_schema_describes_news_filters(schema):
    names = {
        parameter["name"] for parameter in schema["paths"]["/api/v1/news/"]["get"]["parameters"]
    }

    expected = {"park", "platform", "industry", "channel", "published_after", "published_before"}
    assert (
        expected | {"updated_since", "q", "ordering", "page", "page_size", "include_unpublished"}
        <= names
    )


def test_schema_describes_withdrawals_as_a_cursor_walk(schema):
    operation = schema["paths"]["/api/v1/sync/news/withdrawals/"]["get"]
    reference = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    page = schema["components"]["schemas"][reference.rsplit("/", 1)[-1]]
    entry = schema["components"]["schemas"]["Withdrawal"]

    query = {p["name"] for p in operation["parameters"] if p["in"] == "query"}

    assert query == {"cursor", "page_size", "park", "platform", "industry", "channel"}
    assert page["required"] == ["next", "has_more", "results"]
    assert set(entry["properties"]) == {"url", "slug", "withdrawn_at", "left"}
    assert entry["properties"]["left"]["nullable"] is True


def test_schema_describes_error_responses_everywhere(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert {"400", "401", "403", "404", "429"} <= set(operation["responses"]), (
                method,
                path,
            )


def test_docs_page_loads_its_assets_locally():
    html = Client().get("/api/docs/").content.decode()

    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
