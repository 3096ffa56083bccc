import io
import json
import logging

import pytest

from portal.request_log import JsonLinesFormatter, request_id

pytestmark = pytest.mark.django_db


@pytest.fixture
def log_lines():
    """Capture the request log as the production formatter writes it."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonLinesFormatter())
    logger = logging.getLogger("portal.request")
    logger.addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logger.removeHandler(handler)


def test_each_request_is_one_json_line_with_id_status_and_duration(client, log_lines):
    response = client.get("/healthz")

    [line] = log_lines()
    assert line["request_id"] == response["X-Request-ID"]
    assert line["method"] == "GET"
    assert line["path"] == "/healthz"
    assert line["status"] == 200
    assert line["duration_ms"] >= 0


def test_a_sane_incoming_request_id_is_kept_and_echoed(client, log_lines):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="proxy-1234.abc")

    assert response["X-Request-ID"] == "proxy-1234.abc"
    assert log_lines()[0]["request_id"] == "proxy-1234.abc"


@pytest.mark.parametrize("hostile", ["", "a b", "x" * 200, "id\nforged", '"}{"level":"x'])
def test_an_insane_request_id_is_replaced_by_a_new_one(client, hostile):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=hostile)

    assert response["X-Request-ID"] != hostile
    assert len(response["X-Request-ID"]) == 32


def test_any_log_line_written_during_a_request_carries_its_id():
    token = request_id.set("trace-7")
    try:
        line = JsonLinesFormatter().format(
            logging.makeLogRecord({"msg": "inside %s", "args": (1,)})
        )
    finally:
        request_id.reset(token)

    assert json.loads(line)["request_id"] == "trace-7"
    assert json.loads(line)["message"] == "inside 1"
