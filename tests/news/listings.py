"""What a park's or platform's news listing should hold: its links, each with its item's status
and time."""

from news.listings import LISTINGS
from news.models import NewsItem


def listing_rows(relation: str = "parks") -> set[tuple]:
    listing, target, _ = LISTINGS[relation]
    columns = ("id", f"{target}_id", "item_id", "status", "published_at")
    return set(listing.objects.values_list(*columns))


def rows_from_links(relation: str = "parks") -> set[tuple]:
    field = NewsItem._meta.get_field(relation)
    links = field.remote_field.through.objects.values_list(
        "id",
        field.m2m_reverse_field_name(),
        field.m2m_field_name(),
        f"{field.m2m_field_name()}__status",
        f"{field.m2m_field_name()}__published_at",
    )
    return set(links)
