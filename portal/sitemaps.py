"""The sitemap's sections: listing pages, then every published park, platform and news item."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from news.sitemaps import NewsItemSitemap
from parks.sitemaps import ParkSitemap, PlatformSitemap


class PageSitemap(Sitemap):
    """The home page and the listings, in every language, with hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ["portal:home", "parks:park-list", "parks:platform-list", "news:item-list"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap,
    "parks": ParkSitemap,
    "platforms": PlatformSitemap,
    "news": NewsItemSitemap,
}
