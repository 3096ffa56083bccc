"""Permanent absolute URLs: feed item ids and structured data never carry a language prefix."""

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation


def permalink(request: HttpRequest, obj, *, permanent: bool = False) -> str:
    """Return obj's absolute URL in the default language, stable across languages and edits.

    `permanent`: the address obj was first public at (`get_permanent_url`), which still leads
    to it after a rename; for ids that must never change.
    """
    with translation.override(settings.LANGUAGE_CODE):
        path = obj.get_permanent_url() if permanent else obj.get_absolute_url()
        return request.build_absolute_uri(path)


def absolute_reverse(request: HttpRequest, viewname: str, **kwargs) -> str:
    """Return the absolute URL of a named route in the default language."""
    with translation.override(settings.LANGUAGE_CODE):
        return request.build_absolute_uri(reverse(viewname, kwargs=kwargs or None))
