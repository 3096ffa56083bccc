from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from portal import cache_invalidation, former_slugs

        cache_invalidation.connect()
        former_slugs.connect()
