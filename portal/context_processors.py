"""Site-wide template context: the hotline and this page's address in every language."""

from django.conf import settings
from django.urls import translate_url


def site(request):
    """Give every page the hotline and its address in each language (hreflang, switcher)."""
    path = request.get_full_path()
    alternates = [
        {"code": code, "name": name, "url": request.build_absolute_uri(translate_url(path, code))}
        for code, name in settings.LANGUAGES
    ]
    return {"site_hotline": settings.PARKWIRE.get("HOTLINE", ""), "language_alternates": alternates}
