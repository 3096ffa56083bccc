"""Permanent absolute URLs: feed item ids and structured data never carry a language prefix."""

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation


def permalink(request: HttpRequest, obj) -> str:
    """Return obj's absolute URL in the default language, stable across languages and edits."""
    with translation.override(settings.LANGUAGE_CODE):
        return request.build_absolute_uri(obj.get_absolute_url())


def absolute_reverse(request: HttpRequest, viewname: str, **kwargs) -> str:
    """Return the absolute URL of a named route in the default language."""
    with translation.override(settings.LANGUAGE_CODE):
        return request.build_absolute_uri(reverse(viewname, kwargs=kwargs or None))
