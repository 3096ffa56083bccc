"""The Content-Security-Policy for staff tools: the site's own, with inline styles allowed.

Public pages carry no inline style, so the site-wide policy (SECURE_CSP) forbids them. The
Django admin sets style attributes in its templates and widgets, and the Swagger UI page has a
<style> block and styles elements from its script; only those addresses get `'unsafe-inline'`,
for styles alone: scripts stay strict everywhere.
"""

from django.conf import settings
from django.urls import URLResolver
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override

STAFF_TOOLS_CSP = {**settings.SECURE_CSP, "style-src": [CSP.SELF, CSP.UNSAFE_INLINE]}

allow_inline_styles = csp_override(STAFF_TOOLS_CSP)


def with_inline_styles(urls: tuple) -> tuple:
    """Return an include() triple (such as `admin.site.urls`) whose views all allow inline styles."""
    patterns, app_name, namespace = urls
    _decorate(patterns)
    return patterns, app_name, namespace


def _decorate(patterns) -> None:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            _decorate(pattern.url_patterns)
        else:
            pattern.callback = allow_inline_styles(pattern.callback)
