"""What a park's news listing should hold: its links, each with its item's status and time."""

from news.models import NewsItem, ParkNewsListing


def listing_rows() -> set[tuple]:
    return set(
        ParkNewsListing.objects.values_list("id", "park_id", "item_id", "status", "published_at")
    )


def rows_from_links() -> set[tuple]:
    links = NewsItem.parks.through.objects.values_list(
        "id", "park_id", "newsitem_id", "newsitem__status", "newsitem__published_at"
    )
    return set(links)
