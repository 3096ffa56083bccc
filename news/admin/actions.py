"""Bulk actions on news items, each confirmed on an intermediate page (like Django's delete)."""

from django import forms
from django.contrib import admin
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from news import workflow
from parks.models import Industry, Park

SHOWN = 20


class ParkChoiceForm(forms.Form):
    park = forms.ModelChoiceField(Park.objects.all(), label=_("Park"))


class IndustryChoiceForm(forms.Form):
    industry = forms.ModelChoiceField(Industry.objects.all(), label=_("Industry"))


def confirmed(modeladmin, request, queryset, *, title, apply, form_class=None):
    """Apply `apply(queryset, form)` once the user confirmed; until then show the confirmation page."""
    form = form_class(request.POST if "post" in request.POST else None) if form_class else None
    if request.POST.get("post") == "yes" and (form is None or form.is_valid()):
        count = apply(queryset, form)
        message = ngettext("%(count)d news item changed.", "%(count)d news items changed.", count)
        modeladmin.message_user(request, message % {"count": count})
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "opts": modeladmin.model._meta,
        "action": request.POST["action"],
        "count": queryset.count(),
        "shown": queryset[:SHOWN],
        "pks": queryset.values_list("pk", flat=True),
        "form": form,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/news/newsitem/action_confirmation.html", context)


@admin.action(description=_("Publish selected items"), permissions=["publish"])
def publish(modeladmin, request, queryset):
    return confirmed(
        modeladmin,
        request,
        queryset,
        title=_("Publish these items?"),
        apply=lambda items, _form: workflow.publish(items, user=request.user),
    )


@admin.action(description=_("Unpublish selected items (back to draft)"), permissions=["publish"])
def unpublish(modeladmin, request, queryset):
    return confirmed(
        modeladmin,
        request,
        queryset,
        title=_("Unpublish these items?"),
        apply=lambda items, _form: workflow.unpublish(items, user=request.user),
    )


@admin.action(description=_("Archive selected items"), permissions=["publish"])
def archive(modeladmin, request, queryset):
    return confirmed(
        modeladmin,
        request,
        queryset,
        title=_("Archive these items?"),
        apply=lambda items, _form: workflow.archive(items, user=request.user),
    )


@admin.action(description=_("Submit selected drafts for review"), permissions=["change"])
def submit_for_review(modeladmin, request, queryset):
    return confirmed(
        modeladmin,
        request,
        queryset,
        title=_("Submit these drafts for review?"),
        apply=lambda items, _form: workflow.submit_for_review(items, user=request.user),
    )


@admin.action(description=_("Add a park to selected items"), permissions=["change"])
def add_park(modeladmin, request, queryset):
    return confirmed(
        modeladmin,
        request,
        queryset,
        title=_("Add a park to these items"),
        form_class=ParkChoiceForm,
        apply=lambda items, form: _add(items, "parks", form.cleaned_data["park"]),
    )


@admin.action(description=_("Add an industry to selected items"), permissions=["change"])
def add_industry(modeladmin, request, queryset):
    return confirmed(
        modeladmin,
        request,
        queryset,
        title=_("Add an industry to these items"),
        form_class=IndustryChoiceForm,
        apply=lambda items, form: _add(items, "industries", form.cleaned_data["industry"]),
    )


def _add(items, relation: str, target) -> int:
    """Add `target` to each item's `relation`; return how many items did not have it yet."""
    missing = items.exclude(**{relation: target})
    changed = 0
    for item in missing:
        getattr(item, relation).add(target)  # one by one, so each item's history records it
        changed += 1
    return changed
