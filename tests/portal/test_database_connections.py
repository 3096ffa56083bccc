"""A worker keeps its database connection from one request to the next, on SQLite too."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from parks.models import Park
from tests.portal.processes import sqlite_environment

ROOT = Path(__file__).resolve().parents[2]

# Two requests through Django's WSGI handler, which (unlike the test client) closes obsolete
# connections when a request ends, as gunicorn's workers do.
TWO_REQUESTS = """
import django
django.setup()
from wsgiref.util import setup_testing_defaults
from django.core.wsgi import get_wsgi_application
from django.db import connection

application = get_wsgi_application()
seen = []
for _ in range(2):
    environ = {"PATH_INFO": "/readyz", "HTTP_HOST": "127.0.0.1"}
    setup_testing_defaults(environ)
    body = b"".join(application(environ, lambda status, headers: None))
    assert b'"ok"' in body, body
    seen.append(connection.connection)  # held, so a new one cannot reuse its id
print("same" if seen[0] is seen[1] else "new")
"""


def connection_across_requests(tmp_path, **env) -> str:
    environment = sqlite_environment(
        tmp_path / "db.sqlite3", REDIS_URL="", ALLOWED_HOSTS="127.0.0.1", **env
    )
    result = subprocess.run(
        [sys.executable, "-c", TWO_REQUESTS],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_sqlite_connection_is_kept_between_requests(tmp_path):
    assert connection_across_requests(tmp_path) == "same"


def test_conn_max_age_zero_opens_a_connection_per_request(tmp_path):
    assert connection_across_requests(tmp_path, CONN_MAX_AGE="0") == "new"


@pytest.mark.django_db
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's"
)
def test_postgresql_prepares_a_query_used_again_and_again():
    def prepared() -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_prepared_statements")
            return cursor.fetchone()[0]

    before = prepared()
    for _ in range(settings.DATABASES["default"]["OPTIONS"]["prepare_threshold"] + 1):
        list(Park.objects.filter(slug="any"))

    assert prepared() > before
