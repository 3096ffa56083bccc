"""Site-wide template context: the hotline and this page's address in every language."""

from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation


def site(request):
    """Give every page the hotline and its address in each language (hreflang, switcher)."""
    alternates = [
        {"code": code, "name": name, "url": request.build_absolute_uri(url)}
        for (code, name), url in zip(settings.LANGUAGES, _translated_paths(request), strict=True)
    ]
    return {"site_hotline": settings.PARKWIRE.get("HOTLINE", ""), "language_alternates": alternates}


def _translated_paths(request) -> list[str]:
    """Return this page's path and query in each language, as `translate_url` would.

    The view's match is reused instead of resolving the path again for every language, which
    was most of the cost (three resolves a page).
    """
    full_path = request.get_full_path()
    match = request.resolver_match
    if match is None or not match.url_name:
        return [translate_url(full_path, code) for code, _ in settings.LANGUAGES]
    query = full_path.partition("?")[2]
    paths = []
    for code, _ in settings.LANGUAGES:
        with translation.override(code):
            try:
                path = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                paths.append(full_path)
                continue
        paths.append(f"{path}?{query}" if query else path)
    return paths
