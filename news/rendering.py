"""Markdown bodies to safe HTML: the one place item text becomes markup (pages, feeds)."""

import threading

import markdown
import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "em", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "li", "ol", "p", "pre", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead",
    "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"align"}, "th": {"align"}}
URL_SCHEMES = {"http", "https", "mailto"}


_local = threading.local()


def _converter() -> markdown.Markdown:
    """One Markdown instance per thread: building one costs more than converting a body."""
    if not hasattr(_local, "converter"):
        _local.converter = markdown.Markdown(
            extensions=["sane_lists", "tables"], output_format="html"
        )
    return _local.converter.reset()


def render_markdown(text: str) -> str:
    """Render Markdown to HTML that keeps only a conservative set of tags and safe links."""
    html = _converter().convert(text or "")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener nofollow",
    )
