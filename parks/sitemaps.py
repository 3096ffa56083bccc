from django.contrib.sitemaps import Sitemap

from parks.models import CooperationPlatform, Park


class ParkSitemap(Sitemap):
    """Published parks, in every language, with hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Park.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, park):
        return park.updated_at


class PlatformSitemap(ParkSitemap):
    """Published cooperation platforms, in every language, with hreflang alternates."""

    def items(self):
        return CooperationPlatform.objects.published().only("slug", "updated_at").order_by("pk")
