from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from portal.admin import FormerAddressesAdminMixin

from .forms import AliasesAdminMixin
from .models import (
    CooperationPlatform,
    Country,
    Designation,
    Industry,
    KeyFigure,
    Organization,
    Park,
    ParkPhoto,
    Photo,
)
from .renditions import make_renditions


class PhotoInlineMixin:
    """Inline for pictures: alt text required, a thumbnail of what is stored."""

    extra = 0
    fields = ["image", "thumbnail", "alt_text", "caption", "credit", "order"]
    readonly_fields = ["thumbnail"]

    @admin.display(description=_("thumbnail"))
    def thumbnail(self, photo):
        if not photo.pk or not photo.image:
            return "—"
        shown = photo.display
        return format_html(
            '<img src="{}" alt="" style="max-width: 200px; height: auto">', shown["url"]
        )


class RenditionsAdminMixin:
    """Make resized renditions of pictures saved through the admin's inlines."""

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        saved = [
            *formset.new_objects,
            *(obj for obj, fields in formset.changed_objects if "image" in fields),
        ]
        for obj in saved:
            if isinstance(obj, Photo):
                make_renditions(obj)


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


@admin.register(Industry)
class IndustryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Organization)
class OrganizationAdmin(AliasesAdminMixin, admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}


class DesignationInline(admin.TabularInline):
    model = Designation
    extra = 0
    fields = ["title", "awarded_by", "source_sentence"]


class KeyFigureInline(admin.TabularInline):
    model = KeyFigure
    extra = 0
    fields = [
        "label",
        "metric",
        "value",
        "unit",
        "qualifier",
        "change",
        "as_of",
        "as_of_precision",
        "status",
    ]
    show_change_link = True


class ParkPhotoInline(PhotoInlineMixin, admin.StackedInline):
    model = ParkPhoto


@admin.register(Park)
class ParkAdmin(
    AliasesAdminMixin, RenditionsAdminMixin, FormerAddressesAdminMixin, SimpleHistoryAdmin
):
    list_display = ["name", "short_name", "city", "established_display", "is_published"]
    list_filter = ["is_published", "province", "partner_countries", "focus_industries"]
    search_fields = ["name", "short_name", "aliases", "city"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["partner_countries", "sponsors", "notable_companies", "focus_industries"]
    readonly_fields = ["former_addresses", "source_document", "created_at", "updated_at"]
    inlines = [DesignationInline, KeyFigureInline, ParkPhotoInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "slug",
                    "former_addresses",
                    "short_name",
                    "aliases",
                    "is_published",
                ]
            },
        ),
        (_("Profile"), {"fields": ["tagline", "summary", "profile", "focus_industries"]}),
        (
            _("Place and founding"),
            {
                "fields": [
                    "partner_countries",
                    "city",
                    "district",
                    "province",
                    ("established", "established_precision"),
                    ("opened", "opened_precision"),
                ]
            },
        ),
        (_("People and organisations"), {"fields": ["sponsors", "notable_companies"]}),
        (_("Contact"), {"fields": ["hotline", "website"]}),
        (_("Provenance"), {"fields": ["source_document", "created_at", "updated_at"]}),
    ]

    @admin.display(description=_("established"), ordering="established")
    def established_display(self, park):
        return park.established_display


@admin.register(CooperationPlatform)
class CooperationPlatformAdmin(AliasesAdminMixin, FormerAddressesAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "kind", "park", "is_published"]
    list_filter = ["is_published", "kind", "park"]
    list_select_related = ["park"]
    search_fields = ["name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["park"]
    readonly_fields = ["former_addresses", "source_document", "created_at", "updated_at"]


@admin.register(KeyFigure)
class KeyFigureAdmin(admin.ModelAdmin):
    list_display = ["label", "park", "value_display", "as_of_display", "change", "status"]
    list_filter = ["status", "change", "park", "metric"]
    list_select_related = ["park"]
    search_fields = ["label", "metric", "source_sentence"]
    autocomplete_fields = ["park"]
    readonly_fields = ["source_document", "source_sentence", "created_at", "updated_at"]
    actions = ["confirm", "reject", "reopen"]

    @admin.display(description=_("value"), ordering="value")
    def value_display(self, figure):
        return figure.value_display

    @admin.display(description=_("as of"), ordering="as_of")
    def as_of_display(self, figure):
        return figure.as_of_display

    @admin.action(description=_("Confirm selected figures"), permissions=["change"])
    def confirm(self, request, queryset):
        count = queryset.update(status=KeyFigure.Status.CONFIRMED)
        self.message_user(
            request, ngettext("%d figure confirmed.", "%d figures confirmed.", count) % count
        )

    @admin.action(description=_("Reject selected figures"), permissions=["change"])
    def reject(self, request, queryset):
        count = queryset.update(status=KeyFigure.Status.REJECTED)
        self.message_user(
            request, ngettext("%d figure rejected.", "%d figures rejected.", count) % count
        )

    @admin.action(
        description=_("Set selected figures back to needing confirmation"), permissions=["change"]
    )
    def reopen(self, request, queryset):
        count = queryset.update(status=KeyFigure.Status.PENDING)
        self.message_user(
            request, ngettext("%d figure reopened.", "%d figures reopened.", count) % count
        )
