"""Who may read and write through the API: anyone reads published content, staff write.

Staff preview (`?include_unpublished=true`) is the one explicit, permission-checked way past
the publication boundary; writes look objects up among all of them, since the permission
class has already admitted only staff with the model permission for the method.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissionsOrAnonReadOnly

from portal.api.exceptions import InvalidFilter

PREVIEW_PARAM = "include_unpublished"


class StaffModelPermissionsOrReadOnly(DjangoModelPermissionsOrAnonReadOnly):
    """Let anyone read; let staff write what their Django model permissions allow."""

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            # Django's model permissions ask nothing of reads; answering here spares every
            # read building the view's whole queryset just to learn its model.
            return True
        return request.user.is_staff and super().has_permission(request, view)


class PublicationMixin:
    """Serve `published_queryset()`; serve `all_queryset()` to writes and to staff preview."""

    extra_query_params = frozenset({PREVIEW_PARAM})

    def get_queryset(self):
        if self.request.method not in SAFE_METHODS or self.wants_unpublished():
            return self.all_queryset()
        return self.published_queryset()

    def wants_unpublished(self) -> bool:
        raw = self.request.query_params.get(PREVIEW_PARAM)
        if raw not in (None, "true", "false"):
            raise InvalidFilter({PREVIEW_PARAM: [_("Use true or false.")]})
        if raw != "true":
            return False
        self.check_preview_permission()
        return True

    def check_preview_permission(self) -> None:
        user = self.request.user
        opts = self.queryset.model._meta
        if not user.is_authenticated:
            raise exceptions.NotAuthenticated(_("Sign in as staff to see unpublished content."))
        if not (user.is_staff and user.has_perm(f"{opts.app_label}.view_{opts.model_name}")):
            raise exceptions.PermissionDenied(_("You may not see unpublished content here."))
