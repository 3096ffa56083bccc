"""Admin pieces shared by the parks and news apps."""

from django.contrib import admin
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from portal.former_slugs import former_addresses


class FormerAddressesAdminMixin:
    """Show staff which old addresses still lead to the page they are editing."""

    @admin.display(description=_("former addresses"))
    def former_addresses(self, obj):
        if obj is None or obj.pk is None:
            return "—"  # a page being added has no address yet
        addresses = former_addresses(obj)
        if not addresses:
            return _(
                "None. If you change the slug, the current address will redirect to the new one."
            )
        return format_html_join(", ", '<a href="{}">{}</a>', ((url, url) for url in addresses))
