from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from news import workflow
from news.admin import actions
from news.admin.preview import preview_view
from news.models import Channel, NewsImage, NewsItem
from parks.admin import PhotoInlineMixin, RenditionsAdminMixin
from parks.models import Park
from portal.admin import FormerAddressesAdminMixin


class PublicationStatusFilter(admin.SimpleListFilter):
    """Status, with scheduled items (published, but with a time still to come) on their own."""

    title = _("status")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        statuses = NewsItem.Status
        return [
            (statuses.DRAFT, _("draft")),
            (statuses.IN_REVIEW, _("in review")),
            ("scheduled", _("scheduled")),
            (statuses.PUBLISHED, _("published (visible now)")),
            (statuses.ARCHIVED, _("archived")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "scheduled":
            return queryset.scheduled()
        if value == NewsItem.Status.PUBLISHED:
            return queryset.published()
        if value in NewsItem.Status.values:
            return queryset.filter(status=value)
        return queryset


class NewsItemAdminForm(forms.ModelForm):
    """Refuse a publishing change by a user without the publish permission, whatever was posted."""

    user = None  # set per request by NewsItemAdmin.get_form

    def clean(self):
        cleaned = super().clean()
        item = self.instance
        try:
            workflow.check_change(
                self.user,
                before=workflow.stored_state(item),
                status=cleaned.get("status", item.status),
                published_at=cleaned.get("published_at", item.published_at),
            )
        except PermissionDenied as error:
            raise forms.ValidationError(str(error)) from None
        return cleaned


class NewsImageInline(PhotoInlineMixin, admin.StackedInline):
    model = NewsImage


@admin.register(Channel)
class ChannelAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(NewsItem)
class NewsItemAdmin(RenditionsAdminMixin, FormerAddressesAdminMixin, SimpleHistoryAdmin):
    form = NewsItemAdminForm
    list_display = ["title", "status_label", "publication", "park_names", "view_count", "preview"]
    list_filter = [PublicationStatusFilter, "parks", "channel", "published_at"]
    search_fields = ["title", "body"]
    ordering = ["-published_at", "-id"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["channel", "parks", "platforms", "industries"]
    readonly_fields = [
        "former_addresses",
        "source_title",
        "source_document",
        "view_count",
        "created_at",
        "updated_at",
    ]
    inlines = [NewsImageInline]
    actions = [
        actions.publish,
        actions.unpublish,
        actions.archive,
        actions.submit_for_review,
        actions.add_park,
        actions.add_industry,
    ]
    history_list_display = ["status", "history_change_reason"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "former_addresses", "lead", "body"]}),
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

    def get_urls(self):
        preview = self.admin_site.admin_view(preview_view)
        return [
            path("<int:object_id>/preview/", preview, name="news_newsitem_preview"),
            *super().get_urls(),
        ]

    def get_queryset(self, request):
        parks = Park.objects.only("name", "short_name")
        items = super().get_queryset(request).select_related("channel")
        return items.prefetch_related(Prefetch("parks", queryset=parks))

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.user = request.user
        return form

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        locked = obj is not None and obj.status in workflow.PUBLISHER_STATUSES
        if locked and not workflow.can_publish(request.user):
            fields += ["status", "published_at"]
        return fields

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not workflow.can_publish(request.user):
            kwargs["choices"] = [(s.value, s.label) for s in workflow.EDITOR_STATUSES]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        workflow.check_save(request.user, obj)  # the form checked too: this guards every path
        super().save_model(request, obj, form, change)

    def has_publish_permission(self, request):
        return workflow.can_publish(request.user)

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, item):
        if item.status == NewsItem.Status.PUBLISHED and item.published_at > timezone.now():
            return format_html('<strong class="scheduled">{}</strong>', _("scheduled"))
        return item.get_status_display()

    @admin.display(description=_("publication time"), ordering="published_at")
    def publication(self, item):
        if item.published_at is None:
            return "—"
        when = timezone.localtime(item.published_at).strftime("%Y-%m-%d %H:%M")
        if item.published_at > timezone.now():
            return format_html("{} ⏰ <em>{}</em>", when, _("scheduled"))
        return when

    @admin.display(description=_("parks"))
    def park_names(self, item):
        names = [(park.short_name or park.name,) for park in item.parks.all()]
        return format_html_join(", ", "{}", names) or "—"

    @admin.display(description=_("preview"))
    def preview(self, item):
        url = reverse("admin:news_newsitem_preview", args=[item.pk])
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, _("Preview"))
