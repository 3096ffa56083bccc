import pytest

from news.models import NewsItem
from news.shown_links import attach_shown, with_shown
from tests.news.factories import NewsItemFactory
from tests.parks.factories import IndustryFactory, ParkFactory, PlatformFactory

pytestmark = pytest.mark.django_db


def names(rows) -> list[str]:
    return [row.name for row in rows]


@pytest.fixture
def linked_item():
    item = NewsItemFactory()
    item.parks.add(
        ParkFactory(name="Zhangjiang Park"),
        ParkFactory(name="Changzhou Park"),
        ParkFactory(name="Draft Park", is_published=False),
    )
    item.platforms.add(PlatformFactory(name="Innovation Centre"))
    item.industries.add(IndustryFactory(name="Robotics"), IndustryFactory(name="Biotech"))
    return item


def test_published_links_by_name_in_one_query_per_relation(linked_item, django_assert_num_queries):
    other = NewsItemFactory()
    other.parks.add(ParkFactory(name="Suzhou Park"))
    items = list(NewsItem.objects.filter(pk__in=[linked_item.pk, other.pk]).order_by("pk"))

    with django_assert_num_queries(3):
        attach_shown(items)

    with django_assert_num_queries(0):
        assert names(items[0].shown_parks) == ["Changzhou Park", "Zhangjiang Park"]
        assert names(items[0].shown_platforms) == ["Innovation Centre"]
        assert names(items[0].shown_industries) == ["Biotech", "Robotics"]
        assert names(items[1].shown_parks) == ["Suzhou Park"]
        assert items[1].shown_platforms == []


def test_staff_reads_see_unpublished_links_too(linked_item):
    items = [NewsItem.objects.get(pk=linked_item.pk)]

    attach_shown(items, ("parks",), published_only=False)

    assert names(items[0].shown_parks) == ["Changzhou Park", "Draft Park", "Zhangjiang Park"]


def test_a_queryset_attaches_links_through_filters_and_slices(
    linked_item, django_assert_num_queries
):
    NewsItemFactory.create_batch(3)
    items = with_shown(NewsItem.objects.all(), "parks").filter(pk__gte=linked_item.pk)

    with django_assert_num_queries(2):
        page = list(items.order_by("pk")[:2])

    assert names(page[0].shown_parks) == ["Changzhou Park", "Zhangjiang Park"]
    with django_assert_num_queries(0):
        assert page[1].shown_parks == []


def test_value_rows_are_left_alone(linked_item, django_assert_num_queries):
    items = with_shown(NewsItem.objects.all(), "parks")

    with django_assert_num_queries(1):
        assert list(items.values_list("pk", flat=True)) == [linked_item.pk]
