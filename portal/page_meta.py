"""What a page says about itself in its <head>: its canonical address and its feeds."""

import re

from django.urls import reverse
from django.utils.translation import gettext

from parks.models import Park
from portal.slug_urls import reverse_plain

PAGE_NUMBER = re.compile(r"[0-9]{1,6}")

FEED_FORMATS = [
    ("rss", "application/rss+xml", "RSS"),
    ("atom", "application/atom+xml", "Atom"),
    ("json", "application/feed+json", "JSON Feed"),
]


def canonical_url(request) -> str:
    """Return this page's address in its language, keeping only a valid page number."""
    url = request.build_absolute_uri(request.path)
    page = request.GET.get("page", "")
    if PAGE_NUMBER.fullmatch(page) and int(page) > 1:
        url += f"?page={int(page)}"
    return url


def feed_links(park=None) -> list[dict]:
    """Return the site's feeds, and the park's own when the page is about one park."""
    links = _feed_links("news", gettext("Parkwire news"))
    if isinstance(park, Park) and park.is_published:
        links += _feed_links("park", gettext("%(park)s news") % {"park": park.name}, slug=park.slug)
    return links


def _feed_links(prefix: str, title: str, **kwargs) -> list[dict]:
    return [
        {
            "type": media_type,
            "title": f"{title} ({label})",
            "href": reverse(f"feeds:{prefix}-{kind}", kwargs=kwargs)
            if kwargs
            else reverse_plain(f"feeds:{prefix}-{kind}"),
        }
        for kind, media_type, label in FEED_FORMATS
    ]
