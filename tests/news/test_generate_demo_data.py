"""`generate_demo_data`: the benchmark's data set, realistic in shape and refused twice."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from news.models import NewsItem
from parks.models import CooperationPlatform, Park
from tests.news.listings import listing_rows, rows_from_links

pytestmark = pytest.mark.django_db


def generate(**counts):
    call_command("generate_demo_data", **{"news": 60, "parks": 4, "platforms": 9, **counts})


def test_it_builds_the_requested_counts_all_published(capsys):
    generate()

    assert Park.objects.published().filter(slug__startswith="demo-").count() == 4
    assert CooperationPlatform.objects.published().count() == 9
    assert NewsItem.objects.published().count() == 60
    assert "Created 4 parks, 9 platforms and 60 news items." in capsys.readouterr().out


def test_items_look_like_real_news():
    generate()
    items = NewsItem.objects.prefetch_related("parks", "platforms", "industries")

    for item in items:
        assert 2_048 <= len(item.body.encode()) <= 4_096, "bodies of 2–4 KB"
        assert "<h2" in item.body_html  # rendered, as a save would have done
        assert 1 <= len(item.parks.all()) <= 3
        assert len(item.platforms.all()) <= 3
        assert 1 <= len(item.industries.all()) <= 2
    dates = [item.published_at for item in items]
    assert max(dates) <= timezone.now()
    assert max(dates) - min(dates) > dt.timedelta(days=365 * 5), "spread over ten years"
    # Links written straight into the through table still reach the parks' listings.
    assert listing_rows() == rows_from_links()


def test_some_bodies_carry_chinese_text_and_short_words_keep_their_case():
    generate(news=200)
    bodies = list(NewsItem.objects.values_list("body", flat=True))

    chinese = [body for body in bodies if "。" in body]
    assert 5 <= len(chinese) <= 40, "about one item in ten"
    assert all(2_048 <= len(body.encode()) <= 4_096 for body in chinese)
    assert any(" AI " in body for body in bodies)


def test_a_second_run_is_refused_and_adds_nothing():
    generate()

    with pytest.raises(CommandError, match="already present"):
        generate()
    assert NewsItem.objects.count() == 60


@pytest.mark.parametrize("option", ["news", "parks", "platforms"])
def test_counts_below_one_are_refused(option):
    with pytest.raises(CommandError, match="at least 1"):
        generate(**{option: 0})


@pytest.mark.skipif(connection.vendor != "postgresql", reason="VACUUM is PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_postgresql_tables_are_vacuumed_so_deep_pages_scan_only_the_index():
    generate(news=5, parks=1, platforms=1)

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT last_vacuum FROM pg_stat_user_tables WHERE relname = 'news_newsitem'"
        )
        (last_vacuum,) = cursor.fetchone()
    assert last_vacuum is not None
