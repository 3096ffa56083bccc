from django.apps import AppConfig
from django.core.checks import Tags, register
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        from news import link_changes, listings, withdrawals

        withdrawals.connect()
        link_changes.connect()
        # Sent once per app; this app's copy checks the listings' triggers once per migrate.
        post_migrate.connect(
            listings.install_after_migrate, sender=self, dispatch_uid="news-listings"
        )
        register(listings.check_triggers, Tags.database)
