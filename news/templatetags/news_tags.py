from django import template
from django.utils.safestring import mark_safe

from news.rendering import render_markdown
from portal.dateformat import localized_partial_date

register = template.Library()


@register.filter
def markdown(text: str) -> str:
    """Render staff- or importer-written Markdown as sanitised HTML."""
    return mark_safe(render_markdown(text))  # nh3 has sanitised it


@register.simple_tag
def partial_date(value, precision) -> str:
    """Show a date only as precisely as it is known, in the active language."""
    return localized_partial_date(value, precision)
