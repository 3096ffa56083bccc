"""The admin login locks a username out after repeated failures, and lets it in after the cool-off."""

import datetime as dt

import pytest
import time_machine
from django.conf import settings

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.UTC)


def sign_in(client, password):
    return client.post(
        "/admin/login/?next=/admin/", {"username": "staff", "password": password, "next": "/admin/"}
    )


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        "staff", password="right-pass-phrase", is_staff=True
    )


def test_repeated_failures_lock_out_even_the_right_password_until_the_cool_off(client, staff):
    with time_machine.travel(START, tick=False):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            assert sign_in(client, "wrong").status_code == 200  # the form again, with an error
        assert sign_in(client, "wrong").status_code == 429  # the last allowed failure locks
        locked = sign_in(client, "right-pass-phrase")
        assert locked.status_code == 429
        assert "Too many failed sign-in attempts" in locked.content.decode()
        assert "_auth_user_id" not in client.session
    with time_machine.travel(
        START + settings.AXES_COOLOFF_TIME + dt.timedelta(seconds=1), tick=False
    ):
        response = sign_in(client, "right-pass-phrase")
        assert response.status_code == 302 and response["Location"] == "/admin/"


def test_a_success_before_the_limit_resets_the_count(client, staff):
    with time_machine.travel(START, tick=False):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            sign_in(client, "wrong")
        assert sign_in(client, "right-pass-phrase").status_code == 302
        client.post("/admin/logout/")
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            sign_in(client, "wrong")
        assert sign_in(client, "right-pass-phrase").status_code == 302


def test_lockout_is_per_username_and_address(client, staff, django_user_model):
    django_user_model.objects.create_user("other", password="other-pass-phrase", is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong")
    other = client.post(
        "/admin/login/", {"username": "other", "password": "other-pass-phrase", "next": "/admin/"}
    )
    assert other.status_code == 302
