import datetime as dt

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import DataError, connection, transaction
from django.db.models.sql.compiler import SQLCompiler
from django.utils import timezone

from news.models import NewsItem
from parks.models import Country, Designation, Park
from portal import prepared
from portal.prepared import PreparedQuery, Shape, attach_prefetched
from tests.news.factories import NewsItemFactory
from tests.parks.factories import CountryFactory, ParkFactory
from tests.portal.pipelines import count_pipelines

pytestmark = pytest.mark.django_db


def days_ago(days: int) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days)


PARK_BY_SLUG = PreparedQuery(lambda slug: Park.objects.filter(slug=slug), slug=str)
PUBLISHED_BEFORE = PreparedQuery(
    lambda now, parks, limit: (
        NewsItem.objects.published(now=now)
        .filter(parks__in=parks)
        .order_by("-published_at")[:limit]
    ),
    now=dt.datetime,
    parks=[int],
    limit=Shape,
)


def test_each_call_binds_its_own_values_in_one_query(django_assert_num_queries):
    first, second = ParkFactory(slug="first"), ParkFactory(slug="second")

    assert PARK_BY_SLUG(slug="first") == [first]
    with django_assert_num_queries(1):
        assert PARK_BY_SLUG(slug="second") == [second]
    assert PARK_BY_SLUG(slug="missing") == []


def test_rows_match_the_orm_for_dates_lists_and_shapes():
    parks = ParkFactory.create_batch(3)
    for days in range(1, 7):
        NewsItemFactory(published_at=days_ago(days)).parks.add(parks[days % 3])
    NewsItemFactory(published_at=days_ago(-1)).parks.add(parks[0])  # scheduled

    for now in (timezone.now(), days_ago(3)):
        for chosen in ([parks[0].pk], [parks[1].pk, parks[2].pk], [p.pk for p in parks]):
            for limit in (2, 5):
                expected = list(
                    NewsItem.objects.published(now=now)
                    .filter(parks__in=chosen)
                    .order_by("-published_at")[:limit]
                )
                assert PUBLISHED_BEFORE(now=now, parks=chosen, limit=limit) == expected


def test_an_empty_list_runs_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert PUBLISHED_BEFORE(now=timezone.now(), parks=[], limit=3) == []


def test_a_value_read_behind_the_callers_back_is_refused():
    """`published()` without `now` reads the clock: such a query would freeze the time."""
    query = PreparedQuery(lambda slug: NewsItem.objects.published().filter(slug=slug), slug=str)

    with pytest.raises(ImproperlyConfigured, match="not one of its arguments"):
        query(slug="any")


def test_a_value_that_changes_the_sql_is_refused_unless_it_is_a_shape():
    query = PreparedQuery(lambda limit: Park.objects.all()[:limit], limit=int)

    with pytest.raises(ImproperlyConfigured, match="depends on its values"):
        query(limit=3)


def test_wrong_arguments_are_a_type_error():
    with pytest.raises(TypeError, match="slug"):
        PARK_BY_SLUG(name="x")


def test_select_related_and_deferred_fields_load_as_the_orm_loads_them(
    django_assert_num_queries,
):
    item = NewsItemFactory()
    query = PreparedQuery(
        lambda pk: NewsItem.objects.select_related("channel").defer("body").filter(pk=pk), pk=int
    )

    (loaded,) = query(pk=item.pk)

    with django_assert_num_queries(0):
        assert loaded.channel == item.channel
        assert loaded.title == item.title
    assert "body" in loaded.get_deferred_fields()


def test_attached_rows_answer_all_without_a_query(django_assert_num_queries):
    park = ParkFactory()
    countries = CountryFactory.create_batch(2)
    designation = Designation.objects.create(park=park, title="National high-tech zone")

    attach_prefetched(park, "partner_countries", countries)
    attach_prefetched(park, "designations", [Designation.objects.get(pk=designation.pk)])

    with django_assert_num_queries(0):
        assert list(park.partner_countries.all()) == countries
        assert park.partner_countries.count() == 2
        (loaded,) = park.designations.all()
        assert loaded.park is park  # the parent is set, as prefetch_related sets it
    assert park.partner_countries.all().model is Country


def test_narrowing_attached_rows_fails_loudly():
    """They were not loaded through the relation's query, so chaining one would be wrong."""
    park = ParkFactory()
    attach_prefetched(park, "partner_countries", [])

    with pytest.raises(TypeError, match="filter them in Python"):
        park.partner_countries.filter(code="IL")


def test_plans_are_bounded_and_rebuilt_when_dropped(monkeypatch):
    monkeypatch.setattr(prepared, "MAX_PLANS", 2)
    parks = ParkFactory.create_batch(3)
    query = PreparedQuery(lambda ids: Park.objects.filter(pk__in=ids).order_by("pk"), ids=[int])

    for count in (1, 2, 3, 1):
        assert query(ids=[park.pk for park in parks[:count]]) == parks[:count]

    assert len(query._plans) <= 2


def test_values_are_converted_as_the_orm_does_working_it_out_once(monkeypatch):
    """Dates come back as aware datetimes, JSON as lists, on every run."""
    moment = days_ago(2).replace(microsecond=123456)
    item = NewsItemFactory(published_at=moment)
    park = ParkFactory(aliases=["CICP", "中以常州"])
    item.parks.add(park)
    items = PreparedQuery(lambda pk: NewsItem.objects.filter(pk=pk), pk=int)
    parks = PreparedQuery(lambda slug: Park.objects.filter(slug=slug), slug=str)
    worked_out = []
    original = SQLCompiler.get_converters
    monkeypatch.setattr(
        SQLCompiler,
        "get_converters",
        lambda compiler, expressions: (
            worked_out.append(compiler.query.model) or original(compiler, expressions)
        ),
    )

    for _ in range(3):
        (loaded,) = items(pk=item.pk)
        assert loaded.published_at == moment and loaded.published_at.tzinfo is not None
        assert parks(slug=park.slug)[0].aliases == ["CICP", "中以常州"]

    assert worked_out == [NewsItem, Park]


def test_run_together_gives_each_querys_rows_and_counts_each_query(django_assert_num_queries):
    parks = ParkFactory.create_batch(2)
    for days in range(1, 5):
        NewsItemFactory(published_at=days_ago(days)).parks.add(parks[days % 2])
    now = timezone.now()
    calls = [
        (PARK_BY_SLUG, {"slug": parks[1].slug}),
        (PUBLISHED_BEFORE, {"now": now, "parks": [parks[0].pk], "limit": 5}),
        (PUBLISHED_BEFORE, {"now": now, "parks": [], "limit": 5}),  # no query
        (PUBLISHED_BEFORE, {"now": now, "parks": [p.pk for p in parks], "limit": 3}),
    ]
    one_by_one = [query(**values) for query, values in calls]

    with django_assert_num_queries(3):
        together = prepared.run_together(calls)

    assert together == one_by_one
    assert [len(rows) for rows in together] == [1, 2, 0, 3]
    assert together[1][0].published_at == one_by_one[1][0].published_at  # converted alike


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pipelines are PostgreSQL's")
def test_run_together_sends_postgresql_one_pipeline(monkeypatch):
    ParkFactory(slug="first")
    entered = count_pipelines(monkeypatch)

    rows = prepared.run_together([(PARK_BY_SLUG, {"slug": "first"})] * 3)

    assert [len(found) for found in rows] == [1, 1, 1]
    assert len(entered) == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pipelines are PostgreSQL's")
def test_a_failing_query_in_a_pipeline_raises_djangos_error_and_the_connection_recovers():
    failing = PreparedQuery(
        lambda slug: Park.objects.filter(slug=slug).extra(where=["1 / (length(slug) - 4) = 1"]),
        slug=str,
    )
    ParkFactory(slug="four")

    with pytest.raises(DataError), transaction.atomic():
        prepared.run_together([(PARK_BY_SLUG, {"slug": "four"}), (failing, {"slug": "four"})])

    assert PARK_BY_SLUG(slug="four")[0].slug == "four"
