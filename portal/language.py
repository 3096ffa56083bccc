"""Which language a page is in: its address alone decides, so responses do not vary by header.

Public pages live at unprefixed English addresses and at /zh-hans/… and /he/…
(`i18n_patterns(prefix_default_language=False)`). Django's LocaleMiddleware then renders every
unprefixed address in English whatever the Accept-Language, yet still adds `Vary:
Accept-Language` to those responses, which makes a proxy or CDN keep one copy of each English
page per distinct Accept-Language header it sees.
"""

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class PathLanguageMiddleware(LocaleMiddleware):
    """LocaleMiddleware without `Vary: Accept-Language` when only the path picks the language."""

    def process_response(self, request, response):
        urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
        patterns_used, default_prefixed = is_language_prefix_patterns_used(urlconf)
        if not patterns_used or default_prefixed:
            # Accept-Language can choose the language (or a redirect): Django's rules apply.
            return super().process_response(request, response)
        response.headers.setdefault("Content-Language", translation.get_language())
        return response
