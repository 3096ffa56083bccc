from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from rest_framework.test import APIClient

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
DATA_DIR = Path(__file__).resolve().parent / "news" / "data"


@pytest.fixture(autouse=True, scope="session")
def _jinja_pages_report_their_context():
    """Let `response.context` show what a Jinja2 page rendered with.

    Django instruments only its own engine for the test client (`setup_test_environment`);
    this does the same for the public pages' Jinja2 templates, in tests only.
    """
    from django.template.backends import jinja2 as jinja2_backend
    from django.test.signals import template_rendered

    render = jinja2_backend.Template.render

    def render_and_report(self, context=None, request=None):
        context = {} if context is None else context
        html = render(self, context, request)  # adds the request and context processors' values
        template_rendered.send(sender=self, template=self, context=context)
        return html

    jinja2_backend.Template.render = render_and_report
    yield
    jinja2_backend.Template.render = render


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS_DIR


@pytest.fixture(autouse=True)
def _empty_cache():
    """Start every test with an empty cache, so rate limits and cached pages never leak."""
    from portal.page_cache import kept_pages
    from portal.per_generation import kept

    cache.clear()
    kept.forget()
    kept_pages.forget()


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def staff_user(django_user_model):
    """Return a staff member holding every permission on parks and news."""
    user = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    permissions = Permission.objects.filter(content_type__app_label__in=["parks", "news"])
    user.user_permissions.set(permissions)
    return user


@pytest.fixture(autouse=True)
def default_language(settings):
    """Keep a request to /zh-hans/ or /he/ from leaving its language active for the next test."""
    from django.utils import translation

    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def editor(django_user_model):
    """Return a staff member in the Editor group (created by a data migration)."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("ed", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    return user


@pytest.fixture
def publisher(django_user_model):
    """Return a staff member in the Publisher group (created by a data migration)."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("pub", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Publisher"))
    return user


@pytest.fixture
def media_root(settings, tmp_path):
    """Store uploads in a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def rows_settle_at_once(settings):
    """Sync cursors with no settling window, for tests of the walk's mechanics."""
    settings.SYNC_SETTLE_SECONDS = 0
