"""reverse() for the slug addresses that pages and API lists print by the dozen, at far less cost.

A news index page prints ~100 links to items, parks and channels; Django's reverse() matches
patterns and re-quotes the whole path for each (≈ 15 µs). The path around the slug depends only
on the view, the active language, the script prefix and the URLconf, so it is reversed once per
combination and the slug is quoted into it exactly as reverse() would quote it.
"""

import functools
import re
from urllib.parse import quote

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

# What django.urls.resolvers quotes paths with; a slug quoted alike reads the same.
SAFE = "!$&'()*+,;=" + "/~:@"
PLACEHOLDER = "slug-placeholder-7f3a"
# What every slug route here accepts (<str:slug>, and the API's text converter).
PLAIN_SLUG = re.compile(r"[^/\x00-\x1f]+")


def reverse_slug(viewname: str, slug: str) -> str:
    """Return reverse(viewname, kwargs={"slug": slug}) for views routed as <str:slug>."""
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
