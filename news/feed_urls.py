"""Feed routes: not language-prefixed, so every feed and item id has one permanent address."""

from django.urls import path, re_path
from django.views.generic import TemplateView

from news.feeds import NewsAtomFeed, NewsFeed, ParkNewsAtomFeed, ParkNewsFeed
from news.json_feed import NewsJSONFeed, ParkJSONFeed
from news.syndication import conditional_feed

app_name = "feeds"

# Any slug but one with a NUL, which PostgreSQL refuses in a query (a 500 instead of a 404).
PARK = r"^parks/(?P<slug>[^/\x00]+)/feed\."

urlpatterns = [
    path("feeds/news.rss", conditional_feed(NewsFeed()), name="news-rss"),
    path("feeds/news.atom", conditional_feed(NewsAtomFeed()), name="news-atom"),
    path("feeds/news.json", conditional_feed(NewsJSONFeed.as_view()), name="news-json"),
    path(
        "feeds/json-feed/",
        TemplateView.as_view(template_name="feeds/json_feed_extension.html"),
        name="json-feed-extension",
    ),
    re_path(rf"{PARK}rss$", conditional_feed(ParkNewsFeed()), name="park-rss"),
    re_path(rf"{PARK}atom$", conditional_feed(ParkNewsAtomFeed()), name="park-atom"),
    re_path(rf"{PARK}json$", conditional_feed(ParkJSONFeed.as_view()), name="park-json"),
]
