"""Property-based run of the generated OpenAPI schema against a live server on 127.0.0.1.

Select it with `-m schemathesis`. It fails on server errors, responses that break the schema and
status codes the schema does not document, for valid and for invalid requests alike.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from rest_framework.authtoken.models import Token
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from portal.api.throttling import AnonymousRateThrottle
from tests.news.factories import NewsItemFactory
from tests.parks.factories import IndustryFactory, KeyFigureFactory, ParkFactory, PlatformFactory

pytestmark = [pytest.mark.schemathesis, pytest.mark.django_db(transaction=True)]

EXAMPLES_PER_OPERATION = 12
# An unknown park slug is a schema-valid string that the API deliberately answers with 400.
EXCLUDED_CHECKS = [positive_data_acceptance]


@pytest.fixture
def api_schema(live_server, monkeypatch):
    monkeypatch.setattr(AnonymousRateThrottle, "THROTTLE_RATES", {"anon": "100000/minute"})
    park = ParkFactory(slug="cicp")
    item = NewsItemFactory(slug="opening")
    item.parks.add(park)
    item.industries.add(IndustryFactory(slug="medical-devices"))
    KeyFigureFactory(park=park)
    PlatformFactory(park=park, slug="institute")
    return schemathesis.openapi.from_url(f"{live_server.url}/api/schema/")


def check_operation(operation, mode: GenerationMode, base_url: str, headers=None) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        case.call_and_validate(base_url=base_url, headers=headers, excluded_checks=EXCLUDED_CHECKS)

    run()


def test_api_answers_valid_requests_as_its_schema_says(api_schema, live_server):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) > 20
    for operation in operations:
        check_operation(operation, GenerationMode.POSITIVE, live_server.url)


def test_api_rejects_invalid_requests_as_its_schema_says(api_schema, live_server):
    checked = 0
    for operation in [result.ok() for result in api_schema.get_all_operations()]:
        try:
            check_operation(operation, GenerationMode.NEGATIVE, live_server.url)
            checked += 1
        except Unsatisfiable:
            pass  # nothing in this operation can be made invalid (e.g. free-text parameters only)
    assert checked > 20


def test_staff_writes_answer_as_the_schema_says(api_schema, live_server, staff_user):
    headers = {"Authorization": f"Token {Token.objects.create(user=staff_user).key}"}
    writes = [
        result.ok()
        for result in api_schema.get_all_operations()
        if result.ok().method.upper() in ("POST", "PUT", "PATCH", "DELETE")
    ]
    assert len(writes) > 15
    for operation in writes:
        check_operation(operation, GenerationMode.POSITIVE, live_server.url, headers)
