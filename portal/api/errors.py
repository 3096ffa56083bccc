"""One error body for every API failure: {"error": {"status", "code", "message", "details"}}."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, serializers
from rest_framework.views import exception_handler

from portal.api.exceptions import InvalidFilter


class ErrorDetailSerializer(serializers.Serializer):
    status = serializers.IntegerField(help_text=_("The HTTP status code, repeated."))
    code = serializers.CharField(
        help_text=_("A stable, machine-readable code, e.g. invalid_filter.")
    )
    message = serializers.CharField(help_text=_("A sentence for people."))
    details = serializers.DictField(
        help_text=_("Per-parameter or per-field messages; empty when there is nothing to add."),
    )


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()


def api_exception_handler(exc, context):
    """Wrap DRF's response for a handled exception in the portal's error body."""
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    response.data = {"error": error_body(exc, response.status_code)}
    return response


def error_body(exc, status_code: int) -> dict:
    """Describe an API exception as the error object clients rely on."""
    code = getattr(exc, "default_code", "error")
    if isinstance(exc, exceptions.ValidationError):
        return {
            "status": status_code,
            "code": code,
            "message": validation_message(exc),
            "details": validation_details(exc.detail),
        }
    details = {"retry_after": exc.wait} if isinstance(exc, exceptions.Throttled) else {}
    return {"status": status_code, "code": code, "message": str(exc.detail), "details": details}


def validation_message(exc: exceptions.ValidationError) -> str:
    if isinstance(exc.detail, dict) and exc.detail:
        names = ", ".join(str(name) for name in exc.detail)
        noun = _("query parameters") if isinstance(exc, InvalidFilter) else _("fields")
        return f"{_('Invalid')} {noun}: {names}."
    if isinstance(exc.detail, list) and exc.detail:
        return str(exc.detail[0])
    return str(_("Invalid input."))


def validation_details(detail) -> dict:
    if isinstance(detail, dict):
        return detail
    return {"non_field_errors": detail if isinstance(detail, list) else [detail]}
