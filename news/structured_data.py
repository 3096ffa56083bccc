"""schema.org NewsArticle for a news item page."""

from django.http import HttpRequest

from news.models import NewsItem
from portal.permalinks import permalink
from portal.structured_data import isoformat_partial, publisher


def news_article(item: NewsItem, *, request: HttpRequest) -> dict:
    """Return the item as a schema.org NewsArticle about its published parks."""
    url = permalink(request, item)
    site = publisher(request)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": f"{url}#article",
        "mainEntityOfPage": url,
        "url": url,
        "headline": item.title,
        "datePublished": isoformat_partial(item.published_at, item.published_precision),
        "dateModified": isoformat_partial(item.updated_at, None),
        "author": {"@type": "Organization", "name": item.source_name} if item.source_name else site,
        "publisher": site,
        "about": [
            {"@type": ["Organization", "Place"], "name": park.name, "url": permalink(request, park)}
            for park in _published_parks(item)
        ],
    }
    optional = {"description": item.lead, "isBasedOn": item.source_url, "dateline": item.dateline}
    data.update({key: value for key, value in optional.items() if value})
    return data


def _published_parks(item: NewsItem):
    # Pages and feeds prefetch only published parks; without that prefetch, ask for them.
    if (prefetched := item.prefetched_shown("parks")) is not None:
        return prefetched
    return item.parks.published()
