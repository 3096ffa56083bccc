"""The admin's "Import documents" page: upload files or a zip, see the importer's per-document report."""

from pathlib import Path
from tempfile import TemporaryDirectory

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from news.importing.pipeline import import_paths
from news.importing.reference import ReferenceError, load_reference
from news.importing.report import DocumentResult, Status, summarize
from news.uploads import UploadLimits, UploadRefused, check_upload, write_uploads

IMPORT_PERMISSIONS = ("news.add_newsitem", "news.publish_newsitem")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in files if item]


class DocumentUploadForm(forms.Form):
    files = MultipleFileField(
        allow_empty_file=True,  # an empty file fails alone, in the report
        label=_("Documents"),
        help_text=_("Text files (UTF-8, UTF-16 or GB18030), or one or more .zip files of them."),
    )
    dry_run = forms.BooleanField(
        label=_("Dry run: report what would change, write nothing"), required=False
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        try:
            check_upload(files, UploadLimits.from_settings())
        except UploadRefused as error:
            raise forms.ValidationError(str(error)) from None
        return files


def import_uploads(files, *, dry_run: bool) -> list[DocumentResult]:
    """Import uploaded documents as the command does; figures wait for staff to confirm them."""
    reference = load_reference(settings.PARKWIRE["REFERENCE_FILE"])
    limits = UploadLimits.from_settings()
    with TemporaryDirectory(prefix="parkwire-upload-") as tmp:
        refused = write_uploads(files, Path(tmp), limits)
        results = import_paths(
            [Path(tmp)],
            reference=reference,
            dry_run=dry_run,
            confirm_figures=False,
            max_bytes=limits.max_file_bytes,
        )
    for result in results:
        result.path = str(Path(result.path).relative_to(tmp))
    return refused + results


def import_view(request):
    """Show the upload form; on a valid upload, import it and show the report."""
    if not request.user.has_perms(IMPORT_PERMISSIONS):
        raise PermissionDenied
    posted = request.method == "POST"
    form = DocumentUploadForm(request.POST, request.FILES) if posted else DocumentUploadForm()
    results = _run(form) if posted and form.is_valid() else None
    context = {
        **admin.site.each_context(request),
        "title": _("Import documents"),
        "form": form,
        "results": results,
        "summary": summarize(results, dry_run=form.cleaned_data["dry_run"]) if results else "",
        "failed": Status.FAILED,
    }
    return TemplateResponse(request, "admin/news/import.html", context)


def _run(form) -> list[DocumentResult] | None:
    try:
        return import_uploads(form.cleaned_data["files"], dry_run=form.cleaned_data["dry_run"])
    except (UploadRefused, ReferenceError) as error:
        form.add_error("files", str(error))
        return None
