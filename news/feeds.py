from copy import copy

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from news.syndication import feed_items
from parks.models import Park


class Atom1FeedWithContent(Atom1Feed):
    """Atom with the lead as <summary> and the full rendered body as <content>."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["content"], {"type": "html"})


class NewsFeed(Feed):
    """The newest published news, as RSS 2.0."""

    title = _("Parkwire: innovation park news")
    description = _("News from international innovation parks and their cooperation platforms.")

    def __call__(self, request, *args, **kwargs):
        # One instance serves every request: a copy holds this request, for the item ids.
        feed = copy(self)
        feed.request = request
        # Links and ids are the default-language addresses, whatever the visitor's language.
        with translation.override(settings.LANGUAGE_CODE):
            return Feed.__call__(feed, request, *args, **kwargs)

    def link(self):
        return reverse("news:item-list")

    def items(self):
        return feed_items()

    def item_guid(self, item):
        """The item's first public address: a rename must not make it new to readers."""
        return self.request.build_absolute_uri(item.get_permanent_url())

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.body_html

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.source_name or None

    def item_categories(self, item):
        return [park.name for park in item.shown_parks] + [i.name for i in item.shown_industries]


class NewsAtomFeed(NewsFeed):
    """The newest published news, as Atom 1.0."""

    feed_type = Atom1FeedWithContent
    subtitle = NewsFeed.description

    def item_description(self, item):
        # <summary type="html">: the lead is plain text, so readers must get it escaped.
        return escape(item.lead) or None

    def item_extra_kwargs(self, item):
        return {"content": item.body_html}


class ParkNewsFeed(NewsFeed):
    """The newest published news about one published park, as RSS 2.0."""

    def get_object(self, request, slug):
        return get_object_or_404(Park.objects.published(), slug=slug)

    def title(self, park):
        return gettext("%(park)s news on Parkwire") % {"park": park.name}

    def description(self, park):
        return park.summary or park.tagline or self.title(park)

    def link(self, park):
        return park.get_absolute_url()

    def items(self, park):
        return feed_items(park=park)


class ParkNewsAtomFeed(ParkNewsFeed, NewsAtomFeed):
    """The newest published news about one published park, as Atom 1.0."""

    def subtitle(self, park):
        return self.description(park)
