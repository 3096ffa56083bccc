from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from portal import cache_invalidation, former_slugs
        from portal.db_statistics import refresh_after_migrate

        cache_invalidation.connect()
        former_slugs.connect()
        # Sent once per app; this app's copy runs ANALYZE once per migrate.
        post_migrate.connect(refresh_after_migrate, sender=self, dispatch_uid="portal-analyze")
