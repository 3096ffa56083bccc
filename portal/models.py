"""Site-wide records that belong to no one app."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class FormerSlug(models.Model):
    """A slug a public park, platform, news item, channel or industry was once known by.

    Links to it were shared, bookmarked, indexed and copied into partners' filters; its page
    now redirects to the current one, and the news filters read it as the current slug.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    slug = models.SlugField(_("slug"), max_length=255, allow_unicode=True)
    created_at = models.DateTimeField(_("left"), auto_now_add=True)

    class Meta:
        verbose_name = _("former address")
        verbose_name_plural = _("former addresses")
        constraints = [
            # One owner per old slug: the last object that left it.
            models.UniqueConstraint(fields=["content_type", "slug"], name="former_slug_unique"),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="former_slug_target")]

    def __str__(self):
        return self.slug
