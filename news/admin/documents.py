from django.contrib import admin
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from news import review
from news.admin.importing import import_view
from news.admin.links import change_url
from news.admin.review import review_queue_view
from news.models import SourceDocument


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

    list_display = ["name", "format", "kind", "warning_count", "updated_at", "reviewed_at"]
    list_filter = ["format", "kind", HasWarningsFilter, ("reviewed_at", admin.EmptyFieldListFilter)]
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
        "reviewed_at",
        "reviewed_by",
    ]
    exclude = ["warnings"]
    actions = ["mark_reviewed"]

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("import/", wrap(import_view), name="news_import"),
            path("review/", wrap(review_queue_view), name="news_review"),
            *super().get_urls(),
        ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_review_permission(self, request):
        return request.user.has_perm("news.change_sourcedocument")

    @admin.action(description=_("Mark selected documents as reviewed"), permissions=["review"])
    def mark_reviewed(self, request, queryset):
        count = review.mark_reviewed(queryset, user=request.user)
        message = ngettext("%d document marked reviewed.", "%d documents marked reviewed.", count)
        self.message_user(request, message % count)

    @admin.display(description=_("warnings"))
    def warning_count(self, document):
        return len(document.warnings)

    @admin.display(description=_("produced"))
    def produced(self, document):
        """Link everything this document created or updated, so staff can review it in one place."""
        links = []
        if hasattr(document, "news_item"):
            links.append((_("News item"), change_url(document.news_item), document.news_item))
        if document.profile_park:
            links.append(
                (_("Profile of"), change_url(document.profile_park), document.profile_park)
            )
        for draft in [*document.parks.all(), *document.platforms.all()]:
            links.append((_("First found here"), change_url(draft), draft))
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
