from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce, Greatest
from django.db.models.query import ModelIterable
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from news.rendering import render_markdown
from parks.models import CooperationPlatform, Industry, Park, Photo
from portal.dates import DatePrecision, format_partial_date
from portal.slug_urls import reverse_plain, reverse_slug


class SourceDocument(models.Model):
    """A raw file as imported: everything imported keeps a link back to one of these."""

    class Format(models.TextChoices):
        PARK_PROFILE = "park_profile", _("park profile")
        SCRAPED_NEWS_PAGE = "scraped_news_page", _("scraped news page")
        MAGAZINE_ARTICLE = "magazine_article", _("magazine article")
        PRESS_RELEASE = "press_release", _("press release")
        PLAIN_ARTICLE = "plain_article", _("plain article")

    class Kind(models.TextChoices):
        NEWS = "news", _("news")
        PROFILE = "profile", _("profile")

    name = models.CharField(_("file name"), max_length=255, unique=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("size in bytes"))
    raw_text = models.TextField(_("text"), help_text=_("The decoded text exactly as imported."))
    format = models.CharField(_("detected format"), max_length=30, choices=Format)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    warnings = models.JSONField(_("warnings"), default=list, blank=True)
    profile_park = models.ForeignKey(
        Park,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="profile_documents",
        verbose_name=_("profile of"),
        help_text=_("For a profile document: the park it describes."),
    )
    imported_at = models.DateTimeField(_("first imported"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    reviewed_at = models.DateTimeField(
        _("reviewed"),
        null=True,
        blank=True,
        help_text=_(
            "When staff checked what the import made of it; a changing re-import clears it."
        ),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reviewed by"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("source document")
        verbose_name_plural = _("source documents")

    def __str__(self):
        return self.name


class Channel(models.Model):
    """Where a source filed an item, e.g. Latest News › CIP Dynamic."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, allow_unicode=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("channel")
        verbose_name_plural = _("channels")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse_plain('news:item-list')}?{urlencode({'channel': self.slug})}"


class NewsItemQuerySet(models.QuerySet):
    _after_fetch: tuple = ()

    def after_fetch(self, callback):
        """Return a copy that calls `callback(items)` on the items it fetches, to load what
        they show by other means than prefetch_related (news/shown_links.py)."""
        clone = self._chain()
        clone._after_fetch = (*self._after_fetch, callback)
        return clone

    def _clone(self):
        clone = super()._clone()
        clone._after_fetch = self._after_fetch
        return clone

    def _fetch_all(self):
        fetching = self._result_cache is None
        super()._fetch_all()
        if fetching and self._after_fetch and self._iterable_class is ModelIterable:
            for callback in self._after_fetch:
                callback(self._result_cache)

    def published(self, *, now=None):
        """Items public at `now` (default: this moment)."""
        return self.filter(
            status=NewsItem.Status.PUBLISHED, published_at__lte=now or timezone.now()
        )

    def scheduled(self):
        return self.filter(status=NewsItem.Status.PUBLISHED, published_at__gt=timezone.now())

    def drafts(self):
        return self.filter(status=NewsItem.Status.DRAFT)


class NewsItem(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        IN_REVIEW = "review", _("in review")
        PUBLISHED = "published", _("published")
        ARCHIVED = "archived", _("archived")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        unique=True,
        allow_unicode=True,
        help_text=_("Part of the item's permanent address; changing it breaks links."),
    )
    source_title = models.CharField(
        _("title at the source"),
        max_length=300,
        blank=True,
        help_text=_("The title exactly as the source gave it, e.g. cut off by the source site."),
    )
    lead = models.TextField(
        _("lead"), blank=True, help_text=_("A sentence or two shown in listings and feeds.")
    )
    body = models.TextField(
        _("body"),
        help_text=_("Markdown: paragraphs separated by blank lines, ## for sub-headings."),
    )
    # Feeds identify an item by the address it was first public at, so a reader that already
    # has it does not show it again as new after staff change the slug (the old address
    # redirects). Set by save() once the item is public (for an item already public, from its
    # stored slug); until then, feeds use the current slug.
    first_public_slug = models.SlugField(
        _("first public slug"),
        max_length=255,
        allow_unicode=True,
        blank=True,
        editable=False,
        db_index=False,
    )
    # The body rendered and sanitised once per save, so pages and feeds never re-render it.
    body_html = models.TextField(editable=False, blank=True, default="")
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        help_text=_("A time in the future schedules the item: it appears at that moment."),
    )
    published_precision = models.CharField(
        _("publication time precision"),
        max_length=10,
        choices=DatePrecision,
        default=DatePrecision.MINUTE,
    )
    event_date = models.DateField(
        _("event date"), null=True, blank=True, help_text=_("When the reported event took place.")
    )
    channel = models.ForeignKey(
        Channel,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_items",
        verbose_name=_("channel"),
    )
    source_name = models.CharField(
        _("source"), max_length=200, blank=True, help_text=_("e.g. PR Newswire")
    )
    source_url = models.URLField(_("source URL"), blank=True)
    dateline = models.CharField(
        _("dateline"), max_length=200, blank=True, help_text=_("e.g. CHANGZHOU, China")
    )
    parks = models.ManyToManyField(
        Park, blank=True, related_name="news_items", verbose_name=_("parks")
    )
    platforms = models.ManyToManyField(
        CooperationPlatform,
        blank=True,
        related_name="news_items",
        verbose_name=_("platforms"),
    )
    industries = models.ManyToManyField(
        Industry, blank=True, related_name="news_items", verbose_name=_("industries")
    )
    view_count = models.PositiveIntegerField(_("views"), default=0, editable=False)
    source_document = models.OneToOneField(
        SourceDocument,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_item",
        verbose_name=_("source document"),
    )
    imported_values = models.JSONField(default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # When a copy kept by an API client last went stale: the sync feed's order, indexed.
    changed_at = models.GeneratedField(
        # Coalesce: SQLite's MAX() of a NULL is NULL, PostgreSQL's GREATEST skips it.
        expression=Greatest(Coalesce("published_at", "updated_at"), "updated_at"),
        output_field=models.DateTimeField(),
        db_persist=True,
    )

    objects = NewsItemQuerySet.as_manager()
    history = HistoricalRecords(
        m2m_fields=["parks", "platforms", "industries"], excluded_fields=["body_html", "changed_at"]
    )

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(
                fields=["status", "-published_at", "-id"], name="news_status_published_idx"
            ),
            models.Index(fields=["updated_at"], name="news_updated_idx"),
            models.Index(fields=["status", "changed_at", "id"], name="news_status_changed_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="published_news_has_time",
            ),
        ]
        permissions = [
            ("publish_newsitem", _("Can publish, schedule, unpublish and archive news items")),
        ]
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "body" in update_fields:
            self.body_html = render_markdown(self.body)
            if update_fields is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "body_html"}
        if not self.first_public_slug:
            self.first_public_slug = self._first_public_slug()
            if update_fields is not None and self.first_public_slug:
                kwargs["update_fields"] = {*kwargs["update_fields"], "first_public_slug"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse_slug("news:item-detail", self.slug)

    def get_permanent_url(self):
        """The address feeds identify the item by: where it was first public, redirecting to
        where it is now."""
        return reverse_slug("news:item-detail", self.first_public_slug or self.slug)

    def _first_public_slug(self) -> str:
        """The slug visitors first saw: the stored one if public now (it may have become public
        by the clock, unsaved), else this one if this save makes the item public."""
        if self.pk is not None:
            stored = NewsItem.objects.published().filter(pk=self.pk)
            if slug := stored.values_list("slug", flat=True).first():
                return slug
        return self.slug if self.is_public() else ""

    # Pages, feeds and the API load the linked rows they may show into plain lists,
    # `<relation>_shown` (news/shown_links.py): a prefetched manager costs a queryset clone
    # per item and relation, a quarter of an API list's time. Not loaded, all links count.
    @property
    def shown_parks(self) -> list:
        return self._shown("parks")

    @property
    def shown_platforms(self) -> list:
        return self._shown("platforms")

    @property
    def shown_industries(self) -> list:
        return self._shown("industries")

    def _shown(self, relation: str) -> list:
        prefetched = self.prefetched_shown(relation)
        return prefetched if prefetched is not None else list(getattr(self, relation).all())

    def prefetched_shown(self, relation: str) -> list | None:
        """The rows news/shown_links.py loaded for `relation`, or None when it did not run."""
        return self.__dict__.get(f"{relation}_shown")

    def is_public(self, *, now=None) -> bool:
        """Whether `published()` would list the item as it stands (in memory)."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= (now or timezone.now())
        )

    @property
    def published_display(self) -> str:
        if self.published_at is None:
            return ""
        local = timezone.localtime(self.published_at)
        if self.published_precision in (DatePrecision.MINUTE, DatePrecision.SECOND):
            return f"{format_partial_date(local.date(), DatePrecision.DAY)} {local:%H:%M}"
        return format_partial_date(local.date(), self.published_precision)


class NewsImage(Photo):
    item = models.ForeignKey(
        NewsItem, on_delete=models.CASCADE, related_name="images", verbose_name=_("news item")
    )

    class Meta(Photo.Meta):
        verbose_name = _("news image")
        verbose_name_plural = _("news images")


class Withdrawal(models.Model):
    """An address where a public news item was and no longer is, for sync clients to drop it.

    Written by news/withdrawals.py when a public item is unpublished, archived, rescheduled,
    renamed or deleted; never for an item that was not public, so a draft's slug never leaks.
    A scoped withdrawal says a public item left one park, platform, industry or channel: only
    copies narrowed to it drop the item.
    """

    class Scope(models.TextChoices):
        SITE = "", _("the public site")
        PARK = "park", _("park")
        PLATFORM = "platform", _("platform")
        INDUSTRY = "industry", _("industry")
        CHANNEL = "channel", _("channel")

    slug = models.SlugField(_("slug"), max_length=255, allow_unicode=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), default=timezone.now)
    scope = models.CharField(_("left"), max_length=10, choices=Scope, blank=True, default="")
    scope_slug = models.SlugField(
        _("slug of what it left"), max_length=255, allow_unicode=True, blank=True, default=""
    )

    class Meta:
        ordering = ["withdrawn_at", "id"]
        indexes = [
            models.Index(fields=["withdrawn_at", "id"], name="news_withdrawal_order_idx"),
        ]
        verbose_name = _("withdrawal")
        verbose_name_plural = _("withdrawals")

    def __str__(self):
        return f"{self.slug} ({self.withdrawn_at:%Y-%m-%d %H:%M})"


class NewsListing(models.Model):
    """A park's or platform's news in publication order, so its newest items are one index
    seek away.

    One row per link between the park or platform and a news item (the link's own id),
    carrying the item's status and publication time. Finding a park's newest items through
    the links alone meant walking every item newest first and probing each for the park: 200
    items for a park's eight newest, 470 for a page of a park and a year. Database triggers
    keep these rows in step with every write, bulk updates and raw SQL included
    (news/listings.py); nothing in Django writes them, and backups leave them out.
    """

    id = models.BigIntegerField(primary_key=True)
    status = models.CharField(max_length=10)
    published_at = models.DateTimeField(null=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.item_id}"


class ParkNewsListing(NewsListing):
    park = models.ForeignKey(
        Park, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False, related_name="+"
    )
    item = models.ForeignKey(
        NewsItem,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="park_listings",
    )

    class Meta:
        indexes = [
            models.Index(
                fields=["park", "status", "published_at", "item"], name="news_park_listing_idx"
            ),
        ]


class PlatformNewsListing(NewsListing):
    platform = models.ForeignKey(
        CooperationPlatform,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    item = models.ForeignKey(
        NewsItem,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="platform_listings",
    )

    class Meta:
        indexes = [
            models.Index(
                fields=["platform", "status", "published_at", "item"],
                name="news_platform_listing_idx",
            ),
        ]
