"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of the newest published news.

Each item carries a `_park` extension object listing the published parks it is about.
"""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from news.models import NewsItem
from news.syndication import feed_items
from parks.models import Park
from portal.permalinks import absolute_reverse, permalink

VERSION = "https://jsonfeed.org/version/1.1"


class JSONFeedRenderer(JSONRenderer):
    media_type = "application/feed+json"


class FeedContentNegotiation(BaseContentNegotiation):
    """Always answer with the feed's one renderer: readers send all kinds of Accept headers."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def json_feed_item(request, item: NewsItem) -> dict:
    """Return one item as a JSON Feed item with the `_park` extension."""
    url = permalink(request, item)
    data = {
        "id": permalink(request, item, permanent=True),  # a rename must not make it new
        "url": url,
        "title": item.title,
        "content_html": item.body_html,
        "date_published": item.published_at.isoformat(),
        "date_modified": item.updated_at.isoformat(),
        "tags": [industry.name for industry in item.shown_industries],
        "_park": {
            "about": absolute_reverse(request, "feeds:json-feed-extension"),
            "parks": [
                {"name": park.name, "slug": park.slug, "url": permalink(request, park)}
                for park in item.shown_parks
            ],
        },
    }
    optional = {"summary": item.lead, "external_url": item.source_url}
    data.update({key: value for key, value in optional.items() if value})
    if item.source_name:
        data["authors"] = [{"name": item.source_name}]
    return data


def json_feed(request, *, title: str, home_page_url: str, items, description: str = "") -> dict:
    """Return a JSON Feed document listing items."""
    feed = {
        "version": VERSION,
        "title": title,
        "home_page_url": home_page_url,
        "feed_url": request.build_absolute_uri(request.path),
    }
    if description:
        feed["description"] = description
    feed["items"] = [json_feed_item(request, item) for item in items]
    return feed


class NewsJSONFeed(APIView):
    """Serve the newest published news as a JSON Feed."""

    renderer_classes = [JSONFeedRenderer]
    content_negotiation_class = FeedContentNegotiation
    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = []  # like the RSS and Atom feeds: polled, conditional, cheap

    def get(self, request):
        with translation.override(settings.LANGUAGE_CODE):
            title = gettext("Parkwire: innovation park news")
            home = absolute_reverse(request, "news:item-list")
            return Response(json_feed(request, title=title, home_page_url=home, items=feed_items()))


class ParkJSONFeed(NewsJSONFeed):
    """Serve the newest published news about one published park as a JSON Feed."""

    def get(self, request, slug):
        park = get_object_or_404(Park.objects.published(), slug=slug)
        with translation.override(settings.LANGUAGE_CODE):
            feed = json_feed(
                request,
                title=gettext("%(park)s news on Parkwire") % {"park": park.name},
                home_page_url=permalink(request, park),
                description=park.summary or park.tagline,
                items=feed_items(park=park),
            )
            return Response(feed)
