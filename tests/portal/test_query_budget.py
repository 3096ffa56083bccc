"""Expensive reads stop at their time limit, and the search page says so instead of hanging."""

from contextlib import contextmanager

import pytest
from django.db import connection
from django.urls import reverse

from portal import site_search
from portal.query_budget import OverBudget, time_limit
from tests.news.factories import NewsItemFactory
from tests.parks.factories import ParkFactory

pytestmark = pytest.mark.django_db

SLOW = {
    "sqlite": "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000000) "
    "SELECT count(*) FROM n",
    "postgresql": "SELECT pg_sleep(2)",
}


def test_a_query_past_its_limit_is_stopped():
    with pytest.raises(OverBudget), time_limit(0.05), connection.cursor() as cursor:
        cursor.execute(SLOW[connection.vendor])


def test_queries_within_the_limit_answer_and_later_queries_have_no_limit():
    with time_limit(5), connection.cursor() as cursor:
        cursor.execute("SELECT 1 + 1")
        assert cursor.fetchone()[0] == 2

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone()[0] == "0"
        else:
            cursor.execute(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                "WHERE i < 200000) SELECT count(*) FROM n"
            )
            assert cursor.fetchone()[0] == 200000


@pytest.fixture
def exhausted_budget(monkeypatch):
    """Make every search's news query run out of time at once."""

    @contextmanager
    def exhausted(seconds):
        raise OverBudget
        yield

    monkeypatch.setattr(site_search, "time_limit", exhausted)


@pytest.mark.usefixtures("exhausted_budget")
def test_a_search_whose_news_takes_too_long_still_shows_parks_and_says_so(client):
    ParkFactory(name="Robotics Park")
    NewsItemFactory(title="Robotics forum")

    response = client.get(reverse("portal:search"), {"q": "robotics"})

    assert response.status_code == 200
    assert "Searching the news took too long" in response.text
    assert "Robotics Park" in response.text
    assert "Robotics forum" not in response.text
    assert "Nothing matches" not in response.text


@pytest.mark.usefixtures("exhausted_budget")
def test_the_time_limit_message_is_translated(client):
    response = client.get("/zh-hans/search/", {"q": "robotics"})

    assert "搜索新闻耗时过长" in response.text
