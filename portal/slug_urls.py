"""reverse() for the slug addresses that pages and API lists print by the dozen, at far less cost.

A news index page prints ~100 links to items, parks and channels; Django's reverse() matches
patterns and re-quotes the whole path for each (≈ 15 µs). The path around the slug depends only
on the view, the active language, the script prefix and the URLconf, so it is reversed once per
combination and the slug is quoted into it exactly as reverse() would quote it.
"""

import functools
import re
from urllib.parse import quote

from django.urls import get_script_prefix, get_urlconf, register_converter, reverse
from django.urls.converters import StringConverter
from django.utils.translation import get_language

# What django.urls.resolvers quotes paths with; a slug quoted alike reads the same.
SAFE = "!$&'()*+,;=" + "/~:@"
PLACEHOLDER = "slug-placeholder-7f3a"
# What every slug route here accepts (<text:slug>).
PLAIN_SLUG = re.compile(r"[^/\x00-\x1f]+")


class TextConverter(StringConverter):
    """Any text without slashes or control characters: PostgreSQL rejects NUL in a lookup
    (a 500), so an address holding one matches no route and is simply not found."""

    regex = PLAIN_SLUG.pattern


register_converter(TextConverter, "text")


def reverse_slug(viewname: str, slug: str) -> str:
    """Return reverse(viewname, kwargs={"slug": slug}) for views routed as <text:slug>."""
    if not PLAIN_SLUG.fullmatch(slug):  # reverse() decides what odd slugs give
        return reverse(viewname, kwargs={"slug": slug})
    before, after = _around_slug(viewname, get_language(), get_script_prefix(), get_urlconf())
    return f"{before}{quote(slug, safe=SAFE)}{after}"


@functools.lru_cache(maxsize=512)
def _around_slug(viewname: str, language, script_prefix: str, urlconf) -> tuple[str, str]:
    before, _, after = reverse(viewname, kwargs={"slug": PLACEHOLDER}).partition(PLACEHOLDER)
    return before, after


def reverse_plain(viewname: str) -> str:
    """Return reverse(viewname) for a view without arguments, once per language and prefix."""
    return _plain(viewname, get_language(), get_script_prefix(), get_urlconf())


@functools.lru_cache(maxsize=128)
def _plain(viewname: str, language, script_prefix: str, urlconf) -> str:
    return reverse(viewname)
