from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        from news import link_changes, withdrawals

        withdrawals.connect()
        link_changes.connect()
