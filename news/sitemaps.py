from django.contrib.sitemaps import Sitemap

from news.models import NewsItem


class NewsItemSitemap(Sitemap):
    """Published news items, in every language, with hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return (
            NewsItem.objects.published().only("slug", "updated_at").order_by("-published_at", "-pk")
        )

    def lastmod(self, item):
        return item.updated_at
