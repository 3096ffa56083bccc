"""Who may open which admin page: every role against every admin URL, compared with a table.

Standard model-admin pages follow the model permissions (rules below); every other admin URL must
be listed in CUSTOM_URLS, so a new admin URL without an entry here fails the suite.
"""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.urls import URLPattern, URLResolver
from rest_framework.authtoken.models import Token, TokenProxy

from tests.news.factories import ChannelFactory, NewsItemFactory, SourceDocumentFactory
from tests.parks.factories import (
    CountryFactory,
    IndustryFactory,
    KeyFigureFactory,
    OrganizationFactory,
    ParkFactory,
    PlatformFactory,
)
from tests.portal.roles import ROLES, login_as

pytestmark = pytest.mark.django_db

LOGIN = 302  # redirected to the admin login page
MODEL_ACTIONS = {
    "changelist": ("view", "change"),
    "change": ("view", "change"),
    "history": ("view", "change"),
    "add": ("add",),
    "delete": ("delete",),
    "simple_history": ("view", "change"),  # viewers see a revision read-only; POST needs change
}
# Model pages whose admin refuses some action to everybody.
NEVER = {
    "news_sourcedocument_add",  # documents only come from the importer
    "axes_accessattempt_add",  # sign-in records are written by django-axes alone
    "axes_accesslog_add",
    "axes_accessfailurelog_add",
}
# Admin URLs that are not standard model pages: expected status per role.
CUSTOM_URLS = {
    "index": dict(
        anonymous=LOGIN, member=LOGIN, staff=200, editor=200, publisher=200, superuser=200
    ),
    "login": dict(anonymous=200, member=200, staff=302, editor=302, publisher=302, superuser=302),
    "logout": dict(
        anonymous=LOGIN, member=LOGIN, staff=405, editor=405, publisher=405, superuser=405
    ),
    "password_change": dict(
        anonymous=LOGIN, member=LOGIN, staff=200, editor=200, publisher=200, superuser=200
    ),
    "password_change_done": dict(
        anonymous=LOGIN, member=LOGIN, staff=200, editor=200, publisher=200, superuser=200
    ),
    "jsi18n": dict(
        anonymous=LOGIN, member=LOGIN, staff=200, editor=200, publisher=200, superuser=200
    ),
    "autocomplete": dict(
        anonymous=LOGIN, member=LOGIN, staff=403, editor=200, publisher=200, superuser=200
    ),
    "view_on_site": dict(
        anonymous=LOGIN, member=LOGIN, staff=302, editor=302, publisher=302, superuser=302
    ),
    "app_list": dict(
        anonymous=LOGIN, member=LOGIN, staff=404, editor=200, publisher=200, superuser=200
    ),
    "news_import": dict(
        anonymous=LOGIN, member=LOGIN, staff=403, editor=403, publisher=200, superuser=200
    ),
    "news_review": dict(
        anonymous=LOGIN, member=LOGIN, staff=403, editor=200, publisher=200, superuser=200
    ),
    "news_newsitem_preview": dict(
        anonymous=LOGIN, member=LOGIN, staff=403, editor=200, publisher=200, superuser=200
    ),
    "auth_user_password_change": dict(
        anonymous=LOGIN, member=LOGIN, staff=403, editor=403, publisher=403, superuser=200
    ),
    None: dict(anonymous=LOGIN, member=LOGIN, staff=404, editor=404, publisher=404, superuser=404),
}


def admin_routes():
    """Yield (name, route) for every URL the admin site serves."""

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield pattern.name, prefix + str(pattern.pattern)

    return list(walk(admin.site.urls[0]))


@pytest.fixture
def objects(django_user_model):
    user = django_user_model.objects.create_user("someone", password="x")
    park = ParkFactory()
    item = NewsItemFactory(title="Matrix item")
    item.parks.add(park)
    return {
        "parks.park": park,
        "parks.cooperationplatform": PlatformFactory(park=park),
        "parks.keyfigure": KeyFigureFactory(park=park),
        "parks.country": CountryFactory(),
        "parks.industry": IndustryFactory(),
        "parks.organization": OrganizationFactory(),
        "news.newsitem": item,
        "news.sourcedocument": SourceDocumentFactory(),
        "news.channel": ChannelFactory(),
        "auth.group": Group.objects.get(name="Editor"),
        "auth.user": user,
        "authtoken.tokenproxy": TokenProxy.objects.get(key=Token.objects.create(user=user).key),
        **lockout_records(),
    }


def lockout_records() -> dict:
    """One record of each kind django-axes keeps about sign-in attempts."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    seen = {"user_agent": "test", "ip_address": "127.0.0.1", "username": "someone"}
    return {
        "axes.accessattempt": AccessAttempt.objects.create(
            **seen, failures_since_start=1, get_data="", post_data="", http_accept="", path_info="/"
        ),
        "axes.accesslog": AccessLog.objects.create(**seen, http_accept="", path_info="/"),
        "axes.accessfailurelog": AccessFailureLog.objects.create(
            **seen, http_accept="", path_info="/", locked_out=False
        ),
    }


def model_route(name: str):
    """Split 'news_newsitem_change' into ('news.newsitem', 'change'), or None."""
    for action in sorted(MODEL_ACTIONS, key=len, reverse=True):
        if name and name.endswith("_" + action):
            app_model = name[: -len(action) - 1]
            app, _, model = app_model.partition("_")
            return f"{app}.{model}", action
    return None


def concrete_url(name, route, objects) -> str | None:
    """Fill a route's parameters with real objects; None when the route needs none we have."""
    label_action = model_route(name)
    if name == "app_list":
        return "/admin/news/"
    if name == "view_on_site":
        item = objects["news.newsitem"]
        from django.contrib.contenttypes.models import ContentType

        return f"/admin/r/{ContentType.objects.get_for_model(item).pk}/{item.pk}/"
    if name == "autocomplete":
        return "/admin/autocomplete/?app_label=news&model_name=newsitem&field_name=parks&term=a"
    if name is None and route.endswith("(?P<url>.*)$"):
        return "/admin/no-such-page/"
    if name is None:
        return None  # the bare "<pk>/" redirect to the change page
    obj = objects.get(label_action[0]) if label_action else None
    if name == "news_newsitem_preview":
        obj = objects["news.newsitem"]
    if name == "auth_user_password_change":
        obj = objects["auth.user"]
    if label_action and label_action[1] == "simple_history":
        record = obj.history.first()
        return f"/admin/{route.split('^')[0]}{obj.pk}/history/{record.history_id}/"
    path = (
        route.replace("<path:object_id>", str(getattr(obj, "pk", "")))
        .replace("<int:object_id>", str(getattr(obj, "pk", "")))
        .replace("<id>", str(getattr(obj, "pk", "")))
    )
    return "/admin/" + path


def expected_status(name, role, user) -> int:
    if name in CUSTOM_URLS or model_route(name) is None:
        return CUSTOM_URLS[name][role]
    if role in ("anonymous", "member"):
        return LOGIN
    label, action = model_route(name)
    if name in NEVER:
        return 403
    app, model = label.split(".")
    allowed = any(user.has_perm(f"{app}.{perm}_{model}") for perm in MODEL_ACTIONS[action])
    return 200 if allowed else 403


@pytest.mark.parametrize("role", ROLES)
def test_every_admin_url_answers_each_role_as_the_table_says(
    client, django_user_model, objects, role
):
    user = login_as(client, role, django_user_model)
    mismatches = []
    for name, route in admin_routes():
        url = concrete_url(name, route, objects)
        if url is None:
            continue
        expected = expected_status(name, role, user)
        status = client.get(url).status_code
        if status != expected:
            mismatches.append(f"{name} {url}: expected {expected}, got {status}")
    assert mismatches == [], "\n".join(mismatches)


def test_every_admin_url_is_known_to_the_table():
    unknown = [
        (name, route)
        for name, route in admin_routes()
        if model_route(name) is None and name not in CUSTOM_URLS
    ]
    assert unknown == []


def test_staff_without_permissions_hold_none(django_user_model):
    user = django_user_model.objects.create_user("plain-staff", password="x", is_staff=True)
    assert not Permission.objects.filter(user=user).exists() and not user.get_all_permissions()


def test_viewers_cannot_revert_a_revision(client, django_user_model, objects):
    park = objects["parks.park"]
    park.city = "Edited city"
    park.save()
    first = park.history.earliest()
    login_as(client, "editor", django_user_model)
    response = client.post(
        f"/admin/parks/park/{park.pk}/history/{first.history_id}/", {"name": park.name}
    )
    park.refresh_from_db()
    assert response.status_code in (200, 403)  # the read-only revision page, or a refusal
    assert park.city == "Edited city"
