"""A database that is down answers 503 with Retry-After: the site's page, or the API's error body."""

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.db import InterfaceError, OperationalError
from django.template.loader import render_to_string

from news import views
from news.api import NewsItemViewSet
from portal.outage import RETRY_AFTER_SECONDS

pytestmark = pytest.mark.django_db


def refuse(*args, **kwargs):
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed')


def test_a_view_that_cannot_reach_the_database_answers_the_503_page(client, monkeypatch):
    monkeypatch.setattr(views, "news_item_list", refuse)

    response = client.get("/news/")

    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "no-store" in response["Cache-Control"]
    assert "Briefly unavailable" in response.text
    assert 'class="site-header"' in response.text
    assert "5432" not in response.text


def test_a_lost_connection_also_answers_503(client, monkeypatch):
    def lost(*args, **kwargs):
        raise InterfaceError("connection already closed")

    monkeypatch.setattr(views, "news_item_list", lost)

    assert client.get("/zh-hans/news/").status_code == 503


def test_an_api_request_gets_the_json_error_body(api_client, monkeypatch):
    monkeypatch.setattr(NewsItemViewSet, "get_queryset", refuse)

    response = api_client.get("/api/v1/news/")

    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    error = response.json()["error"]
    assert error["status"] == 503
    assert error["code"] == "service_unavailable"
    assert error["message"]
    assert error["details"] == {}


def test_other_errors_still_answer_500(client, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("a bug, not an outage")

    monkeypatch.setattr(views, "news_item_list", broken)
    client.raise_request_exception = False

    assert client.get("/news/").status_code == 500


def test_503_page_renders_without_a_request_or_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = render_to_string("503.html")

    assert "Briefly unavailable" in html
    assert "site.css" in html


# -- a real PostgreSQL restart under load (PARKWIRE_FAULT_TESTS=1; needs root and pg_ctlcluster) --
# PARKWIRE_FAULT_CLUSTER and PARKWIRE_FAULT_PG_PORT choose another local cluster than main on 5432.

ROOT = Path(__file__).resolve().parents[2]
CLUSTER = os.environ.get("PARKWIRE_FAULT_CLUSTER", "main")
PG = f"postgres://postgres@127.0.0.1:{os.environ.get('PARKWIRE_FAULT_PG_PORT', '5432')}"
DATABASE = "parkwire_outage_test"
MAX_PROBES = 20_000


def pg_is_up() -> bool:
    import psycopg

    try:
        psycopg.connect(f"{PG}/postgres", connect_timeout=3).close()
    except psycopg.OperationalError:
        return False
    return True


def pg_cluster(action: str) -> subprocess.CompletedProcess:
    version = sorted(os.listdir("/etc/postgresql"))[0]
    command = ["pg_ctlcluster", "--skip-systemctl-redirect", version, CLUSTER, action]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


@pytest.fixture
def restartable_postgresql():
    """Skip unless fault tests are asked for; always leave PostgreSQL running afterwards."""
    if os.environ.get("PARKWIRE_FAULT_TESTS") != "1":
        pytest.skip("restarts the shared PostgreSQL server: set PARKWIRE_FAULT_TESTS=1")
    if os.geteuid() != 0 or not shutil.which("pg_ctlcluster") or not pg_is_up():
        pytest.fail(f"fault tests need root, pg_ctlcluster and PostgreSQL at {PG}")
    try:
        yield
    finally:
        if not pg_is_up():
            pg_cluster("start")


@pytest.fixture
def outage_app(restartable_postgresql, tmp_path):
    """Serve a migrated, seeded database with gunicorn in production settings; yield its port."""
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{DATABASE}"')
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "outage-test-" + uuid.uuid4().hex * 2,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DEBUG": "false",
        "DATABASE_URL": f"{PG}/{DATABASE}",
        "REDIS_URL": "",
        "PAGE_CACHE": "off",  # every request reaches the database
        "API_ANON_RATE": "",
        "PARKWIRE_VAR_DIR": str(tmp_path),
        "GUNICORN_WORKERS": "2",
        "LOG_LEVEL": "ERROR",
        "PORT": str(port),
    }
    for command in (["migrate", "--noinput"], ["import_seeds"], ["collectstatic", "--noinput"]):
        manage = [sys.executable, "manage.py", *command, "--verbosity", "0"]
        subprocess.run(manage, cwd=ROOT, env=env, check=True, capture_output=True)
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "--config", "python:portal.gunicorn_config"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_ready(port)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)
        with psycopg.connect(f"{PG}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port: int, path: str) -> tuple[int | str, dict, str]:
    """Return status, headers and body; a failed connection's status is the error's name."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=15) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()
    except OSError as error:
        return type(error).__name__, {}, ""


def wait_until_ready(port: int) -> None:
    for _ in range(120):
        if fetch(port, "/readyz")[0] == 200:
            return
        time.sleep(0.25)
    raise AssertionError("the app server did not become ready")


class Prober(threading.Thread):
    """Request the given paths in turn until stopped, recording each answer's status."""

    def __init__(self, port: int, paths: list[str]):
        super().__init__(daemon=True)
        self.port, self.paths = port, paths
        self.statuses: list[tuple[str, int | str]] = []
        self.stopped = threading.Event()

    def run(self) -> None:
        for number in range(MAX_PROBES):
            if self.stopped.is_set():
                return
            path = self.paths[number % len(self.paths)]
            self.statuses.append((path, fetch(self.port, path)[0]))

    def stop(self) -> None:
        self.stopped.set()
        self.join(timeout=60)


def public_paths(port: int) -> list[str]:
    news = json.loads(fetch(port, "/api/v1/news/")[2])["results"][0]["slug"]
    park = json.loads(fetch(port, "/api/v1/parks/")[2])["results"][0]["slug"]
    news, park = urllib.parse.quote(news), urllib.parse.quote(park)
    return [
        "/",
        "/news/",
        f"/news/{news}/",
        f"/parks/{park}/",
        "/api/v1/news/",
        f"/api/v1/news/{news}/",
        "/feeds/news.json",
        "/readyz",
    ]


def assert_outage_answers(port: int) -> None:
    status, headers, body = fetch(port, "/api/v1/news/")
    assert (status, headers["Retry-After"]) == (503, str(RETRY_AFTER_SECONDS))
    assert json.loads(body)["error"]["code"] == "service_unavailable"
    status, headers, body = fetch(port, "/news/")
    assert (status, "Briefly unavailable" in body, "Traceback" in body) == (503, True, False)
    status, headers, body = fetch(port, "/readyz")
    assert (status, json.loads(body)["down"]) == (503, ["database"])


@pytest.mark.faults
def test_a_postgresql_restart_under_load_answers_503_then_recovers(outage_app):
    port = outage_app
    paths = public_paths(port)
    prober = Prober(port, paths)
    prober.start()
    try:
        assert pg_cluster("stop").returncode == 0
        assert_outage_answers(port)
    finally:
        started = pg_cluster("start")
        prober.stop()
    assert started.returncode == 0, started.stderr

    after = [fetch(port, paths[n % len(paths)])[0] for n in range(10)]
    assert after == [200] * 10
    assert {status for _, status in prober.statuses} <= {200, 503}
    assert any(status == 503 for _, status in prober.statuses)


class FailingMiddleware:
    """Stand in for a middleware whose own database work fails after the view has answered."""

    error: Exception = OperationalError("server closed the connection unexpectedly")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        self.get_response(request)
        raise self.error


@pytest.fixture
def failing_middleware(settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, f"{__name__}.FailingMiddleware"]
    yield FailingMiddleware


@pytest.mark.parametrize("path", ["/news/", "/api/v1/news/"])
def test_a_middleware_that_cannot_reach_the_database_answers_503(path, failing_middleware):
    from django.test import Client

    response = Client(raise_request_exception=False).get(path)

    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)


def test_any_other_middleware_error_is_still_the_500_page(failing_middleware, monkeypatch):
    from django.test import Client

    monkeypatch.setattr(failing_middleware, "error", RuntimeError("a bug"))

    response = Client(raise_request_exception=False).get("/news/")

    assert response.status_code == 500
    assert "Retry-After" not in response
