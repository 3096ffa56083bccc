from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from parks.images import photo_upload_to, validate_image_upload
from portal.dates import DatePrecision, format_partial_date
from portal.slug_urls import reverse_plain, reverse_slug


class Country(models.Model):
    code = models.CharField(
        _("ISO code"), max_length=2, unique=True, help_text=_("ISO 3166-1 alpha-2, e.g. IL.")
    )
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self):
        return self.name


class Industry(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("industry")
        verbose_name_plural = _("industries")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse_plain('news:item-list')}?{urlencode({'industry': self.slug})}"


class Organization(models.Model):
    """A government body, agency or company that sponsors a park or operates in one."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("government body")
        AGENCY = "agency", _("agency")
        COMPANY = "company", _("company")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, allow_unicode=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.OTHER)
    aliases = models.JSONField(_("aliases"), default=list, blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def drafts(self):
        return self.filter(is_published=False)


class Park(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, allow_unicode=True)
    short_name = models.CharField(
        _("short name"), max_length=50, blank=True, help_text=_("e.g. CICP")
    )
    aliases = models.JSONField(
        _("aliases"),
        default=list,
        blank=True,
        help_text=_("Other names documents use for this park, one per line (e.g. CIP)."),
    )
    tagline = models.CharField(
        _("positioning"),
        max_length=300,
        blank=True,
        help_text=_(
            "The park's stated positioning, e.g. Pilot of China-Israel Innovation Cooperation."
        ),
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences for listings.")
    )
    profile = models.TextField(
        _("profile"), blank=True, help_text=_("Full profile; paragraphs separated by blank lines.")
    )
    partner_countries = models.ManyToManyField(
        Country, blank=True, related_name="parks", verbose_name=_("partner countries")
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    district = models.CharField(_("district"), max_length=200, blank=True)
    province = models.CharField(_("province"), max_length=100, blank=True)
    established = models.DateField(_("established"), null=True, blank=True)
    established_precision = models.CharField(
        _("established precision"),
        max_length=10,
        choices=DatePrecision,
        blank=True,
        help_text=_("How much of the date is known: a year, a month or a day."),
    )
    opened = models.DateField(_("opened"), null=True, blank=True)
    opened_precision = models.CharField(
        _("opened precision"), max_length=10, choices=DatePrecision, blank=True
    )
    sponsors = models.ManyToManyField(
        Organization, blank=True, related_name="sponsored_parks", verbose_name=_("sponsors")
    )
    notable_companies = models.ManyToManyField(
        Organization,
        blank=True,
        related_name="host_parks",
        verbose_name=_("notable companies"),
    )
    focus_industries = models.ManyToManyField(
        Industry, blank=True, related_name="parks", verbose_name=_("focus industries")
    )
    hotline = models.CharField(_("hotline"), max_length=50, blank=True)
    website = models.URLField(_("website"), blank=True)
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_(
            "Unpublished parks (e.g. drafts created by an import) are hidden from visitors."
        ),
    )
    source_document = models.ForeignKey(
        "news.SourceDocument",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="parks",
        verbose_name=_("source document"),
        help_text=_("The document this park's profile was imported from."),
    )
    imported_values = models.JSONField(default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PublishableQuerySet.as_manager()
    history = HistoricalRecords(
        m2m_fields=["partner_countries", "sponsors", "notable_companies", "focus_industries"]
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("park")
        verbose_name_plural = _("parks")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse_slug("parks:park-detail", self.slug)

    @property
    def established_display(self) -> str:
        return format_partial_date(self.established, self.established_precision)

    @property
    def opened_display(self) -> str:
        return format_partial_date(self.opened, self.opened_precision)


class Designation(models.Model):
    """A title a park was awarded, e.g. National Medical Device International Innovation Park."""

    park = models.ForeignKey(
        Park, on_delete=models.CASCADE, related_name="designations", verbose_name=_("park")
    )
    title = models.CharField(_("title"), max_length=300)
    awarded_by = models.CharField(_("awarded by"), max_length=300, blank=True)
    source_document = models.ForeignKey(
        "news.SourceDocument",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="designations",
    )
    source_sentence = models.TextField(_("source sentence"), blank=True)

    class Meta:
        ordering = ["park", "title"]
        constraints = [
            models.UniqueConstraint(fields=["park", "title"], name="unique_designation_per_park")
        ]
        verbose_name = _("designation")
        verbose_name_plural = _("designations")

    def __str__(self):
        return self.title


class CooperationPlatform(models.Model):
    class Kind(models.TextChoices):
        RESEARCH_INSTITUTE = "research_institute", _("research institute")
        INNOVATION_CENTER = "innovation_center", _("innovation centre")
        INVESTMENT_CENTER = "investment_center", _("investment centre")
        NETWORK = "network", _("network")
        EXHIBITION_HALL = "exhibition_hall", _("exhibition hall")
        PUBLIC_SERVICE_PLATFORM = "public_service_platform", _("public service platform")
        INCUBATOR = "incubator", _("incubator")
        LABORATORY = "laboratory", _("laboratory")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, allow_unicode=True)
    aliases = models.JSONField(
        _("aliases"), default=list, blank=True, help_text=_("Other names, one per line.")
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind, default=Kind.OTHER)
    park = models.ForeignKey(
        Park,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="platforms",
        verbose_name=_("park"),
        help_text=_("Leave empty for a platform that spans a region, such as a network."),
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    is_featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Show on the home page.")
    )
    source_document = models.ForeignKey(
        "news.SourceDocument",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="platforms",
        verbose_name=_("source document"),
        help_text=_("The document in which an import first found this platform."),
    )
    imported_values = models.JSONField(default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PublishableQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("cooperation platform")
        verbose_name_plural = _("cooperation platforms")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse_slug("parks:platform-detail", self.slug)

    @property
    def kind_label(self) -> str:
        """The kind's name in the active language, for pages listing platforms.

        `get_kind_display()` translates all nine kinds on every call (Django hashes each lazy
        label to build its lookup): 72 catalogue lookups for a park's eight platforms.
        """
        try:
            return str(self.Kind(self.kind).label)
        except ValueError:  # a kind no longer offered, as get_kind_display() shows it
            return self.kind


class KeyFigureQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=KeyFigure.Status.CONFIRMED)

    def public(self):
        return self.confirmed().filter(park__is_published=True)


class KeyFigure(models.Model):
    """One number about a park at one time, with the sentence and document it came from."""

    class Status(models.TextChoices):
        PENDING = "pending", _("needs confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        REJECTED = "rejected", _("rejected")

    class Qualifier(models.TextChoices):
        EXACT = "exact", _("exactly")
        MORE_THAN = "more_than", _("more than")
        UP_TO = "up_to", _("up to")
        APPROXIMATELY = "approximately", _("approximately")

    class Change(models.TextChoices):
        TOTAL = "total", _("total")
        ADDED = "added", _("added in the period")

    park = models.ForeignKey(
        Park, on_delete=models.CASCADE, related_name="key_figures", verbose_name=_("park")
    )
    metric = models.SlugField(
        _("metric"), max_length=100, help_text=_("Figures with the same metric form one series.")
    )
    label = models.CharField(_("label"), max_length=200)
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    qualifier = models.CharField(
        _("qualifier"), max_length=20, choices=Qualifier, default=Qualifier.EXACT
    )
    change = models.CharField(_("change"), max_length=10, choices=Change, default=Change.TOTAL)
    as_of = models.DateField(_("as of"), null=True, blank=True)
    as_of_precision = models.CharField(
        _("as-of precision"), max_length=10, choices=DatePrecision, blank=True
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING)
    source_document = models.ForeignKey(
        "news.SourceDocument",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="key_figures",
        verbose_name=_("source document"),
    )
    source_sentence = models.TextField(_("source sentence"), blank=True)
    imported_values = models.JSONField(default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = KeyFigureQuerySet.as_manager()

    class Meta:
        ordering = ["park", "metric", "as_of"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_document", "park", "metric", "change"],
                condition=Q(source_document__isnull=False),
                name="unique_figure_per_document",
            ),
        ]
        indexes = [models.Index(fields=["park", "status", "metric", "as_of"])]
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")

    def __str__(self):
        return f"{self.park}: {self.label} = {self.value_display}"

    @property
    def value_display(self) -> str:
        number = f"{Decimal(self.value).normalize():,f}"
        prefix = {
            self.Qualifier.MORE_THAN: "> ",
            self.Qualifier.UP_TO: "≤ ",
            self.Qualifier.APPROXIMATELY: "≈ ",
        }
        return f"{prefix.get(self.qualifier, '')}{number} {self.unit}".strip()

    @property
    def as_of_display(self) -> str:
        return format_partial_date(self.as_of, self.as_of_precision)


class Photo(models.Model):
    """An uploaded picture with its alt text and resized renditions (made by parks/renditions.py)."""

    image = models.ImageField(
        _("image"),
        upload_to=photo_upload_to,
        width_field="width",
        height_field="height",
        validators=[validate_image_upload],
        help_text=_("JPEG, PNG or WebP, up to 10 MB and 40 megapixels."),
    )
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    alt_text = models.CharField(
        _("alt text"),
        max_length=300,
        help_text=_("What the picture shows, for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    renditions = models.JSONField(default=list, blank=True, editable=False)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]

    def __str__(self):
        return self.alt_text

    @property
    def display(self) -> dict:
        """Return the largest rendition (or the original) as {"url", "width", "height"}."""
        if self.renditions:
            largest = self.renditions[-1]
            return {**largest, "url": self.image.storage.url(largest["name"])}
        return {"url": self.image.url, "width": self.width, "height": self.height}

    @property
    def srcset(self) -> str:
        storage = self.image.storage
        return ", ".join(f"{storage.url(r['name'])} {r['width']}w" for r in self.renditions)


class ParkPhoto(Photo):
    park = models.ForeignKey(
        Park, on_delete=models.CASCADE, related_name="photos", verbose_name=_("park")
    )

    class Meta(Photo.Meta):
        verbose_name = _("park photo")
        verbose_name_plural = _("park photos")
