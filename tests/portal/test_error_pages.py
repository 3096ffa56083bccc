import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


def test_unknown_address_gives_the_site_styled_404(client):
    response = client.get("/no/such/page/")

    assert response.status_code == 404
    assert "Page not found" in response.text
    assert 'class="site-header"' in response.text


def test_404_is_translated(client):
    response = client.get("/he/parks/no-such-park/")

    assert response.status_code == 404
    assert "הדף לא נמצא" in response.text


def test_500_page_renders_without_a_request_or_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = render_to_string("500.html")

    assert "Something went wrong" in html
    assert "site.css" in html


def test_server_error_view_uses_the_500_page():
    response = server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    assert b"Something went wrong" in response.content
