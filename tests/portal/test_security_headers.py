"""Headers, cookies, hosts, methods, CSRF and redirects, as production serves them."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from tests.news.factories import NewsItemFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "x" * 60,
    "ALLOWED_HOSTS": "parkwire.example",
    "SECURE_SSL_REDIRECT": "true",
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
}
COOKIE_SETTINGS = (
    "SESSION_COOKIE_NAME",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_NAME",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_SAMESITE",
    "LANGUAGE_COOKIE_NAME",
    "LANGUAGE_COOKIE_SECURE",
    "LANGUAGE_COOKIE_HTTPONLY",
    "SECURE_HSTS_SECONDS",
    "SECURE_SSL_REDIRECT",
)


@pytest.fixture(scope="module")
def production_cookies() -> dict:
    """Read the cookie and HTTPS settings from portal.settings.production with the documented environment."""
    names = ", ".join(repr(n) for n in COOKIE_SETTINGS)
    code = f"import json, django.conf as c; print(json.dumps({{n: getattr(c.settings, n) for n in [{names}]}}))"
    env = {**os.environ, **PRODUCTION_ENV}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


@pytest.fixture
def production(settings, production_cookies):
    """Apply the production cookie and HTTPS settings to this test."""
    for name, value in production_cookies.items():
        setattr(settings, name, value)
    settings.ALLOWED_HOSTS = ["parkwire.example"]
    return Client(HTTP_HOST="parkwire.example")


def test_production_cookies_are_host_prefixed_secure_and_lax(production_cookies):
    assert production_cookies["SESSION_COOKIE_NAME"] == "__Host-sessionid"
    assert production_cookies["CSRF_COOKIE_NAME"] == "__Host-csrftoken"
    assert production_cookies["SESSION_COOKIE_SECURE"] and production_cookies["CSRF_COOKIE_SECURE"]
    assert production_cookies["SESSION_COOKIE_HTTPONLY"]
    assert (
        production_cookies["SESSION_COOKIE_SAMESITE"]
        == production_cookies["CSRF_COOKIE_SAMESITE"]
        == "Lax"
    )
    assert production_cookies["SECURE_HSTS_SECONDS"] >= 31536000


def test_pages_carry_the_security_headers(production):
    response = production.get("/", secure=True)
    policy = response["Content-Security-Policy"]
    script_src = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'self'" in script_src
    assert "frame-ancestors 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_plain_http_is_redirected_to_https(production):
    response = production.get("/news/")
    assert response.status_code == 301 and response["Location"].startswith(
        "https://parkwire.example/"
    )


def test_session_and_csrf_cookies_are_host_prefixed(production, django_user_model):
    django_user_model.objects.create_user("staff", password="pass-phrase-1", is_staff=True)
    login_page = production.get("/admin/login/", secure=True)
    csrf = login_page.cookies["__Host-csrftoken"]
    assert csrf["secure"] and csrf["samesite"] == "Lax" and csrf["path"] == "/"
    response = production.post(
        "/admin/login/",
        {"username": "staff", "password": "pass-phrase-1", "next": "/admin/"},
        secure=True,
    )
    session = response.cookies["__Host-sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
    assert session["path"] == "/" and not session["domain"]


def test_unknown_host_is_a_400(client):
    assert client.get("/", HTTP_HOST="evil.example").status_code == 400


@pytest.mark.parametrize("url", ["/", "/news/", "/parks/", "/search/?q=park", "/feeds/news.rss"])
@pytest.mark.parametrize("method", ["put", "delete", "trace"])
def test_html_views_refuse_write_and_trace_methods(client, url, method):
    assert getattr(client, method)(url).status_code == 405


def test_csrf_is_enforced_on_the_admin_login_and_language_switch(django_user_model):
    django_user_model.objects.create_user("staff", password="pass-phrase-1", is_staff=True)
    strict = Client(enforce_csrf_checks=True)
    assert (
        strict.post("/admin/login/", {"username": "staff", "password": "pass-phrase-1"}).status_code
        == 403
    )
    assert strict.post("/i18n/setlang/", {"language": "he", "next": "/"}).status_code == 403


HOSTILE_NEXT = [
    "//evil.example",
    "/\\evil.example",
    "https:evil.example",
    "https://evil.example/",
    "\\\\evil.example",
]


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_login_never_redirects_off_site(client, django_user_model, target):
    django_user_model.objects.create_user("staff", password="pass-phrase-1", is_staff=True)
    response = client.post(
        f"/admin/login/?next={target}",
        {"username": "staff", "password": "pass-phrase-1", "next": target},
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_logout_never_redirects_off_site(admin_client, target):
    response = admin_client.post("/admin/logout/", {"next": target})
    assert "evil.example" not in response.get("Location", "")


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_language_switch_never_redirects_off_site(client, target):
    NewsItemFactory()
    response = client.post("/i18n/setlang/", {"language": "he", "next": target})
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


def test_api_docs_page_needs_no_inline_script(client):
    page = client.get("/api/docs/").content.decode()
    assert "<script>" not in page.replace("<script src", "")


def directive(response, name: str) -> str:
    policy = response["Content-Security-Policy"]
    return next(part.strip() for part in policy.split(";") if part.strip().startswith(name))


@pytest.mark.parametrize("path", ["/", "/news/", "/parks/", "/search/?q=park", "/missing/"])
def test_public_pages_forbid_inline_styles(client, path):
    response = client.get(path)

    assert directive(response, "style-src") == "style-src 'self'"


@pytest.mark.parametrize(
    ("path", "signed_in"),
    [
        ("/admin/login/", False),
        ("/admin/", True),
        ("/admin/news/newsitem/", True),
        ("/api/docs/", False),
    ],
)
def test_staff_tools_allow_inline_styles_but_never_inline_scripts(
    client, staff_user, path, signed_in
):
    if signed_in:
        client.force_login(staff_user)
    response = client.get(path)

    assert response.status_code == 200
    assert directive(response, "style-src") == "style-src 'self' 'unsafe-inline'"
    assert directive(response, "script-src") == "script-src 'self'"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
