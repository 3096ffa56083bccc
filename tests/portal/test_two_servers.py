"""Two app servers on one PostgreSQL and one Redis: an edit through one shows through the other.

Needs PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379 (database 15, flushed); skipped
without them, except in CI, where they must be there.
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PG = "postgres://postgres@127.0.0.1:5432"
REDIS_URL = "redis://127.0.0.1:6379/15"


def require_services():
    import psycopg
    import redis

    try:
        psycopg.connect(f"{PG}/postgres", connect_timeout=3).close()
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except (psycopg.OperationalError, redis.ConnectionError) as error:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip(f"PostgreSQL or Redis not reachable: {error}")


@pytest.fixture
def shared_services(tmp_path):
    """Yield the environment of a fresh PostgreSQL database and an empty Redis database."""
    import psycopg
    import redis

    require_services()
    name = f"parkwire_two_servers_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    store = redis.Redis.from_url(REDIS_URL)
    store.flushdb()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "two-servers-" + uuid.uuid4().hex * 2,
        "DATABASE_URL": f"{PG}/{name}",
        "REDIS_URL": REDIS_URL,
        "PAGE_CACHE": "on",
        "API_ANON_RATE": "",
        "GUNICORN_WORKERS": "1",
        "LOG_LEVEL": "WARNING",
        # Its own var/: production serves hashed static files, which collectstatic makes first.
        "PARKWIRE_VAR_DIR": str(tmp_path),
    }
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    try:
        yield env
    finally:
        store.flushdb()
        with psycopg.connect(f"{PG}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(env, *args) -> str:
    command = [sys.executable, "manage.py", *args]
    return subprocess.run(
        command, cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(env, port: int) -> subprocess.Popen:
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "--config", "python:portal.gunicorn_config"],
        cwd=ROOT,
        env={**env, "PORT": str(port)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(120):
        try:
            get(port, "/readyz")
            return server
        except OSError:
            time.sleep(0.25)
    server.terminate()
    raise AssertionError("the app server did not become ready")


def get(port: int, path: str) -> tuple[str, str]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as response:
        return response.headers.get("X-Page-Cache", ""), response.read().decode()


def post(port: int, path: str, data: dict, token: str) -> int:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        data=json.dumps(data).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Token {token}"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status


def test_an_item_published_through_one_server_shows_at_once_through_the_other(shared_services):
    env = shared_services
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    token = manage(
        env,
        "shell",
        "-c",
        "from django.contrib.auth.models import User; from rest_framework.authtoken.models "
        "import Token; user = User.objects.create_superuser('chief', password='x'); "
        "print(Token.objects.create(user=user).key)",
    ).splitlines()[-1]
    first, second = free_port(), free_port()
    servers = [start_server(env, port) for port in (first, second)]
    try:
        get(second, "/news/")
        cache_state, before = get(second, "/news/")
        assert cache_state == "hit"
        assert "Shared story" not in before
        get(second, "/api/v1/news/")

        item = {
            "title": "Shared story",
            "slug": "shared-story",
            "body": "Text.",
            "status": "published",
            "published_at": "2020-01-01T00:00:00Z",
        }
        assert post(first, "/api/v1/news/", item, token) == 201

        assert "Shared story" in get(second, "/news/")[1]
        assert "Shared story" in get(second, "/api/v1/news/")[1]
        assert "Shared story" in get(second, "/news/shared-story/")[1]
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)
