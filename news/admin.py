from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .models import Channel, NewsItem, SourceDocument


class HasWarningsFilter(admin.SimpleListFilter):
    title = _("warnings")
    parameter_name = "warnings"

    def lookups(self, request, model_admin):
        return [("yes", _("Has warnings")), ("no", _("No warnings"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(warnings=[])
        if self.value() == "no":
            return queryset.filter(warnings=[])
        return queryset


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    """Read-only: documents change only through the importer, which keeps provenance intact."""

    list_display = ["name", "format", "kind", "warning_count", "updated_at"]
    list_filter = ["format", "kind", HasWarningsFilter]
    search_fields = ["name", "raw_text"]
    readonly_fields = [
        "name",
        "sha256",
        "size",
        "format",
        "kind",
        "produced",
        "warnings_list",
        "raw_text",
        "imported_at",
        "updated_at",
    ]
    exclude = ["warnings"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("warnings"))
    def warning_count(self, document):
        return len(document.warnings)

    @admin.display(description=_("produced"))
    def produced(self, document):
        """Link everything this document created or updated, so staff can review it in one place."""
        links = []
        if hasattr(document, "news_item"):
            links.append((_("News item"), _change_url(document.news_item), document.news_item))
        if document.profile_park:
            links.append(
                (_("Profile of"), _change_url(document.profile_park), document.profile_park)
            )
        for draft in [*document.parks.all(), *document.platforms.all()]:
            links.append((_("First found here"), _change_url(draft), draft))
        figures = document.key_figures.count()
        if figures:
            url = (
                reverse("admin:parks_keyfigure_changelist")
                + f"?source_document__id__exact={document.pk}"
            )
            links.append((_("Key figures"), url, figures))
        return format_html_join(mark_safe("<br>"), '{}: <a href="{}">{}</a>', links) or "—"

    @admin.display(description=_("warnings"))
    def warnings_list(self, document):
        return "\n".join(f"• {warning}" for warning in document.warnings) or "—"


@admin.register(Channel)
class ChannelAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(NewsItem)
class NewsItemAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "published_at", "channel", "view_count"]
    list_filter = ["status", "channel", "parks", "published_at"]
    list_select_related = ["channel"]
    search_fields = ["title", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["channel", "parks", "platforms", "industries"]
    readonly_fields = ["source_title", "source_document", "view_count", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body"]}),
        (
            _("Publication"),
            {"fields": ["status", ("published_at", "published_precision"), "event_date"]},
        ),
        (
            _("Source"),
            {
                "fields": [
                    "channel",
                    "source_name",
                    "source_url",
                    "dateline",
                    "source_title",
                    "source_document",
                ]
            },
        ),
        (_("Subjects"), {"fields": ["parks", "platforms", "industries"]}),
        (_("Statistics"), {"fields": ["view_count", "created_at", "updated_at"]}),
    ]


def _change_url(obj) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
